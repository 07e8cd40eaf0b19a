import { availableParallelism } from 'node:os';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { normal, pick, seededRandom } from '../../../shared/simulation/random';
import { simulatePopulation, type SimulationParams } from '../../../shared/simulation/population';
import { AppFailure } from '../../../shared/result';
import { writeSimulation, type SimulationFiles } from '../simulation/write-simulation';
import { listDemoPhotos, writeVariant, type VariantSpec } from './demo-photos';
import type { z } from 'zod';
import type { simulationParams } from '../../../shared/simulation/population';

/** How strongly the visible property drives quality: q = qualitySignal·vividness + N(0, qualityNoise). */
export const demoQuality = { signal: 0.35, noise: 0.05 };

export interface SimulateOptions {
  images: 'none' | 'demo';
  onProgress?(done: number, total: number): void;
}

/**
 * `selfie-lab simulate`: draws a population and writes its two crawls as manifests. With demo images, every post
 * gets its own variant of one of its owner's demo photographs, and its latent quality q is read off the variant
 * (brighter and more colourful = better), so a model has something real to learn. Each base photo belongs to one
 * owner, so splitting by owner keeps every variant of a photo on one side.
 */
export async function simulateToFolder(input: z.input<typeof simulationParams>, outDir: string, options: SimulateOptions): Promise<SimulationFiles & { params: SimulationParams }> {
  await mkdir(outDir, { recursive: true });
  if (options.images === 'none') {
    const population = simulatePopulation(input);
    return { ...(await writeSimulation(population, outDir)), params: population.params };
  }
  const photos = await listDemoPhotos();
  const owners = input.owners ?? 400;
  if (owners > photos.length) {
    throw new AppFailure(
      'INVALID_INPUT',
      `With --images demo each owner needs a photograph of their own: --owners can be at most ${photos.length} (there are ${photos.length} demo photos).`,
    );
  }
  const random = seededRandom((input.seed ?? 1) * 7919 + 17);
  const photosOf = Array.from({ length: owners }, (_, owner) => photos.filter((_, index) => index % owners === owner));
  const specs: Array<VariantSpec & { photo: string }> = [];
  const population = simulatePopulation({ ...input, owners }, (_post, owner) => {
    const choices = photosOf[owner]!;
    const spec = {
      photo: choices[pick(random, choices.length)]!.file,
      vividness: random() * 2 - 1,
      flip: random() < 0.5,
      zoom: 1 + random() * 0.4,
      tilt: (random() * 2 - 1) * 8,
      shiftX: random() * 2 - 1,
      shiftY: random() * 2 - 1,
    };
    specs.push(spec);
    return demoQuality.signal * spec.vividness + normal(random, 0, demoQuality.noise);
  });
  await mkdir(join(outDir, 'images'), { recursive: true });
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < population.posts.length) {
      const index = next++;
      await writeVariant(specs[index]!.photo, specs[index]!, join(outDir, 'images', `${population.posts[index]!.id}.jpg`));
      options.onProgress?.(++done, population.posts.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(2, availableParallelism()) }, worker));
  const files = await writeSimulation(population, outDir, (post) => `../images/${post.id}.jpg`);
  return { ...files, params: population.params };
}
