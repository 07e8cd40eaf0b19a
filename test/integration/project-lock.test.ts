import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProjectSession } from '../../src/main/core/projects/project-session';
import { AppFailure } from '../../src/shared/result';
import { tempDir } from '../support/temp';

describe('two instances on one project', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await tempDir()));
  afterEach(async () => cleanup());

  it('the second writer is refused with a message saying who holds the project', async () => {
    const first = await ProjectSession.create(dir, 'p', { writable: true, shell: 'electron' });
    let refused: unknown;
    try {
      await ProjectSession.open(dir, { writable: true, shell: 'browser' });
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(AppFailure);
    expect((refused as AppFailure).code).toBe('PROJECT_LOCKED');
    expect((refused as AppFailure).message).toContain(dir);
    expect((refused as AppFailure).message).toContain('Close it there first');

    // A read-only look (selfie-lab info) still works while it is held.
    const reader = await ProjectSession.open(dir, { writable: false, shell: 'cli' });
    expect((await reader.summary()).writable).toBe(false);

    await first.close();
    expect(existsSync(join(dir, '.selfie-lab.lock'))).toBe(false);
    const second = await ProjectSession.open(dir, { writable: true, shell: 'browser' });
    await second.close();
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    await (await ProjectSession.create(dir, 'p', { writable: true, shell: 'cli' })).close();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const deadPid = Number(dead.stdout);
    await writeFile(join(dir, '.selfie-lab.lock'), JSON.stringify({ pid: deadPid, host: hostname(), shell: 'electron', since: 'yesterday' }));
    const session = await ProjectSession.open(dir, { writable: true, shell: 'cli' });
    expect(JSON.parse(await readFile(join(dir, '.selfie-lab.lock'), 'utf8')).pid).toBe(process.pid);
    await session.close();
  });

  it('does not take over a lock held by another host', async () => {
    await (await ProjectSession.create(dir, 'p', { writable: true, shell: 'cli' })).close();
    await writeFile(join(dir, '.selfie-lab.lock'), JSON.stringify({ pid: 1, host: 'other-machine', shell: 'browser', since: 'now' }));
    await expect(ProjectSession.open(dir, { writable: true, shell: 'cli' })).rejects.toMatchObject({
      code: 'PROJECT_LOCKED',
      message: expect.stringContaining('other-machine'),
    });
  });
});
