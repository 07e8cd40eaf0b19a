import { describeFaceRule, type FaceRule } from '../../shared/faces/face-rule';
import type { FacesSummary } from '../../shared/faces/face-summary';
import { faceDetectors, type FaceDetectorName } from '../../shared/faces/face-types';
import { isBackendName } from '../../shared/ml/backend';
import { AppFailure } from '../../shared/result';
import type { FaceDetectionReport } from '../../main/core/faces/face-detection.job';
import { Workbench } from '../../main/core/workbench';
import { defineCommand, userConfigDir } from '../cli-kit';
import { runJobWithProgress } from '../job-progress';

const n = (value: number) => value.toLocaleString('en-US');

export const facesCommand = defineCommand({
  name: 'faces',
  summary: 'Find the faces in every image of a project (or resume), and count the images with 0, 1 and 2+ faces.',
  usage:
    'selfie-lab faces --project DIR [--detector ssd|tiny] [--min-score X] [--min-size F] [--carousel first|any|every] [--landmarks] [--force] [--backend NAME] [--workers N] [--json]',
  details:
    'Every image of every post (each image of a carousel) goes through face-api in a pool of worker threads; every\n' +
    'detection scoring at least 0.2 is stored in faces.json, so changing the rule later needs no re-run. Images already\n' +
    'done with the same detector are skipped (--force redoes them). Close-ups with no confident face are tried again\n' +
    'padded 2× and 3× on grey. The rule: exactly one face with score ≥ --min-score (default 0.5) and box ≥ --min-size\n' +
    '(default 0.05) of the shorter image side; --min-score, --min-size and --carousel are saved as the project\'s rule.\n' +
    'Ctrl+C cancels; running the same command again resumes.',
  options: {
    project: { type: 'string', value: 'DIR', description: 'Project folder (required).' },
    detector: { type: 'string', value: 'NAME', description: 'ssd (SSD-MobileNetV1, accurate) or tiny (TinyFaceDetector, faster).', default: 'ssd' },
    'min-score': { type: 'string', value: 'X', description: 'Lowest score that counts as a face, 0..1 (saved in the project).' },
    'min-size': { type: 'string', value: 'F', description: 'Smallest face as a fraction of the shorter image side, 0..1 (saved).' },
    carousel: { type: 'string', value: 'RULE', description: 'Which carousel images decide: first, any or every (saved).' },
    landmarks: { type: 'boolean', description: 'Also compute 68-point face landmarks.' },
    force: { type: 'boolean', description: 'Detect again images already done with this detector.' },
    backend: { type: 'string', value: 'NAME', description: 'Force a TensorFlow.js backend: tensorflow-gpu, tensorflow, wasm or cpu.' },
    workers: { type: 'string', value: 'N', description: 'Worker threads (default: one per core; native backends use one).' },
  },
  run: async ({ values }, io) => {
    if (!values.project) throw new AppFailure('INVALID_INPUT', 'faces needs --project DIR. See: selfie-lab faces --help');
    const detector = (values.detector ?? 'ssd') as FaceDetectorName;
    if (!faceDetectors.includes(detector)) throw new AppFailure('INVALID_INPUT', `--detector must be ssd or tiny, not "${values.detector}".`);
    const ruleChanges = parseRule(values['min-score'], values['min-size'], values.carousel);
    if (values.backend !== undefined && !isBackendName(values.backend)) {
      throw new AppFailure('INVALID_INPUT', `unknown backend "${values.backend}"; use tensorflow-gpu, tensorflow, wasm or cpu.`);
    }
    const workers = values.workers === undefined ? undefined : Number(values.workers);
    if (workers !== undefined && !(Number.isInteger(workers) && workers >= 1 && workers <= 64)) {
      throw new AppFailure('INVALID_INPUT', `--workers must be a whole number from 1 to 64, not "${values.workers}".`);
    }
    const workbench = await Workbench.create({ shell: 'cli', configDir: userConfigDir() });
    try {
      await workbench.openProject(values.project);
      const project = workbench.requireProject();
      if (Object.keys(ruleChanges).length > 0) {
        await workbench.updateSettings({ faceRule: { ...project.project.data.settings.faceRule, ...ruleChanges } });
      }
      const params = {
        detector,
        landmarks: values.landmarks,
        force: values.force,
        ...(values.backend ? { backend: values.backend } : {}),
        ...(workers ? { workers } : {}),
      };
      const job = await runJobWithProgress(workbench, 'faces.detect', params, values.json);
      if (job.state !== 'succeeded') {
        if (job.error) throw new AppFailure(job.error.code as never, job.error.message, job.error.details);
        throw new AppFailure('CANCELLED', `${job.title} was ${job.state}; run the same command again to resume.`);
      }
      const report = job.result as FaceDetectionReport;
      if (values.json) io.out(JSON.stringify({ ok: true, value: { job: report, summary: report.summary } }, null, 2));
      else io.out(formatFacesReport(report));
    } finally {
      await workbench.dispose();
    }
  },
});

function parseRule(minScore: string | undefined, minSize: string | undefined, carousel: string | undefined): Partial<FaceRule> {
  const changes: Partial<FaceRule> = {};
  const fraction = (text: string, flag: string) => {
    const value = Number(text);
    if (text.trim() === '' || !Number.isFinite(value) || value < 0 || value > 1) {
      throw new AppFailure('INVALID_INPUT', `${flag} must be a number from 0 to 1, not "${text}".`);
    }
    return value;
  };
  if (minScore !== undefined) changes.minScore = fraction(minScore, '--min-score');
  if (minSize !== undefined) changes.minSize = fraction(minSize, '--min-size');
  if (carousel !== undefined) {
    if (carousel !== 'first' && carousel !== 'any' && carousel !== 'every') {
      throw new AppFailure('INVALID_INPUT', `--carousel must be first, any or every, not "${carousel}".`);
    }
    changes.carousel = carousel;
  }
  return changes;
}

export function formatFacesReport(report: FaceDetectionReport): string {
  const summary: FacesSummary = report.summary;
  const rate = report.imagesPerSecond === null ? '' : ` (${report.imagesPerSecond.toFixed(1)} images/s)`;
  const engine = report.backend ? ` on ${report.backend} × ${report.workers} worker${report.workers === 1 ? '' : 's'}` : '';
  const images = summary.images;
  const posts = summary.posts;
  const read = report.detected + report.failed;
  const lines = [
    `Faces: ${report.detectorVersion}${engine}`,
    read === 0
      ? `Nothing to detect: ${n(report.alreadyDone)} images already done with this detector (--force redoes them).`
      : `Detected ${n(read)} images in ${report.seconds.toFixed(1)} s${rate}; ${n(report.alreadyDone)} already done; ` +
        `${n(report.paddedRetries)} shown padded (no confident face as they were), ${n(report.foundWhenPadded)} of them had a face there.`,
    `Rule: ${describeFaceRule(summary.rule)}`,
    `Images (${n(images.total)}): 0 faces ${n(images.none)} · 1 face ${n(images.one)} · 2+ faces ${n(images.many)} · errors ${n(images.error)}` +
      (images.pending > 0 ? ` · not detected ${n(images.pending)}` : ''),
    `Posts (${n(posts.total)}): passing ${n(posts.pass)} · not passing ${n(posts.fail)}` +
      (posts.pending > 0 ? ` · undecided ${n(posts.pending)}` : '') +
      (posts.kept + posts.dropped > 0 ? ` (overrides: ${n(posts.kept)} kept, ${n(posts.dropped)} dropped)` : ''),
  ];
  if (report.failures.length > 0) {
    lines.push('Unreadable images:');
    for (const failure of report.failures.slice(0, 20)) lines.push(`  ${failure.postId} #${failure.imageIndex} ${failure.file ?? ''}: ${failure.reason}`);
    if (report.failed > 20) lines.push(`  … and ${n(report.failed - 20)} more (see --json or export faces)`);
  }
  return lines.join('\n');
}
