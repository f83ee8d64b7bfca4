import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand, MenuState } from '../../shared/contract.js';
import { isCommandEnabled, undoRedoLabels } from '../../shared/menuState.js';
import { recentLabels, type RecentEntry } from '../recent/recentList.js';

/** What the menu is drawn from: the platform, the window's state and the recent list. */
export interface AppMenuOptions {
  platform: NodeJS.Platform;
  /** Developer tools only in development builds. */
  devTools: boolean;
  state: MenuState;
  recent: readonly RecentEntry[];
  /** Help › Check for Updates… appears only where an organisation configured an update feed. */
  updatesConfigured: boolean;
}

/** What the menu's own items do in the main process; commands that act on records go to the window instead. */
export interface AppMenuActions {
  send(command: MenuCommand): void;
  openRecent(entry: RecentEntry): void;
  clearRecent(): void;
  showLogs(): void;
  checkForUpdates(): void;
}

/**
 * The native menu, as a plain template so a test can read every label, shortcut and enabled flag. Commands that act
 * on records go to the window (which owns the records and the undo history); clipboard, zoom and window management
 * use Electron's roles. Shortcuts are CmdOrCtrl, so Cmd on macOS and Ctrl elsewhere, plus each platform's own
 * conventions (Shift+Cmd+Z and Cmd+? on macOS; Ctrl+Y and F1 elsewhere).
 */
export function appMenuTemplate(actions: AppMenuActions, options: AppMenuOptions): MenuItemConstructorOptions[] {
  const isMac = options.platform === 'darwin';
  const { state } = options;
  const command = (label: string, name: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    enabled: isCommandEnabled(name, state),
    click: () => actions.send(name),
  });
  const labels = undoRedoLabels(state);
  const recentNames = recentLabels(options.recent, options.platform);

  const openRecent: MenuItemConstructorOptions = {
    label: 'Open &Recent',
    enabled: !state.modalOpen,
    submenu:
      options.recent.length === 0
        ? [{ label: 'No Recent Files', enabled: false }]
        : [
            ...options.recent.map((entry, index): MenuItemConstructorOptions => ({
              label: recentNames[index]!,
              // The full path as a tooltip where the platform shows one; the label stays short.
              toolTip: entry.path,
              click: () => actions.openRecent(entry),
            })),
            { type: 'separator' },
            { label: 'Clear Recent', click: () => actions.clearRecent() },
          ],
  };

  const template: MenuItemConstructorOptions[] = [
    {
      label: '&File',
      submenu: [
        command('&New Debate…', 'debate:new', 'CmdOrCtrl+N'),
        command('&Import…', 'file:import', 'CmdOrCtrl+O'),
        openRecent,
        { type: 'separator' },
        command('&Export Project…', 'file:export-project'),
        command('Import &Project…', 'file:import-project'),
        command('&Backups and Restore…', 'file:restore-backup'),
        { type: 'separator' },
        // A team project (issue 14): the same dialogs as the window's Share project… and Join project… buttons.
        command('&Share project…', 'file:share-project'),
        command('&Join project…', 'file:join-project'),
        { type: 'separator' },
        // Windows closes with Alt+F4 and calls it Exit; Linux desktops expect Quit on Ctrl+Q.
        isMac ? { role: 'close' } : options.platform === 'win32' ? { role: 'quit', label: 'E&xit' } : { role: 'quit', label: '&Quit', accelerator: 'Ctrl+Q' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        command(labels.undo, 'edit:undo', 'CmdOrCtrl+Z'),
        command(labels.redo, 'edit:redo', isMac ? 'Shift+Cmd+Z' : 'Ctrl+Y'),
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        ...(isMac ? [{ role: 'pasteAndMatchStyle' as const }] : []),
        { role: 'selectAll' },
      ],
    },
    {
      label: '&View',
      submenu: [
        command('&Search…', 'view:search', 'CmdOrCtrl+K'),
        command('Toggle Side &Panel', 'view:toggle-side-panel', 'CmdOrCtrl+\\'),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(options.devTools ? [{ type: 'separator' as const }, { role: 'toggleDevTools' as const }] : []),
      ],
    },
    ...(isMac ? [{ role: 'windowMenu' as const }] : []),
    {
      label: '&Help',
      ...(isMac ? { role: 'help' as const } : {}),
      submenu: [
        command('&Keyboard Shortcuts', 'help:shortcuts', isMac ? 'Shift+Cmd+/' : 'F1'),
        { label: 'Show &Logs', click: () => actions.showLogs() },
        ...(options.updatesConfigured ? [{ label: 'Check for &Updates…', click: () => actions.checkForUpdates() }] : []),
        ...(isMac ? [] : [{ type: 'separator' as const }, command('&About Claimdesk', 'help:about')]),
      ],
    },
  ];
  if (isMac) {
    // macOS' application menu; About opens our own box, which lists versions and the licences of bundled data.
    template.unshift({
      label: 'Claimdesk',
      submenu: [
        command('About Claimdesk', 'help:about'),
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }
  return template;
}

/** The macOS dock menu: the recent projects and files, and a new debate. */
export function dockMenuTemplate(actions: Pick<AppMenuActions, 'send' | 'openRecent'>, recent: readonly RecentEntry[], state: MenuState): MenuItemConstructorOptions[] {
  const names = recentLabels(recent, 'darwin');
  return [
    ...recent.slice(0, 5).map((entry, index): MenuItemConstructorOptions => ({ label: names[index]!, click: () => actions.openRecent(entry) })),
    ...(recent.length > 0 ? [{ type: 'separator' as const }] : []),
    { label: 'New Debate…', enabled: isCommandEnabled('debate:new', state), click: () => actions.send('debate:new') },
  ];
}
