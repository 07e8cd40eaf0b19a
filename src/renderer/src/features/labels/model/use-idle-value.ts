import { useEffect, useState } from 'react';

/**
 * Values computed after the page has painted, one step per macrotask, so heavier summaries (every rule at its
 * defaults, the tail-width sweep: each a few hundred ms at 500,000 posts) never hold up a slider step, and the
 * page stays responsive between steps. null until every step is done; recomputed when `key` changes, with the
 * stale values dropped at once.
 */
export function useIdleSteps<T>(steps: ReadonlyArray<() => T>, key: readonly unknown[]): T[] | null {
  const [state, setState] = useState<{ key: readonly unknown[]; values: T[] } | null>(null);
  useEffect(() => {
    const values: T[] = [];
    let timer = 0;
    const next = () => {
      if (steps.length > 0) values.push(steps[values.length]!());
      if (values.length < steps.length) timer = window.setTimeout(next, 0);
      else setState({ key, values });
    };
    timer = window.setTimeout(next, 0);
    return () => clearTimeout(timer);
    // `steps` are fresh closures each render; `key` lists what they read.
  }, key);
  return state && sameKey(state.key, key) ? state.values : null;
}

function sameKey(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((item, index) => Object.is(item, b[index]));
}
