import type { Server, Socket } from 'socket.io';
import type { AuthUser } from '../auth/auth-user';
import type { ClientToServerEvents, ServerToClientEvents } from './protocol';

/** What the server keeps on each socket (set by the handshake's authentication). */
export interface SocketData {
  user: AuthUser;
  typingAt?: number;
}

/** The app's Socket.IO server and sockets, typed by the protocol (protocol.ts). */
export type AppServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
