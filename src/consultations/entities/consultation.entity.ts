import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Goal } from '../../registry/entities/goal.entity';
import {
  COMMENT_MAX_LENGTH,
  CONSULTATION_STATUSES,
  CONSULTATION_SUBJECTS,
  type ConsultationStatus,
  type ConsultationSubject,
} from '../consultations.constants';

/**
 * A public consultation (issue 21 item 5): staff ask residents about the cooperation goals or a
 * draft document, for a period. The period is held by the database: it ends after it begins.
 */
@Entity({ name: 'consultations' })
@Check('consultations_period', '"closes_at" > "opens_at"')
@Check('consultations_final_report_both', 'num_nonnulls("final_report_pl", "final_report_en") IN (0, 2)')
@Index('consultations_period_idx', ['status', 'opensAt'])
export class Consultation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'enum', enum: CONSULTATION_SUBJECTS, enumName: 'consultation_subject' })
  subject: ConsultationSubject;

  @Column({ type: 'enum', enum: CONSULTATION_STATUSES, enumName: 'consultation_status', default: 'draft' })
  status: ConsultationStatus;

  @Column({ name: 'title_pl', type: 'varchar', length: 300 })
  titlePl: string;

  @Column({ name: 'title_en', type: 'varchar', length: 300 })
  titleEn: string;

  @Column({ name: 'description_pl', type: 'varchar', length: 10000 })
  descriptionPl: string;

  @Column({ name: 'description_en', type: 'varchar', length: 10000 })
  descriptionEn: string;

  /** Comments and supports are taken from this moment... */
  @Column({ name: 'opens_at', type: 'timestamptz' })
  opensAt: Date;

  /** ...until this one (not included). Closing early sets it to the moment of closing. */
  @Column({ name: 'closes_at', type: 'timestamptz' })
  closesAt: Date;

  @Column({ name: 'final_report_pl', type: 'varchar', length: 20000, nullable: true })
  finalReportPl: string | null;

  @Column({ name: 'final_report_en', type: 'varchar', length: 20000, nullable: true })
  finalReportEn: string | null;

  @Column({ name: 'final_report_at', type: 'timestamptz', nullable: true })
  finalReportAt: Date | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/**
 * A part of a consultation people comment on: one per goal of the registry (created when a
 * consultation on the goals is opened), or a section of a draft document given by staff.
 */
@Entity({ name: 'consultation_sections' })
@Index('consultation_sections_position', ['consultationId', 'position'], { unique: true })
export class ConsultationSection {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id: number;

  @Column({ name: 'consultation_id', type: 'uuid' })
  consultationId: string;

  @ManyToOne(() => Consultation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'consultation_id', foreignKeyConstraintName: 'consultation_sections_consultation_fk' })
  consultation: Consultation;

  @Column({ type: 'smallint' })
  position: number;

  /** The goal this section asks about (a consultation on the goals). */
  @Column({ name: 'goal_id', type: 'integer', nullable: true })
  goalId: number | null;

  @ManyToOne(() => Goal, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'goal_id', foreignKeyConstraintName: 'consultation_sections_goal_fk' })
  goal: Goal | null;

  @Column({ name: 'heading_pl', type: 'varchar', length: 300 })
  headingPl: string;

  @Column({ name: 'heading_en', type: 'varchar', length: 300 })
  headingEn: string;

  /** The section's text (a document); null for a goal, whose name is the heading. */
  @Column({ name: 'body_pl', type: 'varchar', length: 20000, nullable: true })
  bodyPl: string | null;

  @Column({ name: 'body_en', type: 'varchar', length: 20000, nullable: true })
  bodyEn: string | null;
}

/**
 * A comment on a section, by any signed-in person. Reportable like other content: hidden by
 * reports over the threshold or by a moderator (`hidden_at`), and then shown nowhere public.
 */
@Entity({ name: 'consultation_comments' })
@Check('consultation_comments_body_length', `char_length("body") BETWEEN 1 AND ${COMMENT_MAX_LENGTH}`)
@Index('consultation_comments_consultation_idx', ['consultationId', 'createdAt'])
@Index('consultation_comments_author_idx', ['authorId'])
export class ConsultationComment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'consultation_id', type: 'uuid' })
  consultationId: string;

  @ManyToOne(() => Consultation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'consultation_id', foreignKeyConstraintName: 'consultation_comments_consultation_fk' })
  consultation: Consultation;

  @Column({ name: 'section_id', type: 'integer' })
  sectionId: number;

  @ManyToOne(() => ConsultationSection, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'section_id', foreignKeyConstraintName: 'consultation_comments_section_fk' })
  section: ConsultationSection;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId: string;

  @Column({ type: 'varchar', length: COMMENT_MAX_LENGTH })
  body: string;

  /** The language (ISO 639-1) its author says it is in; the web client sends its interface's. */
  @Column({ type: 'varchar', length: 2, nullable: true })
  language: string | null;

  /** Set when moderation hides it (reports over the threshold, or a moderator). */
  @Column({ name: 'hidden_at', type: 'timestamptz', nullable: true })
  hiddenAt: Date | null;

  @Column({ name: 'hidden_reason', type: 'text', nullable: true })
  hiddenReason: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** One support per person and comment: the primary key refuses the second (a 409). */
@Entity({ name: 'consultation_supports' })
export class ConsultationSupport {
  @PrimaryColumn({ name: 'comment_id', type: 'uuid', primaryKeyConstraintName: 'consultation_supports_one_per_person' })
  commentId: string;

  @ManyToOne(() => ConsultationComment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'comment_id', foreignKeyConstraintName: 'consultation_supports_comment_fk' })
  comment: ConsultationComment;

  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'consultation_supports_one_per_person' })
  userId: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** Staff's response, in both languages, to one comment or a group of comments (`consultation_response_comments`). */
@Entity({ name: 'consultation_responses' })
@Index('consultation_responses_consultation_idx', ['consultationId'])
export class ConsultationResponse {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id: number;

  @Column({ name: 'consultation_id', type: 'uuid' })
  consultationId: string;

  @ManyToOne(() => Consultation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'consultation_id', foreignKeyConstraintName: 'consultation_responses_consultation_fk' })
  consultation: Consultation;

  @Column({ name: 'body_pl', type: 'varchar', length: 5000 })
  bodyPl: string;

  @Column({ name: 'body_en', type: 'varchar', length: 5000 })
  bodyEn: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** Which comments a response answers. */
@Entity({ name: 'consultation_response_comments' })
@Index('consultation_response_comments_comment_idx', ['commentId'])
export class ConsultationResponseComment {
  @PrimaryColumn({ name: 'response_id', type: 'integer' })
  responseId: number;

  @ManyToOne(() => ConsultationResponse, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'response_id', foreignKeyConstraintName: 'consultation_response_comments_response_fk' })
  response: ConsultationResponse;

  @PrimaryColumn({ name: 'comment_id', type: 'uuid' })
  commentId: string;

  @ManyToOne(() => ConsultationComment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'comment_id', foreignKeyConstraintName: 'consultation_response_comments_comment_fk' })
  comment: ConsultationComment;
}
