import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countFaces, defaultFaceRule } from '../../../src/shared/faces/face-rule';
import type { BackendName } from '../../../src/shared/ml/backend';
import type { FaceDetectorName } from '../../../src/shared/faces/face-types';
import { FaceDetectorPool } from '../../../src/main/core/faces/face-pool';
import type { DetectionOutcome } from '../../../src/main/core/faces/face-protocol';

const fixtures = resolve(import.meta.dirname, '../../fixtures/faces');
const sample2 = resolve(import.meta.dirname, '../../../node_modules/@vladmandic/face-api/demo/sample2.jpg');

/** SSD on the pure-JS cpu backend takes seconds per view, so few images: one face, three faces, a padded close-up. */
const ssdImages = [join(fixtures, 'astronaut.jpg'), sample2, join(fixtures, 'tight-sample3-2.jpg')];
const tinyImages = [...ssdImages, join(fixtures, 'coffee.jpg'), join(fixtures, 'chelsea.jpg')];

async function detectOn(backend: BackendName, detector: FaceDetectorName, paths: string[]): Promise<DetectionOutcome[]> {
  const pool = await FaceDetectorPool.start({ detectors: [detector], landmarks: false, backend, size: 2 });
  try {
    expect(pool.backend.backend).toBe(backend);
    return await Promise.all(
      paths.map(async (path) => {
        const result = await pool.detect({ path, detector, landmarks: false });
        if (!result.ok) throw new Error(`${path}: ${result.reason}`);
        return result.value;
      }),
    );
  } finally {
    await pool.close();
  }
}

function expectSameDetections(a: DetectionOutcome[], b: DetectionOutcome[]) {
  expect(b.map((o) => countFaces({ status: 'ok', ...o }, defaultFaceRule))).toEqual(a.map((o) => countFaces({ status: 'ok', ...o }, defaultFaceRule)));
  a.forEach((outcome, i) => {
    const other = b[i]!;
    expect(other.views).toBe(outcome.views);
    const strong = outcome.detections.filter((d) => d.score >= 0.5);
    const otherStrong = other.detections.filter((d) => d.score >= 0.5);
    expect(otherStrong).toHaveLength(strong.length);
    strong.forEach((d, j) => {
      expect(otherStrong[j]!.score).toBeCloseTo(d.score, 2);
      expect(Math.abs(otherStrong[j]!.box.x - d.box.x)).toBeLessThan(2);
      expect(Math.abs(otherStrong[j]!.box.width - d.box.width)).toBeLessThan(2);
    });
  });
}

const hasNativeBackend = (() => {
  try {
    createRequire(import.meta.url).resolve('@tensorflow/tfjs-node');
    return true;
  } catch {
    return false;
  }
})();

describe('the same faces on every backend', () => {
  it('SSD: wasm and cpu give the same counts, scores and boxes', async () => {
    const [wasm, cpu] = [await detectOn('wasm', 'ssd', ssdImages), await detectOn('cpu', 'ssd', ssdImages)];
    expect(wasm.map((o) => countFaces({ status: 'ok', ...o }, defaultFaceRule))).toEqual([1, 3, 1]);
    expectSameDetections(wasm, cpu);
  }, 180_000);

  it('Tiny: wasm and cpu give the same counts, scores and boxes', async () => {
    const [wasm, cpu] = [await detectOn('wasm', 'tiny', tinyImages), await detectOn('cpu', 'tiny', tinyImages)];
    expect(wasm.map((o) => countFaces({ status: 'ok', ...o }, defaultFaceRule))).toEqual([1, 1, 1, 0, 0]);
    expectSameDetections(wasm, cpu);
  }, 120_000);

  it.skipIf(!hasNativeBackend)('SSD on tfjs-node (where installed) gives the same counts, in one worker', async () => {
    const [wasm, native] = [await detectOn('wasm', 'ssd', ssdImages), await detectOn('tensorflow', 'ssd', ssdImages)];
    expectSameDetections(wasm, native);
  }, 120_000);
});
