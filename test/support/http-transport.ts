import WebSocket from 'ws';
import type { ApiTransport } from '../../src/shared/api/client';
import type { EventName } from '../../src/shared/api/names';
import type { Result } from '../../src/shared/result';

/** A Node client of browser mode, speaking the same protocol as the renderer's browser transport. */
export function httpTransport(origin: string, token: string): ApiTransport & { close(): void; ready(): Promise<void> } {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const socket = new WebSocket(`${origin.replace(/^http/, 'ws')}/events?token=${token}`, { origin });
  socket.on('message', (data) => {
    const { event, payload } = JSON.parse(String(data)) as { event: EventName; payload: unknown };
    for (const listener of listeners.get(event) ?? []) listener(payload);
  });
  const opened = new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return {
    invoke: async (method, input) => {
      const response = await fetch(`${origin}/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Selfie-Lab-Token': token },
        body: JSON.stringify({ input }),
      });
      return (await response.json()) as Result<unknown>;
    },
    subscribe: (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
    ready: () => opened,
    close: () => socket.close(),
  };
}
