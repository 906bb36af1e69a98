import { Organization } from '../../../organizations/entities/organization.entity';
import { ForumEdition } from '../../editions/entities/forum-edition.entity';
import { translationsCheck, type Translations } from '../../../common/i18n/translations';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Exclusion,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { SESSION_KINDS, SESSION_STATUSES, type SessionKind, type SessionStatus } from '../../shared/forum.constants';

/** A session's texts that may have a second-language version. */
export interface SessionTexts {
  title: string;
  abstract: string;
}

/** A proposed session; once accepted and placed, a slot of the agenda. */
@Entity({ name: 'forum_sessions' })
@Check('forum_sessions_translations_other_language', translationsCheck('language'))
// Two sessions never share a room at the same time: the database refuses the second.
@Exclusion(
  'forum_sessions_no_room_overlap',
  `USING gist ("edition_id" WITH =, "room" WITH =, tstzrange("starts_at", "ends_at") WITH &&) WHERE ("room" IS NOT NULL AND "status" = 'accepted')`,
)
@Index('forum_sessions_edition_idx', ['editionId', 'startsAt'])
// A join code names one session of its edition (join-code.ts).
@Index('forum_sessions_join_code_idx', ['editionId', 'joinCode'], { unique: true })
export class ForumSession {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'edition_id', type: 'uuid' })
  editionId: string;

  @ManyToOne(() => ForumEdition, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'edition_id', foreignKeyConstraintName: 'forum_sessions_edition_fk' })
  editionRef: ForumEdition;

  /** The proposing organisation. */
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'forum_sessions_organization_fk' })
  organizationRef: Organization;

  @Column({ name: 'proposed_by', type: 'uuid' })
  proposedBy: string;

  @Column({ type: 'enum', enum: SESSION_KINDS, enumName: 'forum_session_kind' })
  kind: SessionKind;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  /** Read off the projector and typed on the forum page to open the session's Q&A. */
  @Column({ name: 'join_code', type: 'varchar', length: 6 })
  joinCode: string;

  @Column({ type: 'text' })
  abstract: string;

  @Column({ type: 'text', array: true, default: '{}' })
  areas: string[];

  @Column({ type: 'text', array: true, default: '{}' })
  goals: string[];

  @Column({ type: 'text', array: true, default: '{}' })
  speakers: string[];

  /** The language of the session, and of its title and abstract as proposed. */
  @Column({ type: 'char', length: 2 })
  language: string;

  /** The title and abstract in the other interface language: `{ "en": { "title": ..., "abstract": ... } }`. */
  @Column({ type: 'jsonb', default: {} })
  translations: Translations<SessionTexts>;

  @Column({ name: 'partner_cities', type: 'text', array: true, default: '{}' })
  partnerCities: string[];

  @Column({ type: 'enum', enum: SESSION_STATUSES, enumName: 'forum_session_status', default: 'proposed' })
  status: SessionStatus;

  @Column({ name: 'decision_reason', type: 'text', nullable: true })
  decisionReason: string | null;

  /** The language (ISO 639-1) of the decision reason, as the staff member's client said; null when not said. */
  @Column({ name: 'decision_reason_language', type: 'text', nullable: true })
  decisionReasonLanguage: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  room: string | null;

  @Column({ name: 'starts_at', type: 'timestamptz', nullable: true })
  startsAt: Date | null;

  @Column({ name: 'ends_at', type: 'timestamptz', nullable: true })
  endsAt: Date | null;

  @Column({ type: 'integer', nullable: true })
  capacity: number | null;

  /** Questions appear only after a moderator approves them. */
  @Column({ name: 'qa_moderated', type: 'boolean', default: false })
  qaModerated: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
