import { Injectable } from '@nestjs/common';
import type { AppServer } from './app-socket';

/**
 * Who is connected where. Socket.IO (through the Redis adapter when there are several instances)
 * knows; the gateway hands its server over when it starts. Without a server (scripts), nobody is present.
 */
@Injectable()
export class PresenceService {
  private server?: AppServer;

  attach(server: AppServer): void {
    this.server = server;
  }

  get io(): AppServer | undefined {
    return this.server;
  }

  /** Distinct users with a socket in the room, across every instance. */
  async usersIn(room: string): Promise<Set<string>> {
    if (!this.server) return new Set();
    const sockets = await this.server.in(room).fetchSockets();
    return new Set(sockets.map((socket) => socket.data.user?.id).filter((id): id is string => !!id));
  }
}
