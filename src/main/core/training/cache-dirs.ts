/** Where converted models and cached features live. */
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { BackboneName } from '../../../shared/training/training-types';

/**
 * Per-user cache for things derived from installed packages (the converted MobileNetV2): $SELFIE_LAB_CACHE_DIR,
 * $XDG_CACHE_HOME/selfie-lab, or ~/.cache/selfie-lab. Safe to delete; it is rebuilt on the next use.
 */
export function userCacheDir(): string {
  if (process.env.SELFIE_LAB_CACHE_DIR) return process.env.SELFIE_LAB_CACHE_DIR;
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'selfie-lab');
}

export function convertedModelsDir(): string {
  return join(userCacheDir(), 'models');
}

/** <project>/cache/embeddings/<backbone>/: one `<sha256>.f32` per image (face128: `<sha256>-<box>.f32`). */
export function embeddingsDir(projectDir: string, backbone: BackboneName): string {
  return join(projectDir, 'cache', 'embeddings', backbone);
}
