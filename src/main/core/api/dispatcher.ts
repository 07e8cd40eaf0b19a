import { isMethodName, methods } from '../../../shared/api/contract';
import { err, ok, toAppError, type Result } from '../../../shared/result';
import type { Handlers } from './handlers';

/**
 * The boundary every transport goes through: checks the method name, validates the input against the
 * contract's schema, runs the handler, and returns a Result. Nothing thrown escapes as an exception.
 */
export async function dispatch(handlers: Handlers, method: string, input: unknown): Promise<Result<unknown>> {
  if (!isMethodName(method)) {
    return err('UNKNOWN_METHOD', `Unknown API method "${String(method).slice(0, 100)}".`, { method: String(method).slice(0, 100) });
  }
  const schema = methods[method].input;
  const parsed = schema.safeParse(input ?? undefined);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
    const described = issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join('; ');
    return err('INVALID_INPUT', `Invalid input for ${method}: ${described}.`, { method, issues });
  }
  try {
    const handler = handlers[method] as (input: unknown) => Promise<unknown>;
    return ok(await handler(parsed.data));
  } catch (thrown) {
    return { ok: false, error: toAppError(thrown) };
  }
}
