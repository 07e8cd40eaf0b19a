import { useState } from 'react';
import type { FacesSummary } from '../../../../../shared/faces/face-summary';
import { faceDetectorTitles, type FaceDetectorName } from '../../../../../shared/faces/face-types';
import { fractionDone, isActive } from '../../../../../shared/jobs/job-types';
import { describeBackend } from '../../../../../shared/ml/backend';
import { plural } from '../../../components/plural';
import type { BackendState } from '../../backend/use-backend';
import { formatCount, formatRate, formatTiming, stateLabels } from '../../jobs/job-format';
import type { DetectionJobState } from './use-detection-job';

/**
 * Running the detector: which one, with or without landmarks; run (skips images already done with this detector),
 * resume a stopped run, or re-run everything; the run's progress; and what produced the stored detections.
 */
export function DetectionPanel(props: { summary: FacesSummary; detection: DetectionJobState; backend: BackendState; pendingImages: number }) {
  const { summary, detection } = props;
  const stored = summary.detector;
  // The stored detector is the natural choice: Run then only does what is missing.
  const [detector, setDetector] = useState<FaceDetectorName>(stored?.name ?? 'ssd');
  const [landmarks, setLandmarks] = useState(false);
  const start = (force: boolean) => void detection.start({ detector, landmarks, force });
  const { job, busy } = detection;
  const missing = stored && stored.name !== detector ? summary.images.total : props.pendingImages;

  return (
    <section className="card faces-detection" aria-labelledby="faces-detection-title">
      <div className="faces-detection__row">
        <h2 id="faces-detection-title" className="card__title">
          Detection
        </h2>
        <label className="faces-detection__field">
          <span>Detector</span>
          <select data-testid="faces-detector" value={detector} disabled={busy} onChange={(event) => setDetector(event.target.value as FaceDetectorName)}>
            <option value="ssd">SSD-MobileNetV1</option>
            <option value="tiny">Tiny (faster)</option>
          </select>
        </label>
        <label className="check">
          <input type="checkbox" data-testid="faces-landmarks" checked={landmarks} disabled={busy} onChange={(event) => setLandmarks(event.target.checked)} />
          68-point landmarks
        </label>
        <button
          type="button"
          className="button button--primary"
          data-testid="faces-run"
          disabled={busy}
          title="Detects the images not yet done with this detector; images already done are skipped"
          onClick={() => start(false)}
        >
          {missing > 0 && missing < summary.images.total ? `Detect ${plural(missing, 'remaining image')}` : 'Run detection'}
        </button>
        {detection.resumable && !busy ? (
          <button type="button" className="button" data-testid="faces-resume" onClick={() => void detection.resume()}>
            Resume
          </button>
        ) : null}
        {stored ? (
          <button type="button" className="button" data-testid="faces-rerun" disabled={busy} title="Detects every image again, even those already done" onClick={() => start(true)}>
            Re-run all (force)
          </button>
        ) : null}
        <span className="faces-detection__backend muted" data-testid="faces-backend" title={props.backend.status === 'ready' ? `ML backend: ${describeBackend(props.backend.info)}. Detection workers resolve theirs in the same order.` : undefined}>
          {props.backend.status === 'ready'
            ? `on ${props.backend.info.backend} · ${props.backend.info.device}`
            : props.backend.status === 'loading'
              ? 'resolving the ML backend…'
              : 'ML backend unavailable'}
        </span>
      </div>
      {job ? <DetectionProgress detection={detection} /> : null}
      <p className="faces-detection__note muted" data-testid="faces-detector-info">
        {stored
          ? `Stored detections: ${faceDetectorTitles[stored.name]} ${stored.version}${stored.backend ? ` on ${stored.backend}` : ''}, ${plural(stored.images, 'image')}.`
          : 'No image has been through the detector yet.'}
        {summary.otherDetectorImages > 0 ? ` ${plural(summary.otherDetectorImages, 'image')} still hold detections of another detector or version.` : ''}
        {summary.padded.retried > 0
          ? ` Close-ups: ${plural(summary.padded.retried, 'image')} had no confident face as they were and were shown again on a grey canvas 2–3× their size; ${summary.padded.found.toLocaleString('en-US')} of them gave a counted face that way.`
          : ''}
        {busy ? ' The counts below update when the run finishes.' : ''}
      </p>
    </section>
  );
}

function DetectionProgress({ detection }: { detection: DetectionJobState }) {
  const job = detection.job!;
  const percent = Math.round(fractionDone(job.progress) * 100);
  const details = [formatCount(job), formatRate(job), formatTiming(job)].filter(Boolean).join(' · ');
  return (
    <div className="faces-job" data-testid="faces-job" data-job-id={job.id} data-state={job.state}>
      <span className={`pill pill--small pill--${job.state}`}>{stateLabels[job.state]}</span>
      <div
        className={`progress progress--${job.state} faces-job__bar`}
        role="progressbar"
        aria-label={`${job.title}: ${percent}%`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        data-testid="faces-progress"
        data-state={job.state}
      >
        <div className="progress__bar" style={{ width: `${percent}%` }} />
      </div>
      <span className="muted faces-job__details">
        {job.title} · {details}
        {isActive(job) && job.progress.message ? ` · ${job.progress.message}` : ''}
      </span>
      {isActive(job) ? (
        <button type="button" className="button button--small" data-testid="faces-cancel" onClick={() => void detection.cancel()}>
          Cancel
        </button>
      ) : null}
      {job.state === 'failed' && job.error ? (
        <p className="faces-job__error" role="alert">
          {job.error.message}
        </p>
      ) : null}
    </div>
  );
}
