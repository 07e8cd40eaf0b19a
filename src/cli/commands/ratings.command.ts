import { resolve } from 'node:path';
import { AppFailure } from '../../shared/result';
import { writeTable } from '../../main/core/export/table-writer';
import { importRatingsCsv, pairExportColumns, pairExportRows, ratingExportColumns, ratingExportRows } from '../../main/core/rating/ratings-csv';
import { Workbench } from '../../main/core/workbench';
import { defineCommand, printJson, userConfigDir } from '../cli-kit';
import { formatAgreementReport } from '../ratings-format';

const actions = ['export', 'import', 'stats'] as const;

export const ratingsCommand = defineCommand({
  name: 'ratings',
  summary: 'Export, import and compare human ratings (you vs Instagram vs the model).',
  usage:
    'selfie-lab ratings export --project DIR --out FILE.csv [--pairs] [--json]\n' +
    '       selfie-lab ratings import FILE.csv --project DIR [--json]\n' +
    '       selfie-lab ratings stats --project DIR [--labelset NAME] [--run ID] [--json]',
  details:
    'export: one row per rating: post_id, rater (the name), rating (good|bad|skip), rated_at (ISO 8601), session.\n' +
    '  With --pairs: the pairwise judgments instead: left_id, right_id, winner (left|right|skip), rater, rated_at, session.\n' +
    'import: the same columns (session optional; "imported" when empty), e.g. ratings gathered elsewhere. Raters are\n' +
    '  created as needed. Every row is checked first (known post, rating, date); a file with bad rows is refused whole,\n' +
    '  naming the lines. Rows already in the project are skipped, so importing a file twice changes nothing.\n' +
    "stats: each rater's accuracy against the Instagram (likes-derived) labels with a 95% Wilson interval, against the\n" +
    "  model's predictions, the model against the labels on the same images, McNemar's test rater vs model, Cohen's\n" +
    '  kappa with a 95% interval for every pair of raters, and confusion matrices; each over the images both sides\n' +
    '  rated, with n. Defaults: the label set of the newest rating session, the newest completed run on it.',
  positionals: true,
  options: {
    project: { type: 'string', value: 'DIR', description: 'Project folder (required).' },
    out: { type: 'string', value: 'FILE', description: 'export: the CSV to write.' },
    pairs: { type: 'boolean', description: 'export: the pairwise judgments instead of the single ratings.' },
    labelset: { type: 'string', value: 'NAME', description: 'stats: label set name (newest version) or id.' },
    run: { type: 'string', value: 'ID', description: 'stats: training run id for the model column.' },
  },
  run: async ({ values, positionals }, io) => {
    const action = positionals[0];
    if (!action || !(actions as readonly string[]).includes(action)) {
      throw new AppFailure('INVALID_INPUT', `ratings what? One of: ${actions.join(', ')}. See: selfie-lab ratings --help`);
    }
    if (!values.project) throw new AppFailure('INVALID_INPUT', `ratings ${action} needs --project DIR.`);
    const workbench = await Workbench.create({ shell: 'cli', configDir: userConfigDir() });
    try {
      await workbench.openProject(values.project, { writable: action === 'import' });
      const ratings = await workbench.requireRatings();
      if (action === 'export') {
        if (!values.out) throw new AppFailure('INVALID_INPUT', 'ratings export needs --out FILE.csv.');
        const out = resolve(values.out);
        const files = await ratings.raters.all();
        const rows = values.pairs
          ? await writeTable(out, 'csv', pairExportColumns, pairExportRows(files))
          : await writeTable(out, 'csv', ratingExportColumns, ratingExportRows(files));
        if (values.json) printJson(io, { out, rows, raters: files.length, what: values.pairs ? 'pairs' : 'ratings' });
        else io.out(`Wrote ${rows.toLocaleString('en-US')} ${values.pairs ? 'pairwise judgments' : 'ratings'} of ${files.length} rater${files.length === 1 ? '' : 's'} to ${out}`);
        return;
      }
      if (action === 'import') {
        const file = positionals[1];
        if (!file) throw new AppFailure('INVALID_INPUT', 'ratings import needs the CSV file: selfie-lab ratings import FILE.csv --project DIR');
        const table = workbench.requireProject().postTable;
        const report = await importRatingsCsv(resolve(file), ratings.raters, (postId) => table.rowOf(postId) !== undefined);
        if (values.json) printJson(io, report);
        else {
          io.out(`Imported ${report.imported} of ${report.rows} ratings from ${report.file}${report.duplicates > 0 ? ` (${report.duplicates} were already in the project)` : ''}.`);
          for (const rater of report.raters) io.out(`  ${rater.rater}: ${rater.imported}${rater.created ? ' (new rater)' : ''}`);
        }
        return;
      }
      const table = await ratings.compare({ ...(values.labelset ? { labelSet: values.labelset } : {}), ...(values.run ? { run: values.run } : {}) });
      if (values.json) {
        printJson(io, { labelSet: table.labelSet, run: table.run, images: table.postId.length, report: table.report, reference: table.reference });
      } else {
        io.out(formatAgreementReport(table));
      }
    } finally {
      await workbench.dispose();
    }
  },
});
