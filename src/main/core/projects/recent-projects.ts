import { mkdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { RecentProject } from '../../../shared/project/project-types';
import { JsonStore } from '../storage/json-store';

const maxRecent = 10;

const recentSchema = z.object({
  recent: z.array(z.object({ name: z.string(), dir: z.string(), openedAt: z.string() })),
});

/** The user's recently opened projects, kept in the user config folder (not in any project). */
export class RecentProjects {
  private constructor(private readonly store: JsonStore<z.infer<typeof recentSchema>>) {}

  static async open(configDir: string): Promise<RecentProjects> {
    await mkdir(configDir, { recursive: true });
    const file = join(configDir, 'recent-projects.json');
    try {
      return new RecentProjects(await JsonStore.open(file, recentSchema, { recent: [] }));
    } catch {
      // A damaged recent list is not worth stopping the app for: set it aside and start a new one.
      await rename(file, `${file}.damaged-${Date.now()}`).catch(() => undefined);
      return new RecentProjects(await JsonStore.open(file, recentSchema, { recent: [] }));
    }
  }

  list(): RecentProject[] {
    return this.store.data.recent.map((entry) => ({ ...entry }));
  }

  async touch(entry: { name: string; dir: string }, now = new Date()): Promise<RecentProject[]> {
    await this.store.update((data) => {
      data.recent = [{ ...entry, openedAt: now.toISOString() }, ...data.recent.filter((r) => r.dir !== entry.dir)].slice(0, maxRecent);
    });
    return this.list();
  }

  async forget(dir: string): Promise<RecentProject[]> {
    await this.store.update((data) => {
      data.recent = data.recent.filter((r) => r.dir !== dir);
    });
    return this.list();
  }
}
