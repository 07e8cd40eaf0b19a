import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { pairWinners, raterName, ratingValues, type PairWinner, type RaterFile, type RatingEntry, type RatingValue } from '../../../shared/rating/rating-types';
import { AppFailure } from '../../../shared/result';
import type { Cell } from '../export/table-writer';
import { CsvParser } from '../import/manifest/csv-parser';
import { parseTimestamp } from '../import/manifest/timestamp';
import type { RatersRepository } from './raters-repository';
import { raterIdOf } from './raters-repository';

/** `selfie-lab ratings export`: one row per single rating, oldest first per rater; ms = time to answer, when recorded. */
export const ratingExportColumns = ['post_id', 'rater', 'rating', 'rated_at', 'session', 'ms'] as const;
/** `selfie-lab ratings export --pairs`: one row per pairwise judgment. */
export const pairExportColumns = ['left_id', 'right_id', 'winner', 'rater', 'rated_at', 'session', 'ms'] as const;

export function* ratingExportRows(files: readonly RaterFile[]): Generator<Cell[]> {
  for (const file of files) {
    for (const entry of file.ratings) {
      if (entry.kind === 'single') yield [entry.postId, file.rater.name, entry.rating, entry.ratedAt, entry.session, entry.ms];
    }
  }
}

export function* pairExportRows(files: readonly RaterFile[]): Generator<Cell[]> {
  for (const file of files) {
    for (const entry of file.ratings) {
      if (entry.kind === 'pair') yield [entry.left, entry.right, entry.winner, file.rater.name, entry.ratedAt, entry.session, entry.ms];
    }
  }
}

export interface RatingsImportReport {
  file: string;
  /** What the file held: single ratings (post_id, rating) or pairwise judgments (left_id, right_id, winner). */
  kind: 'ratings' | 'pairs';
  rows: number;
  imported: number;
  /** Rows already in the project (same rater, item, session and time): importing twice changes nothing. */
  duplicates: number;
  /**
   * Imported answers for an image (pair) the rater had already answered in the same session: both are kept, and the
   * newer one counts in the statistics.
   */
  superseding: number;
  raters: Array<{ rater: string; name: string; imported: number; superseding: number; created: boolean }>;
}

interface ParsedRow {
  rater: string;
  entry: RatingEntry;
}

const maxImportBytes = 512 * 1024 * 1024;
/** A rating dated more than a day ahead of this machine's clock is a typo (or a wrong unit). */
const futureSlackMs = 86_400_000;

function itemKey(entry: RatingEntry): string {
  return entry.kind === 'single' ? entry.postId : [entry.left, entry.right].sort().join('\u0000');
}

/** Reads and checks every row first; nothing is imported unless the whole file is valid (errors name their line). */
export async function readRatingsCsv(file: string, knownPost: (postId: string) => boolean): Promise<{ kind: 'ratings' | 'pairs'; rows: ParsedRow[] }> {
  const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
    throw new AppFailure('IO_ERROR', error.code === 'ENOENT' ? `${file} does not exist.` : `Cannot read ${file}: ${error.message}`, { file });
  });
  if (info.isDirectory()) throw new AppFailure('INVALID_INPUT', `${file} is a folder; give the CSV file made by "selfie-lab ratings export" (or one with its columns).`, { file });
  if (info.size > maxImportBytes) throw new AppFailure('INVALID_INPUT', `${file} is ${Math.round(info.size / 1e6)} MB; a ratings CSV over 512 MB is surely not one.`, { file });

  const parser = new CsvParser();
  const problems: string[] = [];
  let problemCount = 0;
  const problem = (line: number, message: string) => {
    problemCount++;
    if (problems.length < 20) problems.push(`line ${line}: ${message}`);
  };
  let header: string[] | null = null;
  let kind: 'ratings' | 'pairs' = 'ratings';
  let columns: Record<string, number> = {};
  const out: ParsedRow[] = [];
  const now = Date.now();

  const handle = (row: { fields: string[]; line: number; error?: string }) => {
    if (row.error) return problem(row.line, row.error);
    if (!header) {
      header = row.fields.map((name) => name.trim().toLowerCase());
      columns = Object.fromEntries(header.map((name, i) => [name, i]));
      kind = 'left_id' in columns || 'winner' in columns ? 'pairs' : 'ratings';
      const required = kind === 'pairs' ? ['left_id', 'right_id', 'winner', 'rater', 'rated_at'] : ['post_id', 'rater', 'rating', 'rated_at'];
      const missing = required.filter((name) => !(name in columns));
      if (missing.length > 0) {
        const expected = kind === 'pairs' ? pairExportColumns : ratingExportColumns;
        throw new AppFailure('INVALID_INPUT', `${file}: the header lacks ${missing.join(', ')}. Expected columns: ${expected.join(', ')} (session and ms optional).`, {
          file,
          line: row.line,
        });
      }
      return;
    }
    const cell = (name: string) => (columns[name] === undefined ? '' : (row.fields[columns[name]!] ?? '').trim());
    const rater = raterName.safeParse(cell('rater'));
    if (!rater.success) return problem(row.line, `rater: ${rater.error.issues[0]!.message}`);
    const ratedAt = parseTimestamp(cell('rated_at'));
    if (ratedAt === null || ratedAt === 'invalid') {
      return problem(row.line, `rated_at "${cell('rated_at')}" is not a date-time (ISO 8601 such as 2026-11-29T10:15:00Z, or Unix seconds)`);
    }
    if (Date.parse(ratedAt) > now + futureSlackMs) return problem(row.line, `rated_at ${ratedAt} is in the future`);
    const msText = cell('ms');
    const ms = msText === '' ? null : Number(msText);
    if (ms !== null && !(Number.isFinite(ms) && ms >= 0)) return problem(row.line, `ms "${msText}" is not a number of milliseconds`);
    const session = cell('session') || 'imported';
    if (kind === 'pairs') {
      const left = cell('left_id');
      const right = cell('right_id');
      const winner = cell('winner').toLowerCase();
      if (!left || !right) return problem(row.line, 'left_id and right_id are both needed');
      if (left === right) return problem(row.line, `left_id and right_id are the same post (${left})`);
      for (const id of [left, right]) if (!knownPost(id)) return problem(row.line, `post ${id} is not in this project`);
      if (!(pairWinners as readonly string[]).includes(winner)) return problem(row.line, `winner "${cell('winner')}" is not one of ${pairWinners.join(', ')}`);
      out.push({ rater: rater.data, entry: { kind: 'pair', left, right, winner: winner as PairWinner, ratedAt, session, ms } });
      return;
    }
    const postId = cell('post_id');
    const rating = cell('rating').toLowerCase();
    if (!postId) return problem(row.line, 'post_id is empty');
    if (!knownPost(postId)) return problem(row.line, `post ${postId} is not in this project`);
    if (!(ratingValues as readonly string[]).includes(rating)) return problem(row.line, `rating "${cell('rating')}" is not one of ${ratingValues.join(', ')}`);
    out.push({ rater: rater.data, entry: { kind: 'single', postId, rating: rating as RatingValue, ratedAt, session, ms } });
  };

  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 });
  for await (const chunk of stream) for (const row of parser.push(chunk as string)) handle(row);
  for (const row of parser.end()) handle(row);

  if (!header) throw new AppFailure('INVALID_INPUT', `${file} is empty; expected a header line: ${ratingExportColumns.join(',')}`, { file });
  if (problemCount > 0) {
    const more = problemCount > problems.length ? `\n… and ${problemCount - problems.length} more` : '';
    throw new AppFailure('INVALID_INPUT', `${file} has ${problemCount} bad row${problemCount === 1 ? '' : 's'}; nothing was imported. Fix them and import again:\n${problems.join('\n')}${more}`, {
      file,
      problems,
    });
  }
  return { kind, rows: out };
}

/** Adds the file's ratings (or judgments) to the raters' files, raters created as needed; rows already there are left out. */
export async function importRatingsCsv(file: string, raters: RatersRepository, knownPost: (postId: string) => boolean): Promise<RatingsImportReport> {
  const { kind, rows } = await readRatingsCsv(file, knownPost);
  const byRater = new Map<string, { name: string; entries: RatingEntry[] }>();
  for (const { rater, entry } of rows) {
    const id = raterIdOf(rater);
    const group = byRater.get(id) ?? { name: rater, entries: [] };
    group.entries.push(entry);
    byRater.set(id, group);
  }
  const existing = new Set((await raters.list()).map((r) => r.id));
  const report: RatingsImportReport = { file, kind, rows: rows.length, imported: 0, duplicates: 0, superseding: 0, raters: [] };
  for (const [id, { name, entries }] of byRater) {
    const created = !existing.has(id);
    const rater = await raters.ensure(name);
    const counts = await raters.change(id, (current) => {
      const exact = new Set(current.map((e) => `${e.kind}\u0000${itemKey(e)}\u0000${e.session}\u0000${e.ratedAt}`));
      const answered = new Set(current.map((e) => `${e.kind}\u0000${itemKey(e)}\u0000${e.session}`));
      let added = 0;
      let superseding = 0;
      for (const entry of entries) {
        const key = `${entry.kind}\u0000${itemKey(entry)}\u0000${entry.session}`;
        if (exact.has(`${key}\u0000${entry.ratedAt}`)) continue;
        if (answered.has(key)) superseding++;
        exact.add(`${key}\u0000${entry.ratedAt}`);
        answered.add(key);
        current.push(entry);
        added++;
      }
      return { added, superseding };
    });
    report.imported += counts.added;
    report.superseding += counts.superseding;
    report.duplicates += entries.length - counts.added;
    report.raters.push({ rater: id, name: rater.rater.name, imported: counts.added, superseding: counts.superseding, created });
  }
  return report;
}
