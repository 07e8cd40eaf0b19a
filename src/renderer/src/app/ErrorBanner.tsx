import { useErrors } from './error-context';

/** Shows the latest failed action with the server's message verbatim (it names the file and says how to fix it). */
export function ErrorBanner() {
  const { error, dismiss } = useErrors();
  if (!error) return null;
  const file = typeof error.details?.['path'] === 'string' ? error.details['path'] : undefined;
  return (
    <div className="error-banner" role="alert" data-testid="error-banner">
      <div className="error-banner__body">
        <span className="error-banner__code">{error.code}</span>
        <p className="error-banner__message">{error.message}</p>
        {file && !error.message.includes(file) ? <p className="error-banner__file">{file}</p> : null}
      </div>
      <button type="button" className="icon-button" aria-label="Dismiss error" onClick={dismiss}>
        ×
      </button>
    </div>
  );
}
