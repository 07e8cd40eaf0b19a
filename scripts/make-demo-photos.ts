/**
 * Makes the demo project's base photographs (resources/demo/photos/) from the sample photos that ship inside
 * @vladmandic/face-api (MIT): one head-and-shoulders crop per face that SSD-MobileNetV1 finds with high
 * confidence, plus the whole group photos downscaled (multi-face examples for the face filter).
 * Run once by hand: `npx tsx scripts/make-demo-photos.ts`; the output is committed with resources/demo/SOURCES.md.
 */
import { createRequire } from 'node:module';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import sharp from 'sharp';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

const require = createRequire(import.meta.url);
const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js');
const packageDir = dirname(require.resolve('@vladmandic/face-api/package.json'));
const out = resolve(import.meta.dirname, '../resources/demo/photos');

async function main(): Promise<void> {
  setWasmPaths(`${dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'))}/`);
  await tf.setBackend('wasm');
  await tf.ready();
  await faceapi.nets.ssdMobilenetv1.loadFromDisk(join(packageDir, 'model'));
  await mkdir(out, { recursive: true });
  const manifest: Array<Record<string, unknown>> = [];
  for (let sample = 1; sample <= 6; sample++) {
    const file = join(packageDir, 'demo', `sample${sample}.jpg`);
    const { data, info } = await sharp(file).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const tensor = tf.tensor3d(new Uint8Array(data), [info.height, info.width, 3], 'int32');
    const faces = await faceapi.detectAllFaces(tensor, new faceapi.SsdMobilenetv1Options({ minConfidence: 0.6, maxResults: 20 }));
    tensor.dispose();
    const group = `group-${sample}.jpg`;
    await sharp(file).resize(960).jpeg({ quality: 82 }).toFile(join(out, group));
    manifest.push({ file: group, source: `@vladmandic/face-api/demo/sample${sample}.jpg`, kind: 'group', faces: faces.length });
    faces.sort((a: any, b: any) => a.box.x - b.box.x);
    for (const [index, face] of faces.entries()) {
      const { x, y, width, height } = face.box as { x: number; y: number; width: number; height: number };
      // A selfie-like framing: the face in the upper middle, 1.7× its size across (wider crops catch the neighbours in these group photos).
      const side = Math.round(Math.max(width, height) * 1.7);
      const left = Math.max(0, Math.min(info.width - side, Math.round(x + width / 2 - side / 2)));
      const top = Math.max(0, Math.min(info.height - side, Math.round(y + height * 0.5 - side * 0.45)));
      const size = Math.min(side, info.width - left, info.height - top);
      const name = `face-${sample}-${index + 1}.jpg`;
      await sharp(file).extract({ left, top, width: size, height: size }).resize(320, 320).jpeg({ quality: 85 }).toFile(join(out, name));
      manifest.push({ file: name, source: `@vladmandic/face-api/demo/sample${sample}.jpg`, kind: 'single', crop: { left, top, size }, score: Number(face.score.toFixed(3)) });
    }
  }
  await writeFile(join(out, 'photos.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`${manifest.length} photos written to ${out}`);
}

await main();
