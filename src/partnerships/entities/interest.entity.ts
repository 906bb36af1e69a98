import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { INTEREST_STATUSES, type InterestStatus } from '../partnerships.constants';

/**
 * An organisation's expression of interest in another organisation's published initiative, or its
 * reverse, an invitation: the initiative's organisation invites an organisation (from a match).
 */
@Entity({ name: 'interests' })
// One open interest or invitation per organisation and initiative: a concurrent duplicate fails here.
@Index('interests_one_open', ['initiativeId', 'organizationId'], { unique: true, where: `status = 'open'` })
@Index('interests_organization_idx', ['organizationId'])
export class Interest {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('interests_initiative_idx')
  @Column({ name: 'initiative_id', type: 'uuid' })
  initiativeId: string;

  /** The interested (or invited) organisation. */
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  /** An invitation from the initiative's organisation: the invited side answers it, not the initiative's. */
  @Column({ type: 'boolean', default: false })
  invitation: boolean;

  @Column({ type: 'text' })
  message: string;

  /** The language (ISO 639-1) of the message, as its author's client said; null when not said (older rows). */
  @Column({ name: 'message_language', type: 'text', nullable: true })
  messageLanguage: string | null;

  @Column({ type: 'enum', enum: INTEREST_STATUSES, enumName: 'interest_status', default: 'open' })
  status: InterestStatus;

  /** The owners' answer, with an acceptance or a refusal. */
  @Column({ type: 'text', nullable: true })
  reply: string | null;

  /** The language (ISO 639-1) of the reply, as its author's client said; null when not said. */
  @Column({ name: 'reply_language', type: 'text', nullable: true })
  replyLanguage: string | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Column({ name: 'partnership_id', type: 'uuid', nullable: true })
  partnershipId: string | null;
}
