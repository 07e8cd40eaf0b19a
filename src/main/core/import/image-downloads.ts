import { extname, join } from 'node:path';
import type { ImportProblem } from '../../../shared/posts/imported-post';
import type { PostTable } from '../posts/post-table';
import { downloadAll, type DownloadItem } from './download/downloader';

export interface DownloadSummary {
  downloaded: number;
  alreadyPresent: number;
  failed: number;
}

/** A file name safe on every platform, derived from the post id (ids are Instagram shortcodes or manifest ids). */
export function imageFileName(postId: string, index: number, url: string): string {
  const safe = postId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 80) || 'post';
  let extension = '.jpg';
  try {
    const fromUrl = extname(new URL(url).pathname).toLowerCase();
    if (['.jpg', '.jpeg', '.png', '.webp', '.gif'].includes(fromUrl)) extension = fromUrl;
  } catch {
    // keep .jpg; the downloader refuses URLs it cannot parse
  }
  return `${safe}_${index}${extension}`;
}

/**
 * Fetches every image that has a URL but no local file into <project>/images/, then points the post at the file.
 * Files already there are not fetched again (resume). Failures are kept on the image and reported.
 */
export async function downloadImages(
  table: PostTable,
  projectDir: string,
  options: { signal?: AbortSignal; onProgress?(done: number, total: number): void; onProblem(problem: ImportProblem): void },
): Promise<DownloadSummary> {
  const { columns } = table.file;
  const items: DownloadItem[] = [];
  const targets = new Map<DownloadItem, [row: number, image: number]>();
  for (let row = 0; row < table.count; row++) {
    columns.images[row]!.forEach((tuple, image) => {
      const url = tuple[1];
      if (!url || tuple[0]) return;
      const item: DownloadItem = { url, dest: join(projectDir, 'images', imageFileName(columns.id[row]!, tuple[2], url)) };
      items.push(item);
      targets.set(item, [row, image]);
    });
  }
  const summary: DownloadSummary = { downloaded: 0, alreadyPresent: 0, failed: 0 };
  if (items.length === 0) return summary;
  const outcomes = await downloadAll(items, {
    ...(options.signal ? { signal: options.signal } : {}),
    onProgress: (done, total) => options.onProgress?.(done, total),
  });
  for (const [item, outcome] of outcomes) {
    const [row, image] = targets.get(item)!;
    const tuple = columns.images[row]![image]!;
    if (outcome.status === 'failed') {
      summary.failed++;
      tuple[8] = `download failed: ${outcome.reason}`;
      options.onProblem({ severity: 'warning', code: 'DOWNLOAD_FAILED', file: item.url, message: `Post ${columns.id[row]}: ${outcome.reason}` });
      continue;
    }
    summary[outcome.status === 'downloaded' ? 'downloaded' : 'alreadyPresent']++;
    tuple[0] = item.dest;
    tuple[8] = null;
  }
  return summary;
}
