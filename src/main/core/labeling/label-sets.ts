import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { LabelSetItems, LabelSetSummary } from '../../../shared/labeling/label-set';
import { AppFailure } from '../../../shared/result';
import type { ProjectSession } from '../projects/project-session';
import { writeFileAtomic } from '../storage/atomic-write';
import { parseStoreText } from '../storage/json-store';

/** "Study A (10%)" -> "study-a-10" */
export function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'label-set'
  );
}

function validateItems(json: unknown) {
  const items = json as Partial<LabelSetItems>;
  const columns = ['postId', 'ownerId', 'label', 'score', 'split'] as const;
  for (const column of columns) {
    if (!Array.isArray(items?.[column])) return { ok: false as const, path: column, message: 'expected an array' };
  }
  const n = items.postId!.length;
  for (const column of columns) {
    if (items[column]!.length !== n) return { ok: false as const, path: column, message: `has ${items[column]!.length} entries, postId has ${n}` };
  }
  return { ok: true as const, value: items as LabelSetItems };
}

/**
 * Saved label sets: the summaries in labelsets.json (small, changes on rename), the labels themselves in
 * labelsets/<id>.json (written once). Saving under an existing name makes a new version; old versions stay,
 * so a training run can always find the labels it used.
 */
export class LabelSets {
  constructor(private readonly project: ProjectSession) {}

  private get entries(): LabelSetSummary[] {
    return this.project.labelSets.data.labelSets as unknown as LabelSetSummary[];
  }

  list(): LabelSetSummary[] {
    return [...this.entries].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
  }

  /** By id, or by name (the newest version). */
  find(idOrName: string): LabelSetSummary {
    const byId = this.entries.find((set) => set.id === idOrName);
    if (byId) return byId;
    const byName = this.entries.filter((set) => set.name === idOrName).sort((a, b) => b.version - a.version)[0];
    if (byName) return byName;
    throw new AppFailure('INVALID_INPUT', `No label set "${idOrName}" in this project. Saved sets: ${this.entries.map((s) => s.name).join(', ') || 'none yet'}.`, {
      labelSet: idOrName,
    });
  }

  itemsFile(id: string): string {
    return join(this.project.dir, 'labelsets', `${id}.json`);
  }

  async items(id: string): Promise<LabelSetItems> {
    const file = this.itemsFile(id);
    const text = await readFile(file, 'utf8').catch(() => {
      throw new AppFailure('IO_ERROR', `The labels of label set ${id} are missing (${file}).`, { file });
    });
    return parseStoreText(file, text, validateItems);
  }

  async save(name: string, summary: Omit<LabelSetSummary, 'id' | 'name' | 'version' | 'createdAt'>, items: LabelSetItems): Promise<LabelSetSummary> {
    const trimmed = name.trim();
    if (!trimmed) throw new AppFailure('INVALID_INPUT', 'A label set needs a name.');
    const version = 1 + Math.max(0, ...this.entries.filter((set) => set.name === trimmed).map((set) => set.version));
    const id = `${slug(trimmed)}-v${version}`;
    const record: LabelSetSummary = { id, name: trimmed, version, createdAt: new Date().toISOString(), ...summary };
    await mkdir(join(this.project.dir, 'labelsets'), { recursive: true });
    await writeFileAtomic(this.itemsFile(id), JSON.stringify(items));
    await this.project.labelSets.update((data) => {
      data.labelSets.push(record as unknown as { id: string });
    });
    return record;
  }

  async rename(id: string, name: string): Promise<LabelSetSummary> {
    const set = this.find(id);
    const trimmed = name.trim();
    if (!trimmed) throw new AppFailure('INVALID_INPUT', 'A label set needs a name.');
    await this.project.labelSets.update(() => {
      set.name = trimmed;
    });
    return set;
  }

  async remove(id: string): Promise<void> {
    const set = this.find(id);
    await this.project.labelSets.update((data) => {
      data.labelSets = data.labelSets.filter((entry) => entry.id !== set.id);
    });
    await rm(this.itemsFile(set.id), { force: true });
  }
}
