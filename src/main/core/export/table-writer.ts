import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { basename, extname } from 'node:path';
import { AppFailure } from '../../../shared/result';

export type Cell = string | number | boolean | null;

/** csv or jsonl by the file's extension; anything else is refused rather than written as CSV under another name. */
export function tableFormatOf(file: string): 'csv' | 'jsonl' {
  const extension = extname(file).toLowerCase();
  if (extension === '.csv') return 'csv';
  if (extension === '.jsonl' || extension === '.ndjson') return 'jsonl';
  throw new AppFailure('INVALID_INPUT', `--out must end in .csv or .jsonl, not "${extension || basename(file)}".`);
}

/** RFC 4180: quote fields holding a comma, quote, CR or LF; double the quotes. */
export function csvField(value: Cell): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Writes rows as CSV (header line first) or JSONL (one object per line), streaming, to a temp file renamed over
 * the target at the end, so an interrupted export never leaves half a file under the real name.
 */
export async function writeTable(file: string, format: 'csv' | 'jsonl', columns: readonly string[], rows: Iterable<Cell[]>): Promise<number> {
  const temp = `${file}.${process.pid}.tmp`;
  const out = createWriteStream(temp, { encoding: 'utf8' });
  let count = 0;
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  try {
    if (format === 'csv') await write(`${columns.map(csvField).join(',')}\n`);
    for (const row of rows) {
      if (format === 'csv') await write(`${row.map(csvField).join(',')}\n`);
      else await write(`${JSON.stringify(Object.fromEntries(columns.map((name, i) => [name, row[i] ?? null])))}\n`);
      count++;
    }
    out.end();
    await once(out, 'finish');
    await rename(temp, file);
    return count;
  } catch (error) {
    out.destroy();
    await rm(temp, { force: true });
    throw error;
  }
}
