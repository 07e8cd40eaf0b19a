import { describe, expect, it } from 'vitest';
import {
  estimateEtaSeconds,
  estimateRate,
  formatDuration,
  fractionDone,
  isActive,
  isResumable,
} from '../../src/shared/jobs/job-types';

describe('job progress math', () => {
  it('has no rate until two samples exist', () => {
    expect(estimateRate([])).toBeNull();
    expect(estimateRate([{ at: 0, done: 0 }])).toBeNull();
  });

  it('computes units per second between the first sample inside the window and the last', () => {
    // 10 items in 2 s = 5/s
    expect(estimateRate([{ at: 1000, done: 0 }, { at: 3000, done: 10 }])).toBeCloseTo(5);
    // Old fast samples fall out of a 10 s window: from t=20 s (done 100) to t=30 s (done 110) = 1/s
    const samples = [
      { at: 0, done: 0 },
      { at: 19_000, done: 95 },
      { at: 20_000, done: 100 },
      { at: 30_000, done: 110 },
    ];
    expect(estimateRate(samples, 10_000)).toBeCloseTo(1);
  });

  it('falls back to the last two samples when they are further apart than the window', () => {
    expect(estimateRate([{ at: 0, done: 0 }, { at: 60_000, done: 30 }], 10_000)).toBeCloseTo(0.5);
  });

  it('estimates the time left at the current rate', () => {
    expect(estimateEtaSeconds(40, 100, 6)).toBeCloseTo(10);
    expect(estimateEtaSeconds(40, 100, null)).toBeNull();
    expect(estimateEtaSeconds(40, 100, 0)).toBeNull();
    expect(estimateEtaSeconds(120, 100, 5)).toBe(0);
  });

  it('formats durations for people', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(4.4)).toBe('4 s');
    expect(formatDuration(245)).toBe('4 min 05 s');
    expect(formatDuration(7620)).toBe('2 h 07 min');
  });

  it('clamps the fraction done', () => {
    expect(fractionDone({ done: 5, total: 0 })).toBe(0);
    expect(fractionDone({ done: 25, total: 100 })).toBe(0.25);
    expect(fractionDone({ done: 150, total: 100 })).toBe(1);
  });

  it('knows which states are active and which resumable', () => {
    expect(isActive({ state: 'running' })).toBe(true);
    expect(isActive({ state: 'interrupted' })).toBe(false);
    expect(isResumable({ state: 'interrupted' })).toBe(true);
    expect(isResumable({ state: 'succeeded' })).toBe(false);
  });
});
