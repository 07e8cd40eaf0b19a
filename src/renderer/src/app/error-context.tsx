import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { ApiError } from '../api/api-error';

interface ErrorContextValue {
  /** The error the banner shows (one at a time: the latest action's failure is the one the user cares about). */
  error: ApiError | null;
  report(thrown: unknown): void;
  dismiss(): void;
}

const ErrorContext = createContext<ErrorContextValue | null>(null);

export function ErrorProvider(props: { children: ReactNode }) {
  const [error, setError] = useState<ApiError | null>(null);
  const report = useCallback((thrown: unknown) => setError(ApiError.from(thrown)), []);
  const dismiss = useCallback(() => setError(null), []);
  const value = useMemo(() => ({ error, report, dismiss }), [error, report, dismiss]);
  return <ErrorContext.Provider value={value}>{props.children}</ErrorContext.Provider>;
}

export function useErrors(): ErrorContextValue {
  const value = useContext(ErrorContext);
  if (!value) throw new Error('useErrors() must be used inside <ErrorProvider>.');
  return value;
}

/**
 * Wraps an async UI action: clears the previous error, runs it, and reports what it throws to the banner.
 * Resolves to the action's value, or undefined when it failed.
 */
export function useAction() {
  const { report, dismiss } = useErrors();
  return useCallback(
    async <T,>(action: () => Promise<T>): Promise<T | undefined> => {
      dismiss();
      try {
        return await action();
      } catch (thrown) {
        report(thrown);
        return undefined;
      }
    },
    [report, dismiss],
  );
}
