import { Injectable, Logger } from '@nestjs/common';
import type { AppServer } from './app-socket';

/**
 * How long to wait for the other instances to say who they hold. One that is shutting down may
 * never answer (its Redis subscription closes after it was counted): the caller then gets this
 * instance's part instead of an error.
 */
const CLUSTER_ANSWER_TIMEOUT_MS = 3000;

/**
 * Who is connected where. Socket.IO (through the Redis adapter when there are several instances)
 * knows; the gateway hands its server over when it starts. Without a server (scripts), nobody is present.
 */
@Injectable()
export class PresenceService {
  private readonly logger = new Logger('Presence');
  private server?: AppServer;

  attach(server: AppServer): void {
    this.server = server;
  }

  get io(): AppServer | undefined {
    return this.server;
  }

  /**
   * Distinct users with a socket in the room, across every instance; when the other instances do
   * not all answer, those on this one. Presence only spares notifications to people who are
   * reading along: erring towards "away" sends one too many, never loses one.
   */
  async usersIn(room: string): Promise<Set<string>> {
    if (!this.server) return new Set();
    const sockets = await this.server
      .in(room)
      .timeout(CLUSTER_ANSWER_TIMEOUT_MS)
      .fetchSockets()
      .catch((error: unknown) => {
        this.logger.warn({ msg: 'presence: not every instance answered; using this one', room, err: String(error) });
        return this.server!.local.in(room).fetchSockets();
      });
    return new Set(sockets.map((socket) => socket.data.user?.id).filter((id): id is string => !!id));
  }
}
