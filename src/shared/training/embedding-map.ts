/**
 * The embedding map: a 2-D UMAP of a run's cached backbone features, coloured by label or prediction. Pure parts: the
 * params, the stored map, the seeded subsample (a map of 500k points is neither computable in seconds nor readable),
 * and a randomized projection of the features onto their dominant subspace (1280 → 50 dimensions before UMAP: its
 * nearest-neighbour search is ~3× faster there, and Euclidean distances within the subspace are what PCA keeps).
 */
import { z } from 'zod';
import { seededRandom } from '../simulation/random';
import { mixSeed, seededPermutation } from './sampling';

export const embeddingMapParams = z.strictObject({
  run: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/, 'not a run id'),
  /** Posts drawn (seeded) when the run has more with cached features. */
  cap: z.number().int().min(10).max(20_000).default(5000),
  nNeighbors: z.number().int().min(2).max(200).default(15),
  minDist: z.number().min(0).max(1).default(0.1),
  /** Dimensions the features are projected to before UMAP (0: none). */
  projectTo: z.number().int().min(0).max(512).default(50),
  seed: z.number().int().min(0).max(2 ** 31 - 1).default(1),
});
export type EmbeddingMapParamsInput = z.input<typeof embeddingMapParams>;
export type EmbeddingMapParams = z.output<typeof embeddingMapParams>;

/** runs/<id>/embedding-map.json: one entry per point, by column. */
export interface EmbeddingMap {
  runId: string;
  createdAt: string;
  backbone: string;
  featureDim: number;
  params: EmbeddingMapParams;
  /** Predicted posts with cached features; `postId.length` of them were drawn when more than `params.cap`. */
  available: number;
  /** Dimensions UMAP ran on (after the projection). */
  umapInputDim: number;
  epochs: number;
  seconds: number;
  postId: string[];
  /** 0 train, 1 val, 2 test, −1 none. */
  split: number[];
  /** 1 good, −1 bad, 0 none. */
  label: number[];
  pGood: number[];
  x: number[];
  y: number[];
}

/** `count` of the indices 0..n−1, drawn with the seed, in ascending order; all of them when n ≤ count. */
export function seededSample(n: number, count: number, seed: number): number[] {
  if (n <= count) return Array.from({ length: n }, (_, i) => i);
  return Array.from(seededPermutation(n, mixSeed(seed, 0x3a9)).subarray(0, count)).sort((a, b) => a - b);
}

/** Orthonormalises the columns of a [rows × cols] row-major matrix in place (modified Gram–Schmidt; a vanishing column becomes 0). */
function orthonormaliseColumns(m: Float64Array, rows: number, cols: number): void {
  for (let j = 0; j < cols; j++) {
    for (let k = 0; k < j; k++) {
      let dot = 0;
      for (let i = 0; i < rows; i++) dot += m[i * cols + j]! * m[i * cols + k]!;
      for (let i = 0; i < rows; i++) m[i * cols + j]! -= dot * m[i * cols + k]!;
    }
    let norm = 0;
    for (let i = 0; i < rows; i++) norm += m[i * cols + j]! ** 2;
    norm = Math.sqrt(norm);
    for (let i = 0; i < rows; i++) m[i * cols + j] = norm > 1e-12 ? m[i * cols + j]! / norm : 0;
  }
}

/**
 * Projects the centred rows of `data` ([n × d] row-major) onto an orthonormal basis of their dominant k-dimensional
 * subspace, found by randomized subspace iteration (Halko, Martinsson & Tropp 2011, alg. 4.4): returns [n × k].
 * `pause` is awaited between blocks of rows so a caller on an event loop stays responsive.
 */
export async function projectOntoDominantSubspace(
  data: Float32Array,
  n: number,
  d: number,
  k: number,
  options: { seed?: number; iterations?: number; pause?: () => Promise<void> } = {},
): Promise<Float32Array> {
  if (data.length !== n * d) throw new RangeError(`projectOntoDominantSubspace: ${data.length} values for ${n} × ${d}`);
  if (!(k >= 1 && k <= d)) throw new RangeError(`projectOntoDominantSubspace: k must be in 1..${d}, got ${k}`);
  const pause = options.pause ?? (async () => undefined);
  const block = Math.max(1, Math.floor(2_000_000 / (d * k)));
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j]! += data[i * d + j]! / n;
  // Basis Q [d × k], starting from seeded Gaussian columns.
  const random = seededRandom(options.seed ?? 1);
  const basis = new Float64Array(d * k);
  for (let i = 0; i < basis.length; i++) basis[i] = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  orthonormaliseColumns(basis, d, k);
  const scores = new Float64Array(n * k); // Y = (X − mean) Q  [n × k]
  const times = async () => {
    for (let start = 0; start < n; start += block) {
      for (let i = start; i < Math.min(n, start + block); i++) {
        for (let c = 0; c < k; c++) {
          let sum = 0;
          for (let j = 0; j < d; j++) sum += (data[i * d + j]! - mean[j]!) * basis[j * k + c]!;
          scores[i * k + c] = sum;
        }
      }
      await pause();
    }
  };
  for (let iteration = 0; iteration < (options.iterations ?? 2); iteration++) {
    await times();
    orthonormaliseColumns(scores, n, k);
    // Q = (X − mean)ᵀ Y, orthonormalised.
    basis.fill(0);
    for (let start = 0; start < n; start += block) {
      for (let i = start; i < Math.min(n, start + block); i++) {
        for (let j = 0; j < d; j++) {
          const centred = data[i * d + j]! - mean[j]!;
          for (let c = 0; c < k; c++) basis[j * k + c]! += centred * scores[i * k + c]!;
        }
      }
      await pause();
    }
    orthonormaliseColumns(basis, d, k);
  }
  await times();
  return Float32Array.from(scores);
}
