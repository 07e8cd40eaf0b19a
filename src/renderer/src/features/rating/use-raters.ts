import { useCallback, useEffect, useState } from 'react';
import type { RaterSummary } from '../../../../shared/rating/rating-types';
import { useApi, useReconnectCount } from '../../api/api-context';
import { call } from '../../api/api-error';
import { useAction } from '../../app/error-context';

/** The project's raters; create() reports its failure to the error banner and resolves to undefined then. */
export function useRaters() {
  const api = useApi();
  const act = useAction();
  const reconnects = useReconnectCount();
  const [raters, setRaters] = useState<RaterSummary[] | null>(null);

  const reload = useCallback(async () => {
    const result = await api.raters.list();
    if (result.ok) setRaters(result.value);
  }, [api]);

  useEffect(() => {
    void reload();
  }, [reload, reconnects]);

  const create = useCallback(
    async (name: string) => {
      const created = await act(async () => call(await api.raters.create({ name })));
      await reload();
      return created;
    },
    [act, api, reload],
  );

  return { raters, reload, create };
}
