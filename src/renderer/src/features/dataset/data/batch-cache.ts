/**
 * Values fetched per row in batches (post rows, thumbnails), for whatever is on screen right now.
 *
 * `want(rows)` replaces the wish list: rows that scrolled away before their batch was sent are simply dropped, so fast
 * scrolling never queues thousands of requests. Answers of batches already in flight are kept (they are valid) unless
 * `reset()` was called meanwhile (the data was reloaded), in which case they are ignored.
 */
export interface BatchCacheOptions<T> {
  fetch(rows: number[]): Promise<T[]>;
  /** Rows per request (the API's limit or less). */
  batchSize: number;
  /** Requests in flight at once. */
  parallel: number;
  /** Rows kept; the oldest are forgotten first. */
  capacity: number;
  onError?(error: unknown): void;
}

export class BatchCache<T> {
  private readonly values = new Map<number, T>();
  private readonly inFlight = new Set<number>();
  private readonly listeners = new Set<() => void>();
  private wanted: number[] = [];
  private running = 0;
  private generation = 0;
  private revision = 0;

  constructor(private readonly options: BatchCacheOptions<T>) {}

  get(row: number): T | undefined {
    return this.values.get(row);
  }

  has(row: number): boolean {
    return this.values.has(row);
  }

  want(rows: readonly number[]): void {
    this.wanted = rows.filter((row) => !this.values.has(row) && !this.inFlight.has(row));
    this.pump();
  }

  /** Forgets everything (the posts were reloaded); answers still in flight are ignored. */
  reset(): void {
    this.generation++;
    this.values.clear();
    this.inFlight.clear();
    this.wanted = [];
    this.changed();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Grows whenever values arrive: React re-renders on it (useSyncExternalStore). */
  snapshot = (): number => this.revision;

  private pump(): void {
    while (this.running < this.options.parallel && this.wanted.length > 0) {
      const batch = this.wanted.splice(0, this.options.batchSize);
      for (const row of batch) this.inFlight.add(row);
      this.running++;
      const generation = this.generation;
      this.options
        .fetch(batch)
        .then((values) => {
          if (generation !== this.generation) return;
          batch.forEach((row, index) => {
            if (index < values.length) this.values.set(row, values[index]!);
          });
          this.evict();
          this.changed();
        })
        .catch((error: unknown) => {
          if (generation === this.generation) this.options.onError?.(error);
        })
        .finally(() => {
          if (generation === this.generation) for (const row of batch) this.inFlight.delete(row);
          this.running--;
          this.pump();
        });
    }
  }

  private evict(): void {
    const excess = this.values.size - this.options.capacity;
    if (excess <= 0) return;
    let removed = 0;
    for (const row of this.values.keys()) {
      if (removed++ >= excess) break;
      this.values.delete(row);
    }
  }

  private changed(): void {
    this.revision++;
    for (const listener of [...this.listeners]) listener();
  }
}
