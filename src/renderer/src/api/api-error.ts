import type { AppError, ErrorCode, Result } from '../../../shared/result';

/** An AppError thrown inside the renderer, so `try { call(await api.x()) }` reads like ordinary code. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(error: AppError) {
    super(error.message);
    this.name = 'ApiError';
    this.code = error.code;
    this.details = error.details;
  }

  /** Anything thrown becomes an ApiError; a bug in the renderer shows up as INTERNAL with its message. */
  static from(thrown: unknown): ApiError {
    if (thrown instanceof ApiError) return thrown;
    const message = thrown instanceof Error ? thrown.message : String(thrown);
    return new ApiError({ code: 'INTERNAL', message });
  }
}

/** Returns the value of a Result or throws its error as an ApiError. */
export function call<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new ApiError(result.error);
}
