import { useCallback, useEffect, useState } from 'react';
import type { RaterSummary } from '../../../../shared/rating/rating-types';
import { useApi, useReconnectCount } from '../../api/api-context';
import { call } from '../../api/api-error';
import { useAction } from '../../app/error-context';
import { sortRaters } from './rating-wording';
import { useRatingsChanged } from './use-ratings-changed';

/**
 * The project's raters, sorted by name, kept current by 'ratings.changed'. create/rename/remove report a failure to
 * the error banner and resolve to undefined then.
 */
export function useRaters() {
  const api = useApi();
  const act = useAction();
  const reconnects = useReconnectCount();
  const [raters, setRaters] = useState<RaterSummary[] | null>(null);

  const reload = useCallback(async () => {
    const result = await api.raters.list();
    if (result.ok) setRaters(sortRaters(result.value));
  }, [api]);

  useEffect(() => {
    void reload();
  }, [reload, reconnects]);

  useRatingsChanged(() => void reload());

  const create = useCallback(
    async (name: string) => {
      const created = await act(async () => call(await api.raters.create({ name })));
      await reload();
      return created;
    },
    [act, api, reload],
  );

  const rename = useCallback(
    async (rater: string, name: string) => {
      const renamed = await act(async () => call(await api.raters.rename({ rater, name })));
      await reload();
      return renamed;
    },
    [act, api, reload],
  );

  /** Resolves to true when the rater was removed (their file moved to ratings/removed/). */
  const remove = useCallback(
    async (rater: string) => {
      const removed = await act(async () => {
        call(await api.raters.remove({ rater }));
        return true;
      });
      await reload();
      return removed === true;
    },
    [act, api, reload],
  );

  return { raters, reload, create, rename, remove };
}
