import { trainingModes, type BackendState } from '../backend/use-backend';

/** Which training modes the active backend allows: head training everywhere, fine-tuning only with conv gradients. */
export function BackendCapabilityNote({ backend }: { backend: BackendState }) {
  let verdict: string;
  if (backend.status === 'loading') {
    verdict = 'Checking what the active backend can do…';
  } else if (backend.status === 'error') {
    verdict = `The ML backend is unavailable: ${backend.error.message}`;
  } else {
    const { info } = backend;
    const where = `The active backend is ${info.backend} on ${info.device}`;
    verdict = info.capabilities.convolutionGradients
      ? `${where}; it has convolution gradients, so fine-tuning is available.`
      : `${where}; it lacks convolution gradients, so only head training is available.`;
  }
  return (
    <aside className="card note-card" aria-label="Training modes">
      <div>
        <h2 className="card__title">Training modes</h2>
        <p>
          Training a head on cached embeddings runs on every backend and takes seconds. Fine-tuning the top of the
          backbone needs convolution gradients (the GPU path).
        </p>
        <p className="note-card__verdict">{verdict}</p>
      </div>
      {backend.status === 'ready' ? (
        <span className={backend.info.capabilities.convolutionGradients ? 'pill pill--good' : 'pill'}>
          {trainingModes(backend.info)}
        </span>
      ) : null}
    </aside>
  );
}
