/**
 * JSON.parse that keeps Instagram's big integers exact. Media ids (~3.1e18) and some user ids exceed 2^53, and
 * JSON.parse silently rounds them (`18446744073709551615` becomes `18446744073709552000`). Instaloader writes them
 * as bare numbers, so integer literals with more than 15 digits (every integer of up to 15 digits is exact in a
 * double) are wrapped in quotes before parsing and come back as strings. The scanner skips string literals, so
 * digits inside them (captions, URLs) are never touched; fractions and exponents stay numbers.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const MINUS = 0x2d;
const ZERO = 0x30;
const NINE = 0x39;
const DOT = 0x2e;
const LOWER_E = 0x65;
const UPPER_E = 0x45;
const PLUS = 0x2b;

/** Integers with more digits than this may not be exact as a double. */
const maxExactDigits = 15;
const longDigitRun = /\d{16}/;

/** Parses JSON text; integer literals of more than 15 digits come back as decimal strings. Throws SyntaxError. */
export function parseJsonKeepingBigIntegers(text: string): unknown {
  // Most files have no long digit run at all: skip the copy.
  return JSON.parse(longDigitRun.test(text) ? quoteLongIntegers(text) : text);
}

/** The text with every integer literal of more than 15 digits (outside string literals) wrapped in quotes. */
export function quoteLongIntegers(text: string): string {
  const length = text.length;
  let out = '';
  let copiedUpTo = 0;
  let i = 0;
  while (i < length) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      i = endOfString(text, i);
      continue;
    }
    if (c !== MINUS && !isDigit(c)) {
      i++;
      continue;
    }
    const start = i;
    if (c === MINUS) i++;
    const digitsStart = i;
    while (i < length && isDigit(text.charCodeAt(i))) i++;
    const digitsEnd = i;
    const next = i < length ? text.charCodeAt(i) : -1;
    if (next === DOT || next === LOWER_E || next === UPPER_E) {
      // A float or exponent form: a double is what the writer meant; leave the whole literal alone.
      while (i < length && isNumberChar(text.charCodeAt(i))) i++;
      continue;
    }
    const digits = digitsEnd - digitsStart;
    // A leading zero makes the literal invalid JSON: leave it, so that JSON.parse still rejects it.
    const leadingZero = digits > 1 && text.charCodeAt(digitsStart) === ZERO;
    if (digits > maxExactDigits && !leadingZero) {
      out += `${text.slice(copiedUpTo, start)}"${text.slice(start, digitsEnd)}"`;
      copiedUpTo = digitsEnd;
    }
  }
  return copiedUpTo === 0 ? text : out + text.slice(copiedUpTo);
}

/** Index just past the string literal opening at `start` (or the text's end if it is unterminated). */
function endOfString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) i += 2;
    else if (c === QUOTE) return i + 1;
    else i++;
  }
  return text.length;
}

function isDigit(c: number): boolean {
  return c >= ZERO && c <= NINE;
}

function isNumberChar(c: number): boolean {
  return isDigit(c) || c === DOT || c === LOWER_E || c === UPPER_E || c === PLUS || c === MINUS;
}
