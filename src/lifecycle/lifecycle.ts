import { Injectable } from '@nestjs/common';

/** A part of the app that winds down when the instance drains (the sockets): resolves when done. */
export interface Drainer {
  drain(): Promise<void>;
  /** What it still holds open (for the log, when the time runs out). */
  open(): number;
}

/**
 * Whether this instance serves or drains (SIGTERM: see drain.ts), and the work it started that
 * outlives the request or socket event that caused it: the notifications and mails of a stored
 * message. The drain waits for that work, so nothing a stored message owes is cut off by a restart.
 */
@Injectable()
export class Lifecycle {
  private drainingSince?: number;
  private readonly background = new Set<Promise<void>>();
  private readonly drainers: Drainer[] = [];

  get draining(): boolean {
    return this.drainingSince !== undefined;
  }

  /** From now on /health answers 503 and no new request or socket event is taken. */
  beginDrain(): void {
    this.drainingSince ??= Date.now();
  }

  addDrainer(drainer: Drainer): void {
    this.drainers.push(drainer);
  }

  async runDrainers(): Promise<void> {
    await Promise.all(this.drainers.map((drainer) => drainer.drain()));
  }

  openSockets(): number {
    return this.drainers.reduce((sum, drainer) => sum + drainer.open(), 0);
  }

  /** Work to finish before the process exits (its failure is the work's own to log). */
  track(work: Promise<unknown>): void {
    const settled: Promise<void> = work.then(
      () => undefined,
      () => undefined,
    );
    this.background.add(settled);
    void settled.then(() => this.background.delete(settled));
  }

  /** Background work in progress. */
  get pending(): number {
    return this.background.size;
  }

  /** Resolves when no background work is left (including work started meanwhile). */
  async settled(): Promise<void> {
    while (this.background.size) await Promise.all([...this.background]);
  }
}
