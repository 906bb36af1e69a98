import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { INITIATIVE_STATUSES, type InitiativeStatus } from '../initiatives.constants';
import { Initiative } from './initiative.entity';

/** Every change of an initiative's status: who, when, from what to what, and the comment. */
@Entity({ name: 'initiative_transitions' })
export class InitiativeTransition {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id: number;

  @Index('initiative_transitions_initiative_idx')
  @ManyToOne(() => Initiative, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'initiative_id', foreignKeyConstraintName: 'initiative_transitions_initiative_fk' })
  initiative: Initiative;

  @Column({ name: 'initiative_id', type: 'uuid' })
  initiativeId: string;

  @Column({ name: 'from_status', type: 'enum', enum: INITIATIVE_STATUSES, enumName: 'initiative_status' })
  fromStatus: InitiativeStatus;

  @Column({ name: 'to_status', type: 'enum', enum: INITIATIVE_STATUSES, enumName: 'initiative_status' })
  toStatus: InitiativeStatus;

  /** Null for the daily archiving job. */
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  /** The language (ISO 639-1) the comment is written in, as the request said; null when not said. */
  @Column({ name: 'comment_language', type: 'text', nullable: true })
  commentLanguage: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
