import { describe, expect, it } from 'vitest';
import {
  binIndex,
  brightnessBins,
  faceSizeBins,
  hashtagBins,
  hashtagCount,
  imageTone,
  runSlices,
  sliceBy,
  type SliceFacts,
} from '../../../src/shared/training/slices';

const fact = (faceSize: number | null, brightness: number | null, greyscale: boolean | null, hashtags: number | null): SliceFacts => ({ faceSize, brightness, greyscale, hashtags });

describe('accuracy per slice', () => {
  it('puts values in the bin whose edges hold them (lower edge in, upper edge out, last bin open)', () => {
    expect(binIndex(0, faceSizeBins)).toBe(0); // no face
    expect(binIndex(0.05, faceSizeBins)).toBe(1);
    expect(binIndex(0.1, faceSizeBins)).toBe(2);
    expect(binIndex(0.3499, faceSizeBins)).toBe(3);
    expect(binIndex(0.35, faceSizeBins)).toBe(4);
    expect(binIndex(0.97, faceSizeBins)).toBe(5);
    expect(binIndex(0.7, brightnessBins)).toBe(4);
    expect(binIndex(0.2499, brightnessBins)).toBe(0);
    expect([0, 1, 2, 3, 5, 6, 10, 11, 40].map((n) => binIndex(n, hashtagBins))).toEqual([0, 1, 1, 2, 2, 3, 3, 4, 4]);
    expect(binIndex(-1, hashtagBins)).toBe(-1);
    expect(binIndex(Number.NaN, brightnessBins)).toBe(-1);
  });


  it('counts n and correct per bin, keeps empty bins, and adds "unknown" only when a key is missing', () => {
    const bins = sliceBy([0, 1, 1, null, 0, 0], [true, false, true, true, true, false], ['yes', 'no', 'maybe']);
    expect(bins.map((b) => [b.label, b.n, b.correct, b.accuracy])).toEqual([
      ['yes', 3, 2, 2 / 3],
      ['no', 2, 1, 0.5],
      ['maybe', 0, 0, null],
      ['unknown', 1, 1, 1],
    ]);
    expect(bins[2]!.interval).toBeNull();
    expect(sliceBy([0], [true], ['a', 'b']).map((b) => b.label)).toEqual(['a', 'b']);
    expect(() => sliceBy([0, 1], [true], ['a'])).toThrow(/2 keys for 1 outcomes/);
  });

  it('slices the validation and test posts of a run, with accuracy at the threshold', () => {
    // 8 posts: split 0 (train) is left out; label 0 (unlabeled) is left out.
    const predictions = {
      split: [1, 1, 1, 1, 2, 2, 0, 1],
      label: [1, -1, 1, -1, 1, -1, 1, 0],
      pGood: [0.9, 0.2, 0.3, 0.6, 0.5, 0.49, 0.9, 0.9],
    };
    const facts = [
      fact(0.4, 0.8, false, 0), // val, right
      fact(0.05, 0.3, false, 2), // val, right
      fact(0, 0.8, true, 12), // val, wrong (good at 0.3)
      fact(null, null, null, null), // val, wrong (bad at 0.6)
      fact(0.6, 0.5, false, 4), // test, right (0.5 ≥ 0.5)
      fact(0.6, 0.5, false, 4), // test, right
      fact(0.4, 0.8, false, 0),
      fact(0.4, 0.8, false, 0),
    ];
    const slices = runSlices('run-1', predictions, facts, 0.5);
    expect(slices.predicted).toBe(8);
    expect(slices.known).toEqual({ faceSize: 7, brightness: 7, greyscale: 7, hashtags: 7 });
    const val = slices.splits.val!;
    expect(val.n).toBe(4);
    expect(val.accuracy).toBe(0.5);
    const face = val.tables.find((t) => t.dimension === 'faceSize')!;
    expect(face.bins.map((b) => `${b.label}:${b.correct}/${b.n}`)).toEqual(['no face:0/1', '< 10%:1/1', '10–20%:0/0', '20–35%:0/0', '35–50%:1/1', '≥ 50%:0/0', 'unknown:0/1']);
    const grey = val.tables.find((t) => t.dimension === 'greyscale')!;
    expect(grey.bins.map((b) => `${b.label}:${b.correct}/${b.n}`)).toEqual(['yes:0/1', 'no:2/2', 'unknown:0/1']);
    const bright = val.tables.find((t) => t.dimension === 'brightness')!;
    expect(bright.bins.map((b) => b.n)).toEqual([0, 1, 0, 0, 2, 1]);
    const tags = val.tables.find((t) => t.dimension === 'hashtags')!;
    expect(tags.bins.map((b) => b.n)).toEqual([1, 1, 0, 0, 1, 1]);
    const test = slices.splits.test!;
    expect(test.n).toBe(2);
    expect(test.accuracy).toBe(1);
    // Every table covers every post of the split.
    for (const table of val.tables) expect(table.bins.reduce((sum, b) => sum + b.n, 0)).toBe(4);
    for (const table of test.tables) expect(table.bins.reduce((sum, b) => sum + b.n, 0)).toBe(2);
    expect(runSlices('r', { split: [0], label: [1], pGood: [0.9] }, [fact(0, 0, false, 0)]).splits).toEqual({ val: null, test: null });
    expect(() => runSlices('r', predictions, facts.slice(1))).toThrow(/7 facts for 8 predictions/);
  });

  it('measures brightness as mean luma and greyscale as a small chroma spread', () => {
    // Two RGB pixels: white and pure red → luma (1 + 0.299) / 2; spread (0 + 255) / 2 / 255 = 0.5 → colour.
    const colour = imageTone(new Uint8Array([255, 255, 255, 255, 0, 0]), 3);
    expect(colour.brightness).toBeCloseTo((1 + 0.299) / 2, 6);
    expect(colour.greyscale).toBe(false);
    // Grey with JPEG-like noise of ±2 levels (spread 4/255 = 1.6% < 2%), RGBA (alpha ignored).
    const grey = imageTone(new Uint8Array([100, 102, 98, 0, 50, 50, 50, 255]), 4);
    expect(grey.greyscale).toBe(true);
    expect(grey.brightness).toBeCloseTo((0.299 * 100 + 0.587 * 102 + 0.114 * 98 + 50) / 2 / 255, 6);
    expect(imageTone(new Uint8Array([0, 255, 255, 255]), 2)).toEqual({ brightness: 0.5, greyscale: true });
    expect(() => imageTone(new Uint8Array([]), 3)).toThrow(/no pixels/);
    expect(() => imageTone(new Uint8Array([1, 2, 3]), 5)).toThrow(/5 channels/);
  });

  it('counts distinct hashtags', () => {
    expect(hashtagCount('selfie me selfie  sun')).toBe(3);
    expect(hashtagCount('')).toBe(0);
    expect(hashtagCount(null)).toBe(0);
  });
});
