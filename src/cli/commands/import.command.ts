import type { ImportReport } from '../../shared/posts/import-report';
import { AppFailure } from '../../shared/result';
import type { ImageAnalysisReport } from '../../main/core/images/image-analysis.job';
import { Workbench } from '../../main/core/workbench';
import { defineCommand, userConfigDir } from '../cli-kit';
import { runJobWithProgress } from '../job-progress';
import { formatImageReport, formatImportReport } from '../report-format';

export const importCommand = defineCommand({
  name: 'import',
  summary: 'Import Instaloader download folders and CSV/JSONL manifests into a project.',
  usage:
    'selfie-lab import PATH... --project DIR [--format auto|instaloader|csv|jsonl] [--captured-at ISO] [--followers FILE] [--target NAME] [--no-download] [--no-images] [--json]',
  details:
    'Several paths of the same target (e.g. #selfie downloaded on day 0 and on day 7) become like snapshots of the same posts;\n' +
    'posts missing from a later download are marked deleted. Importing the same folder again adds nothing twice.\n' +
    'After importing, every image is decoded, hashed and thumbnailed, and duplicates are flagged (skip with --no-images).',
  positionals: true,
  options: {
    project: { type: 'string', value: 'DIR', description: 'Project folder (required).' },
    format: { type: 'string', value: 'FORMAT', description: 'auto, instaloader, csv or jsonl.', default: 'auto' },
    'captured-at': { type: 'string', value: 'ISO', description: 'Capture time of these snapshots (default: the metadata files\' modification time).' },
    followers: { type: 'string', value: 'FILE', description: 'CSV with owner_id or owner_name, and followers.' },
    target: { type: 'string', value: 'NAME', description: 'What these paths collected (default: folder name, or manifest file stem).' },
    'no-download': { type: 'boolean', description: 'Do not fetch http(s) image URLs of manifests.' },
    'no-images': { type: 'boolean', description: 'Skip decoding, hashing and thumbnailing the images.' },
  },
  run: async ({ values, positionals }, io) => {
    if (!values.project) throw new AppFailure('INVALID_INPUT', 'import needs --project DIR. See: selfie-lab import --help');
    if (positionals.length === 0) throw new AppFailure('INVALID_INPUT', 'import needs at least one PATH (a folder or a manifest). See: selfie-lab import --help');
    const workbench = await Workbench.create({ shell: 'cli', configDir: userConfigDir() });
    try {
      await workbench.openProject(values.project);
      const params: Record<string, unknown> = {
        paths: positionals,
        format: values.format ?? 'auto',
        downloadImages: !values['no-download'],
        ...(values['captured-at'] ? { capturedAt: values['captured-at'] } : {}),
        ...(values.followers ? { followersFile: values.followers } : {}),
        ...(values.target ? { target: values.target } : {}),
      };
      const imported = await runJobWithProgress(workbench, 'import', params, values.json);
      if (imported.state !== 'succeeded') throw jobFailure(imported);
      const importReport = imported.result as ImportReport;
      let imageReport: ImageAnalysisReport | null = null;
      if (!values['no-images']) {
        const analysed = await runJobWithProgress(workbench, 'images.analyze', {}, values.json);
        if (analysed.state !== 'succeeded') throw jobFailure(analysed);
        imageReport = analysed.result as ImageAnalysisReport;
      }
      if (values.json) {
        io.out(JSON.stringify({ ok: true, value: { import: importReport, images: imageReport } }, null, 2));
      } else {
        io.out(formatImportReport(importReport));
        if (imageReport) io.out(formatImageReport(imageReport));
      }
    } finally {
      await workbench.dispose();
    }
  },
});

function jobFailure(job: { title: string; state: string; error?: { code: string; message: string; details?: Record<string, unknown> } }) {
  if (job.error) return new AppFailure(job.error.code as never, job.error.message, job.error.details);
  return new AppFailure('CANCELLED', `${job.title} was ${job.state}; run the same command again to resume.`);
}
