import { useCallback, useEffect, useState } from 'react';
import type { LabelSetSummary } from '../../../../shared/labeling/label-set';
import type { CompareTable } from '../../../../shared/rating/rating-types';
import type { RunSummary } from '../../../../shared/training/training-types';
import { useApi, useReconnectCount } from '../../api/api-context';
import { ApiError, call } from '../../api/api-error';

/**
 * The comparison table for a label set and a run (null: the backend's choice, the newest session's label set and a
 * completed run trained on it), and the label sets and completed runs to choose from.
 */
export function useCompare() {
  const api = useApi();
  const reconnects = useReconnectCount();
  const [labelSet, setLabelSet] = useState<string | null>(null);
  const [run, setRun] = useState<string | null>(null);
  const [table, setTable] = useState<CompareTable | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const [labelSets, setLabelSets] = useState<LabelSetSummary[] | null>(null);
  const [runs, setRuns] = useState<RunSummary[] | null>(null);

  useEffect(() => {
    void api.labels.list().then((result) => result.ok && setLabelSets(result.value));
    void api.runs.list().then((result) => result.ok && setRuns(result.value.filter((candidate) => candidate.status === 'completed')));
  }, [api, reconnects]);

  useEffect(() => {
    let live = true;
    setLoading(true);
    void (async () => {
      try {
        const value = call(await api.ratings.compare({ ...(labelSet ? { labelSet } : {}), ...(run ? { run } : {}) }));
        if (!live) return;
        setTable(value);
        setError(null);
      } catch (thrown) {
        if (live) setError(ApiError.from(thrown));
      } finally {
        if (live) setLoading(false);
      }
    })();
    return () => {
      live = false;
    };
  }, [api, labelSet, run, reconnects]);

  const chooseLabelSet = useCallback((id: string) => {
    setLabelSet(id);
    // A run is trained on one label set; let the backend pick the matching one again.
    setRun(null);
  }, []);

  return { table, error, loading, labelSets, runs, chooseLabelSet, chooseRun: setRun };
}
