import { readFile } from 'node:fs/promises';
import type { ProjectSession } from '../projects/project-session';
import { makeThumbnail, thumbnailPath } from './image-probe';

/**
 * Thumbnails of the given rows' images as data: URLs (webp). Analysed images come from the content-addressed
 * cache; others are made on the fly. A row without a readable image gives null.
 */
export async function thumbnailsFor(project: ProjectSession, rows: readonly number[], image: number): Promise<Array<string | null>> {
  const { columns } = project.postTable.file;
  return Promise.all(
    rows.map(async (row) => {
      const tuple = columns.images[row]?.[image];
      if (!tuple || !tuple[0] || tuple[8] !== null) return null;
      try {
        const bytes = tuple[4] !== null ? await readFile(thumbnailPath(project.dir, tuple[4])).catch(() => makeThumbnail(tuple[0]!)) : await makeThumbnail(tuple[0]);
        return `data:image/webp;base64,${bytes.toString('base64')}`;
      } catch {
        return null;
      }
    }),
  );
}
