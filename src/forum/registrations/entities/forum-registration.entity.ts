import { User } from '../../../users/entities/user.entity';
import { ForumSession } from '../../proposals/entities/forum-session.entity';
import { ForumEdition } from '../../editions/entities/forum-edition.entity';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { REGISTRATION_STATUSES, type RegistrationStatus } from '../../shared/forum.constants';

/**
 * A registration for the edition (session null) or for a session. One live registration per person
 * and item; the waiting list is ordered by id.
 */
@Entity({ name: 'forum_registrations' })
@Index('forum_registrations_one_per_session', ['sessionId', 'userId'], {
  unique: true,
  where: `session_id IS NOT NULL AND status <> 'cancelled'`,
})
@Index('forum_registrations_one_per_edition', ['editionId', 'userId'], {
  unique: true,
  where: `session_id IS NULL AND status <> 'cancelled'`,
})
@Index('forum_registrations_queue_idx', ['sessionId', 'status', 'id'])
export class ForumRegistration {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: number;

  @Column({ name: 'edition_id', type: 'uuid' })
  editionId: string;

  @ManyToOne(() => ForumEdition, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'edition_id', foreignKeyConstraintName: 'forum_registrations_edition_fk' })
  editionRef: ForumEdition;

  @Column({ name: 'session_id', type: 'uuid', nullable: true })
  sessionId: string | null;

  @ManyToOne(() => ForumSession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'forum_registrations_session_fk' })
  sessionRef: ForumSession;

  @Index('forum_registrations_user_idx')
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'forum_registrations_user_fk' })
  userRef: User;

  @Column({ type: 'enum', enum: REGISTRATION_STATUSES, enumName: 'forum_registration_status' })
  status: RegistrationStatus;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'promoted_at', type: 'timestamptz', nullable: true })
  promotedAt: Date | null;
}
