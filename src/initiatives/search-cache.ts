import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { Client } from 'pg';
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
/** The channel the triggers of migration SearchGeneration notify, with the new generation. */
export const SEARCH_GENERATION_CHANNEL = 'search_generation';
const RECONNECT_MS = { first: 500, max: 30_000 };

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
 * Exact answers of the public search, by key, for one generation of the data. The rule that keeps
 * them exact: an answer is stored only if the generation its statement saw is the generation this
 * instance holds now, and the cache is emptied whenever the generation moves (or is unknown:
 * `null`, nothing is cached). So an answer computed before a change is never stored after the
 * instance has heard of the change; one stored before is dropped when it hears.
 *
 * Concurrent identical misses share one statement (single flight), but only within a generation:
 * a request that arrives after a change never waits for an answer computed before it.
 */
export class SearchCache {
  private readonly answers: LRUCache<string, Buffer>;
  private readonly flights = new Map<string, Flight>();
  private current: number | null = null;

  constructor({ maxEntries = SEARCH_CACHE_MAX_ENTRIES, maxBytes = SEARCH_CACHE_MAX_BYTES } = {}) {
    this.answers = new LRUCache<string, Buffer>({
      max: maxEntries,
      maxSize: maxBytes,
      // The body's bytes and the key's (two bytes a character at most, as V8 holds it).
      sizeCalculation: (body, key) => body.length + key.length * 2,
    });
  }

  /** The generation this instance holds; null when it cannot know it (not listening). */
  get generation(): number | null {
    return this.current;
  }

  /** Entries held, and their bytes (for tests and the log). */
  get size(): { entries: number; bytes: number } {
    return { entries: this.answers.size, bytes: this.answers.calculatedSize };
  }

  /**
   * A new generation (a notification, or the value read on connecting), or null (the
   * notifications are lost): anything held may be stale, so everything goes. Notifications arrive
   * in commit order, and the bump's row lock orders the generations as the commits.
   */
  setGeneration(generation: number | null): void {
    this.current = generation;
    this.answers.clear();
    this.flights.clear();
  }

  /** The stored answer for `key`, or the one `compute` gives (run once for concurrent misses). */
  async get(key: string, compute: () => Promise<ComputedAnswer>): Promise<Buffer> {
    const generation = this.current;
    if (generation === null) return (await compute()).body;
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
 * The instance's search cache, kept in step with the database: a dedicated connection LISTENs to
 * the generation's notifications (each empties the cache). Reading the generation on every request
 * would cost a round trip to PostgreSQL per hit, the very cost the cache removes; a notification
 * costs nothing until something changes. On connecting it LISTENs first and then reads the
 * generation, so no bump falls between the two. When the connection is lost the cache is emptied
 * and nothing is cached until it is back (answers are then computed each time, as without a cache).
 */
@Injectable()
export class SearchCacheService extends SearchCache implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('SearchCache');
  private client?: Client;
  private retry?: NodeJS.Timeout;
  private retryMs = RECONNECT_MS.first;
  private stopped = false;

  constructor(private readonly dataSource: DataSource) {
    super();
  }

  onApplicationBootstrap(): void {
    void this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    this.setGeneration(null);
    await this.client?.end().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    const options = this.dataSource.options as { url?: string };
    const client = new Client({ connectionString: options.url, application_name: 'cooperation-forum-search-cache' });
    this.client = client;
    let lost = false;
    const onLost = (error?: Error) => {
      if (lost) return;
      lost = true;
      this.setGeneration(null);
      if (this.stopped) return;
      this.logger.warn({ msg: 'search cache off: its notifications connection was lost', error: error?.message });
      client.end().catch(() => undefined);
      this.retry = setTimeout(() => void this.listen(), this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, RECONNECT_MS.max);
    };
    client.on('error', onLost);
    client.on('end', () => onLost());
    client.on('notification', (message) => {
      // Once lost, this connection's notifications no longer mean the cache is complete.
      if (!lost && message.channel === SEARCH_GENERATION_CHANNEL) this.setGeneration(Number(message.payload));
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${SEARCH_GENERATION_CHANNEL}`);
      const { rows } = await client.query<{ generation: string }>(
        'SELECT generation FROM search_generation WHERE id = 1',
      );
      if (lost || this.stopped) return;
      this.retryMs = RECONNECT_MS.first;
      // A notification since LISTEN already told a generation at least as new as this read.
      if (this.generation === null) this.setGeneration(Number(rows[0].generation));
    } catch (error) {
      onLost(error as Error);
    }
  }
}
