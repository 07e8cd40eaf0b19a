import { describe, expect, it } from 'vitest';
import { boxToOriginal, intersectionOverUnion, mergeViews, planView, pointToOriginal, sameFace } from '../../../src/shared/faces/detector-views';
import type { Detection } from '../../../src/shared/faces/face-types';

describe('the views shown to the detector, and boxes mapped back to original pixels', () => {
  it('fits the image as it is inside the detector’s square input', () => {
    // 1080 × 1350 into 512: scale 512/1350; width 409.6 -> 410.
    expect(planView(1080, 1350, 512, 1)).toEqual({
      padding: 1,
      scale: 512 / 1350,
      offsetX: 0,
      offsetY: 0,
      contentWidth: 410,
      contentHeight: 512,
      canvasWidth: 410,
      canvasHeight: 512,
    });
  });

  it('pads a close-up: the image shrunk to 1/p of the input and centred on a grey square', () => {
    // 1000 × 500, padding 2 into 512: fits 256 -> 256 × 128, centred at (128, 192).
    const view = planView(1000, 500, 512, 2);
    expect(view).toMatchObject({ contentWidth: 256, contentHeight: 128, offsetX: 128, offsetY: 192, canvasWidth: 512, canvasHeight: 512 });
    // A box at view (153.6, 204.8) 51.2 × 25.6 is, at 0.256 view px per px, (100, 50) 200 × 100 in the original.
    const box = boxToOriginal({ x: 153.6, y: 204.8, width: 51.2, height: 25.6 }, view, 1000, 500)!;
    expect(box.x).toBeCloseTo(100, 9);
    expect(box.y).toBeCloseTo(50, 9);
    expect(box.width).toBeCloseTo(200, 9);
    expect(box.height).toBeCloseTo(100, 9);
    const [x, y] = pointToOriginal(128 + 25.6, 192 + 128, view, 1000, 500);
    expect(x).toBeCloseTo(100, 9);
    expect(y).toBeCloseTo(500, 9);
  });

  it('clips boxes reaching into the padding, and drops boxes lying wholly in it', () => {
    const view = planView(1000, 500, 512, 2);
    const clipped = boxToOriginal({ x: 100, y: 180, width: 100, height: 100 }, view, 1000, 500)!;
    expect(clipped.x).toBe(0);
    expect(clipped.y).toBe(0);
    expect(clipped.width).toBeCloseTo((200 - 128) / 0.256, 9); // right edge at view x 200
    expect(clipped.height).toBeCloseTo((280 - 192) / 0.256, 9);
    expect(boxToOriginal({ x: 0, y: 0, width: 100, height: 100 }, view, 1000, 500)).toBeNull();
  });

  it('measures overlap, and treats a box inside a better one as the same face', () => {
    expect(intersectionOverUnion({ x: 0, y: 0, width: 10, height: 10 }, { x: 5, y: 0, width: 10, height: 10 })).toBeCloseTo(1 / 3, 12);
    expect(intersectionOverUnion({ x: 0, y: 0, width: 10, height: 10 }, { x: 20, y: 0, width: 10, height: 10 })).toBe(0);
    // IoU 0.25 only, but the small box lies wholly inside the large one: a half-face of the same face.
    expect(sameFace({ x: 0, y: 0, width: 100, height: 100 }, { x: 10, y: 10, width: 50, height: 50 })).toBe(true);
    expect(sameFace({ x: 0, y: 0, width: 10, height: 10 }, { x: 5, y: 0, width: 10, height: 10 })).toBe(false);
  });

  it('merges views: the best detection of a face wins, other faces and same-view neighbours stay', () => {
    const found: Detection[] = [
      { box: { x: 0, y: 0, width: 100, height: 100 }, score: 0.3, padding: 1 }, // the close-up as it is: weak
      { box: { x: 5, y: 5, width: 95, height: 95 }, score: 0.9, padding: 2 }, // the same face, padded: strong
      { box: { x: 300, y: 0, width: 80, height: 80 }, score: 0.6, padding: 2 }, // another face
      { box: { x: 330, y: 0, width: 80, height: 80 }, score: 0.4, padding: 2 }, // overlapping it, same view: the detector's own call
    ];
    expect(mergeViews(found).map((d) => [d.score, d.padding])).toEqual([
      [0.9, 2],
      [0.6, 2],
      [0.4, 2],
    ]);
  });
});
