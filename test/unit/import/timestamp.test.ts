import { describe, expect, it } from 'vitest';
import { formatIsoUtc, parseTimestamp } from '../../../src/main/core/import/manifest/timestamp';

describe('manifest timestamps', () => {
  it('reads ISO 8601 with a zone, converting to UTC', () => {
    expect(parseTimestamp('2020-05-01T12:00:00Z')).toBe('2020-05-01T12:00:00.000Z');
    expect(parseTimestamp('2020-05-01T14:00:00+02:00')).toBe('2020-05-01T12:00:00.000Z');
    expect(parseTimestamp('2020-05-01T07:30:00-0430')).toBe('2020-05-01T12:00:00.000Z');
    expect(parseTimestamp('2020-05-01T13:00+01')).toBe('2020-05-01T12:00:00.000Z');
    expect(parseTimestamp('2020-05-01T12:00:00.25Z')).toBe('2020-05-01T12:00:00.250Z');
    expect(parseTimestamp('2020-05-01T12:00:00.123456789Z')).toBe('2020-05-01T12:00:00.123Z');
    expect(parseTimestamp('2020-01-01T00:30:00+01:00')).toBe('2019-12-31T23:30:00.000Z');
  });

  it('takes a time without a zone, and a date alone, as UTC', () => {
    expect(parseTimestamp('2020-05-01T12:00:00')).toBe('2020-05-01T12:00:00.000Z');
    expect(parseTimestamp('2020-05-01 12:00')).toBe('2020-05-01T12:00:00.000Z');
    expect(parseTimestamp('2020-05-01')).toBe('2020-05-01T00:00:00.000Z');
    expect(parseTimestamp('  2020-05-01  ')).toBe('2020-05-01T00:00:00.000Z');
  });

  it("reads Instaloader's file-name form", () => {
    expect(parseTimestamp('2020-05-01_12-00-00_UTC')).toBe('2020-05-01T12:00:00.000Z');
  });

  it('reads unix seconds, and milliseconds from 1e11 up', () => {
    expect(parseTimestamp('1588334400')).toBe('2020-05-01T12:00:00.000Z');
    expect(parseTimestamp(1588334400)).toBe('2020-05-01T12:00:00.000Z');
    expect(parseTimestamp('1588334400.5')).toBe('2020-05-01T12:00:00.500Z');
    expect(parseTimestamp('1588334400000')).toBe('2020-05-01T12:00:00.000Z');
    expect(parseTimestamp(1588334400123)).toBe('2020-05-01T12:00:00.123Z');
    expect(parseTimestamp(0)).toBe('1970-01-01T00:00:00.000Z');
    expect(parseTimestamp(99_999_999_999)).toBe('5138-11-16T09:46:39.000Z'); // just below the threshold: seconds
  });

  it('returns null for missing values and "invalid" for everything else', () => {
    for (const missing of [null, undefined, '', '   ']) expect(parseTimestamp(missing)).toBeNull();
    for (const bad of ['yesterday', '2020-13-01', '2019-02-29', '2020-04-31', '2020-05-01T24:00', '2020-05-01T12:60', '2020-05-01T12:00:60', '2020-05-01T12:00+15:00', '2020-5-1', '1588334400e3', '-5', -5, Number.NaN, '1899-12-31', true, {}, '2020-05-01Z']) {
      expect(parseTimestamp(bad), String(bad)).toBe('invalid');
    }
    expect(parseTimestamp('2020-02-29')).toBe('2020-02-29T00:00:00.000Z');
  });

  it('formats like Date.prototype.toISOString', () => {
    const samples = [0, 951_782_400_000, 1_588_334_400_123, -2_208_988_800_000, 253_402_300_799_999];
    for (let i = 0; i < 2000; i++) samples.push(Math.floor(-2_208_988_800_000 + i * 127_000_000_000.7));
    for (const ms of samples) expect(formatIsoUtc(ms)).toBe(new Date(ms).toISOString());
  });
});
