import { HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { RateLimitRepository, type BucketState } from './rate-limit.repository';

export interface RateLimitRule {
  /** Bucket name, for example `login-failures:account`. */
  name: string;
  limit: number;
  windowSeconds: number;
  /** What the 429 says, when "Too many attempts" would not tell the person what to do. */
  message?: string;
}

/** 429 Too Many Requests with Retry-After, in the API's error shape. */
export class TooManyRequestsException extends HttpException {
  constructor(
    readonly retryAfterSeconds: number,
    message?: string,
  ) {
    super(
      {
        statusCode: HttpStatus.TOO_MANY_REQUESTS,
        error: 'Too Many Requests',
        message: message ?? `Too many attempts. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`,
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

  /**
   * Counts an attempt before it is made; throws 429 once the rule's limit is passed within the
   * window. The count is one atomic statement, so of any number of simultaneous attempts at most
   * `limit` get through.
   */
  async consume(rule: RateLimitRule, subject: string): Promise<void> {
    const state = await this.hit(rule, subject);
    if (state.count > rule.limit) throw new TooManyRequestsException(secondsUntil(state.resetAt), rule.message);
  }

  /** Gives back an attempt that turned out not to count (a login that succeeded). */
  async refund(rule: RateLimitRule, subject: string): Promise<void> {
    await this.buckets.takeBack(`${rule.name}:${subject}`);
  }

  /** Clears every bucket of a rule whose subject starts with this (an account's, from any address). */
  async resetAll(rule: RateLimitRule, subjectPrefix: string): Promise<void> {
    await this.buckets.clearPrefix(`${rule.name}:${subjectPrefix}`);
  }

  async reset(rule: RateLimitRule, subject: string): Promise<void> {
    await this.buckets.clear(`${rule.name}:${subject}`);
  }

  private hit(rule: RateLimitRule, subject: string): Promise<BucketState> {
    return this.buckets.hit(`${rule.name}:${subject}`, rule.windowSeconds);
  }
}
