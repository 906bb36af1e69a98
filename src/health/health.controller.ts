import { Public } from '../auth/auth-user';
import { Controller, Get, HttpCode, HttpStatus, Logger, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Lifecycle } from '../lifecycle/lifecycle';

/** Longer than this, the database counts as down (a server that does not answer at all). */
const DATABASE_TIMEOUT_MS = 3000;

export class HealthDto {
  @ApiProperty({ enum: ['ok', 'draining', 'error'] }) status: 'ok' | 'draining' | 'error';
  @ApiProperty({ example: { status: 'up', latencyMs: 1 } }) database: {
    status: 'up' | 'down';
    latencyMs?: number;
  };
}

/**
 * Whether this instance should get traffic: 200 when it serves and reaches its database; 503
 * while it drains (SIGTERM) or cannot reach the database, so that a proxy sends it nothing. The
 * answer names no address and no error (the log has them).
 */
@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  private readonly logger = new Logger('Health');
  private databaseDown = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly lifecycle: Lifecycle,
  ) {}

  @Get()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Whether this instance serves (and reaches its database)' })
  @ApiOkResponse({ type: HealthDto })
  @ApiServiceUnavailableResponse({ type: HealthDto })
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthDto> {
    const database = await this.database();
    const status = this.lifecycle.draining ? 'draining' : database.status === 'up' ? 'ok' : 'error';
    if (status !== 'ok') reply.status(HttpStatus.SERVICE_UNAVAILABLE);
    return { status, database };
  }

  private async database(): Promise<HealthDto['database']> {
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.dataSource.query('SELECT 1'),
        new Promise((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`no answer within ${DATABASE_TIMEOUT_MS} ms`)),
            DATABASE_TIMEOUT_MS,
          );
        }),
      ]);
      if (this.databaseDown) this.logger.log({ msg: 'the database answers again' });
      this.databaseDown = false;
      return { status: 'up', latencyMs: Math.round((performance.now() - started) * 10) / 10 };
    } catch (error) {
      if (!this.databaseDown) this.logger.warn({ msg: 'the database does not answer', err: String(error) });
      this.databaseDown = true;
      return { status: 'down' };
    } finally {
      clearTimeout(timer);
    }
  }
}
