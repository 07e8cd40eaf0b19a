import { useEffect, useState } from 'react';
import type { BackendInfo } from '../../../../shared/ml/backend';
import { useApi, useReconnectCount } from '../../api/api-context';
import { ApiError } from '../../api/api-error';

export type BackendState =
  | { status: 'loading' }
  | { status: 'ready'; info: BackendInfo }
  | { status: 'error'; error: ApiError };

/** The active TensorFlow.js backend. Resolving it can take a second (the ML host loads tfjs on first use). */
export function useBackend(): BackendState {
  const api = useApi();
  const reconnects = useReconnectCount();
  const [state, setState] = useState<BackendState>({ status: 'loading' });

  useEffect(() => {
    let live = true;
    const unsubscribe = api.on('ml.backend', (info) => setState({ status: 'ready', info }));
    void api.ml.backend().then((result) => {
      if (!live) return;
      setState(result.ok ? { status: 'ready', info: result.value } : { status: 'error', error: new ApiError(result.error) });
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, [api, reconnects]);

  return state;
}

/** Head training runs everywhere; fine-tuning the backbone needs gradients through convolutions. */
export function trainingModes(info: BackendInfo): string {
  return info.capabilities.convolutionGradients ? 'fine-tuning available' : 'head training only';
}
