/**
 * The Electron shell: window, menus, dialogs, security settings and the IPC transport around the core.
 * Everything else lives in ./core, which never imports electron.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell, type WebContents } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { toAppError } from '../shared/result';
import { Workbench } from './core/workbench';
import { registerIpcBridge } from './electron/ipc-bridge';
import { buildMenuTemplate } from './electron/menu-template';
import { contentSecurityPolicyHeader, isAllowedRequestUrl, isExternalLink, isTrustedRendererUrl, type RendererLocation } from './electron/security';
import { mainWindowOptions } from './electron/window-options';

const here = dirname(fileURLToPath(import.meta.url));
const location: RendererLocation = {
  rendererFileUrl: pathToFileURL(join(here, '../renderer/index.html')).href,
  ...(process.env.ELECTRON_RENDERER_URL ? { devServerUrl: process.env.ELECTRON_RENDERER_URL } : {}),
};

let workbench: Workbench;
let mainWindow: BrowserWindow | null = null;

app.enableSandbox();

app.on('web-contents-created', (_event, contents) => hardenContents(contents));

function hardenContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalLink(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (!isTrustedRendererUrl(url, location)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

function hardenSession(): void {
  const defaultSession = session.defaultSession;
  defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  defaultSession.setPermissionCheckHandler(() => false);
  defaultSession.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequestUrl(details.url, location) }));
  defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicyHeader] } });
  });
}

async function pickFile(options: { title?: string; filters?: Array<{ name: string; extensions: string[] }> }): Promise<string | null> {
  const dialogOptions: Electron.OpenDialogOptions = {
    title: options.title ?? 'Choose a file',
    properties: ['openFile'],
    ...(options.filters ? { filters: options.filters } : {}),
  };
  const result = mainWindow ? await dialog.showOpenDialog(mainWindow, dialogOptions) : await dialog.showOpenDialog(dialogOptions);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

async function pickFolder(options: { title?: string; purpose: 'open' | 'create' | 'import' }): Promise<string | null> {
  const parent = mainWindow ?? undefined;
  const dialogOptions: Electron.OpenDialogOptions = {
    title: options.title ?? (options.purpose === 'create' ? 'Choose a folder for the new project' : 'Open a Selfie Lab project'),
    properties: options.purpose === 'create' ? ['openDirectory', 'createDirectory', 'promptToCreate'] : ['openDirectory'],
  };
  const result = parent ? await dialog.showOpenDialog(parent, dialogOptions) : await dialog.showOpenDialog(dialogOptions);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

async function runMenuAction(action: () => Promise<unknown>): Promise<void> {
  try {
    await action();
  } catch (error) {
    dialog.showErrorBox('Selfie Lab', toAppError(error).message);
  }
  refreshMenu();
}

function refreshMenu(): void {
  const template = buildMenuTemplate({
    recent: workbench.recentProjects(),
    isMac: process.platform === 'darwin',
    hasProject: workbench.project !== null,
    actions: {
      newProject: () =>
        void runMenuAction(async () => {
          const dir = await pickFolder({ purpose: 'create' });
          if (dir) await workbench.createProject(dir);
        }),
      openProject: () =>
        void runMenuAction(async () => {
          const dir = await pickFolder({ purpose: 'open' });
          if (dir) await workbench.openProject(dir);
        }),
      openRecent: (dir) => void runMenuAction(() => workbench.openProject(dir)),
      closeProject: () => void runMenuAction(() => workbench.closeProject()),
      clearRecent: () =>
        void runMenuAction(async () => {
          for (const entry of workbench.recentProjects()) await workbench.forgetRecent(entry.dir);
        }),
    },
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function createWindow(): void {
  mainWindow = new BrowserWindow(mainWindowOptions(join(here, '../preload/index.cjs')));
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => (mainWindow = null));
  if (location.devServerUrl) void mainWindow.loadURL(location.devServerUrl);
  else void mainWindow.loadURL(location.rendererFileUrl);
}

async function start(): Promise<void> {
  await app.whenReady();
  hardenSession();
  workbench = await Workbench.create({ shell: 'electron', configDir: app.getPath('userData'), services: { pickFolder, pickFile } });
  registerIpcBridge({
    ipcMain,
    core: workbench,
    isTrustedSender: (url) => isTrustedRendererUrl(url, location),
    targets: () => BrowserWindow.getAllWindows().map((window) => window.webContents),
  });
  workbench.subscribe((event) => {
    if (event === 'project.changed') refreshMenu();
  });
  // Reopen the last project; if it is gone or locked, the window shows the project picker instead.
  const last = workbench.recentProjects()[0];
  if (last) await workbench.openProject(last.dir).catch(() => undefined);
  else await workbench.openDemoIfFirstStart().catch(() => undefined); // first start: the demo project
  refreshMenu();
  createWindow();
  workbench.ml.backend().catch(() => undefined);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
}

let quitting = false;
app.on('before-quit', (event) => {
  if (quitting || !workbench) return;
  event.preventDefault();
  quitting = true;
  void workbench.dispose().finally(() => app.quit());
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

start().catch((error: unknown) => {
  dialog.showErrorBox('Selfie Lab could not start', toAppError(error).message);
  app.exit(1);
});
