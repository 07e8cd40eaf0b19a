import { join, resolve } from 'node:path';
import { describeBackend } from '../../shared/ml/backend';
import { AppFailure } from '../../shared/result';
import type { ImportReport } from '../../shared/posts/import-report';
import type { FaceDetectionReport } from '../../main/core/faces/face-detection.job';
import type { ImageAnalysisReport } from '../../main/core/images/image-analysis.job';
import { demoStages, defaultDemoDir, prepareDemoSource, stageAvailable } from '../../main/core/demo/demo-pipeline';
import { demoCounts, writeDemoReport, type DemoSummary, type StageOutcome } from '../../main/core/demo/demo-report';
import { isProjectFolder } from '../../main/core/projects/project-session';
import { jobDefinitions } from '../../main/core/jobs/kinds';
import { scoreRulesAgainstTruth } from '../../main/core/demo/rule-truth';
import type { LabelSetSummary } from '../../shared/labeling/label-set';
import type { EvaluationSummary } from '../../shared/training/evaluation';
import type { TrainResult } from '../../main/core/training/train.job';
import { Workbench } from '../../main/core/workbench';
import { RunsRepository } from '../../main/core/training/runs-repository';
import type { RunRecord } from '../../shared/training/training-types';
import { defineCommand, userConfigDir } from '../cli-kit';
import { runJobWithProgress } from '../job-progress';

export const demoCommand = defineCommand({
  name: 'demo',
  summary: 'Build the demo project and run the whole pipeline on it headlessly, with a summary and report.html.',
  usage: 'selfie-lab demo [--project DIR] [--posts N] [--json]',
  details:
    'Simulates 600 posts (one owner per demo photograph, each post a photo variant with a planted, visible quality),\n' +
    'imports the day-0 and day-7 crawls, analyses the images, then runs face detection, labeling, training and\n' +
    'evaluation where this version has them (stages not built yet are listed as missing). Running it again reuses\n' +
    `what is done. The project defaults to ${defaultDemoDir()} (or $SELFIE_LAB_DEMO_DIR); report.html is written into it.`,
  options: {
    project: { type: 'string', value: 'DIR', description: 'Where to build the demo project.' },
    posts: { type: 'string', value: 'N', description: 'Simulated posts, when the project is built (a quicker demo with fewer).', default: '600' },
  },
  run: async ({ values }, io) => {
    const started = Date.now();
    const dir = resolve(values.project ?? defaultDemoDir());
    const posts = Number(values.posts ?? '600');
    if (!Number.isInteger(posts) || posts < 30 || posts > 100_000) throw new AppFailure('INVALID_INPUT', `--posts must be a whole number from 30 to 100000, not "${values.posts}".`);
    const log = (text: string) => {
      if (!values.json) process.stderr.write(`${text}\n`);
    };
    const workbench = await Workbench.create({ shell: 'cli', configDir: userConfigDir() });
    try {
      if (await isProjectFolder(dir)) await workbench.openProject(dir);
      else await workbench.createProject(dir, 'Selfie Lab demo');
      const backend = await workbench.ml.backend();
      log(`Demo project: ${dir}\nML backend: ${describeBackend(backend)}`);
      log('Simulating the population and making photo variants…');
      const source = await prepareDemoSource(
        dir,
        (done, total) => {
          if (!values.json && process.stderr.isTTY) process.stderr.write(`\r  photo variants ${done}/${total}`);
        },
        posts,
      );
      if (!values.json && process.stderr.isTTY) process.stderr.write('\n');
      log(`  ${source.posts} posts by ${source.owners} owners, ${source.deleted} deleted before day 7`);

      const stages: StageOutcome[] = [];
      let blocked = false;
      for (const stage of demoStages) {
        if (!stageAvailable(stage, (kind) => jobDefinitions.some((definition) => definition.kind === kind))) {
          stages.push({ name: stage.name, status: 'missing', seconds: 0, summary: `not in this version yet (arrives with "${stage.feature}")`, feature: stage.feature });
          continue;
        }
        if (blocked) {
          stages.push({ name: stage.name, status: 'missing', seconds: 0, summary: 'skipped: an earlier stage failed' });
          continue;
        }
        if (stage.name === 'train') {
          // Running the demo again reuses its trained run (same label set version, backbone and mode) instead of
          // piling up identical runs.
          const reused = await reusableDemoRun(workbench, stage.params(source));
          if (reused) {
            stages.push({ name: stage.name, status: 'done', seconds: 0, summary: `reused run ${reused.id} (val acc ${reused.valPeak === null ? '—' : `${(reused.valPeak * 100).toFixed(1)}%`} at epoch ${reused.bestEpoch ?? '—'})` });
            continue;
          }
        }
        log(`Stage ${stage.name}…`);
        const stageStart = Date.now();
        const job = await runJobWithProgress(workbench, stage.kind!, stage.params(source), values.json);
        const seconds = (Date.now() - stageStart) / 1000;
        if (job.state === 'succeeded') stages.push({ name: stage.name, status: 'done', seconds, summary: describeResult(stage.name, job.result) });
        else {
          blocked = true;
          stages.push({ name: stage.name, status: job.state === 'cancelled' ? 'cancelled' : 'failed', seconds, summary: job.error?.message ?? job.state });
        }
      }
      const project = workbench.requireProject();
      const minDays = project.project.data.settings.likesSnapshotMinDays;
      const rules = scoreRulesAgainstTruth(project);
      const base = { project: dir, backend: describeBackend(backend), stages, counts: demoCounts(project.postTable, minDays), rules, seconds: (Date.now() - started) / 1000 };
      const report = join(dir, 'report.html');
      await writeDemoReport(report, base, project.postTable, minDays);
      const summary: DemoSummary = { ...base, report };
      if (values.json) io.out(JSON.stringify({ ok: true, value: summary }, null, 2));
      else io.out(formatSummary(summary));
      return stages.some((stage) => stage.status === 'failed') ? 1 : 0;
    } finally {
      await workbench.dispose();
    }
  },
});

/** A completed run of the demo's training stage on the newest version of its label set, if there is one. */
async function reusableDemoRun(workbench: Workbench, params: Record<string, unknown>): Promise<RunRecord | null> {
  const labels = workbench.requireLabels();
  let labelSetId: string;
  try {
    labelSetId = labels.sets.find(String(params.labelSet)).id;
  } catch {
    return null;
  }
  const runs = await new RunsRepository(workbench.requireProject().dir).list();
  return runs.find((run) => run.status === 'completed' && run.labelSet.id === labelSetId && run.backbone === params.backbone && run.mode === params.mode && !run.params.shuffleLabels) ?? null;
}

function describeResult(stage: string, result: unknown): string {
  if (stage === 'import') {
    const report = result as ImportReport;
    return `${report.counts.imported} posts imported, ${report.counts.updated} updated with the day-7 snapshot, ${report.deleted} deleted, ${report.counts.failed} failed`;
  }
  if (stage === 'images') {
    const report = result as ImageAnalysisReport;
    return `${report.analysed} analysed, ${report.failed} unreadable, ${report.duplicates.exact + report.duplicates.near} flagged as reposts`;
  }
  if (stage === 'faces') {
    const { summary } = result as FaceDetectionReport;
    const images = summary.images;
    return `${images.one} of ${images.total} images with one face (0: ${images.none}, 2+: ${images.many}, unreadable: ${images.error}); ${summary.posts.pass} posts pass`;
  }
  if (stage === 'label') {
    const set = result as LabelSetSummary;
    const truth = set.truth?.accuracy === null || !set.truth ? '' : `; ${(set.truth.accuracy * 100).toFixed(1)}% agree with the true quality`;
    return `label set "${set.name}" v${set.version}: ${set.good} good, ${set.bad} bad of ${set.population} (train ${set.splits.train.good + set.splits.train.bad}, val ${set.splits.val.good + set.splits.val.bad})${truth}`;
  }
  if (stage === 'train') {
    const run = result as TrainResult;
    const pct = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)}%`);
    const features = run.embeddings ? `${run.embeddings.computed} images embedded${run.embeddings.imagesPerSecond ? ` at ${run.embeddings.imagesPerSecond.toFixed(1)} images/s` : ''}, ${run.embeddings.alreadyCached} cached; ` : '';
    return `run ${run.runId}: ${features}val acc ${pct(run.valPeak)} at epoch ${run.bestEpoch ?? '—'} (final ${pct(run.valFinal)}, ${run.epochsDone} epochs${run.stoppedEarly ? ', stopped early' : ''}); study config A: 67.9% / 66.9%`;
  }
  if (stage === 'evaluate') {
    const evaluation = result as EvaluationSummary;
    const auc = evaluation.val?.auc;
    return `run ${evaluation.runId}: val acc ${evaluation.val ? (evaluation.val.accuracy * 100).toFixed(1) : '—'}% (n ${evaluation.val?.n ?? 0}), AUC ${auc === null || auc === undefined ? '—' : auc.toFixed(3)}${evaluation.test ? `; test acc ${(evaluation.test.accuracy * 100).toFixed(1)}% (n ${evaluation.test.n})` : ''}`;
  }
  const text = JSON.stringify(result) ?? '';
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

function formatSummary(summary: DemoSummary): string {
  const c = summary.counts;
  return [
    '',
    `Selfie Lab demo · ${summary.backend} · ${summary.seconds.toFixed(0)} s`,
    `Posts ${c.posts} · deleted by day 7 ${c.deleted} · with likes ≥ 7 days after posting ${c.withLabeledLikes} · images analysed ${c.imagesAnalysed} · reposts flagged ${c.nearDuplicates}`,
    '',
    ...summary.stages.map((stage) => `  ${stage.name.padEnd(9)} ${stage.status.padEnd(8)} ${stage.status === 'done' ? `${stage.seconds.toFixed(1)} s  ` : ''}${stage.summary}`),
    '',
    'Labeling rules against the simulated true quality:',
    ...summary.rules.map((rule) => `  ${rule.rule.padEnd(40)} ${String(rule.labeled).padStart(5)} labeled  ${rule.accuracy === null ? '—' : `${(rule.accuracy * 100).toFixed(1)}% right`}`),
    '',
    `Report: ${summary.report}`,
  ].join('\n');
}
