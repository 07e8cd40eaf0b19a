import { randomBytes } from 'node:crypto';
import { copyFile, link, open, rename, rm } from 'node:fs/promises';

export interface AtomicWriteOptions {
  /** Keep the file's previous contents as `<file>.bak` (the last good copy). */
  keepBackup?: boolean;
}

export function backupPathOf(file: string): string {
  return `${file}.bak`;
}

/**
 * Writes `contents` so that readers see either the old file or the new one, never a torn write:
 * write a temp file beside it, fsync, then rename over. With keepBackup the old file is first hard-linked
 * (copied where links are not allowed) to `<file>.bak`, so the last good copy survives a bad edit later.
 */
export async function writeFileAtomic(file: string, contents: string | Uint8Array, options: AtomicWriteOptions = {}) {
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(contents);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.keepBackup) await preserveBackup(file);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

async function preserveBackup(file: string): Promise<void> {
  const backup = backupPathOf(file);
  await rm(backup, { force: true });
  try {
    await link(file, backup);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return; // first write: nothing to keep
    await copyFile(file, backup); // file systems without hard links
  }
}
