import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { once } from 'node:events';
import { seededRandom as random } from '../../../../shared/simulation/random';
import { readManifest, type ManifestReadOptions } from './manifest-reader';

/**
 * For `selfie-lab bench` (and by hand): write a realistic synthetic manifest and time reading it. Kept out of
 * the tests' assertions on purpose: timings depend on the machine.
 */

const header = 'post_id,image,owner_id,owner_name,followers,likes,comments,posted_at,captured_at,hashtags,caption,true_quality\n';

/**
 * Writes `rows` posts (about 160 bytes each): 19-digit ids, relative image paths, quoted captions with commas
 * and hashtags, one caption in 50 spanning two lines, and an extra `true_quality` column.
 */
export async function writeSyntheticManifest(file: string, rows: number, seed = 1): Promise<{ rows: number; bytes: number }> {
  const next = random(seed);
  const out = createWriteStream(file);
  const postedBase = 1_420_070_400; // 2015-01-01
  let batch = header;
  for (let row = 0; row < rows; row++) {
    const id = `${1_000_000_000_000_000_000n + BigInt(row)}`;
    const owner = Math.floor(next() * 100_000);
    const posted = postedBase + Math.floor(next() * 86_400 * 365);
    const caption = row % 50 === 0 ? `"Day ${row}, sunny\nsecond line #selfie"` : `"Me, today #selfie #me${owner % 7}"`;
    batch +=
      `${id},images/${id}.jpg,${owner},user_${owner},${Math.floor(next() * 50_000)},${Math.floor(next() * 2_000)},` +
      `${Math.floor(next() * 80)},${posted},${posted + 7 * 86_400},,${caption},${next().toFixed(4)}\n`;
    if (batch.length > 1 << 20) {
      if (!out.write(batch)) await once(out, 'drain');
      batch = '';
    }
  }
  out.end(batch);
  await once(out, 'finish');
  return { rows, bytes: (await stat(file)).size };
}

export interface ManifestReadTiming {
  posts: number;
  problems: number;
  bytes: number;
  milliseconds: number;
  rowsPerSecond: number;
}

/** Reads the whole manifest, discarding the posts, and reports how long it took. */
export async function measureManifestRead(file: string, options: ManifestReadOptions = {}): Promise<ManifestReadTiming> {
  const started = performance.now();
  let posts = 0;
  let problems = 0;
  for await (const event of readManifest(file, options)) {
    if (event.type === 'post') posts++;
    else if (event.type === 'problem') problems++;
  }
  const milliseconds = performance.now() - started;
  const { size } = await stat(file);
  return { posts, problems, bytes: size, milliseconds, rowsPerSecond: posts / (milliseconds / 1000) };
}
