import { createReadStream } from 'node:fs';
import { AppFailure } from '../../../../shared/result';
import { CsvParser, type CsvRow } from './csv-parser';
import { parseJsonKeepingBigIntegers as parseJsonLine } from '../../../../shared/json/big-integer-json';

/**
 * The layer under the manifest and followers readers: turns a CSV or JSONL file into records keyed by
 * normalised (trimmed, lower-case) column names, streaming, with line numbers. It knows nothing of posts.
 */

export type ManifestFormat = 'csv' | 'jsonl';

/** `.jsonl` and `.ndjson` are JSON Lines; every other name is read as CSV. */
export function formatFromName(file: string): ManifestFormat {
  return /\.(jsonl|ndjson)$/i.test(file) ? 'jsonl' : 'csv';
}

/**
 * Column name -> raw value: a string from CSV; any JSON value from JSONL (big integers already as strings).
 * Iterates [name, value] pairs in column order. JSONL records are Maps; CSV records share one column index.
 */
export interface RawRecord extends Iterable<[string, unknown]> {
  get(name: string): unknown;
  has(name: string): boolean;
}

class CsvRecord implements RawRecord {
  constructor(
    private readonly columns: CsvColumns,
    private readonly fields: string[],
  ) {}

  get(name: string): unknown {
    const index = this.columns.indexOf.get(name);
    return index === undefined ? undefined : this.fields[index];
  }

  has(name: string): boolean {
    return this.columns.indexOf.has(name);
  }

  *[Symbol.iterator](): Iterator<[string, unknown]> {
    for (const [name, index] of this.columns.indexOf) yield [name, this.fields[index]];
  }
}

interface CsvColumns {
  names: string[];
  /** Named columns only (unnamed ones are ignored), in header order. */
  indexOf: Map<string, number>;
}

export type RecordEvent =
  /** CSV only, before any record: the header's names, normalised, in order (empty names included as ''). */
  | { type: 'columns'; columns: string[] }
  | { type: 'record'; line: number; record: RawRecord }
  /** A row that cannot be read at all. `fatal`: nothing after it can be trusted, reading stopped. */
  | { type: 'bad'; line: number; message: string; fatal?: boolean }
  | { type: 'warning'; line: number; message: string }
  | { type: 'progress'; done: number; total: number };

export interface RecordSourceOptions {
  signal?: AbortSignal;
  /** Records between progress events. */
  progressEvery?: number;
  /** File size for progress totals (the caller usually has stat'ed the file already). */
  size: number;
}

export function normaliseColumnName(name: string): string {
  return name.trim().toLowerCase();
}

const chunkSize = 1 << 20;

/**
 * Streams the file's records in batches (one batch per ~1 MB chunk), so the per-row cost is a loop step rather
 * than an async hand-off. Ends with a progress event at 100%.
 */
export async function* readRecords(file: string, format: ManifestFormat, options: RecordSourceOptions): AsyncGenerator<RecordEvent[]> {
  yield* format === 'csv' ? readCsvRecords(file, options) : readJsonlRecords(file, options);
  yield [{ type: 'progress', done: options.size, total: options.size }];
}

async function* chunksOf(file: string, signal: AbortSignal | undefined): AsyncGenerator<{ text: string; bytesRead: number }> {
  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: chunkSize });
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      if (signal?.aborted) throw new AppFailure('CANCELLED', 'Cancelled.');
      yield { text: chunk, bytesRead: stream.bytesRead };
    }
  } catch (error) {
    if (error instanceof AppFailure) throw error;
    throw new AppFailure('IO_ERROR', `Cannot read ${file}: ${(error as Error).message}`, { file });
  } finally {
    stream.destroy();
  }
}

/** Counts records and inserts a progress event every `every` of them. */
class ProgressCounter {
  private sinceLast = 0;
  bytesRead = 0;

  constructor(
    private readonly every: number,
    private readonly total: number,
  ) {}

  count(events: RecordEvent[]): void {
    if (++this.sinceLast < this.every) return;
    this.sinceLast = 0;
    events.push({ type: 'progress', done: this.bytesRead, total: this.total });
  }
}

function readHeader(row: CsvRow, events: RecordEvent[]): CsvColumns | null {
  if (row.error) {
    events.push({ type: 'bad', line: row.line, message: `the header cannot be read: ${row.error}`, fatal: true });
    return null;
  }
  const names = row.fields.map(normaliseColumnName);
  const duplicate = names.find((name, index) => name !== '' && names.indexOf(name) !== index);
  if (duplicate !== undefined) {
    events.push({ type: 'bad', line: row.line, message: `the header names column "${duplicate}" twice, so its values are ambiguous; nothing was read`, fatal: true });
    return null;
  }
  // Pandas writes its index as a first column without a name; such columns carry nothing we can use.
  const unnamed = names.flatMap((name, index) => (name === '' ? [index + 1] : []));
  if (unnamed.length > 0) events.push({ type: 'warning', line: row.line, message: `column ${unnamed.join(', ')} of the header has no name; its values are ignored` });
  events.push({ type: 'columns', columns: names });
  const indexOf = new Map<string, number>();
  names.forEach((name, index) => name !== '' && indexOf.set(name, index));
  return { names, indexOf };
}

async function* readCsvRecords(file: string, options: RecordSourceOptions): AsyncGenerator<RecordEvent[]> {
  const parser = new CsvParser();
  const progress = new ProgressCounter(options.progressEvery ?? 5000, options.size);
  let columns: CsvColumns | null = null;
  let headerSeen = false;

  /** False when reading must stop (a bad header, or a runaway row). */
  function handle(rows: CsvRow[], events: RecordEvent[]): boolean {
    for (const row of rows) {
      if (!headerSeen) {
        headerSeen = true;
        columns = readHeader(row, events);
        if (!columns) return false;
        continue;
      }
      const width = columns!.names.length;
      if (row.error) events.push({ type: 'bad', line: row.line, message: row.error, fatal: parser.isStopped });
      else if (row.fields.length !== width) events.push({ type: 'bad', line: row.line, message: `the row has ${row.fields.length} fields but the header has ${width}` });
      else events.push({ type: 'record', line: row.line, record: new CsvRecord(columns!, row.fields) });
      progress.count(events);
    }
    return !parser.isStopped;
  }

  for await (const chunk of chunksOf(file, options.signal)) {
    progress.bytesRead = chunk.bytesRead;
    const events: RecordEvent[] = [];
    const goOn = handle(parser.push(chunk.text), events);
    if (events.length > 0) yield events;
    if (!goOn) return;
  }
  const events: RecordEvent[] = [];
  if (!handle(parser.end(), events)) {
    yield events;
    return;
  }
  if (!headerSeen) events.push({ type: 'columns', columns: [] });
  if (events.length > 0) yield events;
}

async function* readJsonlRecords(file: string, options: RecordSourceOptions): AsyncGenerator<RecordEvent[]> {
  const progress = new ProgressCounter(options.progressEvery ?? 5000, options.size);
  let pending = '';
  let line = 0;
  let first = true;

  function handleLine(text: string, events: RecordEvent[]): void {
    line++;
    if (text.endsWith('\r')) text = text.slice(0, -1);
    if (text.trim() === '') return;
    events.push(parseRecordLine(text, line));
    progress.count(events);
  }

  for await (const chunk of chunksOf(file, options.signal)) {
    progress.bytesRead = chunk.bytesRead;
    let text = chunk.text;
    if (first) {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    const events: RecordEvent[] = [];
    let from = 0;
    let newline = text.indexOf('\n');
    if (newline >= 0 && pending !== '') {
      handleLine(pending + text.slice(0, newline), events);
      pending = '';
      from = newline + 1;
      newline = text.indexOf('\n', from);
    }
    while (newline >= 0) {
      handleLine(text.slice(from, newline), events);
      from = newline + 1;
      newline = text.indexOf('\n', from);
    }
    pending += text.slice(from);
    if (events.length > 0) yield events;
  }
  const events: RecordEvent[] = [];
  if (pending !== '') handleLine(pending, events);
  if (events.length > 0) yield events;
}

function parseRecordLine(text: string, line: number): RecordEvent {
  let value: unknown;
  try {
    value = parseJsonLine(text);
  } catch (error) {
    return { type: 'bad', line, message: `the line is not valid JSON (${(error as Error).message})` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { type: 'bad', line, message: `the line is ${Array.isArray(value) ? 'an array' : 'not an object'}; each line must be one JSON object` };
  }
  const record = new Map<string, unknown>();
  for (const [key, field] of Object.entries(value)) {
    const name = normaliseColumnName(key);
    if (record.has(name)) return { type: 'bad', line, message: `the key "${name}" appears twice (keys are case-insensitive)` };
    record.set(name, field);
  }
  return { type: 'record', line, record };
}
