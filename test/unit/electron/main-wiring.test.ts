import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { afterAll, describe, expect, it, vi } from 'vitest';

/**
 * Loads the real Electron entry (src/main/index.ts) against a fake `electron` module, so the wiring is checked
 * on machines where the Electron binary cannot be downloaded.
 */
const fake = vi.hoisted(() => {
  const state = {
    userData: '',
    appHandlers: new Map<string, (...args: unknown[]) => unknown>(),
    ipcHandlers: new Map<string, unknown>(),
    windows: [] as Array<{ options: Record<string, any>; loaded: string[]; contentsHandlers: Map<string, unknown> }>,
    menu: null as unknown,
    sandboxEnabled: false,
    permissionHandler: null as null | ((...args: unknown[]) => void),
  };
  return state;
});

vi.mock('electron', () => {
  class BrowserWindow {
    static all: BrowserWindow[] = [];
    static getAllWindows() {
      return BrowserWindow.all;
    }
    webContents = { isDestroyed: () => false, send: () => undefined };
    record: { options: Record<string, any>; loaded: string[]; contentsHandlers: Map<string, unknown> };
    constructor(options: Record<string, any>) {
      this.record = { options, loaded: [], contentsHandlers: new Map() };
      fake.windows.push(this.record);
      BrowserWindow.all.push(this);
    }
    once() {}
    on() {}
    show() {}
    async loadURL(url: string) {
      this.record.loaded.push(url);
    }
  }
  const app = {
    enableSandbox: () => void (fake.sandboxEnabled = true),
    on: (event: string, handler: (...args: unknown[]) => unknown) => void fake.appHandlers.set(event, handler),
    whenReady: async () => undefined,
    getPath: () => fake.userData,
    quit: () => undefined,
    exit: () => undefined,
  };
  const session = {
    defaultSession: {
      setPermissionRequestHandler: (handler: (...args: unknown[]) => void) => void (fake.permissionHandler = handler),
      setPermissionCheckHandler: () => undefined,
      webRequest: { onBeforeRequest: () => undefined, onHeadersReceived: () => undefined },
    },
  };
  const ipcMain = {
    handle: (channel: string, handler: unknown) => void fake.ipcHandlers.set(channel, handler),
    removeHandler: (channel: string) => void fake.ipcHandlers.delete(channel),
  };
  const Menu = {
    buildFromTemplate: (template: unknown) => template,
    setApplicationMenu: (menu: unknown) => void (fake.menu = menu),
  };
  const dialog = { showOpenDialog: async () => ({ canceled: true, filePaths: [] }), showErrorBox: () => undefined };
  const shell = { openExternal: async () => undefined };
  return { app, BrowserWindow, session, ipcMain, Menu, dialog, shell, default: { app, BrowserWindow, session, ipcMain, Menu, dialog, shell } };
});

describe('Electron main process wiring (no Electron binary needed)', () => {
  afterAll(async () => {
    const quit = fake.appHandlers.get('before-quit');
    quit?.({ preventDefault: () => undefined });
    await new Promise((resolve) => setTimeout(resolve, 500));
    await rm(fake.userData, { recursive: true, force: true });
  });

  it('opens one sandboxed window on the built renderer, registers the IPC handler and the File menu', async () => {
    fake.userData = await mkdtemp(join(tmpdir(), 'selfie-lab-electron-'));
    await import('../../../src/main/index');
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1), { timeout: 10_000 });

    expect(fake.sandboxEnabled).toBe(true);
    const [window] = fake.windows;
    expect(window!.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(window!.options.webPreferences.preload).toMatch(/preload[\\/]index\.cjs$/);
    expect(window!.loaded[0]).toMatch(/^file:\/\/.*renderer\/index\.html$/);

    expect([...fake.ipcHandlers.keys()]).toEqual(['selfie-lab:invoke']);
    const invoke = fake.ipcHandlers.get('selfie-lab:invoke') as (event: unknown, method: string, input: unknown) => Promise<any>;
    const info = await invoke({ senderFrame: { url: window!.loaded[0] } }, 'app.info', undefined);
    expect(info.ok).toBe(true);
    expect(info.value).toMatchObject({ shell: 'electron', nativeDialogs: true });
    const foreign = await invoke({ senderFrame: { url: 'https://example.org/' } }, 'app.info', undefined);
    expect(foreign.error.code).toBe('UNAUTHORIZED');

    const file = (fake.menu as Array<{ label?: string; submenu?: Array<{ label?: string }> }>).find((item) => item.label === 'File');
    expect(file?.submenu?.map((item) => item.label)).toContain('Open Project…');

    let granted: boolean | undefined;
    fake.permissionHandler?.(null, 'media', (answer: boolean) => (granted = answer));
    expect(granted).toBe(false);
  });
});
