import { createContext, useContext, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { Api } from '../../../shared/api/client';
import type { ConnectionMonitor, ConnectionStatus } from './connection-status';

interface ApiContextValue {
  api: Api;
  connection: ConnectionMonitor;
}

const ApiContext = createContext<ApiContextValue | null>(null);

export function ApiProvider(props: { api: Api; connection: ConnectionMonitor; children: ReactNode }) {
  const [value] = useState<ApiContextValue>(() => ({ api: props.api, connection: props.connection }));
  return <ApiContext.Provider value={value}>{props.children}</ApiContext.Provider>;
}

function useApiContext(): ApiContextValue {
  const value = useContext(ApiContext);
  if (!value) throw new Error('useApi() must be used inside <ApiProvider>.');
  return value;
}

/** The typed API (`window.api`, whichever shell provides it). */
export function useApi(): Api {
  return useApiContext().api;
}

export function useConnectionStatus(): ConnectionStatus {
  const { connection } = useApiContext();
  return useSyncExternalStore(
    (onChange) => connection.onChange(onChange),
    () => connection.current(),
  );
}

/**
 * A number that grows each time the event channel comes back after a drop. Hooks that mirror server state put it
 * in their effect dependencies, so they reload whatever events they may have missed while disconnected.
 */
export function useReconnectCount(): number {
  const { connection } = useApiContext();
  return useSyncExternalStore(
    (onChange) => connection.onChange(onChange),
    () => connection.recoveries(),
  );
}
