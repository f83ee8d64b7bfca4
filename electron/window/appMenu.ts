import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/contract.js';

/**
 * The native menu. Commands that act on records go to the window (which owns undo history and the records);
 * clipboard and zoom use Electron's built-in roles.
 */
export function appMenuTemplate(send: (command: MenuCommand) => void, options: { isMac: boolean; devTools: boolean }): MenuItemConstructorOptions[] {
  const template: MenuItemConstructorOptions[] = [
    {
      label: '&File',
      submenu: [
        { label: 'New Debate…', accelerator: 'CmdOrCtrl+N', click: () => send('debate:new') },
        { label: 'Import…', accelerator: 'CmdOrCtrl+O', click: () => send('file:import') },
        { type: 'separator' },
        { label: 'Export Project…', click: () => send('file:export-project') },
        { label: 'Import Project…', click: () => send('file:import-project') },
        { label: 'Backups and Restore…', click: () => send('file:restore-backup') },
        { type: 'separator' },
        options.isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: () => send('edit:undo') },
        { label: 'Redo', accelerator: options.isMac ? 'Shift+Cmd+Z' : 'Ctrl+Y', click: () => send('edit:redo') },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: '&View',
      submenu: [
        { label: 'Search…', accelerator: 'CmdOrCtrl+K', click: () => send('view:search') },
        { label: 'Toggle Side Panel', accelerator: 'CmdOrCtrl+\\', click: () => send('view:toggle-side-panel') },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { role: 'togglefullscreen' },
        ...(options.devTools ? [{ type: 'separator' as const }, { role: 'toggleDevTools' as const }] : []),
      ],
    },
    {
      label: '&Help',
      submenu: [
        { label: 'Keyboard Shortcuts', accelerator: 'F1', click: () => send('help:shortcuts') },
        { label: 'About Claimdesk', click: () => send('help:about') },
      ],
    },
  ];
  if (options.isMac) template.unshift({ role: 'appMenu' });
  return template;
}
