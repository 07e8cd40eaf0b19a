import { stat } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import type { ImportProblem, SourceEvent } from '../../../../shared/posts/imported-post';
import { AppFailure } from '../../../../shared/result';
import { CellError } from './cell-values';
import { recordToPost, recordToProfile } from './manifest-row';
import { formatFromName, readRecords, type ManifestFormat, type RawRecord, type RecordEvent } from './record-source';
import { parseTimestamp } from './timestamp';

/**
 * Readers for our own manifest format (FORMATS.md §2): one CSV row or JSONL line per post observation. They
 * stream SourceEvents, so a 500k-row manifest never sits in memory. A row that cannot be read becomes a BAD_ROW
 * problem with its line and is skipped; the rows around it are still imported. A file that cannot be opened
 * throws AppFailure IO_ERROR; an aborted signal throws AppFailure CANCELLED.
 *
 * Image paths are not checked for existence here (a stat per row would slow a 500k-row read); the step that
 * copies or opens the images must report missing ones.
 */

export interface ManifestReadOptions {
  /** Default: `.jsonl`/`.ndjson` -> jsonl, anything else -> csv. */
  format?: ManifestFormat;
  /** capturedAt for rows without a captured_at value (any form parseTimestamp accepts); default: the manifest file's mtime. */
  capturedAt?: string;
  signal?: AbortSignal;
}

export interface FollowersReadOptions {
  format?: ManifestFormat;
  signal?: AbortSignal;
}

export async function* readManifest(file: string, options: ManifestReadOptions = {}): AsyncGenerator<SourceEvent> {
  const absolute = resolve(file);
  const stats = await statOrFail(absolute);
  const defaultCapturedAt = explicitCapturedAt(options.capturedAt) ?? stats.mtime.toISOString();
  const context = { file: absolute, baseDir: dirname(absolute), defaultCapturedAt };
  yield* readRows(absolute, stats.size, options, {
    checkColumns: (columns) => (columns.includes('post_id') ? null : 'a post_id column'),
    toEvent: (record, line) => ({ type: 'post', post: recordToPost(record, line, context) }),
  });
}

/**
 * A followers CSV/JSONL: `followers` plus `owner_id` and/or `owner_name`, one profile per row. Other columns are
 * ignored. Yields `profile` events with source 'followers-file'.
 */
export async function* readFollowersFile(file: string, options: FollowersReadOptions = {}): AsyncGenerator<SourceEvent> {
  const absolute = resolve(file);
  const stats = await statOrFail(absolute);
  yield* readRows(absolute, stats.size, options, {
    checkColumns: (columns) => {
      const needed: string[] = [];
      if (!columns.includes('owner_id') && !columns.includes('owner_name')) needed.push('an owner_id or owner_name column');
      if (!columns.includes('followers')) needed.push('a followers column');
      return needed.length > 0 ? needed.join(' and ') : null;
    },
    toEvent: (record) => ({ type: 'profile', profile: recordToProfile(record, absolute) }),
  });
}

interface RowHandlers {
  /** What the CSV header lacks (for the message), or null when it has every required column. */
  checkColumns(columns: string[]): string | null;
  /** Throws CellError for a bad value. */
  toEvent(record: RawRecord, line: number): SourceEvent;
}

async function* readRows(file: string, size: number, options: FollowersReadOptions, handlers: RowHandlers): AsyncGenerator<SourceEvent> {
  const format = options.format ?? formatFromName(file);
  for await (const batch of readRecords(file, format, { size, signal: options.signal })) {
    for (const event of batch) {
      if (event.type === 'record') {
        let converted: SourceEvent;
        try {
          converted = handlers.toEvent(event.record, event.line);
        } catch (error) {
          if (!(error instanceof CellError)) throw error;
          converted = problem(badCell(file, event.line, error));
        }
        yield converted;
      } else if (event.type === 'columns') {
        const missing = handlers.checkColumns(event.columns);
        if (missing !== null) {
          yield problem(missingColumn(file, event.columns, missing));
          return;
        }
      } else {
        yield* passThrough(file, event);
      }
    }
  }
}

function* passThrough(file: string, event: Exclude<RecordEvent, { type: 'columns' | 'record' }>): Generator<SourceEvent> {
  if (event.type === 'progress') yield event;
  else if (event.type === 'bad') {
    const skipped = event.fatal ? '' : ' The row was skipped.';
    yield problem({ severity: 'error', code: 'BAD_ROW', file, line: event.line, message: `Line ${event.line} of ${basename(file)}: ${event.message}.${skipped}` });
  } else {
    yield problem({ severity: 'warning', code: 'UNSUPPORTED', file, line: event.line, message: `Line ${event.line} of ${basename(file)}: ${event.message}.` });
  }
}

function problem(value: ImportProblem): SourceEvent {
  return { type: 'problem', problem: value };
}

function badCell(file: string, line: number, error: CellError): ImportProblem {
  return { severity: 'error', code: 'BAD_ROW', file, line, message: `Line ${line} of ${basename(file)}: ${error.message}. The row was skipped.` };
}

function missingColumn(file: string, columns: string[], needed: string): ImportProblem {
  const found = columns.length === 0 ? 'the file is empty' : `columns found: ${columns.map((name) => name || '(unnamed)').join(', ')}`;
  return {
    severity: 'error',
    code: 'MISSING_COLUMN',
    file,
    line: 1,
    message: `${file} has no ${needed} in its header (${found}), so nothing was imported from it.`,
  };
}

async function statOrFail(file: string) {
  try {
    return await stat(file);
  } catch (error) {
    throw new AppFailure('IO_ERROR', `Cannot read ${file}: ${(error as Error).message}`, { file });
  }
}

function explicitCapturedAt(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const parsed = parseTimestamp(value);
  if (parsed === null || parsed === 'invalid') {
    throw new AppFailure('INVALID_INPUT', `The capture time "${value}" is not an ISO 8601 date-time or unix seconds.`, { capturedAt: value });
  }
  return parsed;
}

export { parseTimestamp } from './timestamp';
export type { ManifestFormat } from './record-source';
