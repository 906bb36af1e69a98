import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { createClient, type RedisClientType } from 'redis';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import type { BucketState } from './rate-limit.repository';

/** Where the counters live in a Redis shared with other keys. */
const KEY_PREFIX = 'cooperation-forum:rate-limit:';
/** How long the first hit waits for the connection before counting in PostgreSQL. */
const CONNECT_WAIT_MS = 2000;

/**
 * Fixed-window counters in Redis, for the limits on hot paths (every message): one round trip,
 * no database write. Only with REDIS_URL. While Redis is away `hit` answers null at once (no
 * queue that would hold a message back), and the caller counts in PostgreSQL instead.
 */
@Injectable()
export class RedisCounters implements OnModuleDestroy {
  private readonly logger = new Logger('RateLimit');
  private client?: RedisClientType;
  private connecting?: Promise<void>;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /**
   * Adds one to the bucket and returns its state, or null without Redis. The window starts with
   * the first hit (SET NX with its expiry) and INCR keeps the expiry; one MULTI, so concurrent
   * hits on every instance each get a count of their own.
   */
  async hit(key: string, windowSeconds: number): Promise<BucketState | null> {
    const client = await this.ready();
    if (!client) return null;
    const name = KEY_PREFIX + key;
    try {
      const [, count, ttl] = await client
        .multi()
        .set(name, '0', { PX: windowSeconds * 1000, NX: true })
        .incr(name)
        .pTTL(name)
        .exec();
      return { count: Number(count), resetAt: new Date(Date.now() + Math.max(Number(ttl), 0)) };
    } catch {
      return null;
    }
  }

  onModuleDestroy(): void {
    // destroy, not quit: nothing of ours waits for an answer once the app closes.
    if (this.client?.isOpen) this.client.destroy();
  }

  /** Connects on the first hit, not at start: exporting the OpenAPI document connects to nothing. */
  private async ready(): Promise<RedisClientType | null> {
    if (!this.config.redisUrl) return null;
    if (!this.client) {
      this.client = createClient({ url: this.config.redisUrl, disableOfflineQueue: true });
      // It reconnects by itself; meanwhile the limits are counted in PostgreSQL.
      this.client.on('error', () => undefined);
      this.connecting = this.client.connect().then(
        () => undefined,
        (error: unknown) => this.logger.warn({ msg: 'redis (rate limits) is not reachable', err: String(error) }),
      );
    }
    if (!this.client.isReady && this.connecting) {
      await Promise.race([this.connecting, sleep(CONNECT_WAIT_MS)]);
      this.connecting = undefined;
    }
    return this.client.isReady ? this.client : null;
  }
}
