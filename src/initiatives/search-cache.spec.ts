import { SearchCache, type ComputedAnswer } from './search-cache';

/** An answer computed later, when the test says so (a statement in flight). */
function deferred() {
  let resolve!: (answer: ComputedAnswer) => void;
  const promise = new Promise<ComputedAnswer>((r) => (resolve = r));
  return { promise, resolve };
}

const answer = (text: string, generation: number): ComputedAnswer => ({ body: Buffer.from(text), generation });

describe('SearchCache', () => {
  it('caches nothing until it knows the generation, computing every answer', async () => {
    const cache = new SearchCache();
    const compute = jest.fn(() => Promise.resolve(answer('{"total":1}', 0)));
    await cache.get('k', compute);
    await cache.get('k', compute);
    expect(compute).toHaveBeenCalledTimes(2);
    expect(cache.size.entries).toBe(0);
  });

  it('serves an answer of the current generation from memory, byte for byte', async () => {
    const cache = new SearchCache();
    cache.setGeneration(7);
    const compute = jest.fn(() => Promise.resolve(answer('{"total":1}', 7)));
    expect((await cache.get('k', compute)).toString()).toBe('{"total":1}');
    expect((await cache.get('k', compute)).toString()).toBe('{"total":1}');
    expect(compute).toHaveBeenCalledTimes(1);
  });

  it('runs concurrent identical misses once', async () => {
    const cache = new SearchCache();
    cache.setGeneration(1);
    const pending = deferred();
    const compute = jest.fn(() => pending.promise);
    const answers = Promise.all([cache.get('k', compute), cache.get('k', compute), cache.get('k', compute)]);
    pending.resolve(answer('{"a":1}', 1));
    expect((await answers).map(String)).toEqual(['{"a":1}', '{"a":1}', '{"a":1}']);
    expect(compute).toHaveBeenCalledTimes(1);
    // Different keys are different statements.
    await cache.get('other', () => Promise.resolve(answer('{"b":2}', 1)));
    expect(cache.size.entries).toBe(2);
  });

  it('never stores an answer computed before a change it has heard of', async () => {
    const cache = new SearchCache();
    cache.setGeneration(1);
    const before = deferred();
    const stale = cache.get('k', () => before.promise);
    cache.setGeneration(2);
    before.resolve(answer('{"old":true}', 1));
    // The request that was in flight gets the answer of just before the change...
    expect(String(await stale)).toBe('{"old":true}');
    // ...but it is not kept: the next request computes again.
    const compute = jest.fn(() => Promise.resolve(answer('{"new":true}', 2)));
    expect(String(await cache.get('k', compute))).toBe('{"new":true}');
    expect(compute).toHaveBeenCalledTimes(1);
  });

  it('does not let a request that came after a change wait for an answer from before it', async () => {
    const cache = new SearchCache();
    cache.setGeneration(1);
    const before = deferred();
    const early = cache.get('k', () => before.promise);
    cache.setGeneration(2);
    const late = cache.get('k', () => Promise.resolve(answer('{"new":true}', 2)));
    before.resolve(answer('{"old":true}', 1));
    expect([String(await early), String(await late)]).toEqual(['{"old":true}', '{"new":true}']);
  });

  it('does not store an answer whose statement saw a generation it has not heard of yet', async () => {
    const cache = new SearchCache();
    cache.setGeneration(1);
    // The statement's snapshot already includes change 2, whose notification is still on its way.
    await cache.get('k', () => Promise.resolve(answer('{"v":2}', 2)));
    expect(cache.size.entries).toBe(0);
  });

  it('drops everything on a change, and on losing the notifications', async () => {
    const cache = new SearchCache();
    cache.setGeneration(3);
    await cache.get('k', () => Promise.resolve(answer('{}', 3)));
    expect(cache.size.entries).toBe(1);
    cache.setGeneration(4);
    expect(cache.size.entries).toBe(0);
    await cache.get('k', () => Promise.resolve(answer('{}', 4)));
    cache.setGeneration(null);
    expect(cache.size.entries).toBe(0);
    expect(cache.generation).toBeNull();
  });

  it('shares nothing when the statement fails, and computes again next time', async () => {
    const cache = new SearchCache();
    cache.setGeneration(1);
    await expect(cache.get('k', () => Promise.reject(new Error('connection lost')))).rejects.toThrow('connection lost');
    expect(String(await cache.get('k', () => Promise.resolve(answer('{"ok":1}', 1))))).toBe('{"ok":1}');
  });

  it('holds at most its bytes, evicting the least recently used', async () => {
    // Each entry: 1,000 bytes of body and a one-character key (2 bytes).
    const cache = new SearchCache({ maxEntries: 100, maxBytes: 3_100 });
    cache.setGeneration(1);
    const body = (key: string) => () => Promise.resolve(answer(key.repeat(1_000), 1));
    for (const key of ['a', 'b', 'c']) await cache.get(key, body(key));
    await cache.get('a', body('a')); // a is now the most recently used
    await cache.get('d', body('d'));
    expect(cache.size).toEqual({ entries: 3, bytes: 3_006 });
    const recompute = jest.fn(body('b'));
    await cache.get('b', recompute);
    expect(recompute).toHaveBeenCalledTimes(1); // b was evicted
    const kept = jest.fn(body('a'));
    await cache.get('a', kept);
    expect(kept).not.toHaveBeenCalled();
  });

  it('holds at most its number of entries', async () => {
    const cache = new SearchCache({ maxEntries: 2, maxBytes: 1_000_000 });
    cache.setGeneration(1);
    for (const key of ['a', 'b', 'c']) await cache.get(key, () => Promise.resolve(answer('{}', 1)));
    expect(cache.size.entries).toBe(2);
  });
});
