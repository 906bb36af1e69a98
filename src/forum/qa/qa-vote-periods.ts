import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { createClient, type RedisClientType } from 'redis';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';

/** Where the periods live in a Redis shared with other keys (session ids are UUIDs: unique across runs). */
const KEY_PREFIX = 'cooperation-forum:qa:';
/** Longer than any period: a set left by a stopped instance does not stay in Redis for ever. */
const VOTED_TTL_MS = 60_000;
/** How long the first vote waits for the connection before the instance tells its votes alone. */
const CONNECT_WAIT_MS = 2000;

/**
 * Adds this instance's questions to the session's set, then takes the period if it is free: the
 * winner gets (and empties) the set in the same step. A loser learns how long the period still
 * runs and whether the set still holds questions nobody has taken.
 * KEYS: period, voted. ARGV: period ms, voted TTL ms, question ids...
 * Returns [1, ids...] when this instance won, [0, pttl, scard] when it did not.
 */
const TAKE_PERIOD = `
for i = 3, #ARGV do redis.call('SADD', KEYS[2], ARGV[i]) end
if #ARGV > 2 then redis.call('PEXPIRE', KEYS[2], ARGV[2]) end
if redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[1]) then
  local ids = redis.call('SMEMBERS', KEYS[2])
  redis.call('DEL', KEYS[2])
  table.insert(ids, 1, 1)
  return ids
end
return {0, redis.call('PTTL', KEYS[1]), redis.call('SCARD', KEYS[2])}
`;

export type PeriodAttempt = { won: true; questionIds: number[] } | { won: false; retryInMs: number; pending: boolean };

/**
 * The session's broadcast periods, shared by every instance through Redis (REDIS_URL), so that a
 * room hears one `qa:votes` per period, not one per instance. Without Redis, or while it is away,
 * `take` answers null and the instance tells its own votes (as one instance always did).
 */
@Injectable()
export class QaVotePeriods implements OnModuleDestroy {
  private readonly logger = new Logger('ForumQa');
  private client?: RedisClientType;
  private connecting?: Promise<void>;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get shared(): boolean {
    return Boolean(this.config.redisUrl);
  }

  async take(sessionId: string, questionIds: number[], periodMs: number): Promise<PeriodAttempt | null> {
    const client = await this.ready();
    if (!client) return null;
    try {
      const answer = (await client.eval(TAKE_PERIOD, {
        keys: [`${KEY_PREFIX}period:${sessionId}`, `${KEY_PREFIX}voted:${sessionId}`],
        arguments: [String(periodMs), String(VOTED_TTL_MS), ...questionIds.map(String)],
      })) as (number | string)[];
      if (Number(answer[0]) === 1) return { won: true, questionIds: answer.slice(1).map(Number) };
      return { won: false, retryInMs: Math.max(1, Number(answer[1])), pending: Number(answer[2]) > 0 };
    } catch (error) {
      this.logger.warn({ msg: 'Q&A vote period: redis failed, telling this instance’s votes', err: String(error) });
      return null;
    }
  }

  onModuleDestroy(): void {
    // destroy, not quit: nothing of ours waits for an answer once the app closes.
    if (this.client?.isOpen) this.client.destroy();
  }

  /** Connects on the first vote, not at start: exporting the OpenAPI document connects to nothing. */
  private async ready(): Promise<RedisClientType | null> {
    if (!this.config.redisUrl) return null;
    if (!this.client) {
      this.client = createClient({ url: this.config.redisUrl, disableOfflineQueue: true });
      this.client.on('error', () => undefined); // it reconnects by itself; meanwhile each instance tells its own
      this.connecting = this.client.connect().then(
        () => undefined,
        (error: unknown) => this.logger.warn({ msg: 'redis (Q&A periods) is not reachable', err: String(error) }),
      );
    }
    if (!this.client.isReady && this.connecting) {
      await Promise.race([this.connecting, sleep(CONNECT_WAIT_MS)]);
      this.connecting = undefined;
    }
    return this.client.isReady ? this.client : null;
  }
}
