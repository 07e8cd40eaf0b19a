import { describe, expect, it } from 'vitest';
import { AppFailure, err, isAppError, ok, toAppError, unwrap } from '../../src/shared/result';

describe('errors as data', () => {
  it('wraps values and errors in the envelope', () => {
    expect(ok(3)).toEqual({ ok: true, value: 3 });
    expect(err('NO_PROJECT', 'open one')).toEqual({ ok: false, error: { code: 'NO_PROJECT', message: 'open one' } });
    const failed = err('CORRUPT_FILE', 'bad', { file: '/p/posts.json' });
    expect(!failed.ok && failed.error.details).toEqual({ file: '/p/posts.json' });
  });

  it('turns thrown values into AppErrors, keeping codes and details of AppFailures', () => {
    expect(toAppError(new AppFailure('PROJECT_LOCKED', 'held', { pid: 7 }))).toEqual({ code: 'PROJECT_LOCKED', message: 'held', details: { pid: 7 } });
    expect(toAppError(new TypeError('x is undefined'))).toEqual({ code: 'INTERNAL', message: 'x is undefined' });
    expect(toAppError('plain')).toEqual({ code: 'INTERNAL', message: 'plain' });
  });

  it('recognises AppErrors that crossed a process boundary as plain data', () => {
    expect(isAppError({ code: 'IO_ERROR', message: 'disk full' })).toBe(true);
    expect(isAppError({ code: 'NOT_A_CODE', message: 'x' })).toBe(false);
    expect(isAppError({ code: 'IO_ERROR' })).toBe(false);
  });

  it('unwraps or throws an AppFailure with the same code', () => {
    expect(unwrap(ok('v'))).toBe('v');
    try {
      unwrap(err('JOB_STATE', 'already done'));
      expect.unreachable();
    } catch (thrown) {
      expect(thrown).toBeInstanceOf(AppFailure);
      expect((thrown as AppFailure).code).toBe('JOB_STATE');
    }
  });
});
