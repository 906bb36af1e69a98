import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, connect as connectTcp, type Server, type Socket as TcpSocket } from 'node:net';
import { resolve } from 'node:path';
import type { DataSource } from 'typeorm';
import { freePort } from '../../src/common/net';
import type { TestApp } from './test-app';

const MAIN = resolve(__dirname, '..', '..', 'dist', 'src', 'main.js');

/** A real instance of the app: `node dist/src/main.js` in a process of its own (npm test builds dist first). */
export interface Instance {
  name: string;
  port: number;
  url: string;
  child: ChildProcess;
  /** Everything it printed (stdout and stderr), for the assertions and for a failure's message. */
  output: string[];
  /** Resolves when the process has exited, with when (Date.now()) and how. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
}

/** What every instance of one deployment shares: the token key (and the database, Redis, stream). */
export function sharedSecret(): string {
  return randomBytes(36).toString('base64url');
}

/**
 * Starts `node dist/src/main.js` with this environment (plus PORT, and the test's own quiet
 * defaults). Does not wait: see `healthy`.
 */
export async function startInstance(name: string, env: Record<string, string>): Promise<Instance> {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      LOG_LEVEL: 'info',
      MAIL_POLL_SECONDS: '0',
      HOST: '127.0.0.1',
      PORT: String(port),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const keep = (chunk: Buffer) => output.push(...chunk.toString('utf8').split('\n').filter(Boolean));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((done) =>
    child.once('exit', (code, signal) => done({ code, signal, at: Date.now() })),
  );
  return { name, port, url: `http://127.0.0.1:${port}`, child, output, exited };
}

/** Resolves when the instance answers /health with 200; rejects with its output if it exits first or takes too long. */
export async function healthy(instance: Instance, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let gone = false;
  void instance.exited.then(() => (gone = true));
  for (;;) {
    if (gone) throw new Error(`${instance.name} exited before it was healthy:\n${instance.output.join('\n')}`);
    const ok = await fetch(`${instance.url}/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline)
      throw new Error(`${instance.name} was not healthy within ${timeoutMs} ms:\n${instance.output.join('\n')}`);
    await new Promise((wake) => setTimeout(wake, 250));
  }
}

/** Stops an instance (SIGTERM) and waits for it to exit; kills it if it does not within the time. */
export async function stopInstance(instance: Instance, timeoutMs = 30_000): Promise<void> {
  if (instance.child.exitCode !== null || instance.child.signalCode !== null) return;
  instance.child.kill('SIGTERM');
  const timer = setTimeout(() => instance.child.kill('SIGKILL'), timeoutMs);
  await instance.exited;
  clearTimeout(timer);
}

/** The JSON log lines of an instance with this message. */
export function logged<T = Record<string, unknown>>(instance: Instance, msg: string): T[] {
  return instance.output
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { msg?: string })
    .filter((entry) => entry.msg === msg) as T[];
}

export interface FailoverProxy {
  url: string;
  /** Connections made to each upstream port. */
  connections: Map<number, number>;
  close(): Promise<void>;
}

/**
 * A TCP proxy in front of the instances, standing in for the deployment's Caddy: each connection
 * goes to the first instance that accepts it, so when one stops listening (it drains), new
 * connections (a reconnecting socket) go to the next.
 */
export async function failoverProxy(ports: number[]): Promise<FailoverProxy> {
  const connections = new Map<number, number>(ports.map((port) => [port, 0]));
  const open = new Set<TcpSocket>();
  const server: Server = createServer((client) => {
    open.add(client);
    client.once('close', () => open.delete(client));
    client.pause();
    const attempt = (index: number) => {
      if (index >= ports.length) return client.destroy();
      const upstream = connectTcp(ports[index], '127.0.0.1');
      upstream.once('error', () => attempt(index + 1));
      upstream.once('connect', () => {
        connections.set(ports[index], (connections.get(ports[index]) ?? 0) + 1);
        open.add(upstream);
        upstream.once('close', () => open.delete(upstream));
        upstream.removeAllListeners('error');
        upstream.on('error', () => client.destroy());
        client.on('error', () => upstream.destroy());
        client.pipe(upstream).pipe(client);
        client.resume();
      });
    };
    attempt(0);
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    connections,
    close: () =>
      new Promise<void>((done) => {
        for (const socket of open) socket.destroy();
        server.close(() => done());
      }),
  };
}

/**
 * The account helpers of support/accounts.ts drive an app through supertest and read its
 * database: this gives them an instance's address (supertest takes a URL) and a data source of
 * the same database.
 */
export function asTestApp(url: string, dataSource: DataSource): TestApp {
  return { app: { getHttpServer: () => url }, dataSource } as unknown as TestApp;
}
