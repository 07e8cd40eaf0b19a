import { useEffect, useMemo, useState } from 'react';
import type { LabelSetItems } from '../../../../../shared/labeling/label-set';
import { useApi } from '../../../api/api-context';
import { ApiError, call } from '../../../api/api-error';
import type { Population } from '../model/population';

/**
 * A saved set's labels laid over the current population: posts the set does not hold count as unlabeled by it.
 * (The set may have been made on other filters or older posts; the comparison is over today's population.)
 */
export function useSavedLabels(id: string | null, population: Population) {
  const api = useApi();
  const [loaded, setLoaded] = useState<{ id: string; items: LabelSetItems } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    if (id === null) return;
    let live = true;
    void api.labels.get({ id }).then((result) => {
      if (!live) return;
      try {
        setLoaded({ id, items: call(result).items });
        setError(null);
      } catch (thrown) {
        setError(ApiError.from(thrown));
      }
    });
    return () => {
      live = false;
    };
  }, [api, id]);

  const aligned = useMemo(() => {
    if (!loaded || loaded.id !== id) return null;
    const byId = new Map<string, number>();
    loaded.items.postId.forEach((postId, index) => byId.set(postId, loaded.items.label[index]!));
    const labels = new Int8Array(population.n);
    let missing = 0;
    for (let i = 0; i < population.n; i++) {
      const label = byId.get(population.ids[i]!);
      if (label === undefined) missing++;
      else labels[i] = label;
    }
    return { labels, missing };
  }, [loaded, id, population]);

  return { saved: aligned, error: id !== null ? error : null };
}
