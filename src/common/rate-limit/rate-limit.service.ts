import { HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { RateLimitRepository } from './rate-limit.repository';

export interface RateLimitRule {
  /** Bucket name, for example `login-failures:account`. */
  name: string;
  limit: number;
  windowSeconds: number;
}

/** 429 Too Many Requests with Retry-After, in the API's error shape. */
export class TooManyRequestsException extends HttpException {
  constructor(readonly retryAfterSeconds: number) {
    super(
      {
        statusCode: HttpStatus.TOO_MANY_REQUESTS,
        error: 'Too Many Requests',
        message: `Too many attempts. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`,
        retryAfterSeconds,
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}

const secondsUntil = (date: Date) => Math.max(1, Math.ceil((date.getTime() - Date.now()) / 1000));

@Injectable()
export class RateLimitService {
  constructor(private readonly buckets: RateLimitRepository) {}

  /** Counts an attempt; throws 429 once the rule's limit is passed within the window. */
  async consume(rule: RateLimitRule, subject: string): Promise<void> {
    const state = await this.buckets.hit(`${rule.name}:${subject}`, rule.windowSeconds);
    if (state.count > rule.limit) throw new TooManyRequestsException(secondsUntil(state.resetAt));
  }

  /** Throws 429 if the limit is already reached, without counting (for "failures only" rules). */
  async assertNotBlocked(rule: RateLimitRule, subject: string): Promise<void> {
    const state = await this.buckets.peek(`${rule.name}:${subject}`);
    if (state && state.count >= rule.limit) throw new TooManyRequestsException(secondsUntil(state.resetAt));
  }

  /** Counts a failure without throwing (the caller already answers the failure). */
  async recordFailure(rule: RateLimitRule, subject: string): Promise<void> {
    await this.buckets.hit(`${rule.name}:${subject}`, rule.windowSeconds);
  }

  async reset(rule: RateLimitRule, subject: string): Promise<void> {
    await this.buckets.clear(`${rule.name}:${subject}`);
  }
}
