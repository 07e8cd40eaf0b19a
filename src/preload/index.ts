/**
 * The sandboxed preload: exposes `window.api` (built from the shared contract) and nothing else.
 * No raw ipcRenderer reaches the page; only contract method names are sent, and only contract events delivered.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { createApi } from '../shared/api/client';
import { isEventName, isMethodName } from '../shared/api/names';
import { ipcChannels } from '../shared/api/ipc-channels';
import { err, type Result } from '../shared/result';

const api = createApi({
  invoke: (method, input) => {
    if (!isMethodName(method)) return Promise.resolve(err('UNKNOWN_METHOD', `Unknown API method "${String(method)}".`));
    return ipcRenderer.invoke(ipcChannels.invoke, method, input) as Promise<Result<unknown>>;
  },
  subscribe: (event, listener) => {
    if (!isEventName(event)) throw new Error(`Unknown event "${String(event)}".`);
    const handler = (_sender: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(ipcChannels.event, handler);
    return () => {
      ipcRenderer.removeListener(ipcChannels.event, handler);
    };
  },
});

// Drag-and-drop: the page sees File objects; only the preload may ask Electron for their path on disk.
contextBridge.exposeInMainWorld('api', { ...api, pathForFile: (file: File) => webUtils.getPathForFile(file) });
