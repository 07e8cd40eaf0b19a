import { describe, expect, it } from 'vitest';
import { bradleyTerry } from '../../../src/shared/rating/agreement-statistics';
import { seededRandom } from '../../../src/shared/simulation/random';

// Expected strengths: the same penalised log-likelihood maximised independently with scipy.optimize (trust-exact
// with exact gradient and Hessian, then Newton-polished), not by MM. Regenerate:
// python3 test/fixtures/rating/reference_statistics.py, and paste the printed "bradleyTerry" numbers here.
const items = ['A', 'B', 'C', 'D', 'E', 'F', 'G'];
/** Winner first. G is never compared; A never loses; F never wins. */
const judgments = 'AB AB AC AD AF BC BC CB BD DB BE CD CE DC DE ED EF EF DF BF AE CF'
  .split(' ')
  .map((pair) => ({ winner: pair[0]!, loser: pair[1]! }));

const scipy: Record<string, number[]> = {
  '1': [2.5374681657107168, 0.45758397927805045, 0.11140900937601099, 0.0050849856758644315, -0.5561905101881667, -2.555355629852476, 0],
  '0.25': [3.942680921408577, 0.6093467375800187, 0.17824698292571597, 0.014294524319520352, -0.7614809507980256, -3.9830882154358065, 0],
  '4': [1.3300428045303003, 0.2510582173858677, 0.04107319603284934, 0.0005839107206164641, -0.2890411422267512, -1.3337169864428828, 0],
};

describe('Bradley–Terry strengths from pairwise judgments', () => {
  it('matches scipy on the same penalised likelihood for several priors (1e-6)', () => {
    for (const [prior, expected] of Object.entries(scipy)) {
      const result = bradleyTerry(items, judgments, { prior: Number(prior) });
      expect(result.converged).toBe(true);
      result.strength.forEach((value, i) => expect(Math.abs(value - expected[i]!)).toBeLessThan(1e-6));
    }
  });

  it('uses prior 1 by default, and counts wins and comparisons without the pseudo-comparisons', () => {
    const result = bradleyTerry(items, judgments);
    expect(result.items).toEqual(items);
    expect(result.wins).toEqual([6, 5, 4, 4, 3, 0, 0]);
    expect(result.comparisons).toEqual([6, 9, 8, 8, 7, 6, 0]);
    result.strength.forEach((value, i) => expect(value).toBeCloseTo(scipy['1']![i]!, 6));
    expect(result.iterations).toBeGreaterThan(1);
  });

  it('keeps unbeaten and never-winning items finite, leaves uncompared items at 0, and centres on 0', () => {
    const { strength } = bradleyTerry(items, judgments);
    for (const value of strength) expect(Number.isFinite(value)).toBe(true);
    expect(strength[6]).toBe(0);
    expect(strength.reduce((sum, value) => sum + value, 0)).toBeCloseTo(0, 12);
    // A stronger prior pulls everything towards the average.
    const shrunk = bradleyTerry(items, judgments, { prior: 4 }).strength;
    expect(Math.abs(shrunk[0]!)).toBeLessThan(Math.abs(strength[0]!));
    expect(Math.abs(shrunk[5]!)).toBeLessThan(Math.abs(strength[5]!));
  });

  it('recovers a planted order from simulated judgments', () => {
    const planted = [1.5, 1, 0.5, 0, -0.5, -1, -1.5, -2]; // log-strengths of p0 … p7
    const names = planted.map((_, i) => `p${i}`);
    const random = seededRandom(8);
    const simulated: Array<{ winner: string; loser: string }> = [];
    for (let k = 0; k < 3000; k++) {
      const i = Math.floor(random() * names.length);
      let j = Math.floor(random() * (names.length - 1));
      if (j >= i) j++;
      const iWins = random() < 1 / (1 + Math.exp(planted[j]! - planted[i]!));
      simulated.push(iWins ? { winner: names[i]!, loser: names[j]! } : { winner: names[j]!, loser: names[i]! });
    }
    // Shuffle the item list so the order cannot come from it.
    const shuffled = [...names].reverse();
    const result = bradleyTerry(shuffled, simulated);
    expect(result.converged).toBe(true);
    const ranking = [...result.items].sort((x, y) => result.strength[result.items.indexOf(y)]! - result.strength[result.items.indexOf(x)]!);
    expect(ranking).toEqual(names);
    const plantedMean = planted.reduce((sum, value) => sum + value, 0) / planted.length;
    names.forEach((name, i) => expect(Math.abs(result.strength[result.items.indexOf(name)]! - (planted[i]! - plantedMean))).toBeLessThan(0.25));
  });

  it('gives all zeros without judgments', () => {
    expect(bradleyTerry(['x', 'y'], [])).toEqual({ items: ['x', 'y'], strength: [0, 0], wins: [0, 0], comparisons: [0, 0], iterations: 1, converged: true });
    expect(bradleyTerry([], [])).toMatchObject({ items: [], strength: [], converged: true });
  });

  it('reports when it ran out of iterations', () => {
    const result = bradleyTerry(items, judgments, { maxIterations: 3 });
    expect(result).toMatchObject({ iterations: 3, converged: false });
    for (const value of result.strength) expect(Number.isFinite(value)).toBe(true);
  });

  it('refuses unknown items, self-judgments, repeated items and a non-positive prior', () => {
    expect(() => bradleyTerry(['a', 'b'], [{ winner: 'a', loser: 'c' }])).toThrow('judgments[0].loser "c" is not among the items');
    expect(() => bradleyTerry(['a', 'b'], [{ winner: 'z', loser: 'a' }])).toThrow('judgments[0].winner "z" is not among the items');
    expect(() => bradleyTerry(['a', 'b'], [{ winner: 'a', loser: 'a' }])).toThrow(/beating itself/);
    expect(() => bradleyTerry(['a', 'a'], [])).toThrow(/listed twice/);
    expect(() => bradleyTerry(['a', 'b'], [], { prior: 0 })).toThrow(/prior must be a positive number/);
  });
});
