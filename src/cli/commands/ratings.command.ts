import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { ratingSplits, type RatingSplit } from '../../shared/rating/rating-types';
import { AppFailure } from '../../shared/result';
import { tableFormatOf, writeTable } from '../../main/core/export/table-writer';
import { importRatingsCsv, pairExportColumns, pairExportRows, ratingExportColumns, ratingExportRows } from '../../main/core/rating/ratings-csv';
import { Workbench } from '../../main/core/workbench';
import { defineCommand, printJson, userConfigDir } from '../cli-kit';
import { formatAgreementReport } from '../ratings-format';

const actions = ['export', 'import', 'stats'] as const;

export const ratingsCommand = defineCommand({
  name: 'ratings',
  summary: 'Export, import and compare human ratings (you vs Instagram vs the model).',
  usage:
    'selfie-lab ratings export --project DIR --out FILE.csv|FILE.jsonl [--pairs] [--json]\n' +
    '       selfie-lab ratings import FILE.csv --project DIR [--json]\n' +
    '       selfie-lab ratings stats --project DIR [--labelset NAME] [--run ID] [--split train|val|test] [--session ID] [--json]',
  details:
    'export: one row per rating: post_id, rater (the name), rating (good|bad|skip), rated_at (ISO 8601), session, ms\n' +
    '  (time to answer, when recorded). With --pairs: the pairwise judgments instead: left_id, right_id, winner\n' +
    '  (left|right|skip), rater, rated_at, session, ms. .jsonl writes one JSON object per line with the same fields.\n' +
    'import: either kind of file, told apart by its header (session and ms optional; session "imported" when empty),\n' +
    '  e.g. ratings gathered elsewhere. rated_at may be ISO 8601 or Unix seconds/milliseconds. Raters are created as\n' +
    '  needed. Every row is checked first (known post, answer, date); a file with bad rows is refused whole, naming the\n' +
    '  lines. Rows already in the project are skipped, so importing a file twice changes nothing; a newer answer for an\n' +
    '  image the rater already answered in that session is added and counts from then on (the report says how many).\n' +
    "stats: each rater's accuracy against the Instagram (likes-derived) labels with a 95% Wilson interval, against the\n" +
    "  model's predictions, the model against the labels on the same images, McNemar's test rater vs model, Cohen's\n" +
    '  kappa with a 95% interval for every pair of raters, and confusion matrices; each over the images both sides\n' +
    '  rated, with n. Defaults: the label set of the newest rating session, the newest completed run trained on it\n' +
    '  (never a run of another label set unless --run names it). --split keeps the rated images of one split of the\n' +
    '  label set (test is the fair comparison with the model: val chose its best epoch), --session the ratings of one\n' +
    '  session. Cautions about the model (rated images it trained on) are printed with the figures.',
  positionals: true,
  options: {
    project: { type: 'string', value: 'DIR', description: 'Project folder (required).' },
    out: { type: 'string', value: 'FILE', description: 'export: the CSV to write.' },
    pairs: { type: 'boolean', description: 'export: the pairwise judgments instead of the single ratings.' },
    labelset: { type: 'string', value: 'NAME', description: 'stats: label set name (newest version) or id.' },
    run: { type: 'string', value: 'ID', description: 'stats: training run id for the model column.' },
    split: { type: 'string', value: 'SPLIT', description: 'stats: only rated images of this split (train, val or test) of the label set.' },
    session: { type: 'string', value: 'ID', description: 'stats: only ratings given in this rating session.' },
  },
  run: async ({ values, positionals }, io) => {
    const action = positionals[0];
    if (!action || !(actions as readonly string[]).includes(action)) {
      const what = action ? `unknown ratings action "${action}".` : 'ratings what?';
      throw new AppFailure('INVALID_INPUT', `${what} One of: ${actions.join(', ')}. See: selfie-lab ratings --help`);
    }
    if (values.split !== undefined && !(ratingSplits as readonly string[]).includes(values.split)) {
      throw new AppFailure('INVALID_INPUT', `--split must be one of ${ratingSplits.join(', ')}, not "${values.split}".`);
    }
    if (!values.project) throw new AppFailure('INVALID_INPUT', `ratings ${action} needs --project DIR.`);
    const workbench = await Workbench.create({ shell: 'cli', configDir: userConfigDir() });
    try {
      await workbench.openProject(values.project, { writable: action === 'import' });
      const ratings = await workbench.requireRatings();
      if (action === 'export') {
        if (!values.out) throw new AppFailure('INVALID_INPUT', 'ratings export needs --out FILE.csv.');
        const out = resolve(values.out);
        const format = tableFormatOf(out);
        const folder = dirname(out);
        if (!(await stat(folder).then((s) => s.isDirectory(), () => false))) throw new AppFailure('INVALID_INPUT', `The folder ${folder} does not exist; create it first.`);
        const kind = values.pairs ? 'pair' : 'single';
        const files = (await ratings.raters.all()).filter((file) => file.ratings.some((entry) => entry.kind === kind));
        const rows = values.pairs
          ? await writeTable(out, format, pairExportColumns, pairExportRows(files))
          : await writeTable(out, format, ratingExportColumns, ratingExportRows(files));
        if (values.json) printJson(io, { out, format, rows, raters: files.length, what: values.pairs ? 'pairs' : 'ratings' });
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
          const what = report.kind === 'pairs' ? 'pairwise judgments' : 'ratings';
          io.out(`Imported ${report.imported} of ${report.rows} ${what} from ${report.file}${report.duplicates > 0 ? ` (${report.duplicates} were already in the project)` : ''}.`);
          if (report.superseding > 0) {
            io.out(`${report.superseding} of them answer again an image the rater had already answered in the same session: the newer answer counts.`);
          }
          for (const rater of report.raters) {
            io.out(`  ${rater.name}: ${rater.imported}${rater.superseding > 0 ? ` (${rater.superseding} newer answers)` : ''}${rater.created ? ' (new rater)' : ''}`);
          }
        }
        return;
      }
      const table = await ratings.compare({
        ...(values.labelset ? { labelSet: values.labelset } : {}),
        ...(values.run ? { run: values.run } : {}),
        ...(values.split ? { split: values.split as RatingSplit } : {}),
        ...(values.session ? { session: values.session } : {}),
      });
      if (values.json) {
        printJson(io, { labelSet: table.labelSet, run: table.run, scope: table.scope, notes: table.notes, images: table.postId.length, report: table.report, reference: table.reference });
      } else {
        io.out(formatAgreementReport(table));
      }
    } finally {
      await workbench.dispose();
    }
  },
});
