import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

/**
 * The main process' glue (electron/main.ts) against a fake Electron: no binary runs here, so this is where the wiring
 * of the single-instance hand-over, the command line, the IPC channels and the native menu is exercised before CI's
 * smoke test runs it for real. The fake records what main.ts asks of Electron.
 */
const work = mkdtempSync(path.join(os.tmpdir(), 'claimdesk-main-'));
const userData = path.join(work, 'user-data');
const bundle = path.join(work, 'From a colleague.claimdesk');
const transcript = path.join(work, 'debate.vtt');
// Electron makes the user-data folder itself before the app's code runs.
mkdirSync(userData, { recursive: true });
writeFileSync(bundle, 'PK-bundle');
writeFileSync(transcript, 'WEBVTT\n');

const fake = vi.hoisted(() => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- vi.hoisted runs before imports
  const { EventEmitter: Emitter } = require('node:events') as typeof import('node:events');
  const app = Object.assign(new Emitter(), {
    isPackaged: false,
    ready: false,
    paths: {} as Record<string, string>,
    recentDocuments: [] as string[],
    quits: 0,
    setPath(name: string, value: string) {
      this.paths[name] = value;
    },
    getPath(name: string) {
      return this.paths[name] ?? '/tmp';
    },
    getVersion: () => '0.1.0',
    getName: () => 'Claimdesk',
    requestSingleInstanceLock: () => true,
    quit() {
      this.quits += 1;
    },
    isReady() {
      return this.ready;
    },
    whenReady() {
      return new Promise<void>((resolve) => {
        if (this.ready) resolve();
        else (this as unknown as import('node:events').EventEmitter).once('ready', () => resolve());
      });
    },
    addRecentDocument(file: string) {
      this.recentDocuments.push(file);
    },
    clearRecentDocuments() {},
    setJumpList: () => 'ok',
    dock: { setMenu() {} },
  });
  const windows: FakeWindow[] = [];
  class FakeWindow extends Emitter {
    sent: [string, unknown][] = [];
    loaded: string | undefined;
    shown = false;
    destroyed = false;
    webContents = Object.assign(new Emitter(), {
      send: (channel: string, payload: unknown) => this.sent.push([channel, payload]),
      isDestroyed: () => this.destroyed,
    });
    constructor(readonly options: unknown) {
      super();
      windows.push(this);
    }
    loadURL(url: string) {
      this.loaded = url;
      return Promise.resolve();
    }
    maximize() {}
    show() {
      this.shown = true;
    }
    focus() {}
    restore() {}
    isMinimized = () => false;
    isMaximized = () => false;
    isDestroyed = () => this.destroyed;
    getNormalBounds = () => ({ x: 0, y: 0, width: 1200, height: 800 });
    close() {}
    static getAllWindows = () => windows;
  }
  const handlers = new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>();
  let applicationMenu: { template: unknown[] } | undefined;
  return {
    app,
    windows,
    handlers,
    menu: () => applicationMenu,
    electron: {
      app,
      BrowserWindow: FakeWindow,
      dialog: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn(), showMessageBox: vi.fn() },
      ipcMain: {
        handle: (channel: string, handler: (event: unknown, payload: unknown) => Promise<unknown>) => handlers.set(channel, handler),
        removeHandler: (channel: string) => handlers.delete(channel),
      },
      Menu: {
        buildFromTemplate: (template: unknown[]) => ({ template }),
        setApplicationMenu: (menu: { template: unknown[] }) => {
          applicationMenu = menu;
        },
      },
      net: { fetch: vi.fn() },
      protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
      screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
      session: {
        defaultSession: { setPermissionRequestHandler() {}, setPermissionCheckHandler() {}, setDevicePermissionHandler() {} },
        fromPartition: () => ({ webRequest: { onBeforeRequest() {} } }),
      },
      shell: { openExternal: vi.fn(), openPath: vi.fn(), showItemInFolder: vi.fn() },
    },
  };
});

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));
// electron-log would load the real electron package; the glue's own log goes nowhere here.
vi.mock('electron-log/main', () => {
  const log = {
    info: vi.fn(),
    warn: vi.fn(),
    error: vi.fn(),
    debug: vi.fn(),
    hooks: [] as unknown[],
    transports: { file: {} as Record<string, unknown>, console: {} as Record<string, unknown>, ipc: {} as Record<string, unknown> },
    errorHandler: { startCatching: vi.fn() },
  };
  return { default: log };
});

type MenuItem = { label?: string; enabled?: boolean; submenu?: MenuItem[]; click?: () => void };
const findItem = (items: MenuItem[], ...labels: string[]): MenuItem | undefined => {
  let list = items;
  let item: MenuItem | undefined;
  for (const label of labels) {
    item = list.find((candidate) => candidate.label?.replace(/&/g, '') === label);
    list = item?.submenu ?? [];
  }
  return item;
};
const trusted = { senderFrame: { url: 'app://claimdesk/index.html' }, sender: { isDestroyed: () => false, send: vi.fn() } };
const call = (channel: string, payload: unknown) => fake.handlers.get(channel)!(trusted, payload) as Promise<{ ok: boolean; value?: unknown; error?: unknown }>;
const flush = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('the main process glue', () => {
  const argv = process.argv;
  const env = { ...process.env };

  beforeAll(async () => {
    process.env.CLAIMDESK_USER_DATA = userData;
    process.env.CLAIMDESK_TEST = '1';
    // Started as a double-click on a bundle would start it, with Chromium's switches around.
    process.argv = ['/opt/Claimdesk/claimdesk', '--no-sandbox', bundle];
    await import('../../../electron/main.js');
    fake.app.ready = true;
    fake.app.emit('ready');
    await vi.waitFor(() => {
      if (fake.windows.length !== 1) throw new Error('no window yet');
    }, { timeout: 30_000 });
  }, 120_000);

  afterAll(() => {
    process.argv = argv;
    process.env = env;
    rmSync(work, { recursive: true, force: true });
  });

  it('uses the user-data folder it was given and opens one window on the app’s own origin', () => {
    expect(fake.app.paths.userData).toBe(userData);
    expect(fake.windows[0]!.loaded).toBe('app://claimdesk/index.html');
    expect(fake.handlers.has('menu:set-state')).toBe(true);
    expect(fake.handlers.has('files:take-opened')).toBe(true);
  });

  it('hands the window the file it was started with, once, and lists it under File › Open Recent', async () => {
    await expect.poll(async () => ((await call('files:take-opened', {})).value as { files: unknown[] }).files.length, { timeout: 5_000 }).toBe(1);
    // Taken: a second ask gets nothing.
    expect(await call('files:take-opened', {})).toEqual({ ok: true, value: { files: [], failures: [] } });
    await vi.waitFor(() => {
      const items = fake.menu()!.template as MenuItem[];
      expect(findItem(items, 'File', 'Open Recent')?.submenu?.map((item) => item.label)).toEqual(['From a colleague.claimdesk', undefined, 'Clear Recent']);
    });
  });

  it('a second instance’s file goes to the running window, which is told to take it', async () => {
    const window = fake.windows[0]!;
    window.webContents.emit('did-finish-load');
    fake.app.emit('second-instance', {}, ['C:\\Claimdesk\\Claimdesk.exe', '--allow-file-access-from-files', 'debate.vtt'], work);
    await expect.poll(() => window.sent.some(([channel]) => channel === 'files:opened')).toBe(true);
    const taken = (await call('files:take-opened', {})).value as { files: { name: string; kind: string }[] };
    expect(taken.files.map((file) => [file.name, file.kind])).toEqual([['debate.vtt', 'document']]);
    expect(fake.windows).toHaveLength(1);
  });

  it('rebuilds the native menu from the state the window reports, and refuses a malformed one', async () => {
    const state = { canUndo: true, undoLabel: 'Add claim', canRedo: false, libraryEmpty: false, modalOpen: false, editingText: false };
    expect(await call('menu:set-state', state)).toEqual({ ok: true, value: { applied: true } });
    let items = fake.menu()!.template as MenuItem[];
    expect(findItem(items, 'Edit', 'Undo Add claim')?.enabled).toBe(true);
    expect(findItem(items, 'File', 'Export Project…')?.enabled).toBe(true);
    await call('menu:set-state', { ...state, canUndo: false, libraryEmpty: true });
    items = fake.menu()!.template as MenuItem[];
    expect(findItem(items, 'Edit', 'Undo')?.enabled).toBe(false);
    expect(findItem(items, 'File', 'Export Project…')?.enabled).toBe(false);
    expect(await call('menu:set-state', { ...state, label: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('sends a record command from the menu to the window', async () => {
    const items = fake.menu()!.template as MenuItem[];
    findItem(items, 'File', 'New Debate…')!.click!();
    expect(fake.windows[0]!.sent.at(-1)).toEqual(['menu:command', 'debate:new']);
  });

  it('Open Recent reads the file again; a file gone since is dropped from the list and explained', async () => {
    const window = fake.windows[0]!;
    rmSync(bundle);
    const before = window.sent.length;
    findItem(fake.menu()!.template as MenuItem[], 'File', 'Open Recent', 'From a colleague.claimdesk')!.click!();
    await expect.poll(() => window.sent.length).toBeGreaterThan(before);
    expect(await call('files:take-opened', {})).toEqual({ ok: true, value: { files: [], failures: [{ name: 'From a colleague.claimdesk', message: '“From a colleague.claimdesk” is no longer there.' }] } });
    await flush();
    const recent = findItem(fake.menu()!.template as MenuItem[], 'File', 'Open Recent')?.submenu?.map((item) => item.label);
    expect(recent).toEqual(['debate.vtt', undefined, 'Clear Recent']);
  });

  it('closing waits for the window’s quit backup, then quits when the user asked to quit', async () => {
    const window = fake.windows[0]!;
    const quitsBefore = fake.app.quits;
    fake.app.emit('before-quit');
    const event = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    window.emit('close', event);
    expect(event.defaultPrevented).toBe(true);
    expect(window.sent.at(-1)).toEqual(['backups:quit-requested', {}]);
    expect(await call('backups:quit-done', { written: true })).toEqual({ ok: true, value: { closing: true } });
    expect(fake.app.quits).toBe(quitsBefore + 1);
    // A second close goes through.
    const again = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    window.emit('close', again);
    expect(again.defaultPrevented).toBe(false);
  });
});
