import { resolve } from 'node:path';
import { simulationParams } from '../../shared/simulation/population';
import { AppFailure } from '../../shared/result';
import { simulateToFolder } from '../../main/core/demo/simulate-demo';
import { defineCommand, printJson } from '../cli-kit';

/** Numeric options of the model, as CLI flag -> parameter name. */
const numericFlags = {
  posts: 'posts',
  owners: 'owners',
  seed: 'seed',
  'window-hours': 'postWindowHours',
  'followers-mean': 'followersLog10Mean',
  'followers-sd': 'followersLog10Sd',
  'hashtags-mean': 'hashtagsMean',
  'quality-sd': 'qualitySd',
  a: 'a',
  b: 'b',
  c: 'c',
  noise: 'noiseSd',
  'deletion-rate': 'deletionRate',
} as const;

export const simulateCommand = defineCommand({
  name: 'simulate',
  summary: 'Simulate a population of owners and posts with known latent quality, written as two crawls (day 0, day 7).',
  usage: 'selfie-lab simulate --out DIR [--posts N] [--owners M] [--seed S] [--images none|demo] [model options] [--json]',
  details:
    'Model: log10(1+likes_day7) = a + b*log10(1+followers) + c*hashtags + q + noise, followers log-normal\n' +
    '(log10 mean/sd), hashtags Poisson around a per-owner habit, q ~ N(0, quality-sd) (with --images demo, q is read\n' +
    'off each photo variant: brighter and more colourful = better). Day-0 likes are the share gathered by the first\n' +
    'crawl; deletion-rate of posts are gone by day 7. Writes DIR/day0/posts.csv, DIR/day7/posts.csv (manifests with\n' +
    'a true_quality column), DIR/simulation.json and, with --images demo, DIR/images/. Import them with:\n' +
    '  selfie-lab import DIR/day0/posts.csv DIR/day7/posts.csv --project P',
  options: {
    out: { type: 'string', value: 'DIR', description: 'Output folder (required).' },
    posts: { type: 'string', value: 'N', description: 'Number of posts.', default: '2000' },
    owners: { type: 'string', value: 'M', description: 'Number of owners (with --images demo: at most the number of demo photos).', default: '400' },
    seed: { type: 'string', value: 'S', description: 'Random seed; the same seed gives the same files.', default: '1' },
    images: { type: 'string', value: 'MODE', description: 'none (metadata only) or demo (a photo variant per post).', default: 'none' },
    'crawl-at': { type: 'string', value: 'ISO', description: 'Time of the day-0 crawl.', default: '2015-10-01T00:00:00Z' },
    'window-hours': { type: 'string', value: 'H', description: 'Posts were posted in the H hours before the day-0 crawl.', default: '24' },
    'followers-mean': { type: 'string', value: 'X', description: 'Mean of log10(followers).', default: '2.6' },
    'followers-sd': { type: 'string', value: 'X', description: 'SD of log10(followers).', default: '0.7' },
    'hashtags-mean': { type: 'string', value: 'X', description: 'Mean hashtags per post.', default: '5' },
    'quality-sd': { type: 'string', value: 'X', description: 'SD of q (without demo images).', default: '0.25' },
    a: { type: 'string', value: 'X', description: 'Intercept.', default: '0.1' },
    b: { type: 'string', value: 'X', description: 'Slope on log10(1+followers).', default: '0.75' },
    c: { type: 'string', value: 'X', description: 'Slope on the number of hashtags.', default: '0.015' },
    noise: { type: 'string', value: 'X', description: 'SD of the noise term.', default: '0.15' },
    'deletion-rate': { type: 'string', value: 'X', description: 'Share of posts deleted before day 7.', default: '0.117' },
  },
  run: async ({ values }, io) => {
    if (!values.out) throw new AppFailure('INVALID_INPUT', 'simulate needs --out DIR. See: selfie-lab simulate --help');
    const images = values.images ?? 'none';
    if (images !== 'none' && images !== 'demo') throw new AppFailure('INVALID_INPUT', `--images must be none or demo, not "${images}".`);
    const input: Record<string, unknown> = { crawlAt: values['crawl-at'] };
    for (const [flag, name] of Object.entries(numericFlags)) {
      const text = (values as unknown as Record<string, string | undefined>)[flag];
      if (text === undefined) continue;
      const number = Number(text);
      if (text.trim() === '' || !Number.isFinite(number)) throw new AppFailure('INVALID_INPUT', `--${flag} must be a number, not "${text}".`);
      input[name] = number;
    }
    const parsed = simulationParams.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const flag = Object.entries(numericFlags).find(([, name]) => name === issue.path[0])?.[0] ?? String(issue.path[0]);
      throw new AppFailure('INVALID_INPUT', `--${flag}: ${issue.message}`);
    }
    const out = resolve(values.out);
    const result = await simulateToFolder(parsed.data, out, {
      images,
      onProgress: (done, total) => {
        if (!values.json && (done === total || done % 200 === 0)) process.stderr.write(`\rPhoto variants ${done}/${total}`);
      },
    });
    if (images === 'demo' && !values.json) process.stderr.write('\n');
    if (values.json) printJson(io, { ...result, out });
    else {
      io.out(`Simulated ${result.posts.toLocaleString('en-US')} posts (${result.deleted.toLocaleString('en-US')} deleted before day 7) into ${out}`);
      io.out(`Import them with:\n  selfie-lab import ${result.day0} ${result.day7} --project PROJECT`);
    }
  },
});
