import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { preparedQuery } from '../../database/sql';
import type { QuestionStatus } from '../shared/forum.constants';

export interface QuestionRow {
  id: number;
  sessionId: string;
  authorId: string;
  authorName: string | null;
  body: string;
  language: string | null;
  anonymous: boolean;
  status: QuestionStatus;
  pinned: boolean;
  answered: boolean;
  votes: number;
  createdAt: Date;
}

const QUESTION_SELECT = `SELECT q.id, q.session_id AS "sessionId", q.author_id AS "authorId", u.display_name AS "authorName", q.body, q.language, q.anonymous, q.status,
  q.pinned, q.answered, q.votes, q.created_at AS "createdAt" FROM qa_questions q JOIN users u ON u.id = q.author_id`;

/** The Q&A's SQL: questions, their moderation, and one vote per person (the primary key). */
@Injectable()
export class QaRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insertQuestion(
    sessionId: string,
    authorId: string,
    body: string,
    anonymous: boolean,
    status: 'pending' | 'visible',
    language: string | null,
  ): Promise<QuestionRow> {
    const [{ id }] = await this.dataSource.query<{ id: number }[]>(
      `INSERT INTO qa_questions (session_id, author_id, body, anonymous, status, language) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [sessionId, authorId, body, anonymous, status, language],
    );
    return (await this.findQuestion(id))!;
  }

  async findQuestion(id: number): Promise<QuestionRow | null> {
    const [row] = await this.dataSource.query<QuestionRow[]>(`${QUESTION_SELECT} WHERE q.id = $1`, [id]);
    return row ?? null;
  }

  listQuestions(sessionId: string, includePending: boolean): Promise<QuestionRow[]> {
    return this.dataSource.query(
      `${QUESTION_SELECT} WHERE q.session_id = $1 AND (q.status = 'visible' OR ($2 AND q.status = 'pending'))
        ORDER BY q.pinned DESC, q.votes DESC, q.id`,
      [sessionId, includePending],
    );
  }

  /**
   * One vote per person and visible question (the primary key), the count moved and the question
   * read back in one statement (one round trip: a plenary votes hundreds of times a second). Null
   * when there was no vote: no such visible question, or a second vote (the caller tells which).
   */
  async vote(questionId: number, userId: string): Promise<QuestionRow | null> {
    const [row] = await preparedQuery<QuestionRow>(
      this.dataSource,
      'qa.vote',
      `WITH target AS (SELECT id FROM qa_questions WHERE id = $1 AND status = 'visible'),
            cast_vote AS (INSERT INTO qa_votes (question_id, user_id) SELECT id, $2 FROM target ON CONFLICT DO NOTHING RETURNING question_id),
            q AS (UPDATE qa_questions SET votes = votes + 1 WHERE id IN (SELECT question_id FROM cast_vote) RETURNING *)
       SELECT q.id, q.session_id AS "sessionId", q.author_id AS "authorId", u.display_name AS "authorName", q.body, q.language, q.anonymous, q.status,
              q.pinned, q.answered, q.votes, q.created_at AS "createdAt" FROM q JOIN users u ON u.id = q.author_id`,
      [questionId, userId],
    );
    return row ?? null;
  }

  /**
   * Many people's votes in one statement (one commit: a plenary's votes wait for the commit's WAL
   * flush, not for CPU; docs/perf/plenary.md). As `vote`, per vote in the order given: the question
   * with its count after this statement, or null when there was no vote. No (question, person) twice.
   */
  async voteMany(votes: { questionId: number; userId: string }[]): Promise<(QuestionRow | null)[]> {
    const rows = await preparedQuery<QuestionRow & { n: string }>(
      this.dataSource,
      'qa.vote-many',
      `WITH input AS (SELECT * FROM unnest($1::bigint[], $2::uuid[]) WITH ORDINALITY AS i(question_id, user_id, n)),
            cast_vote AS (INSERT INTO qa_votes (question_id, user_id)
                            SELECT i.question_id, i.user_id FROM input i JOIN qa_questions t ON t.id = i.question_id AND t.status = 'visible'
                            ON CONFLICT DO NOTHING RETURNING question_id, user_id),
            counted AS (SELECT question_id, count(*)::int AS n FROM cast_vote GROUP BY question_id),
            q AS (UPDATE qa_questions SET votes = votes + counted.n FROM counted WHERE qa_questions.id = counted.question_id RETURNING qa_questions.*)
       SELECT i.n, q.id, q.session_id AS "sessionId", q.author_id AS "authorId", u.display_name AS "authorName", q.body, q.language, q.anonymous, q.status,
              q.pinned, q.answered, q.votes, q.created_at AS "createdAt"
         FROM input i JOIN cast_vote c ON c.question_id = i.question_id AND c.user_id = i.user_id
         JOIN q ON q.id = c.question_id JOIN users u ON u.id = q.author_id`,
      [votes.map((v) => v.questionId), votes.map((v) => v.userId)],
    );
    const byOrdinal = new Map(rows.map(({ n, ...row }) => [Number(n), row]));
    return votes.map((_, i) => byOrdinal.get(i + 1) ?? null);
  }

  async updateQuestion(
    id: number,
    change: { status?: string; pinned?: boolean; answered?: boolean; hiddenReason?: string | null },
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE qa_questions SET status = coalesce($2::qa_question_status, status), pinned = coalesce($3, pinned), answered = coalesce($4, answered),
              hidden_reason = CASE WHEN $2 = 'hidden' THEN $5 ELSE hidden_reason END WHERE id = $1`,
      [id, change.status ?? null, change.pinned ?? null, change.answered ?? null, change.hiddenReason ?? null],
    );
  }
}
