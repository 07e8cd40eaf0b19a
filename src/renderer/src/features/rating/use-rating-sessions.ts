import { useCallback, useEffect, useState } from 'react';
import type { LabelSetSummary } from '../../../../shared/labeling/label-set';
import type { CreateSessionInput, RatingSessionSummary } from '../../../../shared/rating/rating-types';
import { useApi, useReconnectCount } from '../../api/api-context';
import { call } from '../../api/api-error';
import { useAction } from '../../app/error-context';
import { useRatingsChanged } from './use-ratings-changed';

/**
 * Rating sessions (newest first, with each rater's progress; kept current by 'ratings.changed', so another window's
 * answers show) and the label sets a new session can draw from.
 */
export function useRatingSessions() {
  const api = useApi();
  const act = useAction();
  const reconnects = useReconnectCount();
  const [sessions, setSessions] = useState<RatingSessionSummary[] | null>(null);
  const [labelSets, setLabelSets] = useState<LabelSetSummary[] | null>(null);
  const [creating, setCreating] = useState(false);

  const reload = useCallback(async () => {
    const result = await api.ratings.sessions();
    if (result.ok) setSessions(result.value);
  }, [api]);

  useEffect(() => {
    void reload();
    void api.labels.list().then((result) => result.ok && setLabelSets(result.value));
  }, [api, reload, reconnects]);

  useRatingsChanged(() => void reload());

  const create = useCallback(
    async (input: CreateSessionInput) => {
      setCreating(true);
      try {
        const created = await act(async () => call(await api.ratings.createSession(input)));
        await reload();
        return created;
      } finally {
        setCreating(false);
      }
    },
    [act, api, reload],
  );

  /** Resolves to true when the session was removed (it and its answers kept in ratings/removed/). */
  const remove = useCallback(
    async (session: string) => {
      const removed = await act(async () => {
        call(await api.ratings.removeSession({ session }));
        return true;
      });
      await reload();
      return removed === true;
    },
    [act, api, reload],
  );

  return { sessions, labelSets, creating, reload, create, remove };
}
