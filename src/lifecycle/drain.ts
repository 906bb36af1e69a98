import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Server } from 'node:http';
import { Lifecycle } from './lifecycle';

export interface DrainOutcome {
  /** Everything in flight finished within the time given. */
  complete: boolean;
  /** What was left when the time ran out (0 when complete). */
  sockets: number;
  background: number;
  durationMs: number;
}

/**
 * SIGTERM's first half: the instance stops taking work and finishes what it took.
 * 1. `/health` answers 503 (the proxy sends it nothing new); the listener closes (a new connection
 *    is refused, which the proxy tries on another instance); an idle keep-alive connection closes
 *    now, a busy one after its response (`Connection: close`).
 * 2. Sockets: an event that arrives now is not taken (its acknowledgement never comes; the client
 *    sends it again after reconnecting, with the same clientId); each socket is closed once every
 *    event it sent before is acknowledged. A closed transport makes Socket.IO clients reconnect,
 *    through the proxy, to another instance.
 * 3. The notifications and mails of the messages stored meanwhile are written and sent.
 * Then the caller closes the app (the pools, Redis) and the database.
 */
export async function drain(app: NestFastifyApplication, timeoutMs: number): Promise<DrainOutcome> {
  const started = Date.now();
  const lifecycle = app.get(Lifecycle);
  const http: Server = app.getHttpServer();
  lifecycle.beginDrain();
  const connectionsClosed = new Promise<void>((resolve) => http.close(() => resolve()));
  http.closeIdleConnections();
  const finished = (async () => {
    await lifecycle.runDrainers();
    await connectionsClosed;
    await lifecycle.settled();
  })();
  let timer: NodeJS.Timeout | undefined;
  const complete = await Promise.race([
    finished.then(() => true),
    new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs))),
  ]);
  clearTimeout(timer);
  return {
    complete,
    sockets: complete ? 0 : lifecycle.openSockets(),
    background: complete ? 0 : lifecycle.pending,
    durationMs: Date.now() - started,
  };
}
