import { useConnectionStatus } from '../api/api-context';

/** Rendered only while the event channel is down: live updates (job progress) pause until it is back. */
export function ConnectionIndicator() {
  const status = useConnectionStatus();
  if (status !== 'reconnecting') return null;
  return (
    <span
      className="connection-status"
      role="status"
      data-testid="connection-status"
      title="Live updates from the Selfie Lab server are paused; retrying."
    >
      <span className="connection-status__dot" aria-hidden="true" />
      reconnecting…
    </span>
  );
}
