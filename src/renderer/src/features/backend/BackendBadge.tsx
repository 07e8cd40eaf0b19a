import { useCallback, useRef, useState } from 'react';
import { describeBackend } from '../../../../shared/ml/backend';
import { useDismiss } from '../../components/use-dismiss';
import { BackendDetails } from './BackendDetails';
import type { BackendState } from './use-backend';

/** The header's "wasm · CPU (wasm, SIMD) · tfjs 4.22.0" badge; a click opens the details popover. */
export function BackendBadge(props: {
  backend: BackendState;
  /** Null when jobs cannot start (no project open): the benchmark button then says why. */
  onBenchmark: (() => Promise<void>) | null;
}) {
  const { backend } = props;
  const [open, setOpen] = useState(false);
  const container = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(container, open, close);

  let text: string;
  let title: string;
  let tone: string;
  if (backend.status === 'loading') {
    [text, title, tone] = ['resolving backend…', 'Loading TensorFlow.js in the ML host', 'pending'];
  } else if (backend.status === 'error') {
    [text, title, tone] = ['ML backend unavailable', backend.error.message, 'bad'];
  } else {
    const gpu = backend.info.capabilities.gpu;
    [text, title, tone] = [describeBackend(backend.info), 'TensorFlow.js backend: click for details', gpu ? 'gpu' : 'good'];
  }

  return (
    <div className="backend" ref={container}>
      <button
        type="button"
        className={`backend-badge backend-badge--${tone}`}
        data-testid="backend-badge"
        title={title}
        aria-expanded={open}
        aria-haspopup="dialog"
        onClick={() => setOpen((value) => !value)}
      >
        <span className="backend-badge__dot" aria-hidden="true" />
        {text}
      </button>
      {open ? (
        <BackendDetails
          backend={backend}
          onBenchmark={
            props.onBenchmark &&
            (async () => {
              await props.onBenchmark?.();
              close();
            })
          }
        />
      ) : null}
    </div>
  );
}
