import { useCallback, useEffect, useMemo, useState } from 'react';
import type { LabelRuleInput, LabelSetSummary } from '../../../../../shared/labeling/label-set';
import { useApi, useReconnectCount } from '../../../api/api-context';
import { call } from '../../../api/api-error';
import { useAction } from '../../../app/error-context';

/**
 * The project's saved label sets, reloaded when the project changes (another window or the CLI may save one). Each
 * action reports its failure to the error banner and resolves to undefined then.
 */
export function useLabelSets() {
  const api = useApi();
  const act = useAction();
  const reconnects = useReconnectCount();
  const [sets, setSets] = useState<LabelSetSummary[] | null>(null);
  const [busy, setBusy] = useState(false);

  const reload = useCallback(async () => {
    const result = await api.labels.list();
    if (result.ok) setSets(result.value);
  }, [api]);

  useEffect(() => {
    void reload();
    return api.on('project.changed', (summary) => {
      if (summary) void reload();
    });
  }, [api, reload, reconnects]);

  const run = useCallback(
    async <T,>(action: () => Promise<T>): Promise<T | undefined> => {
      setBusy(true);
      try {
        const value = await act(action);
        await reload();
        return value;
      } finally {
        setBusy(false);
      }
    },
    [act, reload],
  );

  // One object per change of the list, so memoised views skip the renders a slider step causes.
  return useMemo(
    () => ({
      sets,
      busy,
      save: (name: string, params: LabelRuleInput) => run(async () => call(await api.labels.save({ name, params }))),
      rename: (id: string, name: string) => run(async () => call(await api.labels.rename({ id, name }))),
      remove: (id: string) => run(async () => call(await api.labels.remove({ id }))),
      compare: (a: string, b: string) => act(async () => call(await api.labels.compare({ a, b }))),
    }),
    [sets, busy, run, act, api],
  );
}

export type LabelSetsState = ReturnType<typeof useLabelSets>;
