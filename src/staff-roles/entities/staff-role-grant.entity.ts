import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../../users/entities/user.entity';
import { STAFF_GRANTS, type StaffGrant } from '../staff-roles.constants';

/** A role an admin granted to a member of staff; withdrawing it deletes the row (the audit log keeps both). */
@Entity({ name: 'staff_role_grants' })
export class StaffRoleGrant {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @PrimaryColumn({ type: 'enum', enum: STAFF_GRANTS, enumName: 'staff_grant' })
  grant: StaffGrant;

  @ManyToOne(() => User, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'staff_role_grants_user_fk' })
  user: User;

  @Column({ name: 'granted_by', type: 'uuid', nullable: true })
  grantedBy: string | null;

  @CreateDateColumn({ name: 'granted_at', type: 'timestamptz' })
  grantedAt: Date;
}
