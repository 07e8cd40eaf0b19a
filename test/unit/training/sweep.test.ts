import { describe, expect, it } from 'vitest';
import { labelRuleParams } from '../../../src/shared/labeling/label-set';
import { parseWidths, pendingWidths, sameRule, sweepParams, tailRule, tailSetName, withPoint, type SweepPoint } from '../../../src/shared/training/sweep';

const point = (width: number, runId = `run-${width}`): SweepPoint => ({
  width,
  labelSet: { id: 'x', name: 'x', version: 1 },
  labeled: 100 * width,
  train: 0,
  val: 0,
  runId,
  bestEpoch: 1,
  valPeak: 0.6,
  valFinal: 0.55,
  testAccuracy: null,
  seconds: 1,
});

describe('the tail-width sweep', () => {
  it('defaults to the study’s widths 10–50%, sorted and without duplicates, and refuses widths above 50%', () => {
    const parsed = sweepParams.parse({ labelSet: 'demo' });
    expect(parsed.widths).toEqual([0.1, 0.2, 0.3, 0.4, 0.5]);
    expect(parsed).toMatchObject({ backbone: 'mobilenet_v2', epochs: 30, seed: 1, predictions: 'labeled' });
    expect(sweepParams.parse({ labelSet: 'demo', widths: [0.3, 0.1, 0.30000001, 0.1] }).widths).toEqual([0.1, 0.3]);
    expect(sweepParams.safeParse({ labelSet: 'demo', widths: [0.6] }).success).toBe(false);
    expect(sweepParams.safeParse({ labelSet: 'demo', widths: [] }).success).toBe(false);
    expect(sweepParams.safeParse({ labelSet: 'demo', mode: 'finetune' }).success).toBe(false);
  });

  it('keeps every field of the base rule but the tails', () => {
    const base = labelRuleParams.parse({ strategy: 'residual', top: 0.1, bottom: 0.1, val: 0.3, seed: 7, maxHashtags: 20 });
    const wider = tailRule(base, 0.4);
    expect(wider).toEqual({ ...base, top: 0.4, bottom: 0.4 });
    expect(sameRule(tailRule(base, 0.1), base)).toBe(true);
    expect(sameRule(wider, base)).toBe(false);
    expect(() => tailRule(labelRuleParams.parse({ strategy: 'karpathy' }), 0.2)).toThrow(/Karpathy/);
    expect(() => tailRule(base, 0.7)).toThrow(/\(0, 0\.5\]/);
  });

  it('names the derived sets after the base, once', () => {
    expect(tailSetName('demo residual 10%', 0.3)).toBe('demo residual 10% · tails 30%');
    expect(tailSetName('demo residual 10% · tails 30%', 0.5)).toBe('demo residual 10% · tails 50%');
    expect(tailSetName('x', 0.125)).toBe('x · tails 12.5%');
  });

  it('skips widths already done and keeps the points sorted by width', () => {
    expect(pendingWidths([0.1, 0.2, 0.3], [point(0.2)])).toEqual([0.1, 0.3]);
    const points = withPoint(withPoint([point(0.3)], point(0.1)), point(0.3, 'again'));
    expect(points.map((p) => [p.width, p.runId])).toEqual([
      [0.1, 'run-0.1'],
      [0.3, 'again'],
    ]);
  });

  it('reads widths typed as percents or shares, and says what is wrong', () => {
    expect(parseWidths('10, 20,30 %')).toEqual([0.1, 0.2, 0.3]);
    expect(parseWidths('0.1 0.25')).toEqual([0.1, 0.25]);
    expect(() => parseWidths('  ')).toThrow(/at least one/);
    expect(() => parseWidths('10, ten')).toThrow(/"ten" is not a tail width/);
    expect(() => parseWidths('60')).toThrow(/more than every post/);
  });
});
