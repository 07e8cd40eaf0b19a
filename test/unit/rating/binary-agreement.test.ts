import { describe, expect, it } from 'vitest';
import {
  accuracyAgainst,
  chiSquareOneDfSurvival,
  cohenKappa,
  confusion2,
  kappaFromConfusion,
  mcnemar,
  mcnemarFromCounts,
  wilsonInterval,
} from '../../../src/shared/rating/agreement-statistics';

// Expected figures were computed independently with numpy/scipy (Wilson from scipy's binomtest().proportion_ci,
// kappa's variance both in closed form and by the delta method, McNemar from scipy's binomtest and chi2.sf).
// Regenerate: python3 test/fixtures/rating/reference_statistics.py, and paste the printed numbers here.
const close = 1e-9;

/** One character per image: + good, - bad, 0 missing (the same strings as the python script). */
const parse = (text: string) => Array.from(text, (ch) => (ch === '+' ? 1 : ch === '-' ? -1 : 0));

const unbalanced = {
  a: parse('++++++0++00++++++++-++-+++++++++++0+-+++'),
  b: parse('+0+++++++--+++++++++++++-+++0+0+++++-+0+'),
};

/** Two aligned vectors with these 2×2 counts (rows: a), plus images only one side (or neither) rated, which must not count. */
function fromCounts(bothGood: number, aGoodBBad: number, aBadBGood: number, bothBad: number): { a: number[]; b: number[] } {
  const a: number[] = [];
  const b: number[] = [];
  const push = (x: number, y: number, times: number) => {
    for (let k = 0; k < times; k++) {
      a.push(x);
      b.push(y);
    }
  };
  push(0, 1, 2);
  push(1, 1, bothGood);
  push(1, -1, aGoodBBad);
  push(-1, 0, 1);
  push(-1, 1, aBadBGood);
  push(-1, -1, bothBad);
  push(0, 0, 1);
  return { a, b };
}

function expectInterval(actual: { low: number; high: number } | null, low: number, high: number, tolerance = close): void {
  expect(actual).not.toBeNull();
  expect(Math.abs(actual!.low - low)).toBeLessThan(tolerance);
  expect(Math.abs(actual!.high - high)).toBeLessThan(tolerance);
}

/** Relative closeness, for p-values across many orders of magnitude. */
function expectRelativelyClose(actual: number | null, expected: number): void {
  expect(actual).not.toBeNull();
  expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(1e-9 * Math.abs(expected));
}

describe('Wilson score interval', () => {
  it("matches Newcombe's (1998) published intervals", () => {
    const published: Array<[number, number, number, number]> = [
      [81, 263, 0.2553, 0.3662],
      [15, 148, 0.0624, 0.1605],
      [0, 20, 0, 0.1611],
      [1, 29, 0.0061, 0.1718],
    ];
    for (const [k, n, low, high] of published) {
      const ci = wilsonInterval(k, n)!;
      expect(ci.low).toBeCloseTo(low, 4);
      expect(ci.high).toBeCloseTo(high, 4);
    }
  });

  it('matches scipy to 1e-9', () => {
    expectInterval(wilsonInterval(81, 263), 0.2552885198782742, 0.36620957698280004);
    expectInterval(wilsonInterval(37, 50), 0.6044684273515115, 0.8412847250644762);
    expectInterval(wilsonInterval(1, 3), 0.06149194472039626, 0.7923403991979523);
    expectInterval(wilsonInterval(999, 1000), 0.9943574414020421, 0.9998234536293739);
  });

  it('is exactly 0 at 0/n and exactly 1 at n/n, and not defined for n = 0', () => {
    expect(wilsonInterval(0, 50)).toEqual({ low: 0, high: expect.closeTo(0.07134759913335872, 9) });
    expect(wilsonInterval(50, 50)).toEqual({ low: expect.closeTo(0.9286524008666412, 9), high: 1 });
    expect(wilsonInterval(0, 1)).toEqual({ low: 0, high: expect.closeTo(0.7934506856227626, 9) });
    expect(wilsonInterval(1, 1)).toEqual({ low: expect.closeTo(0.20654931437723745, 9), high: 1 });
    expect(wilsonInterval(0, 0)).toBeNull();
  });

  it('refuses impossible counts', () => {
    expect(() => wilsonInterval(3, 2)).toThrow(/successes ≤ n/);
    expect(() => wilsonInterval(-1, 2)).toThrow();
    expect(() => wilsonInterval(1.5, 2)).toThrow();
  });
});

describe('confusion and accuracy over the images both sides judged', () => {
  it('counts a as rows and b as columns, skipping zeros', () => {
    expect(confusion2([1, 1, -1, -1, 0, 1, -1], [1, -1, 1, -1, 1, 0, -1])).toEqual({ bothGood: 1, aGoodBBad: 1, aBadBGood: 1, bothBad: 2 });
    expect(confusion2([], [])).toEqual({ bothGood: 0, bothBad: 0, aGoodBBad: 0, aBadBGood: 0 });
  });

  it('scores a rater against the label with a Wilson interval (scipy)', () => {
    const accuracy = accuracyAgainst(unbalanced.a, unbalanced.b);
    expect(accuracy).toMatchObject({ n: 32, successes: 29, reason: null });
    expect(accuracy.value).toBe(29 / 32);
    expectInterval(accuracy.ci, 0.7578184527161212, 0.9675984487016337);
  });

  it('gives null with a reason when no image was judged by both', () => {
    expect(accuracyAgainst([1, 0, -1], [0, 1, 0])).toEqual({ n: 0, successes: 0, value: null, ci: null, reason: 'not defined: no images rated by both' });
    expect(accuracyAgainst([0, 0], [0, 0]).value).toBeNull();
    expect(accuracyAgainst([], []).n).toBe(0);
  });

  it('names the array that does not fit', () => {
    expect(() => accuracyAgainst([1, 1], [1])).toThrow('accuracyAgainst: truth has 1 values but a has 2');
    expect(() => confusion2([1], [1, -1])).toThrow(/b has 2 values but a has 1/);
    expect(() => accuracyAgainst([1, 0.5], [1, 1])).toThrow(/a\[1\] is 0.5/);
    expect(() => cohenKappa([1, Number.NaN], [1, 1])).toThrow(/a\[1\] is NaN/);
  });
});

describe("Cohen's kappa", () => {
  it('reproduces the published examples (Wikipedia, "Cohen\'s kappa")', () => {
    const proposals = fromCounts(20, 5, 10, 15); // 50 grant proposals: kappa 0.4
    const tableOne = fromCounts(45, 15, 25, 15); // kappa 0.1304
    const tableTwo = fromCounts(25, 35, 5, 35); // kappa 0.2593
    expect(cohenKappa(proposals.a, proposals.b).kappa).toBeCloseTo(0.4, 12);
    expect(cohenKappa(tableOne.a, tableOne.b).kappa).toBeCloseTo(0.1304, 4);
    expect(cohenKappa(tableTwo.a, tableTwo.b).kappa).toBeCloseTo(0.2593, 4);
  });

  it('matches numpy: agreement, kappa and the Fleiss–Cohen–Everitt interval', () => {
    const cases: Array<[{ a: number[]; b: number[] }, number, number, number, number, number]> = [
      [fromCounts(20, 5, 10, 15), 50, 0.7, 0.3999999999999999, 0.15109229047666106, 0.6489077095233388],
      [fromCounts(45, 15, 25, 15), 100, 0.6, 0.13043478260869554, -0.06293827779258956, 0.32380784300998067],
      [fromCounts(25, 35, 5, 35), 100, 0.6, 0.25925925925925924, 0.10802896398337372, 0.4104895545351448],
      [unbalanced, 32, 0.90625, 0.35135135135135137, -0.21625343384839052, 0.9189561365510932],
    ];
    for (const [{ a, b }, n, agreement, kappa, low, high] of cases) {
      const stat = cohenKappa(a, b);
      expect(stat.n).toBe(n);
      expect(stat.reason).toBeNull();
      expect(Math.abs(stat.agreement! - agreement)).toBeLessThan(close);
      expect(Math.abs(stat.kappa! - kappa)).toBeLessThan(close);
      expectInterval(stat.ci, low, high);
    }
  });

  it('is symmetric in the two raters', () => {
    const forward = cohenKappa(unbalanced.a, unbalanced.b);
    const backward = cohenKappa(unbalanced.b, unbalanced.a);
    expect(backward.kappa).toBeCloseTo(forward.kappa!, 12);
    expect(backward.ci!.low).toBeCloseTo(forward.ci!.low, 12);
  });

  it('clips the interval to [-1, 1]', () => {
    const { a, b } = fromCounts(0, 3, 2, 0); // total disagreement on 5 images: kappa −0.92, wide interval
    const stat = cohenKappa(a, b);
    expect(stat.kappa).toBeCloseTo(-12 / 13, 12);
    expect(stat.ci!.low).toBe(-1);
  });

  it('is not defined when both raters used only one class, whether the same or not', () => {
    expect(cohenKappa([1, 1, 1, 0], [1, 1, 1, -1])).toEqual({ n: 3, agreement: 1, kappa: null, ci: null, reason: 'not defined: both raters used only one class' });
    expect(cohenKappa([1, 1, 1], [-1, -1, -1])).toEqual({ n: 3, agreement: 0, kappa: null, ci: null, reason: 'not defined: both raters used only one class' });
  });

  it('is 0 without an interval when only one rater used one class', () => {
    const stat = cohenKappa([1, 1, 1, 1], [1, -1, 1, -1]);
    expect(stat).toMatchObject({ n: 4, agreement: 0.5, kappa: 0, ci: null });
    expect(stat.reason).toMatch(/one rater used only one class/);
  });

  it('is 1 without an interval under perfect agreement (its variance is 0)', () => {
    const stat = cohenKappa([1, -1, 1, -1, 0], [1, -1, 1, -1, 1]);
    expect(stat).toMatchObject({ n: 4, agreement: 1, kappa: 1, ci: null });
    expect(stat.reason).toMatch(/perfect agreement/);
  });

  it('is not defined without overlap or with all zeros', () => {
    const empty = { n: 0, agreement: null, kappa: null, ci: null, reason: 'not defined: no images rated by both' };
    expect(cohenKappa([1, 0, -1], [0, 1, 0])).toEqual(empty);
    expect(cohenKappa([0, 0, 0], [0, 0, 0])).toEqual(empty);
    expect(kappaFromConfusion({ bothGood: 0, bothBad: 0, aGoodBBad: 0, aBadBGood: 0 })).toEqual(empty);
  });
});

describe("McNemar's test, rater vs model scored against the label", () => {
  it('counts discordant correctness over the images all three judged', () => {
    const truth = [1, 1, -1, -1, 1, 1, -1, 0, 1];
    const rater = [1, 1, 1, -1, -1, 1, -1, 1, 0];
    const model = [1, -1, -1, -1, 1, -1, 0, -1, 1];
    // all three non-zero: images 0–5; rater only right: 1, 5; model only right: 2, 4
    expect(mcnemar(rater, model, truth)).toMatchObject({ n: 6, aOnlyCorrect: 2, bOnlyCorrect: 2, exactP: 1, chiSquare: 0, chiSquareP: 1 });
  });

  it('matches scipy (binomtest, chi2.sf) over small and large discordant counts', () => {
    const reference: Array<[number, number, number, number, number]> = [
      [121, 35, 2.727201682665509e-12, 46.31410256410256, 1.0073628484977107e-11],
      [3, 9, 0.14599609375, 2.0833333333333335, 0.14891467317876161],
      [1000, 1100, 0.03072070786424249, 4.667142857142857, 0.030745034758993192],
      [5, 60, 4.869560700851427e-13, 44.86153846153846, 2.1147106413818607e-11],
      [8, 10, 0.8145294189453125, 0.05555555555555555, 0.8136637157667919],
      [5, 11, 0.210113525390625, 1.5625, 0.21129954733370696],
    ];
    for (const [aOnly, bOnly, exactP, chiSquare, chiSquareP] of reference) {
      const stat = mcnemarFromCounts(aOnly + bOnly + 10, aOnly, bOnly);
      expectRelativelyClose(stat.exactP, exactP);
      expect(Math.abs(stat.chiSquare! - chiSquare)).toBeLessThan(close);
      expectRelativelyClose(stat.chiSquareP, chiSquareP);
      // the same with the arguments swapped
      expectRelativelyClose(mcnemarFromCounts(aOnly + bOnly, bOnly, aOnly).exactP, exactP);
    }
  });

  it('drops the continuity correction when the discordant counts are equal (p = 1), as R does', () => {
    expect(mcnemarFromCounts(20, 7, 7)).toMatchObject({ exactP: 1, chiSquare: 0, chiSquareP: 1 });
    expect(mcnemarFromCounts(1, 0, 1)).toMatchObject({ exactP: 1, chiSquare: 0, chiSquareP: 1 });
  });

  it('gives exact p = 1 and no chi-square without discordant images, and nothing without images', () => {
    const same = mcnemar([1, -1, 1], [1, -1, 1], [1, 1, 1]);
    expect(same).toMatchObject({ n: 3, aOnlyCorrect: 0, bOnlyCorrect: 0, exactP: 1, chiSquare: null, chiSquareP: null });
    expect(same.reason).toMatch(/no image where one was right/);
    const none = mcnemar([1, 0], [0, 1], [1, 1]);
    expect(none).toMatchObject({ n: 0, exactP: null, chiSquare: null, chiSquareP: null });
    expect(none.reason).toMatch(/^not defined/);
  });

  it('names the array that does not fit', () => {
    expect(() => mcnemar([1, 1], [1, 1], [1])).toThrow('mcnemar: truth has 1 values but a has 2');
    expect(() => mcnemar([1], [1, 1], [1])).toThrow('mcnemar: b has 2 values but a has 1');
  });

  it('takes χ²₁ tail probabilities from the incomplete gamma function (scipy chi2.sf)', () => {
    expect(chiSquareOneDfSurvival(0)).toBe(1);
    expectRelativelyClose(chiSquareOneDfSurvival(3.841458820694124), 0.05);
    expectRelativelyClose(chiSquareOneDfSurvival(0.05555555555555555), 0.8136637157667919);
    expectRelativelyClose(chiSquareOneDfSurvival(46.31410256410256), 1.0073628484977107e-11);
  });
});
