import { describe, expect, it } from 'vitest';
import { parseJsonLine, quoteLongIntegers } from '../../../src/main/core/import/manifest/json-line';

describe('JSONL lines with big ids', () => {
  it('keeps every digit of integers beyond 2^53', () => {
    expect(parseJsonLine('{"post_id": 2345678901234567891, "owner": -17841400000000000001}')).toEqual({
      post_id: '2345678901234567891',
      owner: '-17841400000000000001',
    });
    expect(parseJsonLine('[1234567890123456, 123456789012345]')).toEqual(['1234567890123456', 123456789012345]);
  });

  it('leaves strings, fractions, exponents and small numbers alone', () => {
    const text = '{"caption": "id 12345678901234567890 \\" 98765432109876543210", "x": 1.2345678901234567, "y": 12345678901234567e2, "z": 7}';
    expect(quoteLongIntegers(text)).toBe(text);
    expect(parseJsonLine(text)).toEqual({ caption: 'id 12345678901234567890 " 98765432109876543210', x: 1.2345678901234567, y: 12345678901234567e2, z: 7 });
  });

  it('does not turn invalid JSON (leading zeros) into valid JSON', () => {
    expect(() => parseJsonLine('{"a": 01234567890123456789}')).toThrow();
  });
});
