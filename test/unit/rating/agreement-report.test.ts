import { describe, expect, it } from 'vitest';
import { agreementReport, type AgreementInput, type Interval, type ProportionStat } from '../../../src/shared/rating/agreement-statistics';

// Fifty images like the study's: the expected figures were computed independently with numpy/scipy.
// Regenerate: python3 test/fixtures/rating/reference_statistics.py, and paste its "study" numbers here.
const close = 1e-9;

/** One character per image: + good, - bad, 0 missing (the same strings as the python script). */
const parse = (text: string) => Array.from(text, (ch) => (ch === '+' ? 1 : ch === '-' ? -1 : 0));

const study: AgreementInput = {
  postIds: Array.from({ length: 50 }, (_, i) => `post${i}`),
  label: parse('+-+-0+++++++++-++--+-+++0++0---+++-+0--++--+---+++'),
  model: { runId: 'run-1', predicted: parse('+-+--+-+++++-+0-+----+++-+---+-+++-0+-+++-+++-++++') },
  raters: [
    { rater: 'ann', ratings: parse('+---+++-+0+-++-+---0--++++++++-++++-+--+---0-+-+-+') },
    { rater: 'ben', ratings: parse('----++++++-+++-++--+--++++++-++++++----++---+-+--+') },
    { rater: 'cat', ratings: parse('+++--0++---0++-+++000--+-++00++0-++000-+0+0++-0+++') },
  ],
};

/** Every NaN or ±Infinity reachable from value, with its path: none may reach the UI or `--json`. */
function nonFiniteNumbers(value: unknown, path = '$'): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [`${path} = ${value}`];
  if (Array.isArray(value)) return value.flatMap((item, i) => nonFiniteNumbers(item, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => nonFiniteNumbers(item, `${path}.${key}`));
  return [];
}

function expectInterval(actual: Interval | null, low: number, high: number): void {
  expect(actual).not.toBeNull();
  expect(Math.abs(actual!.low - low)).toBeLessThan(close);
  expect(Math.abs(actual!.high - high)).toBeLessThan(close);
}

function expectProportion(actual: ProportionStat | null, n: number, successes: number, low: number, high: number): void {
  expect(actual).toMatchObject({ n, successes, reason: null });
  expect(actual!.value).toBeCloseTo(successes / n, 15);
  expectInterval(actual!.ci, low, high);
}

describe('the agreement report of the Compare page and `ratings stats --json`', () => {
  const report = agreementReport(study);

  it('scores each rater against the label and the model (numpy)', () => {
    const [ann, ben, cat] = report.raters;
    expect(report.raters.map((r) => [r.rater, r.rated])).toEqual([
      ['ann', 47],
      ['ben', 50],
      ['cat', 36],
    ]);
    expectProportion(ann!.vsLabel, 43, 31, 0.5730897131812112, 0.832533862137625);
    expectProportion(ann!.vsModel, 45, 24, 0.3907745474012537, 0.670648679349887);
    expectProportion(ben!.vsLabel, 46, 33, 0.574514387694541, 0.8267579761812937);
    expectProportion(ben!.vsModel, 48, 28, 0.4428133228397627, 0.7115033222158843);
    expectProportion(cat!.vsLabel, 34, 21, 0.450410173444307, 0.7609981667549109);
    expectProportion(cat!.vsModel, 35, 19, 0.3818972506848375, 0.6953398071159278);
    expect(ann!.confusionVsLabel).toEqual({ bothGood: 18, aGoodBBad: 4, aBadBGood: 8, bothBad: 13 });
    expect(ben!.confusionVsLabel).toEqual({ bothGood: 21, aGoodBBad: 5, aBadBGood: 8, bothBad: 12 });
    expect(cat!.confusionVsLabel).toEqual({ bothGood: 17, aGoodBBad: 7, aBadBGood: 6, bothBad: 4 });
  });

  it('compares each rater with the model on the same images (McNemar, scipy)', () => {
    const expected: Array<[number, number, number, number, number, number]> = [
      [41, 8, 10, 0.8145294189453125, 0.05555555555555555, 0.8136637157667919],
      [44, 7, 9, 0.803619384765625, 0.0625, 0.8025873486341526],
      [33, 5, 11, 0.210113525390625, 1.5625, 0.21129954733370696],
    ];
    report.raters.forEach((rater, k) => {
      const [n, aOnly, bOnly, exactP, chiSquare, chiSquareP] = expected[k]!;
      expect(rater.mcnemarVsModel).toMatchObject({ n, aOnlyCorrect: aOnly, bOnlyCorrect: bOnly, reason: null });
      expect(Math.abs(rater.mcnemarVsModel!.exactP! - exactP)).toBeLessThan(close);
      expect(Math.abs(rater.mcnemarVsModel!.chiSquare! - chiSquare)).toBeLessThan(close);
      expect(Math.abs(rater.mcnemarVsModel!.chiSquareP! - chiSquareP)).toBeLessThan(close);
    });
    // The model's accuracy on exactly the McNemar images, beside the rater's.
    expectProportion(report.raters[0]!.modelVsLabelOnSameImages, 41, 32, 0.6329499401177383, 0.8799682522178243);
    expectProportion(report.raters[1]!.modelVsLabelOnSameImages, 44, 34, 0.6300764193536366, 0.8715805240508285);
    expectProportion(report.raters[2]!.modelVsLabelOnSameImages, 33, 26, 0.6224835500784931, 0.8932397846697919);
  });

  it('scores the model against the label', () => {
    expect(report.model?.runId).toBe('run-1');
    expectProportion(report.model!.vsLabel, 44, 34, 0.6300764193536366, 0.8715805240508285);
    expect(report.model!.confusionVsLabel).toEqual({ bothGood: 23, aGoodBBad: 5, aBadBGood: 5, bothBad: 11 });
  });

  it("gives Cohen's kappa for every pair of raters (numpy)", () => {
    const expected: Array<[string, string, number, number, number, number, number]> = [
      ['ann', 'ben', 47, 0.7234042553191489, 0.43790248390064385, 0.1791583648187427, 0.696646602982545],
      ['ann', 'cat', 34, 0.5294117647058824, -0.02641509433962256, -0.35796039123125645, 0.3051302025520113],
      ['ben', 'cat', 36, 0.611111111111111, 0.15999999999999998, -0.1666502107815025, 0.48665021078150245],
    ];
    expect(report.pairs.map(({ a, b }) => [a, b])).toEqual(expected.map(([a, b]) => [a, b]));
    report.pairs.forEach((pair, k) => {
      const [, , n, agreement, kappa, low, high] = expected[k]!;
      expect(pair.kappa.n).toBe(n);
      expect(Math.abs(pair.kappa.agreement! - agreement)).toBeLessThan(close);
      expect(Math.abs(pair.kappa.kappa! - kappa)).toBeLessThan(close);
      expectInterval(pair.kappa.ci, low, high);
    });
    expect(report.pairs[0]!.confusion).toEqual({ bothGood: 20, aGoodBBad: 6, aBadBGood: 7, bothBad: 14 });
  });

  it('holds no NaN or Infinity and survives JSON unchanged', () => {
    expect(nonFiniteNumbers(report)).toEqual([]);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it('finds NaN wherever it hides (the walker itself)', () => {
    expect(nonFiniteNumbers({ a: [1, { b: Number.NaN }], c: Infinity, d: null })).toEqual(['$.a[1].b = NaN', '$.c = Infinity']);
  });

  it('turns every degenerate case into null with a reason, never NaN', () => {
    const degenerate = agreementReport({
      postIds: ['p1', 'p2', 'p3', 'p4'],
      label: [1, 1, 1, 0],
      model: { runId: 'run-2', predicted: [0, 0, 0, 0] }, // predicted nothing
      raters: [
        { rater: 'same-as-label', ratings: [1, 1, 1, 0] }, // one class, perfect agreement with the label
        { rater: 'nobody', ratings: [0, 0, 0, 0] }, // rated nothing
        { rater: 'only-unlabeled', ratings: [0, 0, 0, 1] }, // rated only the unlabeled image
        { rater: 'twin', ratings: [1, 1, 1, 0] },
      ],
    });
    expect(nonFiniteNumbers(degenerate)).toEqual([]);
    expect(JSON.parse(JSON.stringify(degenerate))).toEqual(degenerate);
    const [same, nobody, unlabeled] = degenerate.raters;
    expect(same!.vsLabel).toMatchObject({ n: 3, successes: 3, value: 1, ci: { high: 1 }, reason: null });
    expect(same!.vsModel).toMatchObject({ n: 0, value: null, ci: null, reason: expect.stringMatching(/^not defined/) });
    expect(same!.mcnemarVsModel).toMatchObject({ n: 0, exactP: null, chiSquare: null, reason: expect.stringMatching(/^not defined/) });
    expect(nobody).toMatchObject({ rated: 0, vsLabel: { n: 0, value: null }, modelVsLabelOnSameImages: { n: 0, value: null } });
    expect(unlabeled).toMatchObject({ rated: 1, vsLabel: { n: 0, value: null, reason: expect.any(String) } });
    expect(degenerate.model!.vsLabel).toMatchObject({ n: 0, value: null });
    // Six pairs; 'same-as-label' and 'twin' agree perfectly but both used only one class.
    expect(degenerate.pairs).toHaveLength(6);
    const twins = degenerate.pairs.find((pair) => pair.b === 'twin' && pair.a === 'same-as-label')!;
    expect(twins.kappa).toEqual({ n: 3, agreement: 1, kappa: null, ci: null, reason: 'not defined: both raters used only one class' });
    expect(degenerate.pairs.find((pair) => pair.a === 'nobody')!.kappa.reason).toBe('not defined: no images rated by both');
  });

  it('works without a model and without raters', () => {
    const noModel = agreementReport({ ...study, model: null });
    expect(noModel.model).toBeNull();
    expect(noModel.raters[0]).toMatchObject({ vsModel: null, mcnemarVsModel: null, modelVsLabelOnSameImages: null });
    expect(agreementReport({ postIds: [], label: [], model: null, raters: [] })).toEqual({ raters: [], model: null, pairs: [] });
  });

  it('names the array whose length does not match the posts', () => {
    expect(() => agreementReport({ ...study, label: study.label.slice(1) })).toThrow('agreementReport: label has 49 values but postIds has 50');
    expect(() => agreementReport({ ...study, model: { runId: 'r', predicted: [1] } })).toThrow('agreementReport: model.predicted has 1 values but postIds has 50');
    expect(() => agreementReport({ ...study, raters: [study.raters[0]!, { rater: 'dan', ratings: [1, -1] }] })).toThrow(
      'agreementReport: raters[1].ratings (rater "dan") has 2 values but postIds has 50',
    );
    expect(() => agreementReport({ ...study, raters: [{ rater: 'eve', ratings: study.label.map(() => 2) }] })).toThrow(/raters\[0\]\.ratings \(rater "eve"\)\[0\] is 2/);
  });
});
