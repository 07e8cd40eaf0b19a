import { copyFile, link, mkdir, readdir, symlink } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { LabelSetItems } from '../../../shared/labeling/label-set';
import { AppFailure } from '../../../shared/result';
import type { PostTable } from '../posts/post-table';

const splitNames = ['train', 'val', 'test'] as const;

export interface ImageFolderReport {
  out: string;
  files: number;
  missing: Array<{ postId: string; reason: string }>;
  perFolder: Record<string, number>;
}

/**
 * Writes a label set as an ImageFolder tree (train/good, train/bad, val/…, test/…) that PyTorch's ImageFolder and
 * Keras' image_dataset_from_directory read as is. Each post contributes its first image, named <post_id><ext>.
 * `mode`: copy (default, portable), hardlink (no extra space, same disk) or symlink.
 */
export async function exportImageFolder(table: PostTable, items: LabelSetItems, out: string, mode: 'copy' | 'hardlink' | 'symlink'): Promise<ImageFolderReport> {
  const existing = await readdir(out).catch(() => []);
  if (existing.length > 0) throw new AppFailure('INVALID_INPUT', `${out} is not empty; choose a new folder for the ImageFolder tree.`, { out });
  const report: ImageFolderReport = { out, files: 0, missing: [], perFolder: {} };
  for (let i = 0; i < items.postId.length; i++) {
    const label = items.label[i];
    const split = items.split[i]!;
    if (label === 0 || split < 0) continue;
    const postId = items.postId[i]!;
    const row = table.rowOf(postId);
    const image = row === undefined ? undefined : table.file.columns.images[row]![0];
    if (!image || !image[0] || image[8] !== null) {
      report.missing.push({ postId, reason: row === undefined ? 'post no longer in the project' : (image?.[8] ?? 'no local image') });
      continue;
    }
    const folder = join(splitNames[split]!, label === 1 ? 'good' : 'bad');
    await mkdir(join(out, folder), { recursive: true });
    const safe = postId.replace(/[^A-Za-z0-9_-]/g, '_');
    const target = join(out, folder, `${safe}${extname(image[0]).toLowerCase() || '.jpg'}`);
    if (mode === 'symlink') await symlink(image[0], target);
    else if (mode === 'hardlink') await link(image[0], target).catch(() => copyFile(image[0]!, target));
    else await copyFile(image[0], target);
    report.files++;
    report.perFolder[folder] = (report.perFolder[folder] ?? 0) + 1;
  }
  return report;
}

export const imageFolderName = (labelSetId: string) => `imagefolder-${basename(labelSetId)}`;
