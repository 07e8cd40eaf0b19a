import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { Workbench, type WorkbenchOptions } from '../../src/main/core/workbench';

/** A fresh temp folder, removed by the returned cleanup. */
export async function tempDir(prefix = 'selfie-lab-test-'): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** A workbench whose user settings live in a temp folder (never the developer's ~/.config). */
export async function testWorkbench(configDir: string, options: Partial<WorkbenchOptions> = {}): Promise<Workbench> {
  return Workbench.create({ shell: 'memory', configDir, ...options });
}
