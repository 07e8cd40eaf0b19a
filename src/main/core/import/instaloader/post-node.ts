/**
 * Pure readers for Instaloader's JSON structures (FORMATS.md §1). Nothing here touches the file system.
 * Each field is read from the locations FORMATS.md lists, in its order, taking the first one present;
 * a missing key is normal and yields undefined, never a made-up 0.
 * Ids arrive as numbers, as strings, or (over 15 digits) as strings made by shared/json/big-integer-json.ts: they leave as strings.
 */
import { extractHashtags } from '../../../../shared/posts/hashtags';

type Json = Record<string, unknown>;

/** What one Instaloader JSON file holds. */
export type InstaloaderDocument =
  | { kind: 'post'; node: Json; version?: string }
  | { kind: 'profile'; node: Json; version?: string }
  | { kind: 'hashtag' }
  | { kind: 'resume-state' }
  /** An Instaloader envelope of a type we do not read (StoryItem, Highlight, ...). */
  | { kind: 'other'; nodeType: string }
  /** Not an Instaloader structure at all. */
  | { kind: 'foreign' };

/** 4.x: `{"node": {...}, "instaloader": {"version", "node_type"}}`; 3.x: a bare node with `shortcode`. */
export function classifyDocument(value: unknown): InstaloaderDocument {
  if (!isObject(value)) return { kind: 'foreign' };
  const envelope = value.instaloader;
  if (isObject(envelope) && isObject(value.node)) {
    const nodeType = typeof envelope.node_type === 'string' ? envelope.node_type : '';
    const version = typeof envelope.version === 'string' ? envelope.version : undefined;
    const node = value.node;
    const withVersion = version === undefined ? {} : { version };
    switch (nodeType) {
      case 'Post':
        return { kind: 'post', node, ...withVersion };
      case 'Profile':
        return { kind: 'profile', node, ...withVersion };
      case 'Hashtag':
        return { kind: 'hashtag' };
      case 'FrozenNodeIterator':
        return { kind: 'resume-state' };
      case '':
        // An envelope without node_type: a post if the node says so, else not something we can place.
        if (typeof node.shortcode === 'string' && node.shortcode !== '') return { kind: 'post', node, ...withVersion };
        return { kind: 'other', nodeType: '(no node_type)' };
      default:
        return { kind: 'other', nodeType };
    }
  }
  // 3.x wrote the bare node. A post always has its shortcode; a bare profile has a username and follower count.
  if (typeof value.shortcode === 'string' && value.shortcode !== '') return { kind: 'post', node: value };
  if (typeof value.username === 'string' && (isObject(value.edge_followed_by) || value.follower_count !== undefined)) {
    return { kind: 'profile', node: value };
  }
  return { kind: 'foreign' };
}

/** The fields of one post node; everything optional except what has a safe default. */
export interface PostFields {
  shortcode?: string;
  mediaId?: string;
  ownerId?: string;
  ownerName?: string;
  /** Only from a full owner profile embedded in the post (`owner.edge_followed_by.count`). */
  followers?: number;
  /** ISO 8601 UTC. */
  postedAt?: string;
  caption?: string;
  hashtags: string[];
  typename?: string;
  isVideo: boolean;
  /** Null when missing or hidden by the owner (-1, like_and_view_counts_disabled): never 0 in its place. */
  likes: number | null;
  comments: number | null;
  /** Carousel positions (1-based) whose child is a video, from edge_sidecar_to_children. */
  videoChildren: number[];
}

/** iphone_struct.media_type, for nodes that lack __typename. */
const typenameByMediaType: Record<string, string> = { '1': 'GraphImage', '2': 'GraphVideo', '8': 'GraphSidecar' };

export function readPostNode(node: Json): PostFields {
  const iphone = asObject(node.iphone_struct);
  const iphoneUser = asObject(iphone?.user);
  const owner = asObject(node.owner);

  const caption = firstDefined(readCaptionEdge(node.edge_media_to_caption), nonEmptyString(node.caption));
  const typename = firstDefined(nonEmptyString(node.__typename), typenameByMediaType[String(iphone?.media_type)]);
  const followers = readCount(at(owner, 'edge_followed_by', 'count'));

  return {
    shortcode: firstDefined(nonEmptyString(node.shortcode), nonEmptyString(iphone?.code)),
    mediaId: readMediaId(node.id),
    ownerId: firstDefined(readId(owner?.id), readId(iphoneUser?.pk)),
    ownerName: firstDefined(nonEmptyString(owner?.username), nonEmptyString(iphoneUser?.username)),
    followers: followers !== undefined && followers >= 0 ? followers : undefined,
    postedAt: firstDefined(unixSecondsToIso(node.taken_at_timestamp), unixSecondsToIso(node.date)),
    caption,
    hashtags: extractHashtags(caption),
    typename,
    isVideo: node.is_video === true || typename === 'GraphVideo',
    likes: readLikes(node, iphone),
    comments: readNonNegative(
      firstDefined(
        readCount(at(node, 'edge_media_to_comment', 'count')),
        readCount(at(node, 'edge_media_to_parent_comment', 'count')),
        readCount(node.comments),
      ),
    ),
    videoChildren: readVideoChildren(node),
  };
}

export interface ProfileFields {
  ownerId?: string;
  ownerName?: string;
  followers?: number;
}

/** A Profile node: `id` (or `pk`), `username`, followers from `edge_followed_by.count` or `follower_count`. */
export function readProfileNode(node: Json): ProfileFields {
  const iphone = asObject(node.iphone_struct);
  return {
    ownerId: firstDefined(readId(node.id), readId(node.pk)),
    ownerName: nonEmptyString(node.username),
    followers: readNonNegative(
      firstDefined(
        readCount(at(node, 'edge_followed_by', 'count')),
        readCount(node.follower_count),
        // Profiles built from the app API keep its raw answer here.
        readCount(iphone?.follower_count),
      ),
    ) ?? undefined,
  };
}

function readLikes(node: Json, iphone: Json | undefined): number | null {
  // The owner hid the counts: Instagram may still send a small number, which is not the like count.
  if (node.like_and_view_counts_disabled === true || iphone?.like_and_view_counts_disabled === true) return null;
  const likes = firstDefined(
    readCount(at(node, 'edge_media_preview_like', 'count')),
    readCount(at(node, 'edge_liked_by', 'count')),
    readCount(iphone?.like_count),
  );
  // -1 is how hidden likes arrive: hidden, not "minus one" and not 0; and not a reason to look elsewhere.
  return readNonNegative(likes);
}

function readCaptionEdge(value: unknown): string | undefined {
  const edges = asObject(value)?.edges;
  if (!Array.isArray(edges) || edges.length === 0) return undefined;
  return nonEmptyString(at(asObject(edges[0]), 'node', 'text'));
}

function readVideoChildren(node: Json): number[] {
  const edges = asObject(node.edge_sidecar_to_children)?.edges;
  if (!Array.isArray(edges)) return [];
  const positions: number[] = [];
  edges.forEach((edge, index) => {
    const child = asObject(asObject(edge)?.node);
    if (child?.is_video === true || child?.__typename === 'GraphVideo') positions.push(index + 1);
  });
  return positions;
}

/** A media id: a number, a digit string, or the app API's "<media pk>_<owner pk>" form. */
function readMediaId(value: unknown): string | undefined {
  const id = readId(value);
  return id?.replace(/^(\d+)_\d+$/, '$1');
}

/** An id as a string: digit strings and safe integers; anything else (objects, floats, rounded doubles) is not an id. */
export function readId(value: unknown): string | undefined {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  }
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  return undefined;
}

/** A count: an integer, or a digit string (a count above 15 digits would arrive as one). */
function readCount(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return Number(value);
  return undefined;
}

function readNonNegative(value: number | undefined): number | null {
  return value === undefined || value < 0 ? null : value;
}

/** Unix seconds (number or digit string) as ISO 8601 UTC. */
export function unixSecondsToIso(value: unknown): string | undefined {
  const seconds = typeof value === 'string' && /^\d+(\.\d+)?$/.test(value) ? Number(value) : value;
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0) return undefined;
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function firstDefined<T>(...values: (T | undefined)[]): T | undefined {
  for (const value of values) if (value !== undefined) return value;
  return undefined;
}

function at(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) {
    const object = asObject(current);
    if (!object) return undefined;
    current = object[key];
  }
  return current;
}

function asObject(value: unknown): Json | undefined {
  return isObject(value) ? value : undefined;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
