/**
 * What the bench's client processes (fanout-client.ts, plenary-client.ts) share: the commands their
 * parent sends over IPC, each answered by id, and their own CPU time.
 */

export interface Command {
  id: number;
  cmd: string;
  args?: Record<string, unknown>;
}

/** This process's own CPU time in milliseconds (user and system). */
export function ownCpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/** Answers each command by its id, exits when the parent goes, and tells the parent it is ready. */
export function serveCommands(handle: (command: Command) => Promise<object>, ready: unknown): void {
  process.on('message', (command: Command) => {
    handle(command).then(
      (result) => process.send?.({ id: command.id, ok: true, result }),
      (error: Error) => process.send?.({ id: command.id, ok: false, error: error.stack ?? error.message }),
    );
  });
  process.on('disconnect', () => process.exit(0));
  process.send?.({ id: 0, ok: true, result: { ready } });
}
