import { useState } from 'react';
import { backendPackages, type BackendInfo } from '../../../../shared/ml/backend';
import { Spinner } from '../../components/Spinner';
import { trainingModes, type BackendState } from './use-backend';

/** The popover under the backend badge: what was tried, why, what the active backend can do, and a benchmark. */
export function BackendDetails(props: { backend: BackendState; onBenchmark: (() => Promise<void>) | null }) {
  const { backend } = props;
  return (
    <div className="popover backend-details" role="dialog" aria-label="ML backend details" data-testid="backend-details">
      <h2 className="popover__title">TensorFlow.js backend</h2>
      {backend.status === 'loading' ? <Spinner label="Resolving the backend…" /> : null}
      {backend.status === 'error' ? (
        <p className="popover__error">
          <strong>{backend.error.code}</strong> {backend.error.message}
        </p>
      ) : null}
      {backend.status === 'ready' ? <BackendFacts info={backend.info} /> : null}
      <BenchmarkButton onBenchmark={props.onBenchmark} disabled={backend.status !== 'ready'} />
    </div>
  );
}

function BackendFacts({ info }: { info: BackendInfo }) {
  const { convolutionGradients, gpu } = info.capabilities;
  return (
    <>
      <dl className="facts">
        <dt>Backend</dt>
        <dd>
          {info.backend}
          {info.forced ? <span className="pill pill--small">forced</span> : null}
        </dd>
        <dt>Device</dt>
        <dd>{info.device}</dd>
        <dt>tfjs</dt>
        <dd>{info.version}</dd>
        <dt>Convolution gradients</dt>
        <dd>
          {convolutionGradients ? 'yes' : 'no'} → {trainingModes(info)}
        </dd>
        <dt>GPU</dt>
        <dd>{gpu ? 'yes' : 'no'}</dd>
      </dl>
      <h3 className="popover__subtitle">Backends tried, in order</h3>
      <ol className="attempts">
        {info.attempts.map((attempt) => (
          <li key={attempt.backend} className={attempt.ok ? 'attempt attempt--ok' : 'attempt'}>
            <span className="attempt__mark" aria-label={attempt.ok ? 'used' : 'skipped'}>
              {attempt.ok ? '✓' : '✗'}
            </span>
            <span className="attempt__name">{attempt.backend}</span>
            <code className="attempt__package">{backendPackages[attempt.backend]}</code>
            {attempt.reason ? <span className="attempt__reason">{attempt.reason}</span> : null}
          </li>
        ))}
      </ol>
    </>
  );
}

function BenchmarkButton(props: { onBenchmark: (() => Promise<void>) | null; disabled: boolean }) {
  const [starting, setStarting] = useState(false);
  const { onBenchmark } = props;
  return (
    <div className="popover__actions">
      <button
        type="button"
        className="button button--primary"
        data-testid="start-benchmark"
        disabled={props.disabled || onBenchmark === null || starting}
        onClick={async () => {
          if (!onBenchmark) return;
          setStarting(true);
          try {
            await onBenchmark();
          } finally {
            setStarting(false);
          }
        }}
      >
        {starting ? 'Starting…' : 'Benchmark backend'}
      </button>
      <span className="muted popover__hint">
        {onBenchmark === null ? 'Open a project to run jobs.' : '3,000 float32 matrix products, 256×256, as GFLOP/s.'}
      </span>
    </div>
  );
}
