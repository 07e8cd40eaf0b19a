import { describe, expect, it } from 'vitest';
import { extractHashtags, parseHashtagList } from '../../../src/shared/posts/hashtags';

describe('hashtags', () => {
  it('extracts tags as Instagram reads them: lower-cased, distinct, in order', () => {
    expect(extractHashtags('Sunday #Selfie #me,#selfie and #no_filter!')).toEqual(['selfie', 'me', 'no_filter']);
  });

  it('reads tags in any script, but not mid-word, numbers alone, or a bare #', () => {
    expect(extractHashtags('#café #日本 #сэлфи')).toEqual(['café', '日本', 'сэлфи']);
    expect(extractHashtags('email a#b, issue #1, just #, &#39;')).toEqual([]);
    expect(extractHashtags('#2015selfie #1')).toEqual(['2015selfie']);
    expect(extractHashtags(null)).toEqual([]);
  });

  it('parses a manifest cell separated by spaces or commas, with or without #', () => {
    expect(parseHashtagList('#Selfie, me  nofilter,#me')).toEqual(['selfie', 'me', 'nofilter']);
    expect(parseHashtagList('  ')).toEqual([]);
  });
});
