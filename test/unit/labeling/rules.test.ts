import { describe, expect, it } from 'vitest';
import { fitLinear, FitError } from '../../../src/shared/labeling/regression';
import { countLabels, cutTails, karpathyRule, rank, ratioRule, residualRule, type RuleInput } from '../../../src/shared/labeling/rules';
import { tailCount } from '../../../src/shared/labeling/ordering';

// Eight posts; the expected fits and residuals below were computed independently with numpy.linalg.lstsq.
const study: RuleInput = {
  ids: ['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7'],
  likes: [10, 200, 35, 0, 1500, 80, 12, 400],
  followers: [100, 5000, 300, 50, 20000, 900, 150, 2500],
  hashtags: [3, 10, 1, 0, 25, 4, 2, 8],
};

describe('OLS fit of log10(1+likes) on log10(1+followers) [+ hashtags]', () => {
  it('matches numpy with both predictors', () => {
    const result = residualRule(study, { top: 0.25, bottom: 0.25, hashtags: true });
    expect(result.fit!.intercept).toBeCloseTo(-1.59025944, 7);
    expect(result.fit!.coefficients[0]).toBeCloseTo(1.20349692, 7);
    expect(result.fit!.coefficients[1]).toBeCloseTo(-0.01738484, 7);
    expect(result.fit!.r2).toBeCloseTo(0.9232982639, 8);
    const expected = [0.27161205, -0.38449962, 0.18099963, -0.46479601, 0.0249587, 0.01228164, 0.11658043, 0.24286318];
    expected.forEach((r, i) => expect(result.scores[i]).toBeCloseTo(r, 7));
  });

  it('matches numpy without hashtags', () => {
    const result = residualRule(study, { top: 0.1, bottom: 0.1, hashtags: false });
    expect(result.fit!.intercept).toBeCloseTo(-1.31153293, 7);
    expect(result.fit!.coefficients).toHaveLength(1);
    expect(result.fit!.coefficients[0]).toBeCloseTo(1.06481389, 7);
    expect(result.fit!.r2).toBeCloseTo(0.9189393626, 8);
  });

  it('recovers an exact line and refuses a predictor without variation', () => {
    const fit = fitLinear([1, 3, 5, 7], [[0, 1, 2, 3]]);
    expect(fit.intercept).toBeCloseTo(1, 12);
    expect(fit.coefficients[0]).toBeCloseTo(2, 12);
    expect(fit.r2).toBeCloseTo(1, 12);
    expect(() => fitLinear([1, 2, 3], [[5, 5, 5]])).toThrow(FitError);
    expect(() => fitLinear([1], [[1]])).toThrow('need at least 2 posts');
  });
});

describe('the residual rule: top and bottom tails', () => {
  it('labels the floor(top·n) highest residuals good and floor(bottom·n) lowest bad', () => {
    const labels = residualRule(study, { top: 0.25, bottom: 0.25, hashtags: true }).labels;
    // Residuals high to low: p0 .272, p7 .243, p2 .181, p6 .117, p4 .025, p5 .012, p1 -.384, p3 -.465
    expect(Array.from(labels)).toEqual([1, -1, 0, -1, 0, 0, 0, 1]);
    // n·top not an integer: 8 × 0.3 = 2.4 -> 2 posts; 8 × 0.4 = 3.2 -> 3.
    expect(countLabels(residualRule(study, { top: 0.3, bottom: 0.4, hashtags: true }).labels)).toEqual({ good: 2, bad: 3, none: 3 });
  });

  it('guards floor against floating error (0.1 × 30 is 3, not 2)', () => {
    expect(tailCount(0.1, 30)).toBe(3);
    expect(tailCount(0.29, 100)).toBe(29);
    expect(tailCount(0.5, 7)).toBe(3);
  });

  it('breaks ties by post id ascending in both directions', () => {
    const scores = new Float64Array([1, 2, 2, 2, 0]);
    const ranked = rank(scores, ['e', 'd', 'b', 'c', 'a']);
    expect(Array.from(ranked.descending)).toEqual([2, 3, 1, 0, 4]); // 2s as b, c, d
    expect(Array.from(ranked.ascending)).toEqual([4, 0, 2, 3, 1]); // 2s again as b, c, d
    // All tied: good takes the lowest ids, bad the next lowest (never the same post twice).
    const tied = rank(new Float64Array([0, 0, 0, 0]), ['w', 'x', 'y', 'z']);
    expect(Array.from(cutTails(tied, 0.5, 0.5))).toEqual([1, 1, -1, -1]);
  });
});

describe('the Karpathy rule: groups of G by followers', () => {
  const input: RuleInput = {
    ids: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'],
    followers: [10, 20, 30, 40, 50, 60, 70, 80, 90, 100],
    likes: [5, 1, 9, 3, 10, 50, 20, 20, 7, 99],
    hashtags: new Array(10).fill(0),
  };

  it('takes the top half of each group good and the bottom half bad, dropping a short last group', () => {
    const result = karpathyRule(input, { groupSize: 4 });
    // Group 1 (a,b,c,d) by likes: c 9, a 5, d 3, b 1. Group 2 (e,f,g,h): f 50, g 20 (id g < h), h 20, e 10. i, j dropped.
    expect(Array.from(result.labels)).toEqual([1, -1, 1, -1, -1, 1, 1, -1, 0, 0]);
    expect(Array.from(result.scores.subarray(0, 8))).toEqual([2, 4, 1, 3, 4, 1, 2, 3]);
    expect(Number.isNaN(result.scores[9]!)).toBe(true);
  });

  it('leaves the middle post of an odd group unlabeled', () => {
    const result = karpathyRule({ ...input, ids: input.ids.slice(0, 3), followers: [1, 2, 3], likes: [1, 2, 3], hashtags: [0, 0, 0] }, { groupSize: 3 });
    expect(Array.from(result.labels)).toEqual([-1, 0, 1]);
  });

  it('orders ties in followers by id', () => {
    const result = karpathyRule({ ids: ['z', 'y', 'x', 'w'], followers: [5, 5, 5, 5], likes: [4, 3, 2, 1], hashtags: [0, 0, 0, 0] }, { groupSize: 2 });
    // Followers tie: order w, x | y, z. Group (w 1, x 2): x good, w bad. Group (y 3, z 4): z good, y bad.
    expect(Array.from(result.labels)).toEqual([1, -1, 1, -1]);
  });
});

describe('the ratio rule', () => {
  it('splits by (1+likes)/(1+followers)', () => {
    const result = ratioRule({ ids: ['a', 'b', 'c', 'd'], likes: [9, 0, 99, 19], followers: [99, 9, 99, 9], hashtags: [0, 0, 0, 0] }, { top: 0.5, bottom: 0.5 });
    // Ratios: a 0.1, b 0.1, c 1, d 2. Good: d, c. Bad: a, b (tie broken by id).
    expect(Array.from(result.labels)).toEqual([-1, -1, 1, 1]);
    expect(result.scores[3]).toBe(2);
  });
});
