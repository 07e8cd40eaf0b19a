import { ipcChannels } from '../../shared/api/ipc-channels';
import type { EventName } from '../../shared/api/contract';
import { err, type Result } from '../../shared/result';

/** The parts of Electron's ipcMain / WebContents the bridge uses (so tests can pass fakes). */
export interface IpcMainLike {
  handle(channel: string, listener: (event: { senderFrame: { url: string } | null }, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}
export interface EventTarget {
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
}
export interface BridgedCore {
  dispatch(method: string, input: unknown): Promise<Result<unknown>>;
  subscribe(listener: (event: EventName, payload: unknown) => void): () => void;
}

/**
 * Electron transport of the API: one invoke channel (checked sender, validated by the dispatcher) and one
 * event channel pushed to every window. Returns a function that removes both.
 */
export function registerIpcBridge(options: {
  ipcMain: IpcMainLike;
  core: BridgedCore;
  isTrustedSender(url: string): boolean;
  targets(): EventTarget[];
}): () => void {
  const { ipcMain, core } = options;
  ipcMain.handle(ipcChannels.invoke, async (event, method, input) => {
    const url = event.senderFrame?.url ?? '';
    if (!options.isTrustedSender(url)) {
      return err('UNAUTHORIZED', `API calls are only accepted from the Selfie Lab window, not from ${url || 'an unknown frame'}.`);
    }
    return core.dispatch(typeof method === 'string' ? method : String(method), input);
  });
  const unsubscribe = core.subscribe((name, payload) => {
    for (const target of options.targets()) {
      if (!target.isDestroyed()) target.send(ipcChannels.event, name, payload);
    }
  });
  return () => {
    unsubscribe();
    ipcMain.removeHandler(ipcChannels.invoke);
  };
}
