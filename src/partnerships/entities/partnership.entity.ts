import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { PARTNERSHIP_STATUSES, type PartnershipStatus } from '../partnerships.constants';

/** Organisations working together on an initiative, with their private channel. */
@Entity({ name: 'partnerships' })
export class Partnership {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** One partnership per initiative: accepting more interests extends it. */
  @Index('partnerships_initiative_unique', { unique: true })
  @Column({ name: 'initiative_id', type: 'uuid' })
  initiativeId: string;

  @Column({ name: 'channel_id', type: 'integer' })
  channelId: number;

  @Column({ type: 'enum', enum: PARTNERSHIP_STATUSES, enumName: 'partnership_status', default: 'active' })
  status: PartnershipStatus;

  @Column({ name: 'outcome_note', type: 'text', nullable: true })
  outcomeNote: string | null;

  /** The language (ISO 639-1) of the outcome note, as its author's client said; null when not said. */
  @Column({ name: 'outcome_note_language', type: 'text', nullable: true })
  outcomeNoteLanguage: string | null;

  /** When it came from an edition of the annual forum (the forum issue sets it). */
  @Column({ name: 'forum_edition_id', type: 'uuid', nullable: true })
  forumEditionId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt: Date | null;
}
