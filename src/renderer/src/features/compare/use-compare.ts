import { useCallback, useEffect, useMemo, useState } from 'react';
import type { LabelSetSummary } from '../../../../shared/labeling/label-set';
import type { CompareTable, RatingSessionSummary } from '../../../../shared/rating/rating-types';
import type { RunSummary } from '../../../../shared/training/training-types';
import { useApi, useReconnectCount } from '../../api/api-context';
import { ApiError, call } from '../../api/api-error';
import { useRatingsChanged } from '../rating/use-ratings-changed';
import { compareQueryFromHash, hashForCompareQuery, type CompareQuery } from './compare-query';
import { defaultCompareSplit, type SplitChoice } from './compare-scope';

/**
 * The comparison table for the query in the URL hash (label set, run, split, session: the backend restricts the rows
 * and so the statistics), the label sets, completed runs and single-rating sessions to choose from. Reloads when
 * ratings change anywhere ('ratings.changed', debounced).
 */
export function useCompare() {
  const api = useApi();
  const reconnects = useReconnectCount();
  const [query, setQueryState] = useState<CompareQuery>(() => compareQueryFromHash(window.location.hash));
  const [table, setTable] = useState<CompareTable | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const [labelSets, setLabelSets] = useState<LabelSetSummary[] | null>(null);
  const [runs, setRuns] = useState<RunSummary[] | null>(null);
  const [sessions, setSessions] = useState<RatingSessionSummary[] | null>(null);
  /** Bumped by 'ratings.changed': the table is fetched again. */
  const [revision, setRevision] = useState(0);

  const setQuery = useCallback((next: CompareQuery) => {
    setQueryState(next);
    // replaceState: filters are not steps the Back button should walk through.
    window.history.replaceState(window.history.state, '', hashForCompareQuery(next));
  }, []);

  const loadSessions = useCallback(async () => {
    const result = await api.ratings.sessions();
    if (result.ok) setSessions(result.value);
  }, [api]);

  useEffect(() => {
    void api.labels.list().then((result) => result.ok && setLabelSets(result.value));
    void api.runs.list().then((result) => result.ok && setRuns(result.value.filter((candidate) => candidate.status === 'completed')));
    void loadSessions();
  }, [api, loadSessions, reconnects]);

  useRatingsChanged(() => {
    setRevision((value) => value + 1);
    void loadSessions();
  });

  // The default split needs the label set's splits: the chosen one, or the one the backend picked.
  const set = labelSets?.find((candidate) => candidate.id === (query.labelSet ?? table?.labelSet?.id));
  const split: SplitChoice | null = query.split ?? (set ? defaultCompareSplit(set) : null);
  const requestSplit = split === null || split === 'all' ? null : split;
  // A session that was removed (here or elsewhere) is no filter any more.
  const session = query.session && sessions && !sessions.some((candidate) => candidate.id === query.session) ? null : query.session;

  useEffect(() => {
    let live = true;
    setLoading(true);
    void (async () => {
      try {
        const input = {
          ...(query.labelSet ? { labelSet: query.labelSet } : {}),
          ...(query.run ? { run: query.run } : {}),
          ...(requestSplit ? { split: requestSplit } : {}),
          ...(session ? { session } : {}),
        };
        const value = call(await api.ratings.compare(input));
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
  }, [api, query.labelSet, query.run, requestSplit, session, revision, reconnects]);

  const ratingSessions = useMemo(() => sessions?.filter((candidate) => candidate.mode === 'single') ?? null, [sessions]);

  return { table, error, loading, labelSets, runs, sessions: ratingSessions, query, split, session, setQuery };
}
