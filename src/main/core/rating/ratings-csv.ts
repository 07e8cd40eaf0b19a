import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { raterName, ratingValues, type RaterFile, type RatingValue, type SingleRating } from '../../../shared/rating/rating-types';
import { AppFailure } from '../../../shared/result';
import type { Cell } from '../export/table-writer';
import { CsvParser } from '../import/manifest/csv-parser';
import type { RatersRepository } from './raters-repository';
import { raterIdOf } from './raters-repository';

/** `selfie-lab ratings export`: one row per single rating, oldest first per rater. */
export const ratingExportColumns = ['post_id', 'rater', 'rating', 'rated_at', 'session'] as const;
/** `selfie-lab ratings export --pairs`: one row per pairwise judgment. */
export const pairExportColumns = ['left_id', 'right_id', 'winner', 'rater', 'rated_at', 'session'] as const;

export function* ratingExportRows(files: readonly RaterFile[]): Generator<Cell[]> {
  for (const file of files) {
    for (const entry of file.ratings) {
      if (entry.kind === 'single') yield [entry.postId, file.rater.name, entry.rating, entry.ratedAt, entry.session];
    }
  }
}

export function* pairExportRows(files: readonly RaterFile[]): Generator<Cell[]> {
  for (const file of files) {
    for (const entry of file.ratings) {
      if (entry.kind === 'pair') yield [entry.left, entry.right, entry.winner, file.rater.name, entry.ratedAt, entry.session];
    }
  }
}

export interface RatingsImportReport {
  file: string;
  rows: number;
  imported: number;
  /** Rows already in the project (same rater, post, session and time): importing twice changes nothing. */
  duplicates: number;
  raters: Array<{ rater: string; imported: number; created: boolean }>;
}

interface ParsedRating {
  rater: string;
  entry: SingleRating;
}

const maxImportBytes = 512 * 1024 * 1024;

/** Reads and checks every row first; nothing is imported unless the whole file is valid (errors name their line). */
export async function readRatingsCsv(file: string, knownPost: (postId: string) => boolean): Promise<{ rows: ParsedRating[] }> {
  const size = await stat(file).then(
    (s) => s.size,
    (error: NodeJS.ErrnoException) => {
      throw new AppFailure('IO_ERROR', error.code === 'ENOENT' ? `${file} does not exist.` : `Cannot read ${file}: ${error.message}`, { file });
    },
  );
  if (size > maxImportBytes) throw new AppFailure('INVALID_INPUT', `${file} is ${Math.round(size / 1e6)} MB; a ratings CSV over 512 MB is surely not one.`, { file });

  const parser = new CsvParser();
  const problems: string[] = [];
  let problemCount = 0;
  const problem = (line: number, message: string) => {
    problemCount++;
    if (problems.length < 20) problems.push(`line ${line}: ${message}`);
  };
  let header: string[] | null = null;
  let columns: Record<string, number> = {};
  const out: ParsedRating[] = [];

  const handle = (row: { fields: string[]; line: number; error?: string }) => {
    if (row.error) return problem(row.line, row.error);
    if (!header) {
      header = row.fields.map((name) => name.trim().toLowerCase());
      columns = Object.fromEntries(header.map((name, i) => [name, i]));
      const missing = ['post_id', 'rater', 'rating', 'rated_at'].filter((name) => !(name in columns));
      if (missing.length > 0) {
        throw new AppFailure('INVALID_INPUT', `${file}: the header lacks ${missing.join(', ')}. Expected columns: ${ratingExportColumns.join(', ')} (session optional).`, {
          file,
          line: row.line,
        });
      }
      return;
    }
    const cell = (name: string) => (columns[name] === undefined ? '' : (row.fields[columns[name]!] ?? '').trim());
    const postId = cell('post_id');
    const rater = cell('rater');
    const rating = cell('rating').toLowerCase();
    const ratedAt = cell('rated_at');
    const session = cell('session') || 'imported';
    if (!postId) return problem(row.line, 'post_id is empty');
    if (!knownPost(postId)) return problem(row.line, `post ${postId} is not in this project`);
    const name = raterName.safeParse(rater);
    if (!name.success) return problem(row.line, `rater: ${name.error.issues[0]!.message}`);
    if (!(ratingValues as readonly string[]).includes(rating)) return problem(row.line, `rating "${cell('rating')}" is not one of ${ratingValues.join(', ')}`);
    const time = Date.parse(ratedAt);
    if (!ratedAt || Number.isNaN(time)) return problem(row.line, `rated_at "${ratedAt}" is not a date-time (ISO 8601, e.g. 2026-11-29T10:15:00Z)`);
    out.push({ rater: name.data, entry: { kind: 'single', postId, rating: rating as RatingValue, ratedAt: new Date(time).toISOString(), session, ms: null } });
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
  return { rows: out };
}

/** Adds the file's ratings to the raters' files (raters created as needed); rows already there are left out. */
export async function importRatingsCsv(file: string, raters: RatersRepository, knownPost: (postId: string) => boolean): Promise<RatingsImportReport> {
  const { rows } = await readRatingsCsv(file, knownPost);
  const byRater = new Map<string, { name: string; entries: SingleRating[] }>();
  for (const { rater, entry } of rows) {
    const id = raterIdOf(rater);
    const group = byRater.get(id) ?? { name: rater, entries: [] };
    group.entries.push(entry);
    byRater.set(id, group);
  }
  const existing = new Set((await raters.list()).map((r) => r.id));
  const report: RatingsImportReport = { file, rows: rows.length, imported: 0, duplicates: 0, raters: [] };
  for (const [id, { name, entries }] of byRater) {
    const created = !existing.has(id);
    await raters.ensure(name);
    const imported = await raters.change(id, (current) => {
      const seen = new Set(current.filter((e) => e.kind === 'single').map((e) => `${e.postId}\u0000${e.session}\u0000${e.ratedAt}`));
      let added = 0;
      for (const entry of entries) {
        const key = `${entry.postId}\u0000${entry.session}\u0000${entry.ratedAt}`;
        if (seen.has(key)) continue;
        seen.add(key);
        current.push(entry);
        added++;
      }
      return added;
    });
    report.imported += imported;
    report.duplicates += entries.length - imported;
    report.raters.push({ rater: id, imported, created });
  }
  return report;
}
