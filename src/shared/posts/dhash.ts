/** Difference hashes as 16 hex digits (64 bits); near-duplicates are a few bits apart. */

const popcount4 = [0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4];

/** Number of differing bits between two 16-hex-digit hashes. */
export function hammingDistance(a: string, b: string): number {
  if (a.length !== b.length) throw new Error(`hashes of different length: ${a.length} and ${b.length}`);
  let distance = 0;
  for (let i = 0; i < a.length; i++) {
    distance += popcount4[parseInt(a[i]!, 16) ^ parseInt(b[i]!, 16)]!;
  }
  return distance;
}

/**
 * dHash of a (width+1)×height greyscale image given row-major: bit = pixel[x] > pixel[x+1], 64 bits for 9×8.
 * Returns 16 hex digits.
 */
export function differenceHash(grey: ArrayLike<number>, width = 9, height = 8): string {
  if (grey.length !== width * height) throw new Error(`expected ${width * height} pixels, got ${grey.length}`);
  let hex = '';
  let nibble = 0;
  let bits = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width - 1; x++) {
      nibble = (nibble << 1) | (grey[y * width + x]! > grey[y * width + x + 1]! ? 1 : 0);
      bits++;
      if (bits === 4) {
        hex += nibble.toString(16);
        nibble = 0;
        bits = 0;
      }
    }
  }
  return hex;
}
