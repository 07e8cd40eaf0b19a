import type { ImportReport } from '../shared/posts/import-report';
import type { ImageAnalysisReport } from '../main/core/images/image-analysis.job';

const n = (value: number) => value.toLocaleString('en-US');

export function formatImportReport(report: ImportReport): string {
  const c = report.counts;
  const lines = [
    `Imported ${report.paths.length} source${report.paths.length === 1 ? '' : 's'} in ${report.elapsedSeconds.toFixed(1)} s:`,
    ...report.paths.map((p) => `  ${p.format.padEnd(11)} ${p.path}  (target ${p.target}, ${n(p.observations)} observations)`),
    `Posts: ${n(c.imported)} imported · ${n(c.updated)} updated with a new snapshot · ${n(c.unchanged)} unchanged · ${n(c.skipped)} files skipped · ${n(c.failed)} failed`,
    `Project now holds ${n(report.totalPosts)} posts; ${n(report.deleted)} marked deleted (missing from a later snapshot).`,
  ];
  const skipped = Object.entries(report.skippedByReason);
  if (skipped.length > 0) lines.push('Skipped:', ...skipped.map(([reason, count]) => `  ${n(count)} × ${reason}`));
  if (report.followers.missing > 0) {
    const examples = report.followers.missingExamples.slice(0, 5).map((e) => e.ownerName ?? e.ownerId ?? e.id).join(', ');
    lines.push(`Followers: ${n(report.followers.filled)} joined from profiles; ${n(report.followers.missing)} posts still lack a follower count (e.g. ${examples}). Add them with --followers FILE.`);
  } else if (report.followers.filled > 0) {
    lines.push(`Followers: ${n(report.followers.filled)} joined from profiles or the followers file.`);
  }
  const downloads = report.downloads;
  if (downloads.downloaded + downloads.alreadyPresent + downloads.failed > 0) {
    lines.push(`Images downloaded: ${n(downloads.downloaded)} · already present ${n(downloads.alreadyPresent)} · failed ${n(downloads.failed)}`);
  }
  if (report.problems.length > 0) {
    const byCode = Object.entries(report.problemsByCode).map(([code, count]) => `${code} ${n(count ?? 0)}`).join(', ');
    lines.push(`Problems (${byCode}):`);
    for (const problem of report.problems.slice(0, 20)) {
      lines.push(`  ${problem.severity === 'error' ? 'error' : 'warn '} ${problem.file}${problem.line ? `:${problem.line}` : ''}: ${problem.message}`);
    }
    const more = report.problems.length - 20 + report.problemsTruncated;
    if (more > 0) lines.push(`  … and ${n(more)} more (see --json)`);
  }
  return lines.join('\n');
}

export function formatImageReport(report: ImageAnalysisReport): string {
  const rate = report.imagesPerSecond === null ? '' : ` (${report.imagesPerSecond.toFixed(1)} images/s)`;
  const lines = [
    `Images: ${n(report.analysed)} analysed${rate} · ${n(report.alreadyDone)} already done · ${n(report.failed)} unreadable`,
    `Duplicates flagged: ${n(report.duplicates.exact)} exact, ${n(report.duplicates.near)} near (reposts are flagged, not removed).`,
  ];
  for (const failure of report.failures.slice(0, 10)) lines.push(`  unreadable ${failure.file} (post ${failure.postId}): ${failure.reason}`);
  return lines.join('\n');
}
