import type { EventName, EventPayload } from '../../shared/api/contract';

export type EventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/** Push events from the core to whichever transports are attached (IPC, WebSocket, in-memory). */
export class EventBus {
  private readonly listeners = new Set<(event: EventName, payload: unknown) => void>();

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event, payload);
      } catch {
        // A broken transport must not stop the others.
      }
    }
  }

  subscribe(listener: (event: EventName, payload: unknown) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
