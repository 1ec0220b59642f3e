/**
 * The API's response cache: the graph is read far more often than it is written, and analysts (and
 * their dashboards) repeat the same queries. A query's whole HTTP response is kept and served again
 * for the same request (method, URL, body, Accept and Origin headers) until the graph changes.
 *
 * "Until the graph changes": every read Neo4j answers carries a bookmark naming the database's last
 * committed transaction. The cache polls it (`RETURN 1`, every `pollMs`, 250 ms by default) and
 * empties itself when it moves, so a write from any process (`stancegraph load`, `actors merge`,
 * Neo4j Browser) shows in the API within one poll. A response is kept only when the graph version
 * did not move while it was computed; entries also expire after `maxAgeMs`, and the cache holds at
 * most `maxEntries` responses / `maxBytes` bytes (least recently used go first). While Neo4j cannot
 * be polled, nothing is served from or kept in the cache. Mutations through this server empty it
 * at once. Only successful queries are kept: no mutations, no responses carrying `errors`.
 *
 * Concurrent requests for the same key share one execution (the others wait for its response).
 */
import type { Driver } from 'neo4j-driver';

export interface CachedResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

interface Entry extends CachedResponse {
  version: string;
  expires: number;
}

export interface ResponseCacheOptions {
  driver: Driver;
  database: string;
  /** Longest a response is served (ms), whatever the graph does. */
  maxAgeMs: number;
  /** How often the graph version is polled (ms). */
  pollMs?: number;
  maxEntries?: number;
  maxBytes?: number;
}

/** What the GraphQL layer reports about one request: was it a query that succeeded? */
export interface CacheTicket {
  query: boolean;
  ok: boolean;
}

/** Longest a request waits for another one computing the same response before computing it itself. */
const WAIT_MS = 10_000;

export class ResponseCache {
  /** The graph version (last bookmark seen), or null while unknown: then nothing is cached. */
  version: string | null = null;
  hits = 0;
  misses = 0;
  private entries = new Map<string, Entry>();
  private pending = new Map<string, Promise<CachedResponse | null>>();
  private bytes = 0;
  /** Bumped by every clear(): a response computed across a clear is not kept. */
  private generation = 0;
  private timer: NodeJS.Timeout | undefined;
  private polling = false;
  private stopped = false;
  readonly maxEntries: number;
  readonly maxBytes: number;
  readonly pollMs: number;

  constructor(readonly options: ResponseCacheOptions) {
    this.maxEntries = options.maxEntries ?? 5000;
    this.maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
    this.pollMs = options.pollMs ?? 250;
  }

  /** Reads the graph version once, then keeps polling it (the timer does not hold the process). */
  async start(): Promise<void> {
    await this.poll();
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private schedule() {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.poll().finally(() => this.schedule());
    }, this.pollMs);
    this.timer.unref();
  }

  /** Reads the database's latest bookmark; a new one empties the cache. */
  async poll(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    const session = this.options.driver.session({
      database: this.options.database,
      defaultAccessMode: 'READ',
    });
    try {
      await session.run('RETURN 1', {}, { timeout: Math.max(1000, this.pollMs * 4) });
      await session.close();
      const version = session.lastBookmarks().join(',') || null;
      if (version !== this.version) {
        this.clear();
        this.version = version;
      }
    } catch {
      this.clear();
      this.version = null;
      await session.close().catch(() => {});
    } finally {
      this.polling = false;
    }
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
    this.generation++;
  }

  /** After a write through this server: empty the cache now and read the new graph version. */
  invalidate(): void {
    this.clear();
    void this.poll();
  }

  get size(): number {
    return this.entries.size;
  }

  /** A fresh response for the key, or undefined. */
  get(key: string): CachedResponse | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.version !== this.version || e.expires <= Date.now()) {
      this.delete(key);
      return undefined;
    }
    // Least recently used first out: a hit moves the entry to the end.
    this.entries.delete(key);
    this.entries.set(key, e);
    this.hits++;
    return e;
  }

  private delete(key: string) {
    const e = this.entries.get(key);
    if (e) {
      this.bytes -= e.body.length;
      this.entries.delete(key);
    }
  }

  private put(key: string, r: CachedResponse, version: string) {
    if (r.body.length > this.maxBytes / 4) return;
    this.delete(key);
    this.entries.set(key, { ...r, version, expires: Date.now() + this.options.maxAgeMs });
    this.bytes += r.body.length;
    for (const [k] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.delete(k);
    }
  }

  /**
   * The response for `key`: from the cache, from a request already computing it, or from
   * `compute`, which gets a ticket to mark the request as a successful query (then its response
   * is kept, unless the graph moved meanwhile). Says which of the three it was.
   */
  async serve(
    key: string,
    compute: (ticket: CacheTicket) => Promise<CachedResponse>,
  ): Promise<{ response: CachedResponse; from: 'hit' | 'shared' | 'miss' }> {
    const cached = this.get(key);
    if (cached) return { response: cached, from: 'hit' };
    const running = this.pending.get(key);
    if (running) {
      const shared = await Promise.race([
        running,
        new Promise<null>((r) => setTimeout(() => r(null), WAIT_MS).unref()),
      ]);
      if (shared) {
        this.hits++;
        return { response: shared, from: 'shared' };
      }
    }
    this.misses++;
    const generation = this.generation;
    const ticket: CacheTicket = { query: false, ok: false };
    let settle: (r: CachedResponse | null) => void = () => {};
    const mine = new Promise<CachedResponse | null>((resolve) => {
      settle = resolve;
    });
    const shareable = !running;
    if (shareable) this.pending.set(key, mine);
    try {
      const response = await compute(ticket);
      const keep = ticket.query && ticket.ok && response.status === 200;
      if (keep && this.version !== null && generation === this.generation)
        this.put(key, response, this.version);
      settle(keep ? response : null);
      return { response, from: 'miss' };
    } catch (err) {
      settle(null);
      throw err;
    } finally {
      if (shareable && this.pending.get(key) === mine) this.pending.delete(key);
    }
  }
}
