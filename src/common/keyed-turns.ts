/**
 * Work queued per key, one after another in this process: each runs once the key's previous work
 * has settled, whether it succeeded or failed. A key with nothing queued holds no memory.
 */
export class KeyedTurns<Key> {
  /** Per key, when its last queued work settles. */
  private readonly last = new Map<Key, Promise<void>>();

  run<T>(key: Key, work: () => Promise<T>): Promise<T> {
    const result = (this.last.get(key) ?? Promise.resolve()).then(work);
    const settled = result.then(
      () => undefined,
      () => undefined,
    );
    this.last.set(key, settled);
    void settled.then(() => {
      if (this.last.get(key) === settled) this.last.delete(key);
    });
    return result;
  }
}
