import type { Facets } from './search-request.js';

/** How long counts and facets of one search (words and filters) are reused: a popular search is counted once. */
export const STATS_TTL_MS = 60_000;
const MAX_ENTRIES = 2_000;

export interface SearchStats {
  total: number;
  facets?: Facets;
}

/**
 * Counts and facets by search, for STATS_TTL_MS of the registry clock. They
 * are the one part of a search whose cost grows with the number of matches (a
 * word in 60,000 products); hits are never cached. Keyed by the words, filters
 * and the clock's current TTL slot, so SLA counts follow the clock and a
 * publish shows in counts within STATS_TTL_MS (on every replica).
 */
export class StatsCache {
  private readonly entries = new Map<string, Promise<SearchStats>>();
  hits = 0;
  misses = 0;

  /** What is reused for `key` now, if anything. */
  peek(key: unknown, now: Date): Promise<SearchStats> | undefined {
    return this.entries.get(this.id(key, now));
  }

  private id(key: unknown, now: Date): string {
    return JSON.stringify([key, Math.floor(now.getTime() / STATS_TTL_MS)]);
  }

  get(key: unknown, now: Date, compute: () => Promise<SearchStats>): Promise<SearchStats> {
    const id = this.id(key, now);
    const found = this.entries.get(id);
    if (found) {
      this.hits++;
      return found;
    }
    this.misses++;
    const value = compute();
    value.catch(() => this.entries.delete(id)); // a failure is not remembered
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(id, value);
    return value;
  }
}
