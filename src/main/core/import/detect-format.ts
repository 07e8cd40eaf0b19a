import { stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { AppFailure } from '../../../shared/result';
import { looksLikeInstaloaderFolder } from './instaloader/instaloader-reader';

export type SourceFormat = 'instaloader' | 'csv' | 'jsonl';

/** Folders are Instaloader downloads; files are manifests by extension. */
export async function detectFormat(path: string, requested: SourceFormat | 'auto'): Promise<SourceFormat> {
  const info = await stat(path).catch(() => null);
  if (!info) throw new AppFailure('INVALID_INPUT', `${path} does not exist.`, { file: path });
  if (requested !== 'auto') {
    if (requested === 'instaloader' && !info.isDirectory()) {
      throw new AppFailure('INVALID_INPUT', `${path} is a file; --format instaloader expects a download folder.`, { file: path });
    }
    if (requested !== 'instaloader' && info.isDirectory()) {
      throw new AppFailure('INVALID_INPUT', `${path} is a folder; --format ${requested} expects a manifest file.`, { file: path });
    }
    return requested;
  }
  if (info.isDirectory()) {
    if (await looksLikeInstaloaderFolder(path)) return 'instaloader';
    throw new AppFailure(
      'INVALID_INPUT',
      `${path} holds no Instaloader metadata (*_UTC.json or *.json.xz files). Import an Instaloader download folder, or a CSV/JSONL manifest file.`,
      { file: path },
    );
  }
  const extension = extname(path).toLowerCase();
  if (extension === '.csv') return 'csv';
  if (extension === '.jsonl' || extension === '.ndjson') return 'jsonl';
  throw new AppFailure(
    'INVALID_INPUT',
    `Cannot tell the format of ${basename(path)} from its extension; manifests end in .csv, .jsonl or .ndjson (or pass --format csv|jsonl).`,
    { file: path },
  );
}

/** The default target of a source: the Instaloader folder's name ('#selfie'), or the manifest's file stem. */
export function defaultTarget(path: string, format: SourceFormat): string {
  const name = basename(path.replace(/[\\/]+$/, ''));
  return format === 'instaloader' ? name : name.replace(/\.[^.]+$/, '');
}
