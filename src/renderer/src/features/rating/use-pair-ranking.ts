import { useEffect, useState } from 'react';
import type { PairRanking } from '../../../../shared/rating/rating-types';
import { useApi, useReconnectCount } from '../../api/api-context';
import { ApiError, call } from '../../api/api-error';

/** A pairwise session's Bradley–Terry ranking from every rater's judgments. */
export function usePairRanking(session: string): { ranking: PairRanking | null; error: ApiError | null } {
  const api = useApi();
  const reconnects = useReconnectCount();
  const [ranking, setRanking] = useState<PairRanking | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    let live = true;
    setRanking(null);
    setError(null);
    void (async () => {
      try {
        const value = call(await api.ratings.ranking({ session }));
        if (live) setRanking(value);
      } catch (thrown) {
        if (live) setError(ApiError.from(thrown));
      }
    })();
    return () => {
      live = false;
    };
  }, [api, session, reconnects]);

  return { ranking, error };
}
