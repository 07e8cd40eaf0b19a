/**
 * Accuracy per slice: where does a run get posts right or wrong? The labeled posts of a split are cut by face size,
 * brightness, greyscale and hashtag count, and each bin gets its accuracy with n and a 95% Wilson interval (a bin of
 * 6 posts at 83% says little; the interval says how little). Pure: src/main/core/training/run-slices.ts gathers the
 * per-post facts.
 */
import { wilsonInterval } from '../rating/binary-agreement';

/** What is known of one predicted post; null where it is not known (no face found, image not readable…). */
export interface SliceFacts {
  /** The largest counted face's shorter side over the image's shorter side, 0..1 (0: no face under the rule). */
  faceSize: number | null;
  /** Mean luma (Rec. 601) of the image, 0 black .. 1 white. */
  brightness: number | null;
  greyscale: boolean | null;
  hashtags: number | null;
}

export type SliceDimension = keyof SliceFacts;

export interface SliceBin {
  label: string;
  n: number;
  correct: number;
  /** null for an empty bin. */
  accuracy: number | null;
  /** 95% Wilson score interval of the accuracy; null for an empty bin. */
  interval: [number, number] | null;
}

export interface SliceTable {
  dimension: SliceDimension;
  title: string;
  /** How the value is measured, in a sentence (shown under the table). */
  note: string;
  bins: SliceBin[];
}

export interface SplitSlices {
  n: number;
  accuracy: number;
  tables: SliceTable[];
}

export interface RunSlices {
  runId: string;
  threshold: number;
  splits: { val: SplitSlices | null; test: SplitSlices | null };
  /** Posts sliced (labeled validation and test posts), and how many of them each fact was known for (faces not detected yet → faceSize 0). */
  predicted: number;
  known: Record<SliceDimension, number>;
}

/** A bin over numbers: lower ≤ value < upper (the last bin includes its upper edge). */
export interface NumericBin {
  label: string;
  lower: number;
  upper: number;
}

/** Relative face size: close-ups at the top, small faces in a wide shot at the bottom. The 0 bin holds "no face". */
export const faceSizeBins: NumericBin[] = [
  { label: 'no face', lower: 0, upper: 1e-9 },
  { label: '< 10%', lower: 1e-9, upper: 0.1 },
  { label: '10–20%', lower: 0.1, upper: 0.2 },
  { label: '20–35%', lower: 0.2, upper: 0.35 },
  { label: '35–50%', lower: 0.35, upper: 0.5 },
  { label: '≥ 50%', lower: 0.5, upper: Number.POSITIVE_INFINITY },
];

export const brightnessBins: NumericBin[] = [
  { label: 'dark (< 0.25)', lower: 0, upper: 0.25 },
  { label: '0.25–0.40', lower: 0.25, upper: 0.4 },
  { label: '0.40–0.55', lower: 0.4, upper: 0.55 },
  { label: '0.55–0.70', lower: 0.55, upper: 0.7 },
  { label: 'bright (≥ 0.70)', lower: 0.7, upper: Number.POSITIVE_INFINITY },
];

export const hashtagBins: NumericBin[] = [
  { label: '0', lower: 0, upper: 1 },
  { label: '1–2', lower: 1, upper: 3 },
  { label: '3–5', lower: 3, upper: 6 },
  { label: '6–10', lower: 6, upper: 11 },
  { label: '11+', lower: 11, upper: Number.POSITIVE_INFINITY },
];

const unknownLabel = 'unknown';

/** Index of the bin holding `value` (bins sorted, contiguous); the last bin takes values at or above its lower edge. */
export function binIndex(value: number, bins: readonly NumericBin[]): number {
  if (!Number.isFinite(value) && value !== Number.POSITIVE_INFINITY) return -1;
  for (let i = 0; i < bins.length; i++) {
    if (value < bins[i]!.upper) return value >= bins[i]!.lower ? i : -1;
  }
  return value >= bins[bins.length - 1]!.lower ? bins.length - 1 : -1;
}

function bin(label: string, n: number, correct: number): SliceBin {
  // The same Wilson interval the rating statistics use (tested there against scipy and Newcombe 1998).
  const ci = wilsonInterval(correct, n);
  return { label, n, correct, accuracy: n === 0 ? null : correct / n, interval: ci ? [ci.low, ci.high] : null };
}

/**
 * One table: each post goes to the bin its key names (posts with key null go to "unknown", shown only when any).
 * `labels` fixes the bins' order (empty bins are kept: "no greyscale posts" is worth seeing).
 */
export function sliceBy(keys: ReadonlyArray<number | null>, correct: readonly boolean[], labels: readonly string[]): SliceBin[] {
  if (keys.length !== correct.length) throw new RangeError(`sliceBy: ${keys.length} keys for ${correct.length} outcomes`);
  const n = new Array<number>(labels.length + 1).fill(0);
  const right = new Array<number>(labels.length + 1).fill(0);
  keys.forEach((key, i) => {
    const slot = key === null || key < 0 || key >= labels.length ? labels.length : key;
    n[slot]!++;
    if (correct[i]) right[slot]!++;
  });
  const bins = labels.map((label, i) => bin(label, n[i]!, right[i]!));
  if (n[labels.length]! > 0) bins.push(bin(unknownLabel, n[labels.length]!, right[labels.length]!));
  return bins;
}

const numericKey = (bins: readonly NumericBin[]) => (value: number | null) => {
  if (value === null) return null;
  const index = binIndex(value, bins);
  return index < 0 ? null : index;
};

/** The four tables for one split's posts (facts[i] and correct[i] belong to the same post). */
export function sliceTables(facts: readonly SliceFacts[], correct: readonly boolean[]): SliceTable[] {
  const face = numericKey(faceSizeBins);
  const brightness = numericKey(brightnessBins);
  const hashtags = numericKey(hashtagBins);
  return [
    {
      dimension: 'faceSize',
      title: 'Face size',
      note: "The largest face counted by the face rule: its box's shorter side over the image's shorter side.",
      bins: sliceBy(facts.map((f) => face(f.faceSize)), correct, faceSizeBins.map((b) => b.label)),
    },
    {
      dimension: 'brightness',
      title: 'Brightness',
      note: 'Mean luma of the image (0.299 R + 0.587 G + 0.114 B), 0 black to 1 white.',
      bins: sliceBy(facts.map((f) => brightness(f.brightness)), correct, brightnessBins.map((b) => b.label)),
    },
    {
      dimension: 'greyscale',
      title: 'Greyscale',
      note: 'Greyscale: the mean spread between the largest and smallest of R, G, B is under 2% of full scale.',
      bins: sliceBy(facts.map((f) => (f.greyscale === null ? null : f.greyscale ? 0 : 1)), correct, ['yes', 'no']),
    },
    {
      dimension: 'hashtags',
      title: 'Hashtags',
      note: 'Number of distinct hashtags in the caption.',
      bins: sliceBy(facts.map((f) => hashtags(f.hashtags)), correct, hashtagBins.map((b) => b.label)),
    },
  ];
}

/**
 * Slices of every split present: for each post with a label (1 good, −1 bad) in split `code`, right when
 * (pGood ≥ threshold) matches the label.
 */
export function runSlices(
  runId: string,
  predictions: { split: readonly number[]; label: readonly number[]; pGood: readonly number[] },
  facts: readonly SliceFacts[],
  threshold = 0.5,
): RunSlices {
  if (facts.length !== predictions.pGood.length) throw new RangeError(`runSlices: ${facts.length} facts for ${predictions.pGood.length} predictions`);
  const split = (code: number): SplitSlices | null => {
    const chosen: SliceFacts[] = [];
    const correct: boolean[] = [];
    predictions.pGood.forEach((p, i) => {
      const label = predictions.label[i];
      if (predictions.split[i] !== code || (label !== 1 && label !== -1)) return;
      chosen.push(facts[i]!);
      correct.push((p >= threshold) === (label === 1));
    });
    if (chosen.length === 0) return null;
    return { n: chosen.length, accuracy: correct.filter(Boolean).length / chosen.length, tables: sliceTables(chosen, correct) };
  };
  const known = { faceSize: 0, brightness: 0, greyscale: 0, hashtags: 0 };
  for (const fact of facts) for (const key of Object.keys(known) as SliceDimension[]) if (fact[key] !== null) known[key]++;
  return { runId, threshold, splits: { val: split(1), test: split(2) }, predicted: facts.length, known };
}

/** Greyscale when the mean chroma spread is under this share of full scale (JPEG noise on a grey image stays below it). */
export const greyscaleSpread = 0.02;

/**
 * Tone of an image from its raw pixels ([pixels × channels] uint8, channels 3 or 4, alpha ignored; 1 or 2 = grey):
 * mean luma in 0..1 and whether it is greyscale.
 */
export function imageTone(pixels: Uint8Array | Uint8ClampedArray, channels: number): { brightness: number; greyscale: boolean } {
  if (![1, 2, 3, 4].includes(channels)) throw new RangeError(`imageTone: ${channels} channels`);
  const count = Math.floor(pixels.length / channels);
  if (count === 0) throw new RangeError('imageTone: no pixels');
  if (channels <= 2) {
    let sum = 0;
    for (let i = 0; i < count; i++) sum += pixels[i * channels]!;
    return { brightness: sum / count / 255, greyscale: true };
  }
  let luma = 0;
  let spread = 0;
  for (let i = 0; i < count; i++) {
    const r = pixels[i * channels]!;
    const g = pixels[i * channels + 1]!;
    const b = pixels[i * channels + 2]!;
    luma += 0.299 * r + 0.587 * g + 0.114 * b;
    spread += Math.max(r, g, b) - Math.min(r, g, b);
  }
  return { brightness: luma / count / 255, greyscale: spread / count / 255 < greyscaleSpread };
}

/** Distinct hashtags of a post's stored hashtag column (space-separated, lower-case). */
export function hashtagCount(hashtags: string | null | undefined): number {
  if (!hashtags) return 0;
  return new Set(hashtags.split(/\s+/).filter(Boolean)).size;
}
