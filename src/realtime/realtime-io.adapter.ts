import { Logger, type INestApplicationContext, type WsMessageHandler } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient, type RedisClientType } from 'redis';
import type { IncomingMessage } from 'node:http';
import type { Observable } from 'rxjs';
import type { Server, ServerOptions, Socket } from 'socket.io';
import { findHostileInput } from '../common/http/hostile-input';
import { Lifecycle } from '../lifecycle/lifecycle';
import { CLIENT_EVENTS, type AckError } from './protocol';

export interface RealtimeOptions {
  /** Origins allowed to open a socket (browsers send Origin; other clients do not). */
  allowedOrigins: string[];
  /** With Redis, several instances share their rooms through a Redis stream. */
  redisUrl?: string;
  streamName?: string;
}

/** Payloads above this are refused by Socket.IO before any handler runs. */
export const MAX_PAYLOAD_BYTES = 16 * 1024;

/**
 * How long a drain waits for an event whose socket is gone and which was never answered (a handler
 * that does not acknowledge): bounded, so that such an event cannot hold a shutdown to its timeout.
 */
const ORPHANED_EVENT_GRACE_MS = 5000;

/**
 * The one Socket.IO server of the app: origin check, payload limit, the Redis Streams adapter when
 * configured, and the sockets' part of a drain (SIGTERM, lifecycle/drain.ts).
 */
export class RealtimeIoAdapter extends IoAdapter {
  private redis?: RedisClientType;
  /** Per open socket, the events it sent that are not acknowledged yet. */
  private readonly owed = new Map<Socket, number>();
  private readonly lifecycle: Lifecycle;
  private drained?: () => void;
  private readonly logger = new Logger('Realtime');

  constructor(
    app: INestApplicationContext,
    private readonly options: RealtimeOptions,
  ) {
    super(app);
    this.lifecycle = app.get(Lifecycle, { strict: false });
    this.lifecycle.addDrainer({ drain: () => this.drain(), open: () => this.owed.size });
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
    server.on('connection', (socket: Socket) => this.watch(socket));
    return server;
  }

  /**
   * Nest's IoAdapter keeps an rxjs pipeline per socket and handler, for the socket's whole life
   * (several KiB per idle socket with our nine handlers). The same contract with one plain listener
   * per handler: the payload and acknowledgement as Nest maps them, the handler's responses to the
   * acknowledgement (or emitted, when a response names an event), nothing once the socket is gone.
   */
  bindMessageHandlers(
    socket: Parameters<IoAdapter['bindMessageHandlers']>[0],
    handlers: WsMessageHandler[],
    transform: (data: unknown) => Observable<unknown>,
  ): void {
    for (const { message, callback, isAckHandledManually } of handlers) {
      socket.on(message, (...args: unknown[]) => {
        // As rxjs's fromEvent, which Nest's adapter listens with: one argument alone, several as an array.
        const { data, ack } = this.mapPayload(args.length > 1 ? args : args[0]) as { data: unknown; ack?: unknown };
        transform(callback(data, ack)).subscribe({
          next: (response) => {
            if (response === null || response === undefined || socket.disconnected) return;
            const { event, data: eventData } = response as { event?: string; data?: unknown };
            if (event) socket.emit(event, eventData);
            else if (!isAckHandledManually && typeof ack === 'function') (ack as (answer: unknown) => void)(response);
          },
          error: (error: unknown) =>
            this.logger.error({ msg: 'socket handler failed', event: message, err: String(error) }),
        });
      });
    }
  }

  /**
   * Counts what a socket is owed: each event with an acknowledgement, from its arrival until the
   * acknowledgement is sent. While the instance drains, new events are not taken, and a socket
   * that is owed nothing is closed.
   */
  private watch(socket: Socket): void {
    this.owed.set(socket, 0);
    // What this socket's unanswered events still do, for the drain to wait on (see below).
    const working = new Set<() => void>();
    socket.on('disconnect', () => {
      this.owed.delete(socket);
      if (this.owed.size === 0) this.drained?.();
      if (working.size) setTimeout(() => working.forEach((finished) => finished()), ORPHANED_EVENT_GRACE_MS).unref();
    });
    socket.use((event, next) => {
      // Not taken, not answered: the client's acknowledgement fails when this socket closes, and
      // it sends the event again after reconnecting (a message with the same clientId is stored once).
      if (this.lifecycle.draining) return;
      const last = event.length - 1;
      const acknowledge: unknown = event[last];
      if (typeof acknowledge === 'function') {
        this.owed.set(socket, (this.owed.get(socket) ?? 0) + 1);
        let answered = false;
        // The event's work outlives its socket when the socket drops first (a lost connection, the
        // client's ack timeout): the drain waits for the work itself, not only for the socket, or a
        // message stored after its socket went would lose its notifications to the exit.
        let finished!: () => void;
        this.lifecycle.track(new Promise<void>((resolve) => (finished = resolve)));
        working.add(finished);
        event[last] = (...reply: unknown[]) => {
          (acknowledge as (...args: unknown[]) => void)(...reply);
          if (answered) return;
          answered = true;
          working.delete(finished);
          finished();
          const left = (this.owed.get(socket) ?? 1) - 1;
          this.owed.set(socket, left);
          if (left === 0 && this.lifecycle.draining) this.closeTransport(socket);
        };
        // Refused here, answered at once: no handler would answer these (an unknown event), or
        // its validation would overflow the stack or PostgreSQL refuse the text.
        const refusal = refuse(event);
        if (refusal) return (event[last] as (answer: unknown) => void)({ ok: false, error: refusal });
      }
      next();
    });
    if (this.lifecycle.draining) this.closeTransport(socket);
  }

  /** Closes every socket once it is owed nothing; resolves when none is left. */
  private drain(): Promise<void> {
    const closed = new Promise<void>((resolve) => (this.drained = resolve));
    for (const [socket, owed] of this.owed) if (owed === 0) this.closeTransport(socket);
    if (this.owed.size === 0) this.drained?.();
    return closed;
  }

  /**
   * Closes the transport after what is written to it (the last acknowledgements): the client sees
   * a lost connection, not a server's disconnect, and reconnects by itself, through the proxy, to
   * another instance.
   */
  private closeTransport(socket: Socket): void {
    socket.conn.close();
  }

  async dispose(): Promise<void> {
    await super.dispose();
    // destroy, not quit: the adapter keeps a blocking XREAD open that quit would wait for.
    if (this.redis?.isOpen) this.redis.destroy();
  }
}

const KNOWN_EVENTS = new Set<string>(CLIENT_EVENTS);

/** Why an event with an acknowledgement is refused before its handler, or null. */
function refuse([name, ...args]: unknown[]): AckError | null {
  if (typeof name !== 'string' || !KNOWN_EVENTS.has(name)) {
    return { status: 404, message: `There is no event ${String(name)}: see docs/REALTIME.md` };
  }
  const found = findHostileInput(args.slice(0, -1));
  if (!found) return null;
  if (found.kind === 'nesting') return { status: 400, message: found.message };
  // The path starts with the argument's index ("0.body"): the payload's fields are named without it.
  const field = found.field.replace(/^\d+\.?/, '') || 'payload';
  const message = found.message.replace(found.field, field);
  return { status: 400, message, fields: { [field]: [message] } };
}
