import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { createClient, type RedisClientType } from 'redis';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';

/** Where the periods live in a Redis shared with other keys (session ids are UUIDs: unique across runs). */
const KEY_PREFIX = 'cooperation-forum:qa:';
/**
 * Longer than any period: counts left by a stopped instance do not stay in Redis for ever, and the
 * counts last told a session are forgotten a minute after its last vote.
 */
const COUNTS_TTL_MS = 60_000;
/** How long the first vote waits for the connection before the instance tells its votes alone. */
const CONNECT_WAIT_MS = 2000;

/**
 * Adds this instance's counts to the session's pending counts (a question's largest count wins:
 * counts only grow), then takes the period if it is free. The winner gets the pending counts in
 * the same step, empties them, and gets only those above what the session's room was last told
 * (remembered per session), so that no broadcast, from any instance, takes a count back. A loser
 * learns how long the period still runs and whether counts are still pending.
 * KEYS: period, pending (hash), told (hash). ARGV: period ms, TTL ms, then question id, count, ...
 * Returns [1, id, count, ...] when this instance won, [0, pttl, pending] when it did not.
 */
const TAKE_PERIOD = `
for i = 3, #ARGV, 2 do
  local old = tonumber(redis.call('HGET', KEYS[2], ARGV[i]))
  if not old or old < tonumber(ARGV[i + 1]) then redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1]) end
end
if #ARGV > 2 then redis.call('PEXPIRE', KEYS[2], ARGV[2]) end
if redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[1]) then
  local pending = redis.call('HGETALL', KEYS[2])
  redis.call('DEL', KEYS[2])
  local answer = {1}
  for i = 1, #pending, 2 do
    local told = tonumber(redis.call('HGET', KEYS[3], pending[i]))
    if not told or told < tonumber(pending[i + 1]) then
      redis.call('HSET', KEYS[3], pending[i], pending[i + 1])
      table.insert(answer, pending[i])
      table.insert(answer, pending[i + 1])
    end
  end
  redis.call('PEXPIRE', KEYS[3], ARGV[2])
  return answer
end
return {0, redis.call('PTTL', KEYS[1]), redis.call('HLEN', KEYS[2])}
`;

/** A question's count, as a vote's commit left it. */
export interface QuestionCount {
  id: number;
  votes: number;
}

export type PeriodAttempt = { won: true; votes: QuestionCount[] } | { won: false; retryInMs: number; pending: boolean };

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

  async take(sessionId: string, counts: QuestionCount[], periodMs: number): Promise<PeriodAttempt | null> {
    const client = await this.ready();
    if (!client) return null;
    try {
      const answer = (await client.eval(TAKE_PERIOD, {
        keys: [
          `${KEY_PREFIX}period:${sessionId}`,
          `${KEY_PREFIX}pending:${sessionId}`,
          `${KEY_PREFIX}told:${sessionId}`,
        ],
        arguments: [String(periodMs), String(COUNTS_TTL_MS), ...counts.flatMap((c) => [String(c.id), String(c.votes)])],
      })) as (number | string)[];
      if (Number(answer[0]) === 1) {
        const votes: QuestionCount[] = [];
        for (let i = 1; i < answer.length; i += 2) votes.push({ id: Number(answer[i]), votes: Number(answer[i + 1]) });
        return { won: true, votes };
      }
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
