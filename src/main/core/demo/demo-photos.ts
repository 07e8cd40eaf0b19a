import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

/** resources/demo/photos, from the source tree (src/main/core/demo) or from the build (out/main). */
export function demoPhotosDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [resolve(here, '../../../../resources/demo/photos'), resolve(here, '../../resources/demo/photos')];
  return candidates.find((dir) => existsSync(join(dir, 'photos.json'))) ?? candidates[0]!;
}

export interface DemoPhoto {
  file: string;
  source: string;
  /** single: one face; group: several faces; none: no face. */
  kind: 'single' | 'group' | 'none';
}

export async function listDemoPhotos(): Promise<DemoPhoto[]> {
  const dir = demoPhotosDir();
  const entries = JSON.parse(await readFile(join(dir, 'photos.json'), 'utf8')) as DemoPhoto[];
  return entries.map((entry) => ({ ...entry, file: join(dir, entry.file) }));
}

/**
 * One post's photo: a variant of a base photo. `vividness` ∈ [-1, 1] is the visible property the demo's latent
 * quality depends on: brightness × (1 + 0.3·v) and saturation × (1 + 0.6·v), so "better" selfies are brighter and
 * more colourful. Flip, tilt, zoom and shift vary the framing without touching quality (and make variants of one
 * photo differ enough that most are not flagged as near-duplicate reposts).
 */
export interface VariantSpec {
  vividness: number;
  flip: boolean;
  /** 1.0–1.4: how much to zoom in before cropping back to the output size. */
  zoom: number;
  /** Degrees, a slight tilt as hand-held selfies have. */
  tilt: number;
  /** -1…1: where the zoomed crop sits. */
  shiftX: number;
  shiftY: number;
}

export const variantSize = 320;

export async function writeVariant(base: string, spec: VariantSpec, out: string): Promise<void> {
  const zoomed = Math.round(variantSize * spec.zoom);
  const slack = zoomed - variantSize;
  // Tilt first (on the base photo, filling corners with its edge colour), then zoom and crop.
  const tilted = await sharp(base).rotate().rotate(spec.tilt, { background: '#808080' }).toBuffer();
  const inset = await sharp(tilted).metadata();
  const margin = Math.round(Math.min(inset.width ?? 0, inset.height ?? 0) * Math.abs(Math.sin((spec.tilt * Math.PI) / 180)) * 0.9);
  let image = sharp(tilted)
    .extract({ left: margin, top: margin, width: (inset.width ?? 0) - 2 * margin, height: (inset.height ?? 0) - 2 * margin })
    .resize(zoomed, zoomed, { fit: 'cover' });
  if (spec.flip) image = image.flop();
  image = image.extract({
    left: Math.round((slack / 2) * (1 + spec.shiftX)),
    top: Math.round((slack / 2) * (1 + spec.shiftY)),
    width: variantSize,
    height: variantSize,
  });
  await image.modulate({ brightness: 1 + 0.3 * spec.vividness, saturation: 1 + 0.6 * spec.vividness }).jpeg({ quality: 84 }).toFile(out);
}
