/**
 * JSON.parse for one JSONL line that keeps big integers: Instagram ids exceed 2^53, and JSON.parse would
 * silently round `2345678901234567890` to `2345678901234567000`. Integer literals with more than 15 digits
 * (every integer of up to 15 digits is exact in a double) are turned into strings before parsing; string
 * literals are skipped, so digits inside them are never touched. Fractions and exponents are left alone.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const MINUS = 0x2d;
const ZERO = 0x30;
const NINE = 0x39;

const maxExactDigits = 15;
const longDigitRun = /\d{16}/;

export function parseJsonLine(text: string): unknown {
  return JSON.parse(longDigitRun.test(text) ? quoteLongIntegers(text) : text);
}

/** Exposed for tests: the text with long integer literals (outside strings) wrapped in quotes. */
export function quoteLongIntegers(text: string): string {
  const length = text.length;
  let out = '';
  let copiedUpTo = 0;
  let i = 0;
  while (i < length) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      i++;
      while (i < length) {
        const s = text.charCodeAt(i);
        if (s === BACKSLASH) i += 2;
        else if (s === QUOTE) {
          i++;
          break;
        } else i++;
      }
      continue;
    }
    if (c === MINUS || (c >= ZERO && c <= NINE)) {
      const start = i;
      if (c === MINUS) i++;
      const digitsStart = i;
      while (i < length && isDigit(text.charCodeAt(i))) i++;
      const digitsEnd = i;
      const next = i < length ? text[i] : '';
      if (next === '.' || next === 'e' || next === 'E') {
        while (i < length && /[0-9.eE+-]/.test(text[i]!)) i++;
        continue;
      }
      const digits = digitsEnd - digitsStart;
      // A leading zero makes the literal invalid JSON: leave it so that JSON.parse rejects it.
      const leadingZero = digits > 1 && text.charCodeAt(digitsStart) === ZERO;
      if (digits > maxExactDigits && !leadingZero) {
        out += `${text.slice(copiedUpTo, start)}"${text.slice(start, digitsEnd)}"`;
        copiedUpTo = digitsEnd;
      }
      continue;
    }
    i++;
  }
  return copiedUpTo === 0 ? text : out + text.slice(copiedUpTo);
}

function isDigit(c: number): boolean {
  return c >= ZERO && c <= NINE;
}
