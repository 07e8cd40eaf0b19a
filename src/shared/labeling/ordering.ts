/**
 * Orders by a score with ties broken by post id ascending (plain string order, i.e. UTF-16 code units), which is
 * what the rules' definitions ask for, so results can be checked independently of this code.
 */
export function orderBy(scores: ArrayLike<number>, ids: readonly string[], direction: 'ascending' | 'descending'): Uint32Array {
  const order = new Uint32Array(scores.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  const sign = direction === 'ascending' ? 1 : -1;
  return order.sort((a, b) => {
    const difference = (scores[a]! - scores[b]!) * sign;
    if (difference !== 0) return difference;
    const idA = ids[a]!;
    const idB = ids[b]!;
    return idA < idB ? -1 : idA > idB ? 1 : 0;
  });
}

/** floor(fraction · n), guarding against floating error just below an integer (0.1·30 = 3.0000000000000004). */
export function tailCount(fraction: number, n: number): number {
  return Math.floor(fraction * n + 1e-9);
}
