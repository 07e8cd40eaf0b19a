import { isAbsolute, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ImportedImage } from '../../../../shared/posts/imported-post';
import { parseHashtagList } from '../../../../shared/posts/hashtags';
import { parseTimestamp } from './timestamp';

/**
 * Typed readers for one manifest cell. A CSV cell is a string; a JSONL value may be any JSON value. Empty means
 * missing (`undefined`), never 0 or false; a value that is present but wrong throws a CellError, so the row is
 * reported and skipped instead of being coerced.
 */

export class CellError extends Error {
  constructor(
    readonly column: string,
    readonly value: unknown,
    readonly reason: string,
  ) {
    super(`column "${column}" ${reason}`);
    this.name = 'CellError';
  }
}

/** A short, printable form of a bad value for messages. */
export function describeValue(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  const shown = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  return typeof value === 'string' ? `"${shown}"` : shown;
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/**
 * A non-negative whole number. Also accepts `12.0`: pandas writes integer columns that have gaps as floats, and
 * `12.0` is exactly 12. Rejects `-5`, `1.5`, `1e3`, `1,234` and anything above 2^53.
 */
export function countCell(column: string, value: unknown): number | undefined {
  if (isEmpty(value)) return undefined;
  let count: number | undefined;
  if (typeof value === 'number') count = value;
  else if (typeof value === 'string') {
    const match = /^\s*(\d+)(?:\.0*)?\s*$/.exec(value);
    if (match) count = Number(match[1]);
  }
  if (count === undefined || !Number.isSafeInteger(count) || count < 0) {
    throw new CellError(column, value, `has ${describeValue(value)}, which is not a whole number of 0 or more`);
  }
  return count;
}

/** An id kept as text exactly as written (trimmed). A JSON number must be an integer; big ones arrive as strings. */
export function idCell(column: string, value: unknown): string | undefined {
  if (isEmpty(value)) return undefined;
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  throw new CellError(column, value, `has ${describeValue(value)}, which is not an id (text or a whole number)`);
}

/** Free text; a JSON number or boolean is written as text. Empty -> undefined. Not trimmed. */
export function textCell(column: string, value: unknown): string | undefined {
  if (isEmpty(value)) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new CellError(column, value, `has ${describeValue(value)}, which is not text`);
}

export function timestampCell(column: string, value: unknown): string | undefined {
  const parsed = parseTimestamp(value);
  if (parsed === 'invalid') {
    throw new CellError(column, value, `has ${describeValue(value)}, which is not an ISO 8601 date-time or unix seconds`);
  }
  return parsed ?? undefined;
}

const trueWords = new Set(['true', '1', 'yes']);
const falseWords = new Set(['false', '0', 'no']);

export function booleanCell(column: string, value: unknown): boolean | undefined {
  if (isEmpty(value)) return undefined;
  if (typeof value === 'boolean') return value;
  const word = String(value).trim().toLowerCase();
  if (trueWords.has(word)) return true;
  if (falseWords.has(word)) return false;
  throw new CellError(column, value, `has ${describeValue(value)}, which is not true/false/1/0`);
}

/** Space/comma separated text, or (JSONL) an array of strings. Undefined when empty: derive from the caption. */
export function hashtagsCell(column: string, value: unknown): string[] | undefined {
  if (isEmpty(value)) return undefined;
  let tags: string[];
  if (typeof value === 'string') tags = parseHashtagList(value);
  else if (Array.isArray(value) && value.every((tag) => typeof tag === 'string')) tags = parseHashtagList(value.join(' '));
  else throw new CellError(column, value, `has ${describeValue(value)}, which is not a list of hashtags`);
  return tags.length > 0 ? tags : undefined;
}

const schemePattern = /^([a-z][a-z0-9+.-]*):\/\//i;

/**
 * An image reference: an http(s) URL to download, a `file:` URL, or a path (relative to the manifest's folder).
 * JSONL may give an array of them (a carousel, in order). `isVideo` marks the image as the video's thumbnail.
 */
export function imagesCell(column: string, value: unknown, baseDir: string, isVideo: boolean): ImportedImage[] {
  if (isEmpty(value)) return [];
  const references = Array.isArray(value) ? value : [value];
  const kind = isVideo ? 'video-thumbnail' : 'image';
  const images: ImportedImage[] = [];
  for (const reference of references) {
    if (typeof reference !== 'string') throw new CellError(column, value, `has ${describeValue(value)}, which is not a path or URL`);
    const text = reference.trim();
    if (text === '') continue;
    const index = images.length + 1;
    const scheme = schemePattern.exec(text)?.[1]?.toLowerCase();
    if (scheme === 'http' || scheme === 'https') {
      if (!URL.canParse(text)) throw new CellError(column, value, `has ${describeValue(text)}, which is not a valid URL`);
      images.push({ url: text, index, kind });
    } else if (scheme === 'file') {
      try {
        images.push({ path: fileURLToPath(text), index, kind });
      } catch {
        throw new CellError(column, value, `has ${describeValue(text)}, which is not a valid file URL`);
      }
    } else if (scheme !== undefined) {
      throw new CellError(column, value, `has ${describeValue(text)}: only http(s) URLs and file paths are supported`);
    } else {
      images.push({ path: isAbsolute(text) ? normalize(text) : resolve(baseDir, text), index, kind });
    }
  }
  return images;
}
