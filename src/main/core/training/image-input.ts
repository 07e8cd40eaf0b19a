/**
 * Turns image files into a backbone's input as its Preprocessing describes. Decoding runs on libvips' threads
 * (sharp), so several images decode while the ML host's JavaScript thread runs the network.
 */
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import * as tf from '@tensorflow/tfjs';
import type { FaceBox } from '../../../shared/faces/face-types';
import type { Preprocessing } from '../../../shared/training/training-types';

const grey = { r: 128, g: 128, b: 128 };

export interface DecodeOptions {
  /** face crop: the box in upright original pixels. */
  box?: FaceBox;
  /** finetune augmentation: decode at a larger side, then crop `size` at (x, y) and maybe mirror. */
  augment?: { side: number; x: number; y: number; flip: boolean };
}

/**
 * RGB bytes [size, size, 3] of one image: EXIF-rotated, alpha flattened on grey, sRGB, the face box cut out when
 * asked, resized per `preprocessing.fit`. Throws with libvips' reason for unreadable files.
 */
export async function decodeImage(path: string, preprocessing: Preprocessing, options: DecodeOptions = {}): Promise<Uint8Array> {
  const bytes = await readFile(path);
  const size = preprocessing.size;
  let image = sharp(bytes).rotate().flatten({ background: grey }).toColourspace('srgb');
  if (options.box) {
    // Upright pixels first: sharp applies extract before rotate unless the rotation is rendered.
    const upright = await image.removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const { width, height } = upright.info;
    const left = Math.max(0, Math.floor(options.box.x));
    const top = Math.max(0, Math.floor(options.box.y));
    const right = Math.min(width, Math.ceil(options.box.x + options.box.width));
    const bottom = Math.min(height, Math.ceil(options.box.y + options.box.height));
    if (right - left < 2 || bottom - top < 2) throw new Error('the face box lies outside the image');
    image = sharp(upright.data, { raw: { width, height, channels: 3 } }).extract({ left, top, width: right - left, height: bottom - top });
  }
  if (options.augment) {
    const { side, x, y, flip } = options.augment;
    image = image.resize(side, side, { fit: preprocessing.fit === 'cover' ? 'cover' : 'fill' }).extract({ left: x, top: y, width: size, height: size });
    if (flip) image = image.flop();
  } else {
    image = image.resize(size, size, { fit: preprocessing.fit === 'cover' ? 'cover' : 'fill' });
  }
  const pixels = await image.removeAlpha().raw().toBuffer();
  if (pixels.length !== size * size * 3) throw new Error(`decoded ${pixels.length} bytes, expected ${size * size * 3}`);
  return new Uint8Array(pixels.buffer, pixels.byteOffset, pixels.byteLength);
}

/** Stacks decoded images into the network's input: [n, size, size, 3] float32 in the channel order, (v − mean) × scale. */
export function toInputTensor(images: readonly Uint8Array[], preprocessing: Preprocessing): tf.Tensor4D {
  const { size, mean, scale, channelOrder } = preprocessing;
  const values = new Float32Array(images.length * size * size * 3);
  // mean is given per channel in channelOrder (Keras' caffe mean is B, G, R).
  const [m0, m1, m2] = mean;
  images.forEach((pixels, n) => {
    const offset = n * size * size * 3;
    for (let i = 0; i < size * size; i++) {
      const r = pixels[i * 3]!;
      const g = pixels[i * 3 + 1]!;
      const b = pixels[i * 3 + 2]!;
      const o = offset + i * 3;
      if (channelOrder === 'BGR') {
        values[o] = (b - m0) * scale;
        values[o + 1] = (g - m1) * scale;
        values[o + 2] = (r - m2) * scale;
      } else {
        values[o] = (r - m0) * scale;
        values[o + 1] = (g - m1) * scale;
        values[o + 2] = (b - m2) * scale;
      }
    }
  });
  return tf.tensor4d(values, [images.length, size, size, 3]);
}
