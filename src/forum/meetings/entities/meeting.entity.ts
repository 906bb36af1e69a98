import { Organization } from '../../../organizations/entities/organization.entity';
import { Partnership } from '../../../partnerships/entities/partnership.entity';
import { ForumEdition } from '../../editions/entities/forum-edition.entity';
import {
  Column,
  CreateDateColumn,
  Entity,
  Exclusion,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { MEETING_STATUSES, type MeetingStatus } from '../../shared/forum.constants';

/** A time slot for 1:1 meetings (for example 20 minutes). */
@Entity({ name: 'meeting_slots' })
@Exclusion('meeting_slots_no_overlap', `USING gist ("edition_id" WITH =, tstzrange("starts_at", "ends_at") WITH &&)`)
export class MeetingSlot {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id: number;

  @Column({ name: 'edition_id', type: 'uuid' })
  editionId: string;

  @ManyToOne(() => ForumEdition, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'edition_id', foreignKeyConstraintName: 'meeting_slots_edition_fk' })
  editionRef: ForumEdition;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;
}

/** A requested 1:1 meeting between two organisations in a slot; accepted ones get a table. */
@Entity({ name: 'meetings' })
// No table is double-booked: an accepted meeting holds its table for its slot (slots never overlap).
@Index('meetings_one_per_table', ['slotId', 'tableNo'], { unique: true, where: `status = 'accepted'` })
@Index('meetings_slot_idx', ['slotId'])
// One pending request per pair of organisations and slot, whichever of the two asked: an index over
// the pair in a fixed order (least, greatest), written by hand in its migration (OnePendingMeetingPerPair).
@Index('meetings_one_pending_per_pair', { synchronize: false })
export class Meeting {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'edition_id', type: 'uuid' })
  editionId: string;

  @Column({ name: 'slot_id', type: 'integer' })
  slotId: number;

  @ManyToOne(() => MeetingSlot, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'slot_id', foreignKeyConstraintName: 'meetings_slot_fk' })
  slotRef: MeetingSlot;

  @Column({ name: 'requester_id', type: 'uuid' })
  requesterId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'requester_id', foreignKeyConstraintName: 'meetings_requester_fk' })
  requesterRef: Organization;

  @Column({ name: 'invitee_id', type: 'uuid' })
  inviteeId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'invitee_id', foreignKeyConstraintName: 'meetings_invitee_fk' })
  inviteeRef: Organization;

  @Column({ type: 'enum', enum: MEETING_STATUSES, enumName: 'meeting_status', default: 'requested' })
  status: MeetingStatus;

  @Column({ name: 'table_no', type: 'smallint', nullable: true })
  tableNo: number | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  message: string | null;

  /** The language (ISO 639-1) of the message, as its author's client said; null when not said. */
  @Column({ name: 'message_language', type: 'text', nullable: true })
  messageLanguage: string | null;

  @Column({ name: 'requested_by', type: 'uuid' })
  requestedBy: string;

  /**
   * The partnership this meeting led to: set once, when either side says "we will work together"
   * after it (a second say is refused). Kept if the partnership goes (then null).
   */
  @Column({ name: 'partnership_id', type: 'uuid', nullable: true })
  partnershipId: string | null;

  @ManyToOne(() => Partnership, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'partnership_id', foreignKeyConstraintName: 'meetings_partnership_fk' })
  partnershipRef: Partnership | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/**
 * Each organisation's place in an accepted meeting: no organisation is in two accepted meetings
 * at the same time (slots never overlap, so one per slot; the unique index refuses the second).
 */
@Entity({ name: 'meeting_participants' })
@Index('meeting_participants_one_per_slot', ['organizationId', 'slotId'], { unique: true })
export class MeetingParticipant {
  @PrimaryColumn({ name: 'meeting_id', type: 'uuid' })
  meetingId: string;

  @ManyToOne(() => Meeting, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id', foreignKeyConstraintName: 'meeting_participants_meeting_fk' })
  meetingRef: Meeting;

  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ name: 'slot_id', type: 'integer' })
  slotId: number;
}
