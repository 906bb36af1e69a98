import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A fixed-window counter (failed logins per account or address...), shared by every instance. */
@Entity({ name: 'rate_limit_buckets' })
export class RateLimitBucket {
  @PrimaryColumn({ type: 'varchar', length: 200 })
  key: string;

  @Column({ type: 'integer' })
  count: number;

  @Column({ name: 'reset_at', type: 'timestamptz' })
  resetAt: Date;
}
