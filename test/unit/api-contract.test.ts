import { describe, expect, it, vi } from 'vitest';
import { createApi } from '../../src/shared/api/client';
import { eventNames, methodNames, methods } from '../../src/shared/api/contract';
import { dispatch } from '../../src/main/core/api/dispatcher';
import type { Handlers } from '../../src/main/core/api/handlers';
import { AppFailure, ok } from '../../src/shared/result';

describe('the API contract', () => {
  it('lists every method once and groups them by prefix in the client', async () => {
    expect(new Set(methodNames).size).toBe(methodNames.length);
    expect(Object.keys(methods).sort()).toEqual([...methodNames].sort());
    const invoke = vi.fn(async (method: string, input: unknown) => ok({ method, input }));
    const api = createApi({ invoke, subscribe: () => () => undefined });
    const result = await api.project.open({ dir: '/data/study' });
    expect(result).toEqual({ ok: true, value: { method: 'project.open', input: { dir: '/data/study' } } });
    expect(typeof api.jobs.resume).toBe('function');
    expect(eventNames).toContain('job.updated');
  });

  it('reports a transport failure as data instead of rejecting', async () => {
    const api = createApi({
      invoke: async () => {
        throw new Error('socket closed');
      },
      subscribe: () => () => undefined,
    });
    const result = await api.app.info();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('socket closed');
  });
});

describe('the dispatcher (the validation boundary every transport shares)', () => {
  const handlers = {
    'project.open': async ({ dir }: { dir: string }) => ({ opened: dir }),
    'jobs.cancel': async () => {
      throw new AppFailure('JOB_NOT_FOUND', 'No job with id abcdef1 in this project.', { id: 'abcdef1' });
    },
    'app.info': async () => {
      throw new TypeError('boom');
    },
  } as unknown as Handlers;

  it('runs a valid call', async () => {
    expect(await dispatch(handlers, 'project.open', { dir: ' /p ' })).toEqual({ ok: true, value: { opened: '/p' } });
  });

  it('refuses unknown methods and wrong types with errors that name the field', async () => {
    const unknown = await dispatch(handlers, 'project.delete', {});
    expect(unknown.ok === false && unknown.error.code).toBe('UNKNOWN_METHOD');
    const wrongType = await dispatch(handlers, 'project.open', { dir: 42 });
    expect(wrongType.ok).toBe(false);
    if (!wrongType.ok) {
      expect(wrongType.error.code).toBe('INVALID_INPUT');
      expect(wrongType.error.message).toContain('dir');
    }
    const extra = await dispatch(handlers, 'project.open', { dir: '/p', rm: true });
    expect(extra.ok === false && extra.error.code).toBe('INVALID_INPUT');
    const missing = await dispatch(handlers, 'project.open', undefined);
    expect(missing.ok === false && missing.error.code).toBe('INVALID_INPUT');
    const badId = await dispatch(handlers, 'jobs.cancel', { id: '../../etc' });
    expect(badId.ok === false && badId.error.code).toBe('INVALID_INPUT');
  });

  it('turns thrown failures into error data', async () => {
    expect(await dispatch(handlers, 'jobs.cancel', { id: 'abcdef1' })).toEqual({
      ok: false,
      error: { code: 'JOB_NOT_FOUND', message: 'No job with id abcdef1 in this project.', details: { id: 'abcdef1' } },
    });
    expect(await dispatch(handlers, 'app.info', undefined)).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'boom' } });
  });
});
