/**
 * Tail-width sweeps on disk: sweeps/<id>.json per sweep, rewritten atomically after every width, so a crash or a
 * cancel loses at most the width in progress (whose run resumes from its last epoch).
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { AppFailure } from '../../../shared/result';
import type { SweepParams, SweepRecord } from '../../../shared/training/sweep';
import { writeFileAtomic } from '../storage/atomic-write';

const sweepIdPattern = /^[a-z0-9][a-z0-9-]{0,120}$/;

/**
 * The same base label set and training config give the same id (widths aside), so a sweep started again — or with
 * more widths — finds the widths already trained and skips them.
 */
export function sweepIdOf(baseLabelSetId: string, params: SweepParams): string {
  const { widths: _widths, labelSet: _labelSet, ...config } = params;
  const canonical = JSON.stringify(Object.keys(config).sort().map((key) => [key, config[key as keyof typeof config] ?? null]));
  const hash = createHash('sha256').update(`${baseLabelSetId}\n${canonical}`).digest('hex').slice(0, 10);
  const stem = baseLabelSetId.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'sweep';
  return `${stem}-${hash}`;
}

export class SweepsRepository {
  readonly root: string;

  constructor(projectDir: string) {
    this.root = join(projectDir, 'sweeps');
  }

  file(id: string): string {
    if (!sweepIdPattern.test(id)) throw new AppFailure('INVALID_INPUT', `"${id}" is not a sweep id.`, { sweep: id });
    return join(this.root, `${id}.json`);
  }

  exists(id: string): boolean {
    return sweepIdPattern.test(id) && existsSync(this.file(id));
  }

  async get(id: string): Promise<SweepRecord> {
    const file = this.file(id);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      throw new AppFailure('INVALID_INPUT', `No sweep "${id}" in this project.`, { sweep: id });
    }
    try {
      return JSON.parse(text) as SweepRecord;
    } catch (error) {
      throw new AppFailure('CORRUPT_FILE', `${file} is not valid JSON: ${(error as Error).message}`, { file });
    }
  }

  async save(record: SweepRecord): Promise<void> {
    await mkdir(this.root, { recursive: true });
    await writeFileAtomic(this.file(record.id), JSON.stringify(record, null, 2));
  }

  /** Newest first; an unreadable file is left out (and reported by `get`). */
  async list(): Promise<SweepRecord[]> {
    let names: string[];
    try {
      names = await readdir(this.root);
    } catch {
      return [];
    }
    const records: SweepRecord[] = [];
    for (const name of names.filter((entry) => entry.endsWith('.json'))) {
      try {
        records.push(await this.get(name.slice(0, -'.json'.length)));
      } catch {
        // A half-written or foreign file is not a sweep.
      }
    }
    return records.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
  }
}
