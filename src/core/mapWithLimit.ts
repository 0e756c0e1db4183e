/**
 * `items.map(fn)` with at most `limit` calls pending at once, results in the items' order. Reading
 * hundreds of run folders all at once would queue hundreds of file reads behind one another and keep
 * as many buffers alive; a few at a time finishes as fast and keeps each turn of the event loop short.
 */
export async function mapWithLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}
