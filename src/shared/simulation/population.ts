import { z } from 'zod';
import { normal, pick, poisson, seededRandom } from './random';

/**
 * The population simulator (issue 4): owners with heavy-tailed follower counts, posts with hashtags, a post time,
 * a latent image quality q, and like counts at day 0 and day 7 following
 *
 *     log10(1 + likes₇) = a + b·log10(1 + followers) + c·hashtags + q + ε,   ε ~ N(0, noiseSd)
 *
 * so the study's residual rule should recover q: the residual of the same regression is q + ε. Day-0 likes are
 * the share of day-7 likes a post had gathered when the first crawl saw it (its age then, time constant
 * `likesTimeConstantHours`). A fraction `deletionRate` of posts is gone by day 7 (the study saw 11.7%).
 */
export const simulationParams = z.strictObject({
  posts: z.number().int().min(1).max(5_000_000).default(2000),
  owners: z.number().int().min(1).max(5_000_000).default(400),
  seed: z.number().int().default(1),
  /** The first crawl (day 0). Posts were posted in the `postWindowHours` before it; the second crawl is 7 days + window later. */
  crawlAt: z.string().default('2015-10-01T00:00:00.000Z'),
  postWindowHours: z.number().positive().max(24 * 30).default(24),
  followersLog10Mean: z.number().default(2.6),
  followersLog10Sd: z.number().min(0).default(0.7),
  hashtagsMean: z.number().min(0).default(5),
  /** Spread of q when the simulator draws it (with demo images, q comes from each photo variant instead). */
  qualitySd: z.number().min(0).default(0.25),
  a: z.number().default(0.1),
  b: z.number().default(0.75),
  c: z.number().default(0.015),
  noiseSd: z.number().min(0).default(0.15),
  likesTimeConstantHours: z.number().positive().default(10),
  commentsPerLike: z.number().min(0).default(0.03),
  deletionRate: z.number().min(0).max(1).default(0.117),
});
export type SimulationParams = z.output<typeof simulationParams>;

export interface SimulatedOwner {
  id: string;
  name: string;
  followers: number;
  /** How many hashtags this owner tends to use (a per-owner habit). */
  hashtagHabit: number;
}

export interface SimulatedPost {
  id: string;
  owner: number;
  postedAt: number; // epoch ms
  hashtags: string[];
  quality: number;
  likesDay0: number;
  likesDay7: number;
  commentsDay0: number;
  commentsDay7: number;
  deleted: boolean;
}

export interface Population {
  params: SimulationParams;
  owners: SimulatedOwner[];
  posts: SimulatedPost[];
  crawlDay0: number;
  crawlDay7: number;
}

const tagPool = ['selfie', 'me', 'love', 'instagood', 'photooftheday', 'smile', 'happy', 'girl', 'cute', 'fashion', 'makeup', 'hair', 'style', 'summer', 'friends', 'fun', 'nofilter', 'beautiful', 'instadaily', 'selfietime'];

/**
 * Draws the population. `qualityOf(postIndex, random)` may supply q (e.g. from a photo variant's visible property);
 * by default q ~ N(0, qualitySd).
 */
export function simulatePopulation(
  input: z.input<typeof simulationParams>,
  qualityOf?: (postIndex: number, owner: number) => number,
): Population {
  const params = simulationParams.parse(input);
  const random = seededRandom(params.seed);
  const crawlDay0 = Date.parse(params.crawlAt);
  if (Number.isNaN(crawlDay0)) throw new Error(`crawlAt is not a time: ${params.crawlAt}`);
  const windowMs = params.postWindowHours * 3_600_000;
  const crawlDay7 = crawlDay0 + 7 * 86_400_000 + windowMs;

  const owners: SimulatedOwner[] = [];
  for (let i = 0; i < params.owners; i++) {
    const followers = Math.max(0, Math.round(10 ** normal(random, params.followersLog10Mean, params.followersLog10Sd) - 1));
    owners.push({ id: String(1_000_000 + i), name: `owner_${String(i).padStart(5, '0')}`, followers, hashtagHabit: params.hashtagsMean * (0.4 + 1.2 * random()) });
  }

  const posts: SimulatedPost[] = [];
  for (let i = 0; i < params.posts; i++) {
    // Every owner gets at least one post when there are enough posts; the rest go to random owners.
    const owner = i < params.owners ? i : pick(random, params.owners);
    const postedAt = crawlDay0 - Math.floor(random() * windowMs);
    const tagCount = Math.min(tagPool.length, poisson(random, owners[owner]!.hashtagHabit));
    const hashtags = ['selfie', ...shuffled(tagPool.slice(1), random).slice(0, Math.max(0, tagCount - 1))].slice(0, Math.max(1, tagCount));
    const quality = qualityOf ? qualityOf(i, owner) : normal(random, 0, params.qualitySd);
    const logLikes = params.a + params.b * Math.log10(1 + owners[owner]!.followers) + params.c * hashtags.length + quality + normal(random, 0, params.noiseSd);
    const likesDay7 = Math.max(0, Math.round(10 ** logLikes - 1));
    const ageHours = (crawlDay0 - postedAt) / 3_600_000;
    const share = Math.min(1, Math.max(0, (1 - Math.exp(-ageHours / params.likesTimeConstantHours)) * (0.85 + 0.3 * random())));
    const likesDay0 = Math.min(likesDay7, Math.round(likesDay7 * share));
    posts.push({
      id: `sim${params.seed}-${String(i).padStart(7, '0')}`,
      owner,
      postedAt,
      hashtags,
      quality,
      likesDay0,
      likesDay7,
      commentsDay0: Math.round(likesDay0 * params.commentsPerLike * (0.5 + random())),
      commentsDay7: Math.round(likesDay7 * params.commentsPerLike * (0.5 + random())),
      deleted: random() < params.deletionRate,
    });
  }
  return { params, owners, posts, crawlDay0, crawlDay7 };
}

function shuffled<T>(items: T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = pick(random, i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}
