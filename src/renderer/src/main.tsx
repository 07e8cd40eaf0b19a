/**
 * Bootstrap. In Electron the preload has already defined `window.api` over IPC; in browser mode
 * (`selfie-lab serve`) we build the same object over HTTP + WebSocket. Nothing below this file can tell which.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApi, type Api } from '../../shared/api/client';
import { App } from './App';
import { ApiProvider } from './api/api-context';
import { createBrowserTransport } from './api/browser-transport';
import { alwaysConnected, type ConnectionMonitor } from './api/connection-status';
import { ErrorProvider } from './app/error-context';
import './styles.css';

function connect(): { api: Api; connection: ConnectionMonitor } {
  if (window.api) return { api: window.api, connection: alwaysConnected };
  const transport = createBrowserTransport();
  const api = createApi(transport);
  window.api = api;
  return { api, connection: transport.connection };
}

const { api, connection } = connect();
const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks the #root element.');

createRoot(root).render(
  <StrictMode>
    <ApiProvider api={api} connection={connection}>
      <ErrorProvider>
        <App />
      </ErrorProvider>
    </ApiProvider>
  </StrictMode>,
);
