import { SearchCache, type ComputedAnswer } from './search-cache';

/** An answer computed later, when the test says so (a statement in flight). */
function deferred() {
  let resolve!: (answer: ComputedAnswer) => void;
  const promise = new Promise<ComputedAnswer>((r) => (resolve = r));
  return { promise, resolve };
}

const answer = (text: string, generation: number): ComputedAnswer => ({ body: Buffer.from(text), generation });

describe('SearchCache', () => {
  it('serves an answer of the generation a request read from memory, byte for byte', async () => {
    const cache = new SearchCache();
    const compute = jest.fn(() => Promise.resolve(answer('{"total":1}', 7)));
    expect((await cache.get('k', 7, compute)).toString()).toBe('{"total":1}');
    expect((await cache.get('k', 7, compute)).toString()).toBe('{"total":1}');
    expect(compute).toHaveBeenCalledTimes(1);
    expect(cache.generation).toBe(7);
  });

  it('computes again for a request that read a newer generation, and drops the rest', async () => {
    const cache = new SearchCache();
    await cache.get('k', 3, () => Promise.resolve(answer('{"v":3}', 3)));
    await cache.get('other', 3, () => Promise.resolve(answer('{}', 3)));
    expect(cache.size.entries).toBe(2);
    const compute = jest.fn(() => Promise.resolve(answer('{"v":4}', 4)));
    expect(String(await cache.get('k', 4, compute))).toBe('{"v":4}');
    expect(compute).toHaveBeenCalledTimes(1);
    expect(cache.size.entries).toBe(1);
  });

  it('runs concurrent identical misses once', async () => {
    const cache = new SearchCache();
    const pending = deferred();
    const compute = jest.fn(() => pending.promise);
    const answers = Promise.all([cache.get('k', 1, compute), cache.get('k', 1, compute), cache.get('k', 1, compute)]);
    pending.resolve(answer('{"a":1}', 1));
    expect((await answers).map(String)).toEqual(['{"a":1}', '{"a":1}', '{"a":1}']);
    expect(compute).toHaveBeenCalledTimes(1);
    // Different keys are different statements.
    await cache.get('other', 1, () => Promise.resolve(answer('{"b":2}', 1)));
    expect(cache.size.entries).toBe(2);
  });

  it('never stores an answer computed before a change a later request read', async () => {
    const cache = new SearchCache();
    const before = deferred();
    const stale = cache.get('k', 1, () => before.promise);
    const compute = jest.fn(() => Promise.resolve(answer('{"new":true}', 2)));
    // A request that read generation 2 does not wait for the statement of generation 1...
    expect(String(await cache.get('k', 2, compute))).toBe('{"new":true}');
    before.resolve(answer('{"old":true}', 1));
    // ...the request that was in flight gets the answer of just before the change...
    expect(String(await stale)).toBe('{"old":true}');
    // ...and it is not kept: generation 2's answer is.
    expect(String(await cache.get('k', 2, compute))).toBe('{"new":true}');
    expect(compute).toHaveBeenCalledTimes(1);
  });

  it('neither serves nor keeps anything for a request that read an older generation than the cache holds', async () => {
    const cache = new SearchCache();
    await cache.get('k', 5, () => Promise.resolve(answer('{"v":5}', 5)));
    const compute = jest.fn(() => Promise.resolve(answer('{"v":5}', 5)));
    expect(String(await cache.get('k', 4, compute))).toBe('{"v":5}');
    expect(compute).toHaveBeenCalledTimes(1);
    expect(cache.generation).toBe(5);
  });

  it('does not store an answer whose statement saw a newer generation than its request read', async () => {
    const cache = new SearchCache();
    // A change committed between the request's read of the generation and its statement.
    await cache.get('k', 1, () => Promise.resolve(answer('{"v":2}', 2)));
    expect(cache.size.entries).toBe(0);
  });

  it('shares nothing when the statement fails, and computes again next time', async () => {
    const cache = new SearchCache();
    await expect(cache.get('k', 1, () => Promise.reject(new Error('connection lost')))).rejects.toThrow(
      'connection lost',
    );
    expect(String(await cache.get('k', 1, () => Promise.resolve(answer('{"ok":1}', 1))))).toBe('{"ok":1}');
  });

  it('holds at most its bytes, evicting the least recently used', async () => {
    // Each entry: 1,000 bytes of body and a one-character key (2 bytes).
    const cache = new SearchCache({ maxEntries: 100, maxBytes: 3_100 });
    const body = (key: string) => () => Promise.resolve(answer(key.repeat(1_000), 1));
    for (const key of ['a', 'b', 'c']) await cache.get(key, 1, body(key));
    await cache.get('a', 1, body('a')); // a is now the most recently used
    await cache.get('d', 1, body('d'));
    expect(cache.size).toEqual({ entries: 3, bytes: 3_006 });
    const recompute = jest.fn(body('b'));
    await cache.get('b', 1, recompute);
    expect(recompute).toHaveBeenCalledTimes(1); // b was evicted
    const kept = jest.fn(body('a'));
    await cache.get('a', 1, kept);
    expect(kept).not.toHaveBeenCalled();
  });

  it('holds at most its number of entries', async () => {
    const cache = new SearchCache({ maxEntries: 2, maxBytes: 1_000_000 });
    for (const key of ['a', 'b', 'c']) await cache.get(key, 1, () => Promise.resolve(answer('{}', 1)));
    expect(cache.size.entries).toBe(2);
  });
});
