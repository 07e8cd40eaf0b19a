import { describe, expect, it } from 'vitest';
import { compareQueryFromHash, emptyCompareQuery, hashForCompareQuery } from '../../../src/renderer/src/features/compare/compare-query';
import { filterRows, sortRows, toggleSort, type CompareRow } from '../../../src/renderer/src/features/compare/compare-rows';
import { defaultCompareSplit, scopeText } from '../../../src/renderer/src/features/compare/compare-scope';
import { pairsWithImages } from '../../../src/renderer/src/features/compare/compare-scaling';

/** Rows as the Compare table reads them: ratings per rater [ada, bo], 1 good, −1 bad, 0 skipped or unrated ("–"). */
function row(postId: string, ratings: number[], label = 1, predicted = 1, split = 1): CompareRow {
  return { postId, split, label, score: null, pGood: null, predicted, ratings };
}
const raters = ['ada', 'bo'];
const rows = [row('p1', [1, 0]), row('p2', [0, -1]), row('p3', [-1, 1], -1), row('p4', [1, 1], 1, -1)];
const ids = (list: CompareRow[]) => list.map((r) => r.postId);

describe("the Compare table's sort", () => {
  it('puts skipped and unrated ("–") last in both directions', () => {
    expect(ids(sortRows(rows, raters, { key: 'rater:ada', descending: false }))).toEqual(['p3', 'p1', 'p4', 'p2']);
    expect(ids(sortRows(rows, raters, { key: 'rater:ada', descending: true }))).toEqual(['p1', 'p4', 'p3', 'p2']);
    expect(ids(sortRows(rows, raters, { key: 'rater:bo', descending: true })).at(-1)).toBe('p1');
  });

  it('sorts by the model and the label the same way, and a second click on a header flips the direction', () => {
    const unpredicted = [...rows, row('p5', [1, 1], 0, 0)];
    expect(ids(sortRows(unpredicted, raters, { key: 'model', descending: false })).at(-1)).toBe('p5');
    expect(ids(sortRows(unpredicted, raters, { key: 'label', descending: true })).at(-1)).toBe('p5');
    expect(toggleSort({ key: 'post', descending: false }, 'score')).toEqual({ key: 'score', descending: false });
    expect(toggleSort({ key: 'score', descending: false }, 'score')).toEqual({ key: 'score', descending: true });
  });
});

describe('"Disagreements only"', () => {
  it('keeps rows where any two given judgements differ, or with a rater chosen, where that rater differs from label or model', () => {
    const all = filterRows(rows, raters, { disagreementsOnly: true, rater: null, label: null });
    // p1: ada good, label good, model good (bo unrated); p2: bo bad vs label good; p3: ada bad, bo good; p4: model bad.
    expect(ids(all)).toEqual(['p2', 'p3', 'p4']);
    // Ada: p1 agrees; p2 unrated by her (left out); p3 bad = label bad but model good; p4 good vs model bad.
    expect(ids(filterRows(rows, raters, { disagreementsOnly: true, rater: 'ada', label: null }))).toEqual(['p3', 'p4']);
  });
});

describe("the Compare page's URL hash", () => {
  it('round-trips split, session, filters and sort, and leaves the plain page plain', () => {
    const query = { labelSet: 'ls-1', run: null, split: 'val' as const, session: 'session-1', filters: { disagreementsOnly: true, rater: 'zoë', label: -1 }, sort: { key: 'rater:zoë' as const, descending: true } };
    const hash = hashForCompareQuery(query);
    expect(hash.startsWith('#/compare?')).toBe(true);
    expect(compareQueryFromHash(hash)).toEqual(query);
    expect(hashForCompareQuery(emptyCompareQuery)).toBe('#/compare');
    expect(compareQueryFromHash('#/compare')).toEqual(emptyCompareQuery);
  });

  it('ignores values it does not know', () => {
    expect(compareQueryFromHash('#/compare?split=everything&sort=likes&label=maybe')).toEqual(emptyCompareQuery);
  });
});

describe('what the statistics cover', () => {
  it('says split, session and n in words', () => {
    expect(scopeText({ split: 'val', session: 's-1' }, 'Week 1', 12)).toBe('val split · session “Week 1” · 12 images');
    expect(scopeText({ split: null, session: null }, null, 1)).toBe('all splits · all sessions · 1 image');
  });

  it('defaults to the test split when the label set has one, else to all splits', () => {
    const counts = (test: number) => ({ splits: { train: { good: 5, bad: 5 }, val: { good: 2, bad: 2 }, test: { good: test, bad: test } } });
    expect(defaultCompareSplit(counts(3) as never)).toBe('test');
    expect(defaultCompareSplit(counts(0) as never)).toBe('all');
    expect(defaultCompareSplit(undefined)).toBe('all');
  });

  it('leaves out rater pairs with no image in common', () => {
    const pair = (n: number) => ({ a: 'a', b: `b${n}`, kappa: { n } as never, confusion: { bothGood: 0, bothBad: 0, aGoodBBad: 0, aBadBGood: 0 } });
    expect(pairsWithImages([pair(0), pair(3), pair(0)]).map((p) => p.b)).toEqual(['b3']);
  });
});
