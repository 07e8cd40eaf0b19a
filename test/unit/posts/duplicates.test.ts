import { describe, expect, it } from 'vitest';
import { differenceHash, hammingDistance } from '../../../src/shared/posts/dhash';
import { bandRanges, findDuplicates, type DuplicateCandidate } from '../../../src/shared/posts/duplicates';

describe('dHash', () => {
  it('sets a bit where a pixel is brighter than its right neighbour', () => {
    // Row pattern 9,8,7,...,1 (always brighter than the right neighbour) -> all 8 bits set per row.
    const falling = Array.from({ length: 72 }, (_, i) => 9 - (i % 9));
    expect(differenceHash(falling)).toBe('ffffffffffffffff');
    const rising = Array.from({ length: 72 }, (_, i) => i % 9);
    expect(differenceHash(rising)).toBe('0000000000000000');
    expect(() => differenceHash([1, 2, 3])).toThrow('expected 72 pixels');
  });

  it('counts differing bits', () => {
    expect(hammingDistance('0000000000000000', 'ffffffffffffffff')).toBe(64);
    expect(hammingDistance('00000000000000f0', '0000000000000010')).toBe(3);
    expect(hammingDistance('abcdef0123456789', 'abcdef0123456789')).toBe(0);
  });
});

function candidate(id: string, order: number, sha256: string | null, dhash: string | null): DuplicateCandidate {
  return { id, order, sha256, dhash };
}

describe('duplicate groups', () => {
  it('marks later copies of the same file as exact duplicates of the earliest', () => {
    const marks = findDuplicates(
      [candidate('late', 2, 'aaa', '0000000000000000'), candidate('first', 1, 'aaa', '0000000000000000'), candidate('other', 3, 'bbb', 'ffffffffffffffff')],
      4,
    );
    expect(marks).toEqual([{ id: 'late', duplicateOf: 'first', kind: 'exact' }]);
  });

  it('marks images within the distance as near duplicates, and chains them into one group', () => {
    const marks = findDuplicates(
      [
        candidate('a', 1, 's1', '0000000000000000'),
        candidate('b', 2, 's2', '0000000000000007'), // 3 bits from a
        candidate('c', 3, 's3', '000000000000003f'), // 6 bits from a, 3 from b
        candidate('far', 4, 's4', '00000000ffffffff'),
      ],
      3,
    );
    expect(marks).toEqual([
      { id: 'b', duplicateOf: 'a', kind: 'near' },
      { id: 'c', duplicateOf: 'a', kind: 'near' },
    ]);
    expect(findDuplicates([candidate('a', 1, 's1', '0000000000000000'), candidate('b', 2, 's2', '0000000000000007')], 2)).toEqual([]);
  });

  it('finds exactly the pairs a brute-force comparison finds', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const base = Array.from({ length: 40 }, () => Array.from({ length: 16 }, () => Math.floor(random() * 16).toString(16)).join(''));
    // Near copies: flip 1-5 random bits of some bases.
    const hashes = [...base];
    for (let i = 0; i < 60; i++) {
      const source = base[Math.floor(random() * base.length)]!.split('').map((d) => parseInt(d, 16));
      const flips = 1 + Math.floor(random() * 5);
      for (let f = 0; f < flips; f++) {
        const bit = Math.floor(random() * 64);
        source[bit >> 2]! ^= 1 << (bit & 3);
      }
      hashes.push(source.map((d) => d.toString(16)).join(''));
    }
    const candidates = hashes.map((hash, i) => candidate(`p${i}`, i, `sha${i}`, hash));
    for (const distance of [2, 5, 8]) {
      // Brute force: union of every pair within the distance, earliest member is the original.
      const parent = hashes.map((_, i) => i);
      const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
      for (let i = 0; i < hashes.length; i++)
        for (let j = i + 1; j < hashes.length; j++)
          if (hammingDistance(hashes[i]!, hashes[j]!) <= distance) parent[Math.max(find(i), find(j))] = Math.min(find(i), find(j));
      const expected = hashes.map((_, i) => (find(i) === i ? null : `p${find(i)}`));
      const marks = new Map(findDuplicates(candidates, distance).map((m) => [m.id, m.duplicateOf]));
      expect(hashes.map((_, i) => marks.get(`p${i}`) ?? null)).toEqual(expected);
    }
  });

  it('splits hashes into contiguous bands covering every digit', () => {
    expect(bandRanges(16, 7)).toEqual([[0, 3], [3, 6], [6, 8], [8, 10], [10, 12], [12, 14], [14, 16]]);
    expect(bandRanges(16, 1)).toEqual([[0, 16]]);
  });
});
