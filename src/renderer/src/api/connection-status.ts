/**
 * Whether push events can reach the renderer. Electron's IPC is always connected; browser mode's WebSocket
 * can drop (server restarted, laptop slept), and the UI shows a small "reconnecting…" indicator meanwhile.
 */
export type ConnectionStatus =
  /** No listeners, so no socket is needed. */
  | 'idle'
  /** First connection attempt in progress (not worth an indicator yet). */
  | 'connecting'
  | 'connected'
  /** The socket dropped or never opened; retrying with backoff. */
  | 'reconnecting';

export interface ConnectionMonitor {
  current(): ConnectionStatus;
  /** How many times the channel came back after a drop (events may have been missed meanwhile). */
  recoveries(): number;
  /** Calls the listener on every change; returns the unsubscribe function. */
  onChange(listener: (status: ConnectionStatus) => void): () => void;
}

/** For shells whose event channel cannot drop (Electron IPC, tests). */
export const alwaysConnected: ConnectionMonitor = {
  current: () => 'connected',
  recoveries: () => 0,
  onChange: () => () => undefined,
};

/** A small observable value holder used by transports to publish their status. */
export class ConnectionState implements ConnectionMonitor {
  private status: ConnectionStatus = 'idle';
  private recovered = 0;
  private readonly listeners = new Set<(status: ConnectionStatus) => void>();

  current(): ConnectionStatus {
    return this.status;
  }

  recoveries(): number {
    return this.recovered;
  }

  set(status: ConnectionStatus): void {
    if (status === this.status) return;
    if (status === 'connected' && this.status === 'reconnecting') this.recovered += 1;
    this.status = status;
    for (const listener of [...this.listeners]) listener(status);
  }

  onChange(listener: (status: ConnectionStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
