/**
 * Errors as data: every process boundary (IPC, HTTP, the ML host, the CLI's --json) carries
 * `Result<T>` instead of throwing, so a failure keeps its code, a human message and the file/row it concerns.
 */

export const errorCodes = [
  'INVALID_INPUT', // a request did not match the contract (wrong types, missing fields)
  'UNKNOWN_METHOD', // a method name not in the contract
  'NO_PROJECT', // the call needs an open project
  'PROJECT_NOT_FOUND', // the folder is not a Selfie Lab project
  'PROJECT_EXISTS', // create was asked for a folder that already holds a project
  'PROJECT_LOCKED', // another Selfie Lab instance holds the project
  'PROJECT_TOO_NEW', // written by a newer Selfie Lab (schema version above ours)
  'CORRUPT_FILE', // a store file is not valid JSON
  'INVALID_FILE', // a store file is JSON but does not match its schema
  'IO_ERROR', // the file system refused (permissions, disk full, ...)
  'UNSUPPORTED', // this shell cannot do it (e.g. native dialogs in browser mode)
  'JOB_NOT_FOUND',
  'JOB_STATE', // e.g. resuming a job that already succeeded
  'CANCELLED',
  'ML_BACKEND', // the ML host failed or no backend could be initialised
  'UNAUTHORIZED',
  'INTERNAL', // a bug: the message says what happened
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface AppError {
  code: ErrorCode;
  /** One or two sentences a researcher can act on: what was wrong and how to fix it. */
  message: string;
  /** Machine-readable context: file path, row number, field path, validation issues... */
  details?: Record<string, unknown>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function err(code: ErrorCode, message: string, details?: Record<string, unknown>): Result<never> {
  return { ok: false, error: details === undefined ? { code, message } : { code, message, details } };
}

/** A throwable carrying an AppError, for code paths where throwing is simpler than returning Results. */
export class AppFailure extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppFailure';
    this.code = code;
    this.details = details;
  }

  toError(): AppError {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }

  static from(error: AppError): AppFailure {
    return new AppFailure(error.code, error.message, error.details);
  }
}

/** Converts anything thrown into an AppError; unknown exceptions become INTERNAL with their message. */
export function toAppError(thrown: unknown): AppError {
  if (thrown instanceof AppFailure) return thrown.toError();
  if (isAppError(thrown)) return thrown;
  if (thrown instanceof Error) return { code: 'INTERNAL', message: thrown.message };
  return { code: 'INTERNAL', message: String(thrown) };
}

export function isAppError(value: unknown): value is AppError {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<AppError>;
  return (
    typeof candidate.code === 'string' &&
    (errorCodes as readonly string[]).includes(candidate.code) &&
    typeof candidate.message === 'string'
  );
}

/** Returns the value or throws the error as an AppFailure. */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw AppFailure.from(result.error);
}
