/**
 * Reads an Instaloader download folder (FORMATS.md §1) into a stream of SourceEvents: every post observation,
 * every profile follower count, every problem (with the file it concerns) and every file passed over on purpose.
 * The folder may hold several targets (`#selfie/`, `someuser/`) or be one target itself.
 *
 * Streaming: one folder's file names are grouped at a time, and at most `concurrency` metadata files are being
 * read at once; events leave in file-name order. Progress counts metadata files.
 */
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { SourceEvent } from '../../../../shared/posts/imported-post';
import { mapInOrder } from './bounded-map';
import { oldCaptionCollisions, ShortcodeNamingCheck } from './collisions';
import { groupTargetFolder, isMetadataName, listFileNames, listSubfolders, listTargetFolders, resumeStateName } from './folder-scan';
import { parseJsonKeepingBigIntegers } from '../../../../shared/json/big-integer-json';
import { readMetadataFile, readUserIdFile, type FolderContext } from './metadata-file';
import { classifyDocument } from './post-node';
import { unpairedMediaEvents } from './unpaired-media';
import { decodeXz } from './xz';

export interface InstaloaderReadOptions {
  /** ISO time to use as every snapshot's capturedAt instead of the metadata file's mtime (FORMATS.md: mtimes are lost by git/zip). */
  capturedAt?: string;
  signal?: AbortSignal;
}

/** Files read at once: enough to hide disk latency, few enough that only a handful of nodes are in memory. */
const concurrency = 8;
/** A progress event after this many metadata files. */
const progressEvery = 200;

/**
 * Streams every post observation, profile follower count, problem and deliberately skipped file of one Instaloader
 * download folder (which may contain several target subfolders, e.g. `#selfie/` and `someuser/`, or be one target
 * folder itself). Throws RangeError for an unparseable `capturedAt`, the file system's error when `dir` cannot be
 * listed, and the signal's reason once it is aborted (checked between files).
 */
export async function* readInstaloaderFolder(dir: string, options: InstaloaderReadOptions = {}): AsyncGenerator<SourceEvent> {
  const { signal } = options;
  const capturedAt = normalizeCapturedAt(options.capturedAt);
  const folders = await listTargetFolders(resolve(dir), signal);

  let total = 0;
  for (const folder of folders) total += (await listFileNames(folder)).filter(isMetadataName).length;
  yield { type: 'progress', done: 0, total };

  let done = 0;
  let reported = 0;
  for (const folderDir of folders) {
    signal?.throwIfAborted();
    const folder = groupTargetFolder(folderDir, await listFileNames(folderDir));
    for (const skipped of folder.skipped) yield { type: 'skipped', skipped };
    yield* oldCaptionCollisions(folder);

    let userId: Promise<string | undefined> | undefined;
    const context: FolderContext = {
      folder,
      ...(capturedAt === undefined ? {} : { capturedAt }),
      folderUserId: () => (userId ??= folder.idFile === undefined ? Promise.resolve(undefined) : readUserIdFile(folder.idFile)),
    };
    const naming = new ShortcodeNamingCheck();
    for await (const result of mapInOrder(folder.metadata, concurrency, (file) => readMetadataFile(file, context), signal)) {
      yield* result.events;
      if (result.naming) naming.record(result.naming);
      done++;
      if (done - reported >= progressEvery) {
        reported = done;
        yield { type: 'progress', done, total: Math.max(total, done) };
      }
    }
    yield* naming.problems();
    yield* unpairedMediaEvents(folder, capturedAt, concurrency, signal);
  }
  if (done !== reported) yield { type: 'progress', done, total: Math.max(total, done) };
}

/** Instaloader's default file name, `{date_utc}_UTC` (images even without metadata carry it). */
const defaultPatternName = /^\d{4}-\d{2}-\d{2}_\d{2}-\d{2}-\d{2}_UTC/;
/** Sub-folders looked into by the cheap check; a download folder holds one per target. */
const maxFoldersChecked = 50;
/** Plain .json files opened per folder by the cheap check. */
const maxJsonChecked = 3;
const maxJsonBytesChecked = 4 * 1024 * 1024;

/**
 * Cheap check used by format auto-detection: does this folder look like Instaloader output? Looks at the folder
 * and its direct sub-folders: an `.json.xz` or resume file, an image with Instaloader's default name, or a `.json`
 * that parses as an Instaloader structure.
 */
export async function looksLikeInstaloaderFolder(dir: string): Promise<boolean> {
  try {
    const root = resolve(dir);
    const subfolders = (await listSubfolders(root)).slice(0, maxFoldersChecked);
    for (const folder of [root, ...subfolders]) {
      const names = await listFileNames(folder);
      if (names.some((name) => resumeStateName.test(name) || defaultPatternName.test(name))) return true;
      const metadata = names.filter(isMetadataName);
      if (metadata.some((name) => name.toLowerCase().endsWith('.json.xz'))) return true;
      for (const name of metadata.slice(0, maxJsonChecked)) {
        if (await isInstaloaderJson(join(folder, name))) return true;
      }
    }
    return false;
  } catch {
    return false;
  }
}

async function isInstaloaderJson(path: string): Promise<boolean> {
  try {
    if ((await stat(path)).size > maxJsonBytesChecked) return false;
    const bytes = await readFile(path);
    const text = new TextDecoder().decode(path.toLowerCase().endsWith('.xz') ? await decodeXz(bytes) : bytes);
    return classifyDocument(parseJsonKeepingBigIntegers(text)).kind !== 'foreign';
  } catch {
    return false;
  }
}

function normalizeCapturedAt(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new RangeError(`capturedAt is not a date: "${value}" (use ISO 8601, e.g. 2024-05-01T12:00:00Z).`);
  return new Date(time).toISOString();
}
