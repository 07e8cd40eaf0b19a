/**
 * Runs `work` over `items` with at most `limit` calls in flight and yields the results in the items' order,
 * so a reader streams through a folder of 500k files with only `limit` of them in memory. Stops between items
 * once `signal` is aborted (throwing its reason). Calls already started when the consumer stops still finish,
 * unobserved: `work` must not reject (turn failures into values).
 */
export async function* mapInOrder<T, R>(
  items: Iterable<T>,
  limit: number,
  work: (item: T) => Promise<R>,
  signal?: AbortSignal,
): AsyncGenerator<R> {
  const source = items[Symbol.iterator]();
  const inFlight: Promise<R>[] = [];
  const fill = () => {
    while (inFlight.length < limit && !signal?.aborted) {
      const next = source.next();
      if (next.done) return;
      const promise = work(next.value);
      promise.catch(() => undefined); // observed below; this only keeps an abandoned one from being "unhandled"
      inFlight.push(promise);
    }
  };
  fill();
  while (inFlight.length > 0) {
    const result = await inFlight.shift()!;
    signal?.throwIfAborted();
    yield result;
    fill();
  }
  signal?.throwIfAborted();
}
