import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient, type RedisClientType } from 'redis';
import type { IncomingMessage } from 'node:http';
import type { Server, ServerOptions } from 'socket.io';

export interface RealtimeOptions {
  /** Origins allowed to open a socket (browsers send Origin; other clients do not). */
  allowedOrigins: string[];
  /** With Redis, several instances share their rooms through a Redis stream. */
  redisUrl?: string;
  streamName?: string;
}

/** Payloads above this are refused by Socket.IO before any handler runs. */
export const MAX_PAYLOAD_BYTES = 16 * 1024;

/** The one Socket.IO server of the app: origin check, payload limit, and the Redis Streams adapter when configured. */
export class RealtimeIoAdapter extends IoAdapter {
  private redis?: RedisClientType;

  constructor(
    app: INestApplicationContext,
    private readonly options: RealtimeOptions,
  ) {
    super(app);
  }

  async connect(): Promise<void> {
    if (!this.options.redisUrl) return;
    this.redis = createClient({ url: this.options.redisUrl });
    this.redis.on('error', () => undefined); // reconnects on its own; failures surface as delivery gaps, caught up by id
    await this.redis.connect();
  }

  createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, {
      ...options,
      path: '/socket.io',
      serveClient: false,
      maxHttpBufferSize: MAX_PAYLOAD_BYTES,
      allowRequest: (
        request: IncomingMessage,
        callback: (error: string | null | undefined, success: boolean) => void,
      ) => {
        const origin = request.headers.origin;
        callback(null, !origin || this.options.allowedOrigins.includes(origin));
      },
    }) as Server; // Nest's IoAdapter leaves the server untyped
    if (this.redis) {
      // A 1 s blocking read (instead of 5 s) lets a closing instance let go of Redis promptly.
      server.adapter(
        createAdapter(this.redis, {
          streamName: this.options.streamName ?? 'cooperation-forum:socket.io',
          blockTimeInMs: 1000,
        }),
      );
    }
    return server;
  }

  async dispose(): Promise<void> {
    await super.dispose();
    // destroy, not quit: the adapter keeps a blocking XREAD open that quit would wait for.
    if (this.redis?.isOpen) this.redis.destroy();
  }
}
