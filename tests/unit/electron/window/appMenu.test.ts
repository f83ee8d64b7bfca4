import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { MenuState } from '../../../../shared/contract.js';
import { INITIAL_MENU_STATE } from '../../../../shared/menuState.js';
import { appMenuTemplate, dockMenuTemplate, type AppMenuActions, type AppMenuOptions } from '../../../../electron/window/appMenu.js';
import type { RecentEntry } from '../../../../electron/recent/recentList.js';

vi.mock('electron', () => ({}));

const working: MenuState = { canUndo: true, undoLabel: 'Add claim', canRedo: false, libraryEmpty: false, modalOpen: false, editingText: false };

function build(overrides: Partial<AppMenuOptions> = {}) {
  const actions: AppMenuActions & { sent: string[]; opened: string[] } = {
    sent: [],
    opened: [],
    send(command) {
      this.sent.push(command);
    },
    openRecent(entry) {
      this.opened.push(entry.path);
    },
    clearRecent: vi.fn(),
    showLogs: vi.fn(),
    checkForUpdates: vi.fn(),
  };
  const template = appMenuTemplate(actions, { platform: 'linux', devTools: false, state: working, recent: [], updatesConfigured: false, ...overrides });
  return { actions, template };
}

const submenu = (item: MenuItemConstructorOptions | undefined) => (item?.submenu ?? []) as MenuItemConstructorOptions[];
function find(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  for (const item of template) {
    if (item.label?.replace(/&(?!&)/g, '') === label) return item;
    const inner = Array.isArray(item.submenu) ? find(item.submenu as MenuItemConstructorOptions[], label) : undefined;
    if (inner?.label) return inner;
  }
  return {};
}
const click = (item: MenuItemConstructorOptions) => (item.click as unknown as () => void)();

describe('the native menu', () => {
  it('has File, Edit, View and Help with the standard shortcuts, Ctrl on Linux and Windows', () => {
    const { template } = build();
    expect(template.map((item) => item.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
    expect(find(template, 'New Debate…').accelerator).toBe('CmdOrCtrl+N');
    expect(find(template, 'Import…').accelerator).toBe('CmdOrCtrl+O');
    expect(find(template, 'Undo Add claim').accelerator).toBe('CmdOrCtrl+Z');
    expect(find(template, 'Redo').accelerator).toBe('Ctrl+Y');
    expect(find(template, 'Search…').accelerator).toBe('CmdOrCtrl+K');
    expect(find(template, 'Keyboard Shortcuts').accelerator).toBe('F1');
    expect(submenu(template[0]).at(-1)).toMatchObject({ role: 'quit', label: '&Quit', accelerator: 'Ctrl+Q' });
    expect(submenu(build({ platform: 'win32' }).template[0]).at(-1)).toMatchObject({ role: 'quit', label: 'E&xit' });
    expect(submenu(build({ platform: 'win32' }).template[0]).at(-1)?.accelerator).toBeUndefined();
  });

  it('follows macOS conventions there: the app menu with About and Quit, Cmd shortcuts, a Window menu', () => {
    const { template, actions } = build({ platform: 'darwin' });
    expect(template.map((item) => item.label ?? item.role)).toEqual(['Claimdesk', '&File', '&Edit', '&View', 'windowMenu', '&Help']);
    expect(submenu(template[0]).map((item) => item.label ?? item.role)).toContain('quit');
    click(find(template, 'About Claimdesk'));
    expect(actions.sent).toEqual(['help:about']);
    expect(find(template, 'Redo').accelerator).toBe('Shift+Cmd+Z');
    expect(find(template, 'Keyboard Shortcuts').accelerator).toBe('Shift+Cmd+/');
    expect(submenu(template[1]).at(-1)).toEqual({ role: 'close' });
    // About lives in the app menu on macOS, not in Help.
    expect(submenu(template.at(-1)).map((item) => item.label)).not.toContain('&About Claimdesk');
  });

  it('disables what cannot apply: nothing to undo, an empty library, a dialog already open', () => {
    const empty = build({ state: INITIAL_MENU_STATE }).template;
    expect(find(empty, 'Undo').enabled).toBe(false);
    expect(find(empty, 'Redo').enabled).toBe(false);
    expect(find(empty, 'Export Project…').enabled).toBe(false);
    expect(find(empty, 'Search…').enabled).toBe(false);
    expect(find(empty, 'New Debate…').enabled).toBe(true);
    expect(find(empty, 'Import Project…').enabled).toBe(true);

    const busy = build({ state: { ...working, modalOpen: true } }).template;
    for (const label of ['New Debate…', 'Import…', 'Export Project…', 'Import Project…', 'Backups and Restore…', 'Share project…', 'Join project…', 'Search…', 'Keyboard Shortcuts', 'About Claimdesk', 'Undo Add claim']) {
      expect(find(busy, label).enabled, label).toBe(false);
    }
    expect(find(busy, 'Toggle Side Panel').enabled).toBe(true);
    expect(find(busy, 'Open Recent').enabled).toBe(false);

    // In a text field Undo is the field's own, so it stays on and says no more than "Undo".
    const typing = build({ state: { ...INITIAL_MENU_STATE, modalOpen: true, editingText: true } }).template;
    expect(find(typing, 'Undo').enabled).toBe(true);
    expect(find(typing, 'Redo').enabled).toBe(true);
  });

  it('sends record commands to the window and handles its own items in the main process', () => {
    const { template, actions } = build({ updatesConfigured: true });
    click(find(template, 'Export Project…'));
    click(find(template, 'Undo Add claim'));
    click(find(template, 'Share project…'));
    click(find(template, 'Join project…'));
    expect(actions.sent).toEqual(['file:export-project', 'edit:undo', 'file:share-project', 'file:join-project']);
    click(find(template, 'Show Logs'));
    expect(actions.showLogs).toHaveBeenCalledOnce();
    click(find(template, 'Check for Updates…'));
    expect(actions.checkForUpdates).toHaveBeenCalledOnce();
    expect(find(build().template, 'Check for Updates…').label).toBeUndefined();
  });

  it('lists recent projects and files under File › Open Recent, with Clear Recent', () => {
    const recent: RecentEntry[] = [
      { path: '/cases/nato.claimdesk', kind: 'project', openedAt: '2026-11-28T10:00:00.000Z' },
      { path: '/cases/debate.vtt', kind: 'document', openedAt: '2026-11-28T09:00:00.000Z' },
    ];
    const { template, actions } = build({ recent });
    const items = submenu(find(template, 'Open Recent'));
    expect(items.map((item) => item.label ?? item.type)).toEqual(['nato.claimdesk', 'debate.vtt', 'separator', 'Clear Recent']);
    click(items[1]!);
    expect(actions.opened).toEqual(['/cases/debate.vtt']);
    click(items[3]!);
    expect(actions.clearRecent).toHaveBeenCalledOnce();
    expect(submenu(find(build().template, 'Open Recent'))).toEqual([{ label: 'No Recent Files', enabled: false }]);
  });

  it('gives the macOS dock the recent files and New Debate', () => {
    const actions = { sent: [] as string[], send(c: string) { this.sent.push(c); }, openRecent: vi.fn() };
    const dock = dockMenuTemplate(actions as unknown as AppMenuActions, [{ path: '/a/x.claimdesk', kind: 'project', openedAt: '' }], working);
    expect(dock.map((item) => item.label ?? item.type)).toEqual(['x.claimdesk', 'separator', 'New Debate…']);
    click(dock[0]!);
    expect(actions.openRecent).toHaveBeenCalledWith({ path: '/a/x.claimdesk', kind: 'project', openedAt: '' });
  });
});
