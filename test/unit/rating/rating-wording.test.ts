import { describe, expect, it } from 'vitest';
import type { LabelSetSummary } from '../../../src/shared/labeling/label-set';
import { answeredText, createSessionBlocker, skippedText, sortRaters } from '../../../src/renderer/src/features/rating/rating-wording';

describe("the Rate page's wording", () => {
  it('says "all skipped" when every answer was a skip', () => {
    expect(answeredText('Zoë', 5, 5, 5, 'pair')).toBe('Zoë answered 5 of 5 pairs (all skipped).');
    expect(answeredText('Ada', 12, 12, 1, 'image')).toBe('Ada answered 12 of 12 images (1 skipped).');
    expect(answeredText('Ada', 1, 1, 0, 'image')).toBe('Ada answered 1 of 1 image.');
    expect(skippedText(0, 0)).toBe('');
  });

  it('sorts raters by name, ignoring case and accents', () => {
    const rater = (id: string, name: string) => ({ id, name, createdAt: '', ratings: 0, judgments: 0 });
    expect(sortRaters([rater('zoe', 'zoë'), rater('emil', 'Émil'), rater('ada', 'Ada'), rater('bo', 'bo')]).map((r) => r.id)).toEqual(['ada', 'bo', 'emil', 'zoe']);
  });

  it('blocks a new session, with the reason, when the split lacks good or bad images or no rater is chosen', () => {
    const set = { name: 'demo', splits: { train: { good: 4, bad: 4 }, val: { good: 3, bad: 0 }, test: { good: 0, bad: 0 } } } as unknown as LabelSetSummary;
    expect(createSessionBlocker(set, 'val', 'ada')).toMatch(/no bad images/);
    expect(createSessionBlocker(set, 'test', 'ada')).toMatch(/no labeled images/);
    expect(createSessionBlocker(set, 'train', null)).toMatch(/Pick or add a rater/);
    expect(createSessionBlocker(set, 'train', 'ada')).toBeNull();
  });
});
