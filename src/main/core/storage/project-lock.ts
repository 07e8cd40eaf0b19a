import { hostname } from 'node:os';
import { open, readFile, rm } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { AppFailure } from '../../../shared/result';

export const lockFileName = '.selfie-lab.lock';

interface LockOwner {
  pid: number;
  host: string;
  shell: string;
  since: string;
}

/**
 * One writer per project: a lock file created with O_EXCL holds the owner's pid and host. A lock whose
 * process is gone (same host) is stale and taken over; any other lock refuses with a message saying who holds it.
 */
export class ProjectLock {
  private released = false;
  private readonly onExit = () => this.releaseSync();

  private constructor(readonly file: string) {
    process.once('exit', this.onExit);
  }

  static async acquire(projectDir: string, shell: string): Promise<ProjectLock> {
    const file = join(projectDir, lockFileName);
    const owner: LockOwner = { pid: process.pid, host: hostname(), shell, since: new Date().toISOString() };
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const handle = await open(file, 'wx');
        await handle.writeFile(`${JSON.stringify(owner)}\n`);
        await handle.close();
        return new ProjectLock(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
          throw new AppFailure('IO_ERROR', `Cannot create the project lock ${file}: ${(error as Error).message}`, { file });
        }
      }
      const holder = await readOwner(file);
      if (holder && isStale(holder)) {
        await rm(file, { force: true });
        continue;
      }
      if (holder === null) {
        // Unreadable or half-written lock: another process may be writing it right now; look again shortly.
        await new Promise((resolve) => setTimeout(resolve, 50));
        const again = await readOwner(file);
        if (again === null) {
          await rm(file, { force: true });
          continue;
        }
        throw lockedError(projectDir, file, again);
      }
      throw lockedError(projectDir, file, holder);
    }
    throw new AppFailure('PROJECT_LOCKED', `Could not take the project lock ${file}; try again.`, { file });
  }

  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    process.removeListener('exit', this.onExit);
    await rm(this.file, { force: true });
  }

  private releaseSync(): void {
    if (this.released) return;
    this.released = true;
    rmSync(this.file, { force: true });
  }
}

async function readOwner(file: string): Promise<LockOwner | null> {
  try {
    const owner = JSON.parse(await readFile(file, 'utf8')) as Partial<LockOwner>;
    if (typeof owner.pid !== 'number' || typeof owner.host !== 'string') return null;
    return { pid: owner.pid, host: owner.host, shell: String(owner.shell ?? 'unknown'), since: String(owner.since ?? '') };
  } catch {
    return null;
  }
}

function isStale(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return false; // cannot check a process on another machine
  if (owner.pid === process.pid) return false;
  try {
    process.kill(owner.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

function lockedError(projectDir: string, file: string, owner: LockOwner): AppFailure {
  const self = owner.pid === process.pid && owner.host === hostname();
  const who = self ? 'this Selfie Lab process' : `another Selfie Lab (${owner.shell}, pid ${owner.pid} on ${owner.host})`;
  return new AppFailure(
    'PROJECT_LOCKED',
    `The project ${projectDir} is already open in ${who} since ${owner.since}. Close it there first. ` +
      `If that program is no longer running on ${owner.host}, delete ${file}.`,
    { file, owner },
  );
}
