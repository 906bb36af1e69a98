import { io, type Socket } from 'socket.io-client';

/** A real socket.io-client connected to a test app, with the access token in `auth`. */
export function connect(
  baseUrl: string,
  token?: string,
  options: { reconnection?: boolean; origin?: string } = {},
): Socket {
  return io(baseUrl, {
    path: '/socket.io',
    // A browser's Origin header can only be set on the polling transport from Node.
    transports: options.origin ? ['polling'] : ['websocket'],
    extraHeaders: options.origin ? { Origin: options.origin } : undefined,
    auth: token ? { token } : {},
    reconnection: options.reconnection ?? false,
    forceNew: true,
  });
}

/**
 * The sockets a test file opens, closed together after each test (`afterEach(sockets.closeAll)`):
 * `open` connects a person to an instance and waits until connected; `keep` adds one opened otherwise.
 */
export function testSockets() {
  const opened: Socket[] = [];
  const keep = (socket: Socket): Socket => {
    opened.push(socket);
    return socket;
  };
  return {
    keep,
    async open(app: { baseUrl?: string }, user: { accessToken: string }): Promise<Socket> {
      const socket = keep(connect(app.baseUrl!, user.accessToken));
      await connected(socket);
      return socket;
    },
    closeAll(): void {
      while (opened.length) opened.pop()!.disconnect();
    },
  };
}

export function connected(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    if (socket.connected) return resolve();
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => reject(error));
  });
}

export function connectError(socket: Socket): Promise<Error> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => reject(new Error('connected, but a connect_error was expected')));
    socket.once('connect_error', (error) => resolve(error));
  });
}

/**
 * What an acknowledgement or event carries, unless a test names it: untyped JSON, like the response
 * bodies (see eslint.config.mjs), whose checks are the assertions. `unknown` would only ask for casts.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
type Payload = any;

/** Emits with an acknowledgement and resolves with it. */
export function ask<T = Payload>(socket: Socket, event: string, payload: unknown): Promise<T> {
  return socket.timeout(5000).emitWithAck(event, payload);
}

/** Resolves with the next `count` events of a name (within the timeout). */
export function collect<T = Payload>(socket: Socket, event: string, count: number, timeoutMs = 5000): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const received: T[] = [];
    const timer = setTimeout(() => {
      socket.off(event, listener);
      reject(new Error(`received ${received.length} of ${count} ${event} events`));
    }, timeoutMs);
    const listener = (payload: T) => {
      received.push(payload);
      if (received.length === count) {
        clearTimeout(timer);
        socket.off(event, listener);
        resolve(received);
      }
    };
    socket.on(event, listener);
  });
}

/** Collects every event of a name during a period (to check that nothing, or nothing more, arrives). */
export async function during<T = Payload>(socket: Socket, event: string, ms: number): Promise<T[]> {
  const received: T[] = [];
  const listener = (payload: T) => received.push(payload);
  socket.on(event, listener);
  await new Promise((resolve) => setTimeout(resolve, ms));
  socket.off(event, listener);
  return received;
}

/**
 * Emits an event whose payload is given as JSON text, with an acknowledgement: for payloads the
 * client cannot encode itself (nested deeper than JSON.stringify's stack allows). The text goes
 * into the Socket.IO packet as it is.
 */
export function askRaw<T = Payload>(socket: Socket, event: string, payloadJson: string): Promise<T> {
  const marker = Symbol('raw');
  const encoder = (socket.io as unknown as { encoder: { encode(packet: RawPacket): unknown[] } }).encoder;
  const encode = encoder.encode.bind(encoder);
  encoder.encode = (packet: RawPacket) => {
    if (packet.data?.[1] !== marker) return encode(packet);
    encoder.encode = encode;
    // An EVENT packet (2) of the main namespace with its acknowledgement id.
    return [`2${packet.id}[${JSON.stringify(event)},${payloadJson}]`];
  };
  return socket.timeout(5000).emitWithAck(event, marker);
}

interface RawPacket {
  id?: number;
  data?: unknown[];
}
