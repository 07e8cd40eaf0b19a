import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { raterFileSchema, type RaterFile, type RaterSummary, type RatingEntry } from '../../../shared/rating/rating-types';
import { AppFailure } from '../../../shared/result';
import { writeFileAtomic } from '../storage/atomic-write';
import { parseStoreText } from '../storage/json-store';

/**
 * "Ana María" -> "ana-maría", "李明" -> "李明": the rater's file name. Letters of every script are kept (an ASCII-only
 * id made every Chinese name "rater"); accents are kept too, so "Zoë" and "Zoe" are two raters. NFC, so the same
 * name typed on two systems gives the same id.
 */
export function raterIdOf(name: string): string {
  return (
    name
      .normalize('NFC')
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'rater'
  );
}

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

function summaryOf(file: RaterFile): RaterSummary {
  let ratings = 0;
  let judgments = 0;
  for (const entry of file.ratings) {
    if (entry.kind === 'single') ratings++;
    else judgments++;
  }
  return { ...file.rater, ratings, judgments };
}

/**
 * Rater profiles and their ratings: one file per rater (ratings/<id>.json), read once and kept in memory, rewritten
 * atomically after every rating so a crash loses at most the rating in flight. Writes to one rater's file are
 * queued, so two quick key presses can never interleave their writes.
 */
export class RatersRepository {
  private readonly files = new Map<string, RaterFile>();
  private readonly queues = new Map<string, Promise<void>>();
  private loaded = false;

  constructor(
    readonly projectDir: string,
    private readonly writable: boolean,
  ) {}

  get folder(): string {
    return join(this.projectDir, 'ratings');
  }

  fileOf(id: string): string {
    return join(this.folder, `${id}.json`);
  }

  /** Reads every rater file (once). A damaged file stops the listing with its path, rather than hiding a rater. */
  private async load(): Promise<void> {
    if (this.loaded) return;
    const names = await readdir(this.folder).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [] as string[];
      throw error;
    });
    for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
      const file = join(this.folder, name);
      const parsed = parseStoreText(file, await readFile(file, 'utf8'), raterFileSchema);
      const expected = name.slice(0, -'.json'.length).normalize('NFC');
      if (parsed.rater.id.normalize('NFC') !== expected) {
        throw new AppFailure('INVALID_FILE', `${file} belongs to rater "${parsed.rater.id}" but is named ${name}. Rename the file to ${parsed.rater.id}.json.`, { file });
      }
      this.files.set(parsed.rater.id, parsed);
    }
    this.loaded = true;
  }

  async list(): Promise<RaterSummary[]> {
    await this.load();
    return [...this.files.values()].map(summaryOf).sort((a, b) => a.name.localeCompare(b.name));
  }

  async get(id: string): Promise<RaterFile> {
    await this.load();
    const file = this.files.get(id);
    if (!file) {
      const known = [...this.files.keys()].join(', ') || 'none yet';
      throw new AppFailure('INVALID_INPUT', `No rater "${id}" in this project. Raters: ${known}. Create one first.`, { rater: id });
    }
    return file;
  }

  async all(): Promise<RaterFile[]> {
    await this.load();
    return [...this.files.values()];
  }

  private requireWritable(): void {
    if (!this.writable) throw new AppFailure('PROJECT_LOCKED', `${this.projectDir} is open read-only; ratings cannot be saved.`);
  }

  async create(name: string, now = new Date()): Promise<RaterSummary> {
    this.requireWritable();
    await this.load();
    const trimmed = name.trim();
    const id = raterIdOf(trimmed);
    const existing = this.files.get(id);
    if (existing) {
      throw new AppFailure('INVALID_INPUT', `A rater "${existing.rater.name}" already exists (file ratings/${id}.json); pick another name or rate as that rater.`, {
        rater: id,
      });
    }
    const file: RaterFile = { schemaVersion: 1, rater: { id, name: trimmed, createdAt: now.toISOString() }, ratings: [] };
    this.files.set(id, file);
    await this.persist(id);
    return summaryOf(file);
  }

  async rename(id: string, name: string): Promise<RaterSummary> {
    this.requireWritable();
    const file = await this.get(id);
    const trimmed = name.trim();
    const clash = [...this.files.values()].find((other) => other.rater.id !== id && other.rater.name.normalize('NFC').toLowerCase() === trimmed.normalize('NFC').toLowerCase());
    if (clash) throw new AppFailure('INVALID_INPUT', `Another rater is already called "${clash.rater.name}".`, { rater: clash.rater.id });
    const previous = file.rater.name;
    file.rater.name = trimmed;
    try {
      await this.persist(id);
    } catch (error) {
      file.rater.name = previous;
      throw error;
    }
    return summaryOf(file);
  }

  /** Moves the rater's file to ratings/removed/ (nothing is deleted: moving it back restores the rater). */
  async remove(id: string, now = new Date()): Promise<string> {
    this.requireWritable();
    await this.get(id);
    await (this.queues.get(id) ?? Promise.resolve());
    const target = join(this.folder, 'removed', `${id}-${stamp(now)}.json`);
    await mkdir(join(this.folder, 'removed'), { recursive: true });
    try {
      await rename(this.fileOf(id), target);
    } catch (error) {
      throw new AppFailure('IO_ERROR', `Cannot move ${this.fileOf(id)} to ${target}: ${(error as Error).message}`, { file: this.fileOf(id) });
    }
    await rm(`${this.fileOf(id)}.bak`, { force: true });
    this.files.delete(id);
    this.queues.delete(id);
    return target;
  }

  /** Keeps a copy of something removed (a session and its answers) in ratings/removed/. */
  async archive(name: string, contents: unknown, now = new Date()): Promise<string> {
    const target = join(this.folder, 'removed', `${name}-${stamp(now)}.json`);
    await mkdir(join(this.folder, 'removed'), { recursive: true });
    await writeFileAtomic(target, `${JSON.stringify(contents, null, 1)}\n`);
    return target;
  }

  /** Finds a rater by id or name, creating it when missing (CSV import). */
  async ensure(name: string): Promise<RaterFile> {
    await this.load();
    const id = raterIdOf(name);
    if (!this.files.has(id)) await this.create(name);
    return this.files.get(id)!;
  }

  /** Changes one rater's entries and saves the file; `change` runs inside the rater's write queue. */
  async change<T>(id: string, change: (entries: RatingEntry[]) => T): Promise<T> {
    this.requireWritable();
    const file = await this.get(id);
    const previous = this.queues.get(id) ?? Promise.resolve();
    let result!: T;
    const next = previous.then(async () => {
      const before = file.ratings.slice();
      result = change(file.ratings);
      try {
        await this.persist(id);
      } catch (error) {
        // Keep memory equal to what is on disk: the caller is told the rating was not saved.
        file.ratings.splice(0, file.ratings.length, ...before);
        throw error;
      }
    });
    this.queues.set(
      id,
      next.catch(() => undefined),
    );
    await next;
    return result;
  }

  private async persist(id: string): Promise<void> {
    const file = this.files.get(id)!;
    await mkdir(this.folder, { recursive: true });
    try {
      await writeFileAtomic(this.fileOf(id), `${JSON.stringify(file, null, 1)}\n`, { keepBackup: true });
    } catch (error) {
      throw new AppFailure('IO_ERROR', `Cannot save the rating to ${this.fileOf(id)}: ${(error as Error).message}`, { file: this.fileOf(id) });
    }
  }
}
