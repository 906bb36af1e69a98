import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { DataSource } from 'typeorm';

/**
 * At most this many answers: the distinct public searches a forum's visitors repeat (the listing,
 * its filters, the popular words and their type-ahead prefixes, a few pages deep) are a few hundred;
 * beyond that an entry is rarely asked twice before the next change empties the cache anyway.
 */
export const SEARCH_CACHE_MAX_ENTRIES = 2_000;
/**
 * And at most this many bytes: a page of 20 is 15-40 KB of JSON, so 2,000 of them fit; pages of
 * 100 (limit=100) are five times larger and are bounded here instead of by their number.
 */
export const SEARCH_CACHE_MAX_BYTES = 64 * 1024 * 1024;

/** An answer as computed: its response body, and the generation the statement's snapshot saw. */
export interface ComputedAnswer {
  body: Buffer;
  generation: number;
}

interface Flight {
  generation: number;
  answer: Promise<ComputedAnswer>;
}

/**
 * Exact answers of the public search, by key, for one generation of the data. Each request brings
 * the generation the database holds as it arrives; the rule that keeps answers exact: an answer is
 * stored only if the generation its statement saw is the newest this cache has been told, and the
 * cache is emptied whenever a newer one arrives. An entry of generation g was computed from a
 * snapshot with every change up to g and none after; a request that read g finds only such entries,
 * so it sees every change committed before it arrived (its author's own, on any instance).
 *
 * Concurrent identical misses share one statement (single flight), but only within a generation:
 * a request that arrives after a change never waits for an answer computed before it.
 */
export class SearchCache {
  private readonly answers: LRUCache<string, Buffer>;
  private readonly flights = new Map<string, Flight>();
  private current = -1;

  constructor({ maxEntries = SEARCH_CACHE_MAX_ENTRIES, maxBytes = SEARCH_CACHE_MAX_BYTES } = {}) {
    this.answers = new LRUCache<string, Buffer>({
      max: maxEntries,
      maxSize: maxBytes,
      // The body's bytes and the key's (two bytes a character at most, as V8 holds it).
      sizeCalculation: (body, key) => body.length + key.length * 2,
    });
  }

  /** The newest generation this cache has been told (-1 before the first request). */
  get generation(): number {
    return this.current;
  }

  /** Entries held, and their bytes (for tests and the log). */
  get size(): { entries: number; bytes: number } {
    return { entries: this.answers.size, bytes: this.answers.calculatedSize };
  }

  /**
   * The answer for `key` to a request that read `generation` on arriving: stored, or the one
   * `compute` gives (run once for concurrent misses of that generation).
   */
  async get(key: string, generation: number, compute: () => Promise<ComputedAnswer>): Promise<Buffer> {
    if (generation > this.current) {
      // Something changed: anything held may be stale.
      this.current = generation;
      this.answers.clear();
      this.flights.clear();
    } else if (generation < this.current) {
      // It read before a request that read a newer one: its own answer, neither taken nor kept.
      return (await compute()).body;
    }
    const stored = this.answers.get(key);
    if (stored) return stored;
    let flight = this.flights.get(key);
    if (!flight || flight.generation !== generation) {
      flight = { generation, answer: compute() };
      const started = flight;
      this.flights.set(key, started);
      void started.answer.then(
        (answer) => {
          if (this.flights.get(key) === started) this.flights.delete(key);
          // A statement that saw a newer generation than the cache's is not kept: requests of
          // the cache's generation may not see that change yet, and later ones will bring it.
          if (answer.generation === this.current) this.answers.set(key, answer.body);
        },
        () => {
          if (this.flights.get(key) === started) this.flights.delete(key);
        },
      );
    }
    return (await flight.answer).body;
  }
}

/**
 * The instance's search cache, kept exact by reading the generation (one primary-key row, a few
 * microseconds of PostgreSQL) on every request: a hit costs that round trip instead of the search
 * (12-23 ms of PostgreSQL for a text search, 2.7 ms for the listing), and in return every answer
 * includes every change committed before the request arrived, on any instance, with no connection
 * of its own to keep and no window in which a change's own author sees the listing from before it.
 */
@Injectable()
export class SearchCacheService extends SearchCache {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  /** The answer for `key`, from the cache when it is of the generation the database holds now. */
  async answer(key: string, compute: () => Promise<ComputedAnswer>): Promise<Buffer> {
    const [{ generation }] = await this.dataSource.query<{ generation: string }[]>(
      'SELECT generation FROM search_generation WHERE id = 1',
    );
    return this.get(key, Number(generation), compute);
  }
}
