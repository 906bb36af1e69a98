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
@Injectable()
export class RateLimitRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Adds one to the bucket (a new window when the old one has passed) and returns its state. */
  async hit(key: string, windowSeconds: number): Promise<BucketState> {
    const [row] = await this.dataSource.query<BucketRow[]>(
      `INSERT INTO rate_limit_buckets (key, count, reset_at) VALUES ($1, 1, now() + make_interval(secs => $2))
       ON CONFLICT (key) DO UPDATE SET
         count = CASE WHEN rate_limit_buckets.reset_at <= now() THEN 1 ELSE rate_limit_buckets.count + 1 END,
         reset_at = CASE WHEN rate_limit_buckets.reset_at <= now() THEN now() + make_interval(secs => $2) ELSE rate_limit_buckets.reset_at END
       RETURNING count, reset_at`,
      [key, windowSeconds],
    );
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
