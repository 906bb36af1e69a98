/**
 * What the parts of `npm run bench` share: child servers, CPU time and memory from /proc, and the
 * formatting of figures and tables.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..');

export function say(line = ''): void {
  process.stdout.write(`${line}\n`);
}

export function git(args: string[]): string | null {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, Math.max(0, ms)));

/** Milliseconds on CLOCK_MONOTONIC, which all processes of the machine share (see fanout-client.ts). */
export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** The bench loads and connects to this machine only. */
export function assertLoopback(url: string): void {
  const host = new URL(url).hostname;
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '[::1]')
    throw new Error(`the bench only talks to 127.0.0.1, not ${host}`);
}

// ---------------------------------------------------------------------------------------------
// Servers

export interface Running {
  name: string;
  base: string;
  child: ChildProcess;
  output: string[];
}

export async function startChild(name: string, args: string[], env: NodeJS.ProcessEnv, port: number): Promise<Running> {
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const res = await fetch(`${base}/health`);
      if (res.ok) return { name, base, child, output };
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  child.kill('SIGKILL');
  throw new Error(`the ${name} server did not start:\n${output.join('').split('\n').slice(-30).join('\n')}`);
}

export async function stopChild(running: Running | undefined): Promise<void> {
  if (!running || running.child.exitCode !== null || running.child.signalCode !== null) return;
  const exited = new Promise((r) => running.child.once('exit', r));
  running.child.kill('SIGTERM');
  const timer = setTimeout(() => running.child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

// ---------------------------------------------------------------------------------------------
// /proc (Linux; null elsewhere)

export const TICK_MS = (() => {
  try {
    return 1000 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
  } catch {
    return 10;
  }
})();

/** CPU milliseconds (user + system) the process has used so far. */
export function cpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS; // utime + stime
  } catch {
    return null;
  }
}

/** Resident memory of the process in bytes (VmRSS of /proc/<pid>/status). */
export function rssBytes(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return kb ? Number(kb[1]) * 1024 : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Figures

export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function median(values: number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

export function fmt(value: number | null | undefined, digits = 0): string {
  return value != null && Number.isFinite(value) ? value.toFixed(digits) : '-';
}

export function ms(value: number | null | undefined): string {
  return value == null || !Number.isFinite(value) ? '-' : `${fmt(value, value < 10 ? 2 : 1)} ms`;
}

export function cpu(value: number | null | undefined): string {
  return value == null ? '?' : `${fmt(value, 2)} ms`;
}

/** A text table; `left(c)` says which columns are aligned left (the others are numbers, aligned right). */
export function table(rows: string[][], left: (column: number) => boolean = (c) => c === 0): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  const line = (row: string[]) =>
    row.map((cell, c) => (left(c) ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join(' | ');
  const rule = widths.map((w) => '-'.repeat(w)).join('-+-');
  return [line(rows[0]), rule, ...rows.slice(1).map(line)].join('\n');
}
