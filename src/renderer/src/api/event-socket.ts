import { isEventName, type EventName } from '../../../shared/api/names';
import type { ConnectionState } from './connection-status';

const firstRetryMs = 500;
const maxRetryMs = 10_000;
const idleCloseMs = 1_000;

type Listener = (payload: unknown) => void;

/**
 * One WebSocket shared by every event listener. It opens with the first listener, reconnects with exponential
 * backoff (0.5 s doubling to 10 s) while any listener remains, and closes when the last one unsubscribes.
 */
export class EventSocket {
  private readonly listeners = new Map<EventName, Set<Listener>>();
  private socket: WebSocket | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private idleTimer: ReturnType<typeof setTimeout> | null = null;
  private failedAttempts = 0;

  constructor(
    private readonly url: string,
    private readonly state: ConnectionState,
  ) {}

  subscribe(event: EventName, listener: Listener): () => void {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    set.add(listener);
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    this.ensureOpen();
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(event);
      // Close a moment later, so an unsubscribe/resubscribe pair (React re-running an effect) keeps the socket.
      if (this.listeners.size === 0 && !this.idleTimer) {
        this.idleTimer = setTimeout(() => this.shutDown(), idleCloseMs);
      }
    };
  }

  private ensureOpen(): void {
    if (this.socket || this.retryTimer) return;
    this.connect();
  }

  private connect(): void {
    this.retryTimer = null;
    if (this.state.current() !== 'reconnecting') this.state.set('connecting');
    const socket = new WebSocket(this.url);
    this.socket = socket;
    socket.onopen = () => {
      this.failedAttempts = 0;
      this.state.set('connected');
    };
    socket.onmessage = (message) => this.dispatch(message.data);
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      if (this.listeners.size > 0) this.scheduleRetry();
    };
    // An error is always followed by close, where the retry is scheduled.
    socket.onerror = () => undefined;
  }

  private scheduleRetry(): void {
    const delay = Math.min(maxRetryMs, firstRetryMs * 2 ** this.failedAttempts);
    this.failedAttempts += 1;
    this.state.set('reconnecting');
    this.retryTimer = setTimeout(() => this.connect(), delay);
  }

  private shutDown(): void {
    this.idleTimer = null;
    if (this.listeners.size > 0) return;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const socket = this.socket;
    this.socket = null;
    socket?.close();
    this.failedAttempts = 0;
    this.state.set('idle');
  }

  private dispatch(data: unknown): void {
    if (typeof data !== 'string') return;
    let message: { event?: unknown; payload?: unknown };
    try {
      message = JSON.parse(data) as { event?: unknown; payload?: unknown };
    } catch {
      return; // Not ours to interpret; the server only sends JSON.
    }
    if (!isEventName(message.event)) return;
    for (const listener of [...(this.listeners.get(message.event) ?? [])]) listener(message.payload);
  }
}
