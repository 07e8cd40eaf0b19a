import { readFile } from 'node:fs/promises';
import { Low } from 'lowdb';
import type { Adapter } from 'lowdb';
import { z } from 'zod';
import { AppFailure } from '../../../shared/result';
import { backupPathOf, writeFileAtomic } from './atomic-write';

/** A zod schema, or a hand-written check for files too large for a schema library (posts.json at 500k rows). */
export type StoreValidator<T> =
  | z.ZodType<T>
  | ((json: unknown) => { ok: true; value: T } | { ok: false; path: string; message: string });

function validate<T>(validator: StoreValidator<T>, json: unknown) {
  if (validator instanceof z.ZodType) {
    const parsed = validator.safeParse(json);
    if (parsed.success) return { ok: true as const, value: parsed.data };
    const issues = parsed.error.issues.slice(0, 10).map((i) => ({ path: i.path.join('.'), message: i.message }));
    return { ok: false as const, path: issues[0]?.path ?? '', message: issues[0]?.message ?? 'invalid', issues };
  }
  const result = validator(json);
  return result.ok ? result : { ...result, issues: [{ path: result.path, message: result.message }] };
}

/**
 * How a store's data differs on disk from in memory (e.g. paths stored relative to the project folder).
 * `serialize` turns the data in use into the file's text with `stringify`, leaving the data as it was when it
 * returns; `decode` may change the freshly parsed value in place.
 */
export interface StoreCodec<T> {
  serialize(value: T, stringify: (value: T) => string): string;
  decode(value: T): T;
}

export interface StoreOptions<T> {
  pretty?: boolean;
  codec?: StoreCodec<T>;
}

/**
 * A lowdb adapter for one JSON file of a project: validated on read, written atomically with the previous
 * good copy kept as `.bak`. A file that is not valid JSON, or does not match its schema, is never overwritten:
 * the error names the file, says what is wrong, and where the last good copy is.
 */
export class ValidatedJsonFile<T> implements Adapter<T> {
  constructor(
    readonly file: string,
    private readonly schema: StoreValidator<T>,
    private readonly options: StoreOptions<T> = {},
  ) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new AppFailure('IO_ERROR', `Cannot read ${this.file}: ${(error as Error).message}`, { file: this.file });
    }
    const value = parseStoreText(this.file, text, this.schema);
    return this.options.codec ? this.options.codec.decode(value) : value;
  }

  async write(data: T): Promise<void> {
    const stringify = (value: T) => (this.options.pretty === false ? JSON.stringify(value) : `${JSON.stringify(value, null, 2)}\n`);
    const text = this.options.codec ? this.options.codec.serialize(data, stringify) : stringify(data);
    try {
      await writeFileAtomic(this.file, text, { keepBackup: true });
    } catch (error) {
      throw new AppFailure('IO_ERROR', `Cannot write ${this.file}: ${(error as Error).message}`, { file: this.file });
    }
  }
}

export function parseStoreText<T>(file: string, text: string, schema: StoreValidator<T>): T {
  const backup = backupPathOf(file);
  const restoreHint = `The file was left as it is. Fix it by hand, or restore the last good copy: copy ${backup} over it.`;
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const position = describeJsonErrorPosition(text, (error as Error).message);
    throw new AppFailure(
      'CORRUPT_FILE',
      `${file} is not valid JSON${position.text}: ${(error as Error).message}. ${restoreHint}`,
      { file, backup, ...position.location },
    );
  }
  const checked = validate(schema, json);
  if (!checked.ok) {
    const where = checked.path ? ` at ${checked.path}` : '';
    throw new AppFailure('INVALID_FILE', `${file} does not have the expected structure${where}: ${checked.message}. ${restoreHint}`, {
      file,
      backup,
      issues: checked.issues,
    });
  }
  return checked.value;
}

/** V8 says "... in JSON at position 123 (line 4 column 7)" on Node 20; turn it into line/column when it only gives a position. */
function describeJsonErrorPosition(text: string, message: string): { text: string; location: Record<string, number> } {
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) {
    const line = Number(lineColumn[1]);
    const column = Number(lineColumn[2]);
    return { text: ` (line ${line}, column ${column})`, location: { line, column } };
  }
  const position = /position (\d+)/.exec(message);
  if (position) {
    const offset = Number(position[1]);
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    return { text: ` (line ${line}, column ${column})`, location: { line, column } };
  }
  return { text: '', location: {} };
}

/** A lowdb database over a ValidatedJsonFile, created with `defaults` when the file does not exist yet. */
export class JsonStore<T> {
  private readonly db: Low<T>;
  readonly file: string;
  private writes = 0;

  private constructor(adapter: ValidatedJsonFile<T>, defaults: T) {
    this.db = new Low<T>(adapter, defaults);
    this.file = adapter.file;
  }

  static async open<T>(file: string, schema: StoreValidator<T>, defaults: T, options?: StoreOptions<T>): Promise<JsonStore<T>> {
    const store = new JsonStore<T>(new ValidatedJsonFile(file, schema, options), structuredClone(defaults));
    await store.db.read();
    return store;
  }

  get data(): T {
    return this.db.data;
  }

  /**
   * Grows with every write or reload while the store is open: a cheap way for readers (the pages, through the
   * project summary) to tell whether the contents may have changed since they last loaded them.
   */
  get revision(): number {
    return this.writes;
  }

  /** Applies `change` to the data and writes the file atomically. */
  async update(change: (data: T) => void): Promise<void> {
    change(this.db.data);
    await this.write();
  }

  async write(): Promise<void> {
    this.writes++;
    await this.db.write();
  }

  /** Drops unsaved changes: reads the file again. */
  async reload(): Promise<void> {
    this.writes++;
    await this.db.read();
  }
}
