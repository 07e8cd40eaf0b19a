/**
 * The browser-mode transport (`selfie-lab serve`): methods are POST /api/<method> with a JSON body `{input}` that
 * answers a Result; events arrive over one shared WebSocket at /events as `{event, payload}` messages.
 */
import type { ApiTransport } from '../../../shared/api/client';
import type { EventName, MethodName } from '../../../shared/api/names';
import { err, type Result } from '../../../shared/result';
import { takeTokenFromLocation } from './browser-token';
import { ConnectionState, type ConnectionMonitor } from './connection-status';
import { EventSocket } from './event-socket';

export const tokenHeader = 'X-Selfie-Lab-Token';

export interface BrowserTransport extends ApiTransport {
  connection: ConnectionMonitor;
}

export function createBrowserTransport(token: string = takeTokenFromLocation()): BrowserTransport {
  const connection = new ConnectionState();
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  const socket = new EventSocket(
    `${scheme}://${window.location.host}/events?token=${encodeURIComponent(token)}`,
    connection,
  );

  return {
    connection,
    invoke: (method: MethodName, input: unknown) => invokeOverHttp(method, input, token),
    subscribe: (event: EventName, listener: (payload: unknown) => void) => socket.subscribe(event, listener),
  };
}

async function invokeOverHttp(method: MethodName, input: unknown, token: string): Promise<Result<unknown>> {
  const response = await fetch(`/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', [tokenHeader]: token },
    body: JSON.stringify({ input }),
  });
  const text = await response.text();
  // The server answers a Result on success and on 4xx alike; anything else (a proxy's HTML page) is a transport error.
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    const status = [response.status, response.statusText].filter(Boolean).join(' ');
    return err('INTERNAL', `The Selfie Lab server answered HTTP ${status} without a JSON result.`);
  }
  if (isResult(body)) return body;
  return err('INTERNAL', `The Selfie Lab server answered HTTP ${response.status} with an unexpected body.`);
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { ok?: unknown; error?: unknown };
  if (candidate.ok === true) return 'value' in candidate;
  return candidate.ok === false && typeof candidate.error === 'object' && candidate.error !== null;
}
