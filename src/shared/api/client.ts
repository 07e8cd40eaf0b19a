/**
 * Builds the typed `Api` object (what the renderer sees as `window.api`) from the contract over any transport.
 * Methods are grouped by the prefix of their name: `project.open` becomes `api.project.open(input)`.
 * Every method resolves to a Result (errors as data); it never rejects for an application error.
 */
import type { Result } from '../result';
import { err } from '../result';
import type { EventPayload, MethodInput, MethodOutput } from './contract';
import { methodNameList as methodNames, type EventName, type MethodName } from './names';

/** What a transport must provide. */
export interface ApiTransport {
  invoke(method: MethodName, input: unknown): Promise<Result<unknown>>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

type Namespace<M extends string> = M extends `${infer N}.${string}` ? N : never;
type MemberOf<M extends string, N extends string> = M extends `${N}.${infer Rest}` ? Rest : never;

type Call<M extends MethodName> =
  undefined extends MethodInput<M>
    ? (input?: MethodInput<M>) => Promise<Result<MethodOutput<M>>>
    : (input: MethodInput<M>) => Promise<Result<MethodOutput<M>>>;

export type Api = {
  [N in Namespace<MethodName>]: {
    [K in MemberOf<MethodName, N>]: `${N}.${K}` extends MethodName ? Call<`${N}.${K}`> : never;
  };
} & {
  /** Subscribes to a push event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

export function createApi(transport: ApiTransport): Api {
  const api: Record<string, unknown> = {};
  for (const name of methodNames) {
    const dot = name.indexOf('.');
    const group = name.slice(0, dot);
    const member = name.slice(dot + 1);
    const namespace = (api[group] ??= {}) as Record<string, unknown>;
    namespace[member] = async (input?: unknown): Promise<Result<unknown>> => {
      try {
        return await transport.invoke(name, input);
      } catch (thrown) {
        // A transport failure (socket closed, server gone) is still reported as data.
        const message = thrown instanceof Error ? thrown.message : String(thrown);
        return err('INTERNAL', `Could not reach the Selfie Lab backend: ${message}`);
      }
    };
  }
  api.on = (event: EventName, listener: (payload: unknown) => void) => transport.subscribe(event, listener);
  return api as Api;
}
