import { extname, resolve } from 'node:path';
import { AppFailure } from '../../shared/result';
import { extraColumnNames, postExportColumns, postExportRows } from '../../main/core/export/posts-export';
import { writeTable } from '../../main/core/export/table-writer';
import { Workbench } from '../../main/core/workbench';
import { defineCommand, printJson, userConfigDir } from '../cli-kit';

const exportable = ['posts'] as const;

export const exportCommand = defineCommand({
  name: 'export',
  summary: 'Export project data as CSV or JSONL.',
  usage: 'selfie-lab export posts --project DIR --out FILE.csv|FILE.jsonl [--json]',
  details:
    'posts: one row per post with post_id, shortcode, owner_id, owner_name, followers, likes, comments (of the labeled\n' +
    'snapshot: the first captured at least likesSnapshotMinDays after posting; empty when none), posted_at, captured_at,\n' +
    'n_snapshots, deleted, n_hashtags, hashtags (space separated), n_images, image (first image), is_video,\n' +
    'duplicate_of, duplicate_kind, then any extra manifest columns (e.g. true_quality).',
  positionals: true,
  options: {
    project: { type: 'string', value: 'DIR', description: 'Project folder (required).' },
    out: { type: 'string', value: 'FILE', description: 'Output file; .csv or .jsonl (required).' },
  },
  run: async ({ values, positionals }, io) => {
    const what = positionals[0];
    if (!what || !(exportable as readonly string[]).includes(what)) {
      throw new AppFailure('INVALID_INPUT', `export what? One of: ${exportable.join(', ')}. See: selfie-lab export --help`);
    }
    if (!values.project || !values.out) throw new AppFailure('INVALID_INPUT', 'export needs --project DIR and --out FILE.');
    const out = resolve(values.out);
    const extension = extname(out).toLowerCase();
    const format = extension === '.csv' ? 'csv' : extension === '.jsonl' || extension === '.ndjson' ? 'jsonl' : null;
    if (!format) throw new AppFailure('INVALID_INPUT', `--out must end in .csv or .jsonl, not "${extension || out}".`);
    const workbench = await Workbench.create({ shell: 'cli', configDir: userConfigDir() });
    try {
      await workbench.openProject(values.project, { writable: false });
      const project = workbench.requireProject();
      const table = project.postTable;
      const extras = extraColumnNames(table);
      const rows = await writeTable(out, format, [...postExportColumns, ...extras], postExportRows(table, project.project.data.settings.likesSnapshotMinDays, extras));
      if (values.json) printJson(io, { out, format, rows });
      else io.out(`Wrote ${rows.toLocaleString('en-US')} posts to ${out}`);
    } finally {
      await workbench.dispose();
    }
  },
});
