import { existsSync } from 'node:fs';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProjectSession } from '../../src/main/core/projects/project-session';
import { migrateProject } from '../../src/main/core/projects/migrations';
import { writeFileAtomic } from '../../src/main/core/storage/atomic-write';
import { AppFailure } from '../../src/shared/result';
import { tempDir } from '../support/temp';

const writable = { writable: true, shell: 'memory' };

async function failure(promise: Promise<unknown>): Promise<AppFailure> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppFailure) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

describe('a project is a folder of store files', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await tempDir()));
  afterEach(async () => cleanup());

  it('creates the layout of DESIGN.md with a schema version', async () => {
    const session = await ProjectSession.create(join(dir, 'study'), 'My study', writable);
    const summary = await session.summary();
    await session.close();
    expect(summary).toMatchObject({ name: 'My study', schemaVersion: 4, writable: true, counts: { posts: 0, faces: 0, labelSets: 0, runs: 0, raters: 0, jobs: 0 } });
    const entries = (await readdir(join(dir, 'study'))).sort();
    expect(entries).toEqual(['cache', 'face-overrides.json', 'faces.json', 'images', 'jobs.json', 'labelsets.json', 'posts.json', 'project.json', 'ratings', 'runs']);
    const projectJson = JSON.parse(await readFile(join(dir, 'study', 'project.json'), 'utf8'));
    expect(projectJson).toMatchObject({
      schemaVersion: 4,
      name: 'My study',
      settings: { likesSnapshotMinDays: 7, nearDuplicateDistance: 6, faceRule: { minScore: 0.5, minSize: 0.05, carousel: 'first' } },
    });
  });

  it("counts writes of posts.json and faces.json in the summary's revisions, and nothing else moves them", async () => {
    const session = await ProjectSession.create(join(dir, 'study'), 'My study', writable);
    const before = (await session.summary()).revisions;
    await session.project.update((data) => (data.settings.likesSnapshotMinDays = 3));
    await session.labelSets.write();
    expect((await session.summary()).revisions).toEqual(before);
    await session.faces.write();
    expect((await session.summary()).revisions).toEqual({ posts: before.posts, faces: before.faces + 1 });
    await session.posts.write();
    await session.posts.write();
    expect((await session.summary()).revisions).toEqual({ posts: before.posts + 2, faces: before.faces + 1 });
    await session.close();
  });

  it('refuses to create over an existing project and to open a folder that is not one', async () => {
    const session = await ProjectSession.create(dir, undefined, writable);
    await session.close();
    expect((await failure(ProjectSession.create(dir, undefined, writable))).code).toBe('PROJECT_EXISTS');
    const missing = await failure(ProjectSession.open(join(dir, 'nope'), writable));
    expect(missing.code).toBe('PROJECT_NOT_FOUND');
    expect(missing.message).toContain(join(dir, 'nope'));
    expect(missing.message).toContain('does not exist');
  });

  it('reports a corrupt file by name and line, leaves it untouched, and keeps the last good copy', async () => {
    const first = await ProjectSession.create(dir, 'p', writable);
    await first.labelSets.update((data) => void data.labelSets.push({ id: 'good-copy' }));
    await first.labelSets.update((data) => void data.labelSets.push({ id: 'second' }));
    await first.close();
    const file = join(dir, 'labelsets.json');
    const broken = '{\n  "labelSets": [\n    {"id": "x",}\n  ]\n}\n';
    await writeFile(file, broken);

    const error = await failure(ProjectSession.open(dir, writable));
    expect(error.code).toBe('CORRUPT_FILE');
    expect(error.message).toContain(file);
    expect(error.message).toContain('line 3');
    expect(error.message).toContain(`${file}.bak`);
    expect(await readFile(file, 'utf8')).toBe(broken); // the user's edit is not overwritten
    const backup = JSON.parse(await readFile(`${file}.bak`, 'utf8'));
    expect(backup.labelSets.map((set: { id: string }) => set.id)).toEqual(['good-copy']);
    expect(existsSync(join(dir, '.selfie-lab.lock'))).toBe(false); // a failed open releases the lock
  });

  it('reports a hand edit that breaks the structure with the field path', async () => {
    await (await ProjectSession.create(dir, 'p', writable)).close();
    await writeFile(join(dir, 'project.json'), JSON.stringify({ schemaVersion: 1, name: 'p', createdAt: 'x', settings: { likesSnapshotMinDays: 'seven' } }));
    const error = await failure(ProjectSession.open(dir, writable));
    expect(error.code).toBe('INVALID_FILE');
    expect(error.message).toContain('settings.likesSnapshotMinDays');
    expect(error.message).toContain('project.json');
  });

  it('refuses projects from a newer version and migrates older ones', async () => {
    await (await ProjectSession.create(dir, 'p', writable)).close();
    await writeFile(join(dir, 'project.json'), JSON.stringify({ schemaVersion: 99, name: 'p', createdAt: 'x' }));
    expect((await failure(ProjectSession.open(dir, writable))).code).toBe('PROJECT_TOO_NEW');

    // A version-1 project (posts stored as objects, a placeholder faces.json) opens as version 4 with its posts table
    // and faces file converted, and the face rule's default settings.
    await writeFile(join(dir, 'project.json'), JSON.stringify({ schemaVersion: 1, name: 'p', createdAt: 'x' }));
    await writeFile(join(dir, 'posts.json'), '{"posts": []}');
    await writeFile(join(dir, 'faces.json'), '{"images": []}');
    const session = await ProjectSession.open(dir, writable);
    expect(session.postTable.count).toBe(0);
    expect(session.faceTable.size).toBe(0);
    await session.close();
    expect(JSON.parse(await readFile(join(dir, 'project.json'), 'utf8'))).toMatchObject({
      schemaVersion: 4,
      settings: { likesSnapshotMinDays: 7, faceRule: { minScore: 0.5, minSize: 0.05, carousel: 'first' } },
    });
    expect(JSON.parse(await readFile(join(dir, 'posts.json'), 'utf8'))).toMatchObject({ format: 'selfie-lab/posts-columns-v1', columns: { id: [] } });
    expect(JSON.parse(await readFile(join(dir, 'faces.json'), 'utf8'))).toEqual({ format: 'selfie-lab/faces-v1', images: [] });

    // A version-2 placeholder holding records cannot be converted: refused with the file named, nothing overwritten.
    await writeFile(join(dir, 'project.json'), JSON.stringify({ schemaVersion: 2, name: 'p', createdAt: 'x' }));
    await writeFile(join(dir, 'faces.json'), '{"images": [{"x": 1}]}');
    const refused = await failure(ProjectSession.open(dir, writable));
    expect(refused.code).toBe('INVALID_FILE');
    expect(refused.message).toContain(join(dir, 'faces.json'));
    expect(await readFile(join(dir, 'faces.json'), 'utf8')).toBe('{"images": [{"x": 1}]}');
  });

  it('applies migrations step by step', async () => {
    const table = {
      1: async (_dir: string, p: any) => ({ ...p, schemaVersion: 2, name: `${p.name}+1` }),
      2: async (_dir: string, p: any) => ({ ...p, schemaVersion: 3, name: `${p.name}+2` }),
    };
    const settings = { likesSnapshotMinDays: 7, nearDuplicateDistance: 6, faceRule: { minScore: 0.5, minSize: 0.05, carousel: 'first' as const } };
    const result = await migrateProject(dir, { schemaVersion: 1, name: 'p', createdAt: 'x', settings }, table, 3);
    expect(result).toEqual({ migrated: true, project: { schemaVersion: 3, name: 'p+1+2', createdAt: 'x', settings } });
  });

  it('writes atomically: no temp files left, the previous content kept as .bak', async () => {
    const file = join(dir, 'data.json');
    await writeFileAtomic(file, 'one', { keepBackup: true });
    expect(existsSync(`${file}.bak`)).toBe(false);
    await writeFileAtomic(file, 'two', { keepBackup: true });
    await writeFileAtomic(file, 'three', { keepBackup: true });
    expect(await readFile(file, 'utf8')).toBe('three');
    expect(await readFile(`${file}.bak`, 'utf8')).toBe('two');
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
