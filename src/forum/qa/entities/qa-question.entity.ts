import { ForumSession } from '../../proposals/entities/forum-session.entity';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { QUESTION_STATUSES, type QuestionStatus } from '../../shared/forum.constants';

/** A question of a session's live Q&A. */
@Entity({ name: 'qa_questions' })
@Index('qa_questions_session_idx', ['sessionId', 'status'])
export class QaQuestion {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: number;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @ManyToOne(() => ForumSession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'qa_questions_session_fk' })
  sessionRef: ForumSession;

  /** Always known to staff, even when the question is anonymous towards other participants. */
  @Column({ name: 'author_id', type: 'uuid' })
  authorId: string;

  @Column({ type: 'varchar', length: 500 })
  body: string;

  /**
   * The language (ISO 639-1) its author says it is in: the web client sends its interface's, so
   * pages can mark it for screen readers. Null when not said (questions asked before).
   */
  @Column({ type: 'varchar', length: 2, nullable: true })
  language: string | null;

  @Column({ type: 'boolean', default: false })
  anonymous: boolean;

  @Column({ type: 'enum', enum: QUESTION_STATUSES, enumName: 'qa_question_status' })
  status: QuestionStatus;

  @Column({ type: 'boolean', default: false })
  pinned: boolean;

  @Column({ type: 'boolean', default: false })
  answered: boolean;

  @Column({ type: 'integer', default: 0 })
  votes: number;

  @Column({ name: 'hidden_reason', type: 'text', nullable: true })
  hiddenReason: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** One vote per person and question: the primary key refuses the second. */
@Entity({ name: 'qa_votes' })
export class QaVote {
  @PrimaryColumn({ name: 'question_id', type: 'bigint' })
  questionId: number;

  @ManyToOne(() => QaQuestion, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'question_id', foreignKeyConstraintName: 'qa_votes_question_fk' })
  questionRef: QaQuestion;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;
}
