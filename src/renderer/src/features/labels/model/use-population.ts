import { useEffect, useRef, useState } from 'react';
import { useApi, useReconnectCount } from '../../../api/api-context';
import { ApiError, call } from '../../../api/api-error';
import { populationRequest, type PopulationFilters } from './editor-state';
import { samePopulation, toPopulation, type Population } from './population';

export interface PopulationState {
  /** null until the first answer. */
  population: Population | null;
  loading: boolean;
  error: ApiError | null;
}

/** Filters typed into number fields settle this long before the backend is asked again. */
const filterDelayMs = 300;

/**
 * The labeling population for the current filters: asked again (debounced) when a filter changes, and when the
 * project changes (an import, image analysis or face detection finished) or the connection comes back.
 * A slower, older answer never overwrites a newer one.
 */
export function usePopulation(filters: PopulationFilters): PopulationState {
  const api = useApi();
  const reconnects = useReconnectCount();
  const [state, setState] = useState<PopulationState>({ population: null, loading: true, error: null });
  const [changes, setChanges] = useState(0);
  const key = JSON.stringify(populationRequest(filters));

  useEffect(
    () =>
      api.on('project.changed', (summary) => {
        if (summary) setChanges((count) => count + 1);
      }),
    [api],
  );

  const firstLoad = useRef(true);
  useEffect(() => {
    let live = true;
    const timer = setTimeout(
      async () => {
        firstLoad.current = false;
        setState((current) => ({ ...current, loading: true }));
        try {
          const payload = call(await api.labels.population(JSON.parse(key) as ReturnType<typeof populationRequest>));
          if (!live) return;
          setState((current) => ({
            population: current.population && samePopulation(current.population, payload) ? current.population : toPopulation(payload),
            loading: false,
            error: null,
          }));
        } catch (thrown) {
          if (live) setState((current) => ({ ...current, loading: false, error: ApiError.from(thrown) }));
        }
      },
      firstLoad.current ? 0 : filterDelayMs,
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, key, changes, reconnects]);

  return state;
}
