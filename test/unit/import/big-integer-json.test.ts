import { describe, expect, it } from 'vitest';
import { parseJsonKeepingBigIntegers as parseJsonLine, quoteLongIntegers } from '../../../src/shared/json/big-integer-json';

describe('JSONL lines with big ids', () => {
  it('keeps every digit of integers beyond 2^53', () => {
    expect(parseJsonLine('{"post_id": 2345678901234567891, "owner": -17841400000000000001}')).toEqual({
      post_id: '2345678901234567891',
      owner: '-17841400000000000001',
    });
    expect(parseJsonLine('[1234567890123456, 123456789012345]')).toEqual(['1234567890123456', 123456789012345]);
  });

  it('leaves strings, fractions, exponents and small numbers alone', () => {
    const text = '{"caption": "id 12345678901234567890 \\" 98765432109876543210", "x": 1.2500000000000000025, "y": 1234567890123456e2, "z": 7}';
    expect(quoteLongIntegers(text)).toBe(text);
    expect(parseJsonLine(text)).toEqual({ caption: 'id 12345678901234567890 " 98765432109876543210', x: 1.25, y: 1234567890123456e2, z: 7 });
  });

  it('does not turn invalid JSON (leading zeros) into valid JSON', () => {
    expect(() => parseJsonLine('{"a": 01234567890123456789}')).toThrow();
  });
});
