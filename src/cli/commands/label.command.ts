import { resolve } from 'node:path';
import type { LabelRuleInput } from '../../shared/labeling/label-set';
import { AppFailure } from '../../shared/result';
import { writeTable } from '../../main/core/export/table-writer';
import { labelExportColumns, labelExportRows } from '../../main/core/export/labels-export';
import { Workbench } from '../../main/core/workbench';
import { defineCommand, userConfigDir } from '../cli-kit';

const number = (flag: string, text: string | undefined): number | undefined => {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) throw new AppFailure('INVALID_INPUT', `--${flag} must be a number, not "${text}".`);
  return value;
};

export const labelCommand = defineCommand({
  name: 'label',
  summary: 'Label posts good/bad from likes and followers with one of the study\'s rules, and save the label set.',
  usage:
    'selfie-lab label --project DIR --strategy residual|karpathy|ratio [--top F] [--bottom F] [--group-size N] [--hashtags on|off]\n' +
    '                 [--min-followers N] [--max-followers N] [--max-hashtags N] [--min-age DAYS] [--faces required|ignore]\n' +
    '                 [--val F] [--test F] [--seed N] [--name NAME] [--out FILE.csv] [--json]',
  details:
    'residual (the study): OLS of log10(1+likes) on log10(1+followers) [+ hashtags]; the top F of residuals good, the\n' +
    'bottom F bad (default 0.1 each). karpathy (2015): posts by followers in groups of N (default 100), the top half of\n' +
    'each group by likes good, the bottom half bad. ratio: (1+likes)/(1+followers), top/bottom F (default 0.5 each).\n' +
    'Ties are broken by post id. Whole owners (and reposts) go to train/val/test (default 0.75/0.25/0), seeded.\n' +
    'The set is saved in the project (a new version if the name exists). --out writes post_id, owner_id, label\n' +
    '(good|bad|none), score (the residual, group rank, or ratio), split (train|val|test|none).',
  options: {
    project: { type: 'string', value: 'DIR', description: 'Project folder (required).' },
    strategy: { type: 'string', value: 'NAME', description: 'residual, karpathy or ratio.', default: 'residual' },
    top: { type: 'string', value: 'F', description: 'Share labeled good (residual 0.1, ratio 0.5).' },
    bottom: { type: 'string', value: 'F', description: 'Share labeled bad (residual 0.1, ratio 0.5).' },
    'group-size': { type: 'string', value: 'N', description: 'Karpathy group size.', default: '100' },
    hashtags: { type: 'string', value: 'on|off', description: 'Residual rule: hashtags as a predictor.', default: 'on' },
    'min-followers': { type: 'string', value: 'N', description: 'Leave out owners with fewer followers.' },
    'max-followers': { type: 'string', value: 'N', description: 'Leave out owners with more followers.' },
    'max-hashtags': { type: 'string', value: 'N', description: 'Leave out posts with more hashtags.' },
    'min-age': { type: 'string', value: 'DAYS', description: 'Leave out posts younger than this at the labeled snapshot.' },
    faces: { type: 'string', value: 'MODE', description: 'required (only posts passing the face rule) or ignore.', default: 'required' },
    val: { type: 'string', value: 'F', description: 'Share of labeled posts (by owner) for validation.', default: '0.25' },
    test: { type: 'string', value: 'F', description: 'Share for the test split.', default: '0' },
    seed: { type: 'string', value: 'N', description: 'Seed of the split.', default: '1' },
    name: { type: 'string', value: 'NAME', description: 'Label set name (default: the strategy and tails).' },
    out: { type: 'string', value: 'FILE', description: 'Also write the labels as CSV.' },
  },
  run: async ({ values }, io) => {
    if (!values.project) throw new AppFailure('INVALID_INPUT', 'label needs --project DIR. See: selfie-lab label --help');
    const strategy = values.strategy ?? 'residual';
    if (!['residual', 'karpathy', 'ratio'].includes(strategy)) throw new AppFailure('INVALID_INPUT', `--strategy must be residual, karpathy or ratio, not "${strategy}".`);
    if (values.hashtags !== undefined && !['on', 'off'].includes(values.hashtags)) throw new AppFailure('INVALID_INPUT', '--hashtags must be on or off.');
    if (values.faces !== undefined && !['required', 'ignore'].includes(values.faces)) throw new AppFailure('INVALID_INPUT', '--faces must be required or ignore.');
    const params: LabelRuleInput = {
      strategy: strategy as 'residual',
      top: number('top', values.top),
      bottom: number('bottom', values.bottom),
      groupSize: number('group-size', values['group-size']),
      hashtags: values.hashtags !== 'off',
      minFollowers: number('min-followers', values['min-followers']),
      maxFollowers: number('max-followers', values['max-followers']),
      maxHashtags: number('max-hashtags', values['max-hashtags']),
      minAgeDays: number('min-age', values['min-age']),
      faces: (values.faces ?? 'required') as 'required',
      val: number('val', values.val),
      test: number('test', values.test),
      seed: number('seed', values.seed),
    };
    for (const key of Object.keys(params) as Array<keyof LabelRuleInput>) if (params[key] === undefined) delete params[key];
    const workbench = await Workbench.create({ shell: 'cli', configDir: userConfigDir() });
    try {
      await workbench.openProject(values.project);
      const labels = workbench.requireLabels();
      const name = values.name ?? defaultName(params);
      const summary = await labels.save(name, params);
      if (values.out) {
        const { items } = await labels.get(summary.id);
        await writeTable(resolve(values.out), 'csv', labelExportColumns, labelExportRows(items));
      }
      if (values.json) {
        io.out(
          JSON.stringify(
            {
              ok: true,
              value: {
                id: summary.id,
                name: summary.name,
                version: summary.version,
                n_population: summary.population,
                n_good: summary.good,
                n_bad: summary.bad,
                n_none: summary.none,
                fit: summary.fit && { intercept: summary.fit.intercept, coefficients: summary.fit.coefficients, r2: summary.fit.r2 },
                splits: summary.splits,
                truth: summary.truth,
                excluded: summary.excluded,
                out: values.out ? resolve(values.out) : null,
              },
            },
            null,
            2,
          ),
        );
        return;
      }
      io.out(`Saved label set "${summary.name}" (version ${summary.version}, id ${summary.id})`);
      io.out(`Population ${summary.population} posts: ${summary.good} good, ${summary.bad} bad, ${summary.none} unlabeled`);
      const s = summary.splits;
      io.out(`Splits: train ${s.train.good}/${s.train.bad} · val ${s.val.good}/${s.val.bad} · test ${s.test.good}/${s.test.bad} (good/bad)`);
      if (summary.fit) {
        const [b1, b2] = summary.fit.coefficients;
        io.out(`Fit: log10(1+likes) = ${summary.fit.intercept.toFixed(3)} + ${b1!.toFixed(3)}·log10(1+followers)${b2 === undefined ? '' : ` + ${b2.toFixed(4)}·hashtags`}  (r² ${summary.fit.r2.toFixed(3)})`);
      }
      if (summary.truth?.accuracy !== null && summary.truth) io.out(`Against the simulated true quality: ${(summary.truth.accuracy! * 100).toFixed(1)}% of labels right (n ${summary.truth.n})`);
      const excluded = Object.entries(summary.excluded);
      if (excluded.length > 0) io.out(`Left out: ${excluded.map(([reason, count]) => `${count} ${reason}`).join('; ')}`);
      if (values.out) io.out(`Labels written to ${resolve(values.out)}`);
    } finally {
      await workbench.dispose();
    }
  },
});

function defaultName(params: LabelRuleInput): string {
  if (params.strategy === 'karpathy') return `karpathy groups of ${params.groupSize ?? 100}`;
  const fallback = params.strategy === 'ratio' ? 0.5 : 0.1;
  const pct = (value: number | undefined) => `${Math.round((value ?? fallback) * 100)}%`;
  return `${params.strategy} ${pct(params.top)}/${pct(params.bottom)}`;
}
