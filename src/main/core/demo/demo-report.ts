import { writeFile } from 'node:fs/promises';
import { postColumns, postsSummary } from '../posts/post-queries';
import type { PostTable } from '../posts/post-table';
import { histogramSvg, scatterSvg } from './report-svg';
import type { RuleTruth } from './rule-truth';

export interface StageOutcome {
  name: string;
  status: 'done' | 'missing' | 'failed' | 'cancelled';
  seconds: number;
  /** One line for people. */
  summary: string;
  feature?: string;
}

export interface DemoSummary {
  project: string;
  backend: string;
  stages: StageOutcome[];
  counts: { posts: number; deleted: number; withLabeledLikes: number; imagesAnalysed: number; imagesFailed: number; nearDuplicates: number };
  /** Each labeling rule's accuracy against the simulated true quality. */
  rules: RuleTruth[];
  seconds: number;
  report: string;
}

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export function demoCounts(table: PostTable, minDays: number): DemoSummary['counts'] {
  const summary = postsSummary(table, minDays);
  return {
    posts: summary.count,
    deleted: summary.deleted,
    withLabeledLikes: summary.count - summary.missingLabeledLikes,
    imagesAnalysed: summary.imagesAnalysed,
    imagesFailed: summary.imagesFailed,
    nearDuplicates: summary.duplicates.near + summary.duplicates.exact,
  };
}

/** A self-contained report.html (inline SVG plots, no scripts), readable offline and in any browser. */
export async function writeDemoReport(file: string, summary: Omit<DemoSummary, 'report'>, table: PostTable, minDays: number): Promise<void> {
  const columns = postColumns(table, minDays);
  const quality = table.file.columns.extra.map((extra) => (extra?.true_quality === undefined ? null : Number(extra.true_quality)));
  const known = quality.filter((q): q is number => q !== null && Number.isFinite(q));
  const qMin = Math.min(...known);
  const qMax = Math.max(...known);
  const points = [];
  for (let row = 0; row < columns.count; row++) {
    const followers = columns.followers[row];
    const likes = columns.likes[row];
    if (followers === null || followers === undefined || likes === null || likes === undefined) continue;
    const q = quality[row];
    points.push({ x: Math.log10(1 + followers), y: Math.log10(1 + likes), shade: q === null || q === undefined ? 0.5 : (q - qMin) / (qMax - qMin || 1) });
  }
  const likes = columns.likes.filter((value): value is number => value !== null).map((value) => Math.log10(1 + value));
  const stageRows = summary.stages
    .map((stage) => `<tr class="${stage.status}"><td>${escape(stage.name)}</td><td>${stage.status}</td><td>${stage.seconds.toFixed(1)} s</td><td>${escape(stage.summary)}</td></tr>`)
    .join('\n');
  const c = summary.counts;
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Selfie Lab demo report</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<style>
body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:1120px;color:#1d2330;padding:0 1rem}
h1{font-size:1.6rem;margin-bottom:.2rem} .muted{color:#5b6475}
table{border-collapse:collapse;margin:1rem 0;width:100%} td,th{border-bottom:1px solid #e3e6ec;padding:.4rem .6rem;text-align:left;vertical-align:top}
tr.missing td{color:#8a6d00} tr.failed td{color:#b3261e}
.plots{display:flex;flex-wrap:wrap;gap:1.5rem} figure{margin:0;background:#fff;border:1px solid #e3e6ec;border-radius:8px;padding:.6rem}
figcaption{font-size:.85rem;color:#5b6475;max-width:500px}
.stats{display:flex;gap:1rem;flex-wrap:wrap} .stat{border:1px solid #e3e6ec;border-radius:8px;padding:.6rem 1rem} .stat b{display:block;font-size:1.4rem}
</style></head><body>
<h1>Selfie Lab demo report</h1>
<p class="muted">Project <code>${escape(summary.project)}</code> · ML backend ${escape(summary.backend)} · ${summary.seconds.toFixed(0)} s in all</p>
<div class="stats">
<div class="stat"><b>${c.posts}</b>posts</div><div class="stat"><b>${c.deleted}</b>deleted by day 7</div>
<div class="stat"><b>${c.withLabeledLikes}</b>with likes ≥ ${minDays} days after posting</div>
<div class="stat"><b>${c.imagesAnalysed}</b>images analysed</div><div class="stat"><b>${c.nearDuplicates}</b>flagged duplicates</div>
</div>
<h2>Pipeline</h2>
<table><thead><tr><th>stage</th><th>status</th><th>time</th><th>result</th></tr></thead><tbody>
${stageRows}
</tbody></table>
<h2>Labeling rules against the truth</h2>
<p class="muted">How often each rule's label agrees with the planted quality (good = above the median q of the population). The study's raters matched the likes-based labels 61% and 76% of the time.</p>
<table><thead><tr><th>rule</th><th>labeled posts</th><th>agrees with the truth</th></tr></thead><tbody>
${summary.rules.map((r) => `<tr><td>${escape(r.rule)}</td><td>${r.labeled}</td><td>${r.accuracy === null ? '—' : `${(r.accuracy * 100).toFixed(1)}%`}</td></tr>`).join('\n')}
</tbody></table>
<h2>Plots</h2>
<div class="plots">
<figure>${scatterSvg(points, { title: 'Likes vs followers', xLabel: 'log10(1 + followers)', yLabel: 'log10(1 + likes at ≥ 7 days)' })}
<figcaption>Each dot a post with a labeled like count, coloured by its simulated true quality (blue low, orange high). The study's residual rule keeps the posts furthest above and below the fitted line.</figcaption></figure>
<figure>${histogramSvg(likes, { title: 'Like counts', xLabel: 'log10(1 + likes at ≥ 7 days)' })}
<figcaption>Distribution of the labeled like counts.</figcaption></figure>
<figure>${histogramSvg(known, { title: 'Simulated true quality q', xLabel: 'q' })}
<figcaption>The latent quality the simulator planted (q = 0.35 · vividness + noise); the labeling rules are scored against it.</figcaption></figure>
</div>
</body></html>
`;
  await writeFile(file, html);
}
