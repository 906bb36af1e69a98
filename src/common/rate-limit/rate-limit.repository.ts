import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface BucketState {
  count: number;
  resetAt: Date;
}

interface BucketRow {
  count: number;
  reset_at: Date;
}

/** Fixed-window counters in PostgreSQL, so that every instance of the app sees the same counts. */
/**
 * One attempt counted in a fixed-window bucket (`key` and `windowSeconds` are the statement's
 * parameters, e.g. '$1', '$2'), answering `count` and `reset_at`: the window starts with the first
 * hit, and the row lock makes simultaneous hits on every instance count one after another. Shared
 * with the message send, which counts its limit in its own statement (ChannelsRepository).
 */
export const bucketHitSql = (key: string, windowSeconds: string) =>
  `INSERT INTO rate_limit_buckets (key, count, reset_at) VALUES (${key}, 1, now() + make_interval(secs => ${windowSeconds}))
   ON CONFLICT (key) DO UPDATE SET
     count = CASE WHEN rate_limit_buckets.reset_at <= now() THEN 1 ELSE rate_limit_buckets.count + 1 END,
     reset_at = CASE WHEN rate_limit_buckets.reset_at <= now() THEN now() + make_interval(secs => ${windowSeconds}) ELSE rate_limit_buckets.reset_at END
   RETURNING count, reset_at`;

@Injectable()
export class RateLimitRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Adds one to the bucket (a new window when the old one has passed) and returns its state. */
  async hit(key: string, windowSeconds: number): Promise<BucketState> {
    const [row] = await this.dataSource.query<BucketRow[]>(bucketHitSql('$1', '$2'), [key, windowSeconds]);
    return { count: row.count, resetAt: row.reset_at };
  }

  async peek(key: string): Promise<BucketState | null> {
    const [row] = await this.dataSource.query<BucketRow[]>(
      `SELECT count, reset_at FROM rate_limit_buckets WHERE key = $1 AND reset_at > now()`,
      [key],
    );
    return row ? { count: row.count, resetAt: row.reset_at } : null;
  }

  /** Takes one off a bucket's count (never below zero). */
  async takeBack(key: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE rate_limit_buckets SET count = greatest(count - 1, 0) WHERE key = $1 AND reset_at > now()`,
      [key],
    );
  }

  async clearPrefix(prefix: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM rate_limit_buckets WHERE starts_with(key, $1)`, [prefix]);
  }

  async clear(key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM rate_limit_buckets WHERE key = $1`, [key]);
  }

  /** Drops windows that have passed (called now and then, so the table stays small). */
  async prune(): Promise<void> {
    await this.dataSource.query(`DELETE FROM rate_limit_buckets WHERE reset_at < now() - interval '1 hour'`);
  }
}
