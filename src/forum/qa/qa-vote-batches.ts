import { Injectable } from '@nestjs/common';
import { QaRepository, type QuestionRow } from './qa.repository';

interface Waiting {
  questionId: number;
  userId: string;
  resolve: (row: QuestionRow | null) => void;
  reject: (error: unknown) => void;
}

/**
 * Batches being stored at once: while one waits for its commit's flush, the next is written (and
 * PostgreSQL flushes concurrent commits together). Two concurrent batches never count one person's
 * vote twice: the second insert of the same key does nothing (the primary key).
 */
const IN_FLIGHT = 2;

/**
 * The votes arriving on this instance while its last batches are being stored go together, in one
 * statement, as the next batch: a quiet session's vote is stored at once; a plenary's hundreds a
 * second share a commit (their wait was the commit's flush, one per vote). Each vote is answered
 * only once its batch has committed, with its own result (as `QaRepository.vote`).
 */
@Injectable()
export class QaVoteBatches {
  private queue: Waiting[] = [];
  private storing = 0;

  constructor(private readonly qa: QaRepository) {}

  vote(questionId: number, userId: string): Promise<QuestionRow | null> {
    return new Promise((resolve, reject) => {
      this.queue.push({ questionId, userId, resolve, reject });
      if (this.storing < IN_FLIGHT) void this.store();
    });
  }

  private async store(): Promise<void> {
    this.storing++;
    try {
      while (this.queue.length) {
        // A second vote of one person for one question waits for the next batch, where it is refused.
        const batch: Waiting[] = [];
        const later: Waiting[] = [];
        const keys = new Set<string>();
        for (const vote of this.queue) {
          const key = `${vote.questionId}:${vote.userId}`;
          (keys.has(key) ? later : batch).push(vote);
          keys.add(key);
        }
        this.queue = later;
        try {
          const rows =
            batch.length === 1
              ? [await this.qa.vote(batch[0].questionId, batch[0].userId)]
              : await this.qa.voteMany(batch);
          batch.forEach((vote, i) => vote.resolve(rows[i]));
        } catch {
          // The statement stored nothing: each vote alone, so that one bad vote fails only itself.
          await Promise.all(
            batch.map((vote) => this.qa.vote(vote.questionId, vote.userId).then(vote.resolve, vote.reject)),
          );
        }
      }
    } finally {
      this.storing--;
    }
  }
}
