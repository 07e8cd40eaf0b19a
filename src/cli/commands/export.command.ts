import { resolve } from 'node:path';
import { AppFailure } from '../../shared/result';
import { extraColumnNames, postExportColumns, postExportRows } from '../../main/core/export/posts-export';
import { tableFormatOf, writeTable } from '../../main/core/export/table-writer';
import { faceExportColumns, faceExportRows } from '../../main/core/faces/faces-export';
import { exportImageFolder } from '../../main/core/export/imagefolder-export';
import { labelExportColumns, labelExportRows } from '../../main/core/export/labels-export';
import { predictionExportColumns, predictionExportRows } from '../../main/core/export/predictions-export';
import { RunsRepository } from '../../main/core/training/runs-repository';
import { Workbench } from '../../main/core/workbench';
import { defineCommand, printJson, userConfigDir } from '../cli-kit';

const exportable = ['posts', 'faces', 'labels', 'imagefolder', 'predictions'] as const;

export const exportCommand = defineCommand({
  name: 'export',
  summary: 'Export project data as CSV or JSONL.',
  usage:
    'selfie-lab export posts|faces --project DIR --out FILE.csv|FILE.jsonl [--json]\n' +
    '       selfie-lab export labels --project DIR --labelset NAME --out FILE.csv|FILE.jsonl [--json]\n' +
    '       selfie-lab export imagefolder --project DIR --labelset NAME --out DIR [--files copy|hardlink|symlink] [--json]\n' +
    '       selfie-lab export predictions --project DIR --run ID --out FILE.csv|FILE.jsonl [--json]',
  details:
    'posts: one row per post with post_id, shortcode, owner_id, owner_name, followers, likes, comments (of the labeled\n' +
    'snapshot: the first captured at least likesSnapshotMinDays after posting; empty when none), posted_at, captured_at,\n' +
    'n_snapshots, deleted, n_hashtags, hashtags (space separated), n_images, image (first image), is_video,\n' +
    'duplicate_of, duplicate_kind, then any extra manifest columns (e.g. true_quality).\n' +
    'faces: one row per image with post_id, image, image_index, faces (counted under the project\'s rule), max_score (of\n' +
    'all stored detections), boxes (the counted faces as JSON), status (ok, error, or pending when not detected yet),\n' +
    'error, passes (the image has exactly one face), post_passes (the post passes: carousel rule and override applied),\n' +
    'override, detector, width, height.\n' +
    'labels: one row per post of a label set\'s population: post_id, owner_id, label (good|bad|none), score, split.\n' +
    'imagefolder: the labeled posts\' first images as train/good, train/bad, val/…, test/… folders, as PyTorch\'s\n' +
    'ImageFolder and Keras\' image_dataset_from_directory read them (copies by default; --files hardlink|symlink).\n' +
    'predictions: one row per predicted post of a training run: post_id, split, label (good|bad|none), p_good (the\n' +
    'best-validation epoch\'s model), predicted (good|bad at p_good ≥ 0.5).',
  positionals: true,
  options: {
    project: { type: 'string', value: 'DIR', description: 'Project folder (required).' },
    out: { type: 'string', value: 'FILE', description: 'Output file; .csv or .jsonl (a folder for imagefolder; required).' },
    labelset: { type: 'string', value: 'NAME', description: 'Label set name (newest version) or id, for labels and imagefolder.' },
    files: { type: 'string', value: 'MODE', description: 'imagefolder: copy, hardlink or symlink.', default: 'copy' },
    run: { type: 'string', value: 'ID', description: 'Training run id, for predictions.' },
  },
  run: async ({ values, positionals }, io) => {
    const what = positionals[0];
    if (!what || !(exportable as readonly string[]).includes(what)) {
      throw new AppFailure('INVALID_INPUT', `export what? One of: ${exportable.join(', ')}. See: selfie-lab export --help`);
    }
    if (!values.project || !values.out) throw new AppFailure('INVALID_INPUT', 'export needs --project DIR and --out FILE.');
    const out = resolve(values.out);
    if (what === 'predictions') {
      if (!values.run) throw new AppFailure('INVALID_INPUT', 'export predictions needs --run ID.');
      const format = tableFormatOf(out);
      const workbench = await Workbench.create({ shell: 'cli', configDir: userConfigDir() });
      try {
        await workbench.openProject(values.project, { writable: false });
        const runs = new RunsRepository(workbench.requireProject().dir);
        await runs.get(values.run); // an unknown id is named with the recent runs
        const predictions = await runs.predictions(values.run);
        const rows = await writeTable(out, format, predictionExportColumns, predictionExportRows(predictions));
        if (values.json) printJson(io, { out, format, what, rows, run: predictions.runId });
        else io.out(`Wrote ${rows.toLocaleString('en-US')} predictions of run ${predictions.runId} to ${out}`);
        return;
      } finally {
        await workbench.dispose();
      }
    }
    if (what === 'labels' || what === 'imagefolder') {
      if (!values.labelset) throw new AppFailure('INVALID_INPUT', `export ${what} needs --labelset NAME.`);
      const files = values.files ?? 'copy';
      if (!['copy', 'hardlink', 'symlink'].includes(files)) throw new AppFailure('INVALID_INPUT', '--files must be copy, hardlink or symlink.');
      const workbench = await Workbench.create({ shell: 'cli', configDir: userConfigDir() });
      try {
        await workbench.openProject(values.project, { writable: false });
        const { summary, items } = await workbench.requireLabels().get(values.labelset);
        if (what === 'imagefolder') {
          const report = await exportImageFolder(workbench.requireProject().postTable, items, out, files as 'copy');
          if (values.json) printJson(io, { ...report, labelSet: summary.id });
          else {
            io.out(`Wrote ${report.files} images of label set ${summary.id} to ${out}: ${Object.entries(report.perFolder).map(([folder, count]) => `${folder} ${count}`).join(', ')}`);
            if (report.missing.length > 0) io.out(`${report.missing.length} labeled posts have no readable image and were left out (e.g. ${report.missing[0]!.postId}: ${report.missing[0]!.reason}).`);
          }
          return;
        }
        const format = tableFormatOf(out);
        const rows = await writeTable(out, format, labelExportColumns, labelExportRows(items));
        if (values.json) printJson(io, { out, format, what, rows, labelSet: summary.id });
        else io.out(`Wrote ${rows.toLocaleString('en-US')} posts of label set ${summary.id} to ${out}`);
        return;
      } finally {
        await workbench.dispose();
      }
    }
    const format = tableFormatOf(out);
    const workbench = await Workbench.create({ shell: 'cli', configDir: userConfigDir() });
    try {
      await workbench.openProject(values.project, { writable: false });
      const project = workbench.requireProject();
      let rows: number;
      if (what === 'faces') {
        rows = await writeTable(out, format, faceExportColumns, faceExportRows(project));
      } else {
        const table = project.postTable;
        const extras = extraColumnNames(table);
        rows = await writeTable(out, format, [...postExportColumns, ...extras], postExportRows(table, project.project.data.settings.likesSnapshotMinDays, extras));
      }
      if (values.json) printJson(io, { out, format, what, rows });
      else io.out(`Wrote ${rows.toLocaleString('en-US')} ${what === 'faces' ? 'images' : 'posts'} to ${out}`);
    } finally {
      await workbench.dispose();
    }
  },
});
