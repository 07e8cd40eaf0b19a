import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { ipcChannels } from '../../../src/shared/api/ipc-channels';
import { ok } from '../../../src/shared/result';
import { registerIpcBridge, type IpcMainLike } from '../../../src/main/electron/ipc-bridge';
import { buildMenuTemplate, type MenuActions } from '../../../src/main/electron/menu-template';

function actions(): MenuActions & Record<string, ReturnType<typeof vi.fn>> {
  return { newProject: vi.fn(), openProject: vi.fn(), openRecent: vi.fn(), closeProject: vi.fn(), clearRecent: vi.fn() };
}

function fileMenu(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  const file = template.find((item) => item.label === 'File');
  return (file?.submenu ?? []) as MenuItemConstructorOptions[];
}

describe('File menu', () => {
  it('offers New, Open, Open Recent (with the recent projects) and Close', () => {
    const handlers = actions();
    const template = buildMenuTemplate({
      recent: [{ name: 'study', dir: '/data/study', openedAt: '2026-11-01T00:00:00Z' }],
      actions: handlers,
      isMac: false,
      hasProject: true,
    });
    const items = fileMenu(template);
    expect(items.map((item) => item.label).filter(Boolean)).toEqual(['New Project…', 'Open Project…', 'Open Recent', 'Close Project']);
    const recent = items.find((item) => item.label === 'Open Recent')?.submenu as MenuItemConstructorOptions[];
    expect(recent[0]?.label).toBe('study — /data/study');
    (recent[0]?.click as () => void)();
    expect(handlers.openRecent).toHaveBeenCalledWith('/data/study');
    (items[0]?.click as () => void)();
    expect(handlers.newProject).toHaveBeenCalledOnce();
  });

  it('says so when there are no recent projects, and disables Close without a project', () => {
    const items = fileMenu(buildMenuTemplate({ recent: [], actions: actions(), isMac: false, hasProject: false }));
    const recent = items.find((item) => item.label === 'Open Recent')?.submenu as MenuItemConstructorOptions[];
    expect(recent).toEqual([{ label: 'No recent projects', enabled: false }]);
    expect(items.find((item) => item.label === 'Close Project')?.enabled).toBe(false);
  });
});

describe('IPC bridge', () => {
  function fakeIpc() {
    const handlers = new Map<string, (event: { senderFrame: { url: string } | null }, ...args: unknown[]) => unknown>();
    const ipc: IpcMainLike = {
      handle: (channel, listener) => void handlers.set(channel, listener),
      removeHandler: (channel) => void handlers.delete(channel),
    };
    return { ipc, handlers };
  }

  it('registers one invoke channel, checks the sender, and forwards events to windows', async () => {
    const { ipc, handlers } = fakeIpc();
    let emit: (event: 'job.updated', payload: unknown) => void = () => undefined;
    const core = {
      dispatch: vi.fn(async (method: string, input: unknown) => ok({ method, input })),
      subscribe: (listener: typeof emit) => {
        emit = listener;
        return () => undefined;
      },
    };
    const sent: unknown[][] = [];
    const window = { isDestroyed: () => false, send: (...args: unknown[]) => void sent.push(args) };
    const dispose = registerIpcBridge({
      ipcMain: ipc,
      core,
      isTrustedSender: (url) => url.startsWith('file:///app/'),
      targets: () => [window],
    });
    expect([...handlers.keys()]).toEqual([ipcChannels.invoke]);
    const invoke = handlers.get(ipcChannels.invoke)!;

    expect(await invoke({ senderFrame: { url: 'file:///app/index.html' } }, 'project.open', { dir: '/p' })).toEqual(
      ok({ method: 'project.open', input: { dir: '/p' } }),
    );
    const refused = (await invoke({ senderFrame: { url: 'https://evil.example/' } }, 'project.open', { dir: '/p' })) as {
      ok: boolean;
      error: { code: string };
    };
    expect(refused.ok).toBe(false);
    expect(refused.error.code).toBe('UNAUTHORIZED');
    expect(core.dispatch).toHaveBeenCalledTimes(1);

    emit('job.updated', { id: 'j1' });
    expect(sent).toEqual([[ipcChannels.event, 'job.updated', { id: 'j1' }]]);

    dispose();
    expect(handlers.size).toBe(0);
  });
});
