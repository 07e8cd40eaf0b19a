import { useCallback, useEffect, useRef, useState } from 'react';
import { overrideCode, type FaceColumnsPayload } from '../../../../../shared/faces/face-columns';
import type { FaceRule } from '../../../../../shared/faces/face-rule';
import type { FacesSummary } from '../../../../../shared/faces/face-summary';
import type { FaceOverride } from '../../../../../shared/faces/face-types';
import { useApi, useReconnectCount } from '../../../api/api-context';
import { ApiError, call } from '../../../api/api-error';

export interface FaceData {
  /** Counts under the saved rule, the detector used, padding stats. */
  summary: FacesSummary;
  /** Every image's detections as flat columns: the page recounts from these while a slider moves. */
  columns: FaceColumnsPayload;
  /** Grows with every load from the server (not with local override edits): caches keyed by image are reset on it. */
  version: number;
}

export interface FaceDataState {
  data: FaceData | null;
  loading: boolean;
  error: ApiError | null;
  /** Saves the rule (faces.setRule) and takes the summary it answers; throws an ApiError when the save fails. */
  saveRule(rule: FaceRule): Promise<void>;
  /** Puts an override the server accepted into the columns, so the counts follow without a reload. */
  overrideSet(row: number, override: FaceOverride | null): void;
}

/**
 * The face summary and columns, loaded once, after a reconnect, and again when a 'project.changed' says posts.json or
 * faces.json were written since (a detection run finished, an import added posts). Other changes (saving the face
 * rule, a label set, a run) leave the columns as they are: they hold every detection whatever the rule, and
 * reloading them means megabytes for nothing.
 */
export function useFaceData(): FaceDataState {
  const api = useApi();
  const reconnects = useReconnectCount();
  const [state, setState] = useState<Omit<FaceDataState, 'saveRule' | 'overrideSet'>>({ data: null, loading: true, error: null });
  /** The files' revisions the loaded columns reflect (read before the columns, so a write in between reloads). */
  const loadedRevisions = useRef<{ posts: number; faces: number } | null>(null);

  useEffect(() => {
    let live = true;
    let latest = 0;
    const load = async () => {
      const request = ++latest;
      setState((current) => ({ ...current, loading: true }));
      try {
        const project = call(await api.project.current());
        const [summary, columns] = await Promise.all([api.faces.summary(), api.faces.columns()]);
        const value = { summary: call(summary), columns: call(columns) };
        if (!live || request !== latest) return;
        loadedRevisions.current = project?.revisions ?? null;
        setState((current) => ({ data: { ...value, version: (current.data?.version ?? 0) + 1 }, loading: false, error: null }));
      } catch (thrown) {
        if (live && request === latest) setState((current) => ({ ...current, loading: false, error: ApiError.from(thrown) }));
      }
    };
    const unsubscribe = api.on('project.changed', (project) => {
      if (!project) return;
      const loaded = loadedRevisions.current;
      if (!loaded || loaded.posts !== project.revisions.posts || loaded.faces !== project.revisions.faces) void load();
    });
    void load();
    return () => {
      live = false;
      unsubscribe();
    };
  }, [api, reconnects]);

  const saveRule = useCallback(
    async (rule: FaceRule) => {
      const summary = call(await api.faces.setRule({ minScore: rule.minScore, minSize: rule.minSize, carousel: rule.carousel }));
      setState((current) => (current.data ? { ...current, data: { ...current.data, summary } } : current));
    },
    [api],
  );

  const overrideSet = useCallback((row: number, override: FaceOverride | null) => {
    setState((current) => {
      if (!current.data) return current;
      const codes = current.data.columns.override.slice();
      codes[row] = override === 'keep' ? overrideCode.keep : override === 'drop' ? overrideCode.drop : overrideCode.none;
      return { ...current, data: { ...current.data, columns: { ...current.data.columns, override: codes } } };
    });
  }, []);

  return { ...state, saveRule, overrideSet };
}
