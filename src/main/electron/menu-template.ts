import type { MenuItemConstructorOptions } from 'electron';
import type { RecentProject } from '../../shared/project/project-types';

export interface MenuActions {
  newProject(): void;
  openProject(): void;
  openRecent(dir: string): void;
  closeProject(): void;
  clearRecent(): void;
}

/** File > New/Open/Open Recent/Close Project, plus the standard Edit/View/Window menus. */
export function buildMenuTemplate(options: {
  recent: RecentProject[];
  actions: MenuActions;
  isMac: boolean;
  hasProject: boolean;
}): MenuItemConstructorOptions[] {
  const { recent, actions, isMac, hasProject } = options;
  const recentItems: MenuItemConstructorOptions[] =
    recent.length === 0
      ? [{ label: 'No recent projects', enabled: false }]
      : [
          ...recent.map((project) => ({ label: `${project.name} — ${project.dir}`, click: () => actions.openRecent(project.dir) })),
          { type: 'separator' as const },
          { label: 'Clear Recent', click: () => actions.clearRecent() },
        ];
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { label: 'New Project…', accelerator: 'CmdOrCtrl+N', click: () => actions.newProject() },
      { label: 'Open Project…', accelerator: 'CmdOrCtrl+O', click: () => actions.openProject() },
      { label: 'Open Recent', submenu: recentItems },
      { type: 'separator' },
      { label: 'Close Project', accelerator: 'CmdOrCtrl+W', enabled: hasProject, click: () => actions.closeProject() },
      ...(isMac ? [] : [{ type: 'separator' as const }, { role: 'quit' as const }]),
    ],
  };
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    file,
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
    },
    { role: 'windowMenu' },
  ];
}
