import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { join } from 'node:path';
import type { Population, SimulatedPost } from '../../../shared/simulation/population';
import { csvField } from '../export/table-writer';

export interface SimulationFiles {
  day0: string;
  day7: string;
  summary: string;
  posts: number;
  deleted: number;
}

const header = ['post_id', 'image', 'owner_id', 'owner_name', 'followers', 'likes', 'comments', 'posted_at', 'captured_at', 'hashtags', 'caption', 'true_quality'];

/**
 * Writes the population as two crawls of the same target, in FORMATS.md §2 manifests: `day0/posts.csv` (every
 * post, seen hours after posting) and `day7/posts.csv` (the posts not deleted, a week later). Both files share
 * the stem `posts`, so importing them together makes them snapshots of one target. `true_quality` (q) is an extra
 * column the importer keeps, so rules can be scored against the truth.
 */
export async function writeSimulation(population: Population, outDir: string, imageOf?: (post: SimulatedPost, index: number) => string): Promise<SimulationFiles> {
  const day0 = join(outDir, 'day0', 'posts.csv');
  const day7 = join(outDir, 'day7', 'posts.csv');
  await mkdir(join(outDir, 'day0'), { recursive: true });
  await mkdir(join(outDir, 'day7'), { recursive: true });
  const iso = (ms: number) => new Date(ms).toISOString();
  const rowOf = (post: SimulatedPost, index: number, day: 0 | 7): string => {
    const owner = population.owners[post.owner]!;
    const tags = post.hashtags.map((tag) => `#${tag}`).join(' ');
    return [
      post.id,
      imageOf ? imageOf(post, index) : '',
      owner.id,
      owner.name,
      owner.followers,
      day === 0 ? post.likesDay0 : post.likesDay7,
      day === 0 ? post.commentsDay0 : post.commentsDay7,
      iso(post.postedAt),
      iso(day === 0 ? population.crawlDay0 : population.crawlDay7),
      post.hashtags.join(' '),
      `My selfie ${tags}`,
      post.quality.toFixed(4),
    ]
      .map(csvField)
      .join(',');
  };
  await writeLines(day0, population.posts.map((post, index) => rowOf(post, index, 0)));
  const kept = population.posts.map((post, index) => [post, index] as const).filter(([post]) => !post.deleted);
  await writeLines(day7, kept.map(([post, index]) => rowOf(post, index, 7)));
  const deleted = population.posts.length - kept.length;
  const summary = join(outDir, 'simulation.json');
  await writeFile(summary, `${JSON.stringify({ params: population.params, posts: population.posts.length, owners: population.owners.length, deleted, crawlDay0: iso(population.crawlDay0), crawlDay7: iso(population.crawlDay7) }, null, 2)}\n`);
  return { day0, day7, summary, posts: population.posts.length, deleted };
}

async function writeLines(file: string, rows: Iterable<string>): Promise<void> {
  const out = createWriteStream(file, { encoding: 'utf8' });
  let batch = `${header.join(',')}\n`;
  for (const row of rows) {
    batch += `${row}\n`;
    if (batch.length > 1 << 20) {
      if (!out.write(batch)) await once(out, 'drain');
      batch = '';
    }
  }
  out.end(batch);
  await once(out, 'finish');
}
