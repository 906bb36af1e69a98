import { Global, Module } from '@nestjs/common';
import { RateLimitRepository } from './rate-limit.repository';
import { RateLimitService } from './rate-limit.service';
import { RedisCounters } from './redis-counters';

@Global()
@Module({ providers: [RateLimitRepository, RedisCounters, RateLimitService], exports: [RateLimitService] })
export class RateLimitModule {}
