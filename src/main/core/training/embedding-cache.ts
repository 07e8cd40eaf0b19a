/**
 * The feature cache: one little-endian float32 file per (backbone, image) under
 * <project>/cache/embeddings/<backbone>/, named by the image's SHA-256 (face128 adds the face box, since the same
 * image with another detected box gives another descriptor). features.json beside them records the preprocessing
 * version; when it changes (new conversion, other VGG weights) the old files are stale and are removed.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FaceBox } from '../../../shared/faces/face-types';
import type { BackboneName, Preprocessing } from '../../../shared/training/training-types';
import { embeddingsDir } from './cache-dirs';

export const featureFileExtension = '.f32';

/** The file stem for an image: its SHA-256, plus a short hash of the rounded face box for face128. */
export function featureKey(sha256: string, box?: FaceBox): string {
  if (!box) return sha256;
  const rounded = [box.x, box.y, box.width, box.height].map((v) => Math.round(v)).join(',');
  return `${sha256}-${createHash('sha256').update(rounded).digest('hex').slice(0, 10)}`;
}

export function featureFile(dir: string, key: string): string {
  return join(dir, `${key}${featureFileExtension}`);
}

interface FeaturesJson {
  backbone: BackboneName;
  version: string;
  featureDim: number;
  preprocessing: Preprocessing;
}

/**
 * Opens (creating) the cache folder of a backbone for this preprocessing; clears it when it holds features of
 * another version. Returns the folder.
 */
export async function openFeatureCache(projectDir: string, preprocessing: Preprocessing): Promise<string> {
  const dir = embeddingsDir(projectDir, preprocessing.backbone);
  const meta = join(dir, 'features.json');
  if (existsSync(meta)) {
    const current = JSON.parse(await readFile(meta, 'utf8')) as Partial<FeaturesJson>;
    if (current.version === preprocessing.version && current.featureDim === preprocessing.featureDim) return dir;
    await rm(dir, { recursive: true, force: true });
  }
  await mkdir(dir, { recursive: true });
  const json: FeaturesJson = { backbone: preprocessing.backbone, version: preprocessing.version, featureDim: preprocessing.featureDim, preprocessing };
  await writeFile(meta, JSON.stringify(json, null, 2));
  return dir;
}

/** Which keys already have a complete file (size = dim × 4 bytes is checked when read). */
export async function cachedKeys(dir: string): Promise<Set<string>> {
  try {
    const names = await readdir(dir);
    return new Set(names.filter((name) => name.endsWith(featureFileExtension)).map((name) => name.slice(0, -featureFileExtension.length)));
  } catch {
    return new Set();
  }
}

/** Writes one vector (temp file + rename: a crash leaves no half file; no fsync, a cache can be recomputed). */
export async function writeFeatures(dir: string, key: string, values: Float32Array): Promise<void> {
  const file = featureFile(dir, key);
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
  await rename(temp, file);
}

/**
 * Reads vectors into one [keys.length × dim] array (row i = keys[i]). A missing or wrong-sized file fails with the
 * key (the caller decides whether to skip or recompute).
 */
export async function readFeatureMatrix(dir: string, keys: readonly string[], dim: number): Promise<Float32Array> {
  const matrix = new Float32Array(keys.length * dim);
  const bytes = new Uint8Array(matrix.buffer);
  let next = 0;
  const worker = async () => {
    while (next < keys.length) {
      const row = next++;
      const data = await readFile(featureFile(dir, keys[row]!));
      if (data.byteLength !== dim * 4) throw new Error(`${featureFile(dir, keys[row]!)} holds ${data.byteLength} bytes, expected ${dim * 4}`);
      bytes.set(data, row * dim * 4);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return matrix;
}
