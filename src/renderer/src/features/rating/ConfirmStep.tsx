import { useState, type ReactNode } from 'react';

/**
 * An inline "are you sure" for actions that take something away: says what will happen, and runs only on the
 * explicit second click. Escape or Cancel leaves everything as it was.
 */
export function ConfirmStep(props: { testId: string; confirmLabel: string; children: ReactNode; onConfirm(): Promise<unknown>; onCancel(): void }) {
  const [busy, setBusy] = useState(false);
  return (
    <div className="rating-confirm" role="alertdialog" aria-label={props.confirmLabel} data-testid={props.testId} onKeyDown={(event) => event.key === 'Escape' && props.onCancel()}>
      <div className="rating-confirm__text">{props.children}</div>
      <div className="rating-confirm__actions">
        <button
          type="button"
          className="button button--small button--danger"
          data-testid={`${props.testId}-yes`}
          disabled={busy}
          onClick={() => {
            setBusy(true);
            void props.onConfirm().finally(() => setBusy(false));
          }}
        >
          {busy ? 'Working…' : props.confirmLabel}
        </button>
        <button type="button" className="button button--small button--quiet" data-testid={`${props.testId}-no`} disabled={busy} onClick={props.onCancel} autoFocus>
          Cancel
        </button>
      </div>
    </div>
  );
}
