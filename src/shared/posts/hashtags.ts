/**
 * Hashtags as Instagram reads them: '#' then letters, digits, underscores or combining marks (any script),
 * not preceded by a word character (so "a#b" is not a tag). Lower-cased, distinct, in order of first appearance.
 */
const hashtagPattern = /(?<![\p{L}\p{N}_&])#([\p{L}\p{M}\p{N}_]+)/gu;

export function extractHashtags(caption: string | null | undefined): string[] {
  if (!caption) return [];
  const seen = new Set<string>();
  for (const match of caption.matchAll(hashtagPattern)) {
    const tag = match[1]!.toLocaleLowerCase('en-US');
    if (/^\p{N}+$/u.test(tag)) continue; // "#1" is a number, not a hashtag
    seen.add(tag);
  }
  return [...seen];
}

/** Parses a manifest's hashtags cell: space- or comma-separated, with or without '#'. */
export function parseHashtagList(cell: string): string[] {
  const seen = new Set<string>();
  for (const part of cell.split(/[\s,]+/)) {
    const tag = part.replace(/^#+/, '').trim().toLocaleLowerCase('en-US');
    if (tag) seen.add(tag);
  }
  return [...seen];
}
