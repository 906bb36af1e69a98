import { Logger } from '@nestjs/common';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { Adapter, type BroadcastOptions } from 'socket.io-adapter';
import { io as connect, type Socket as ClientSocket } from 'socket.io-client';
import type { AppServer } from './app-socket';
import { PresenceService } from './presence.service';

/** A cluster in which another instance was counted but never answers (it is shutting down). */
class SilentPeerAdapter extends Adapter {
  async fetchSockets(opts: BroadcastOptions): Promise<unknown[]> {
    if (opts.flags?.local) return (await super.fetchSockets(opts)) as unknown[];
    throw new Error('timeout reached: only 0 responses received out of 1');
  }
}

describe('PresenceService', () => {
  let http: HttpServer;
  let server: AppServer;
  let client: ClientSocket;

  // The fallback's warning is expected here.
  beforeAll(() => {
    Logger.overrideLogger(false);
  });

  beforeEach(async () => {
    http = createServer();
    server = new Server(http, { adapter: SilentPeerAdapter });
    server.on('connection', (socket) => {
      socket.data.user = {
        id: 'reader-1',
        sessionId: 'session-1',
        role: 'member',
        locale: 'pl',
        email: 'reader@example.org',
        displayName: 'Reader',
      };
      void socket.join('channel:7');
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const { port } = http.address() as AddressInfo;
    client = connect(`http://127.0.0.1:${port}`, { transports: ['websocket'], forceNew: true });
    await new Promise<void>((resolve) => client.on('connect', () => resolve()));
    // The join happens on the server's side of the handshake: wait until the room holds the socket.
    while (!(await server.local.in('channel:7').fetchSockets()).length) await new Promise((r) => setTimeout(r, 5));
  });

  afterEach(async () => {
    client.disconnect();
    await server.close();
  });

  it('still sees the readers on this instance when another instance does not answer', async () => {
    const presence = new PresenceService();
    presence.attach(server);
    await expect(presence.usersIn('channel:7')).resolves.toEqual(new Set(['reader-1']));
    await expect(presence.usersIn('channel:8')).resolves.toEqual(new Set());
  });
});
