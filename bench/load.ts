/**
 * Load on 127.0.0.1 only, bounded in time: a closed loop (autocannon: N connections, each sending
 * its next request when the last one answered) and an open loop at a fixed rate (our own pacer:
 * autocannon's overallRate sends each connection's share of a second back to back at the start of
 * the second, which is a burst every second, not a steady rate).
 */
import autocannon from 'autocannon';
import { Agent, request } from 'node:http';
import { assertLoopback } from './common';

export interface LoadResult {
  /** Successful (2xx) responses per second. */
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  requests: number;
  /** Connection errors, time-outs, and (fixed rate) requests still unanswered when the run ended. */
  errors: number;
  non2xx: number;
  seconds: number;
  /** Mean bytes of a response (headers and body), as the client received them. */
  bytesPerResponse: number;
  /** Fixed rate: the server fell so far behind that the run was cut short. */
  saturated?: boolean;
  /** CPU milliseconds per answered request: the server's node process, and its PostgreSQL backends (bench/run.ts). */
  nodeCpuMsPerRequest?: number | null;
  dbCpuMsPerRequest?: number | null;
}

/**
 * URLs on one server taken in turn, each request the next one, carrying on where the last run
 * stopped: a different query every time (the search's cold scenarios).
 */
export class Rotation {
  private i = 0;
  constructor(readonly urls: readonly string[]) {
    if (!urls.length) throw new Error('no URL to load');
  }
  next(): string {
    return this.urls[this.i++ % this.urls.length];
  }
}

/** Where to send the requests: one URL, or a rotation of them. */
export type Target = string | Rotation;

function rotation(target: Target): { url: string; next: () => string } {
  if (typeof target === 'string') return { url: target, next: () => target };
  return { url: target.urls[0], next: () => target.next() };
}

/** `connections` concurrent keep-alive connections for `seconds`. */
export async function closedLoop(target: Target, connections: number, seconds: number): Promise<LoadResult> {
  const { url, next } = rotation(target);
  assertLoopback(url);
  const requests =
    typeof target === 'string'
      ? undefined
      : [
          {
            setupRequest: (req: autocannon.Request) => {
              const path = new URL(next());
              return { ...req, path: path.pathname + path.search };
            },
          },
        ];
  const result = await autocannon({ url, connections, duration: seconds, pipelining: 1, timeout: 30, requests });
  const ok = result['2xx'];
  return {
    rps: ok / result.duration,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    requests: result.requests.total,
    errors: result.errors,
    non2xx: result.non2xx,
    seconds: result.duration,
    bytesPerResponse: result.requests.total ? result.throughput.total / result.requests.total : 0,
  };
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/**
 * An open loop: request i leaves at start + i / rate whatever happened to the earlier ones, so a
 * slow server cannot slow the load down (no coordinated omission). Latency counts from the moment
 * the request was due, in milliseconds with sub-millisecond precision.
 */
export async function fixedRate(target: Target, rate: number, seconds: number, graceSeconds = 5): Promise<LoadResult> {
  const { url, next } = rotation(target);
  assertLoopback(url);
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const total = Math.round(rate * seconds);
  const interval = 1000 / rate;
  const latencies: number[] = [];
  let errors = 0;
  let non2xx = 0;
  let bytes = 0;
  const inFlight: Promise<void>[] = [];
  let outstanding = 0;
  let sent = 0;
  let saturated = false;
  const started = performance.now();
  for (let i = 0; i < total; i++) {
    const due = started + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    // Three seconds of requests waiting: the server cannot keep this rate, and more would only
    // queue up (and keep it busy long after the run).
    if (outstanding > rate * 3) {
      saturated = true;
      break;
    }
    sent++;
    outstanding++;
    inFlight.push(
      new Promise<void>((resolve) => {
        const req = request(next(), { agent, timeout: 30_000 }, (res) => {
          res.on('data', (chunk: Buffer) => (bytes += chunk.length));
          res.on('end', () => {
            if (res.statusCode === 200) latencies.push(performance.now() - due);
            else non2xx++;
            outstanding--;
            resolve();
          });
        });
        req.on('error', () => {
          errors++;
          outstanding--;
          resolve();
        });
        req.on('timeout', () => req.destroy(new Error('timeout')));
        req.end();
      }),
    );
  }
  // A server that cannot keep up would otherwise keep the run going for minutes: what has not been
  // answered a few seconds after the last request was due counts as an error.
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    Promise.all(inFlight),
    new Promise((resolve) => (timer = setTimeout(resolve, graceSeconds * 1000))),
  ]);
  clearTimeout(timer);
  const elapsed = (performance.now() - started) / 1000;
  const unanswered = sent - latencies.length - non2xx - errors;
  errors += unanswered + (total - sent);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    rps: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p90: percentile(latencies, 90),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1] ?? NaN,
    requests: total,
    errors,
    non2xx,
    seconds: elapsed,
    // Body bytes only: node:http does not expose the raw header bytes.
    bytesPerResponse: latencies.length ? bytes / latencies.length : 0,
    saturated,
  };
}

/** One request at a time, `n` of them: the latency of a single request on an idle server. */
export async function sequential(target: Target, n: number): Promise<LoadResult> {
  const { url, next } = rotation(target);
  assertLoopback(url);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const latencies: number[] = [];
  let errors = 0;
  let non2xx = 0;
  let bytes = 0;
  const started = performance.now();
  for (let i = 0; i < n; i++) {
    const sent = performance.now();
    await new Promise<void>((resolve) => {
      const req = request(next(), { agent, timeout: 30_000 }, (res) => {
        res.on('data', (chunk: Buffer) => (bytes += chunk.length));
        res.on('end', () => {
          if (res.statusCode === 200) latencies.push(performance.now() - sent);
          else non2xx++;
          resolve();
        });
      });
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end();
    });
  }
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    rps: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p90: percentile(latencies, 90),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1] ?? NaN,
    requests: n,
    errors,
    non2xx,
    seconds: elapsed,
    bytesPerResponse: latencies.length ? bytes / latencies.length : 0,
  };
}
