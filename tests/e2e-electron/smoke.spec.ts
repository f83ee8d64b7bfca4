import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ImportPage } from '../e2e/pages/importPage.js';
import { ReportsPage } from '../e2e/pages/reportsPage.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const mainScript = path.join(root, 'dist/electron/main.cjs');
const fixtures = path.join(root, 'tests/fixtures/import');
// Importing parses in a worker: slow on a busy machine.
const SLOW = 120_000;

/**
 * Where the Electron binary is, or why there is none. Mirrors node_modules/electron/index.js without calling it:
 * requiring `electron` when the binary is missing starts a download, which hangs or fails offline.
 */
function findElectron(): { path: string } | { missing: string } {
  const packageDir = path.join(root, 'node_modules/electron');
  const pathFile = path.join(packageDir, 'path.txt');
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : undefined;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const binary = path.join(override, relative ?? 'electron');
    return fs.existsSync(binary) ? { path: binary } : { missing: `ELECTRON_OVERRIDE_DIST_PATH points at ${binary}, which does not exist` };
  }
  if (!relative) return { missing: 'node_modules/electron has no path.txt, so its download never completed' };
  const binary = path.join(packageDir, 'dist', relative);
  return fs.existsSync(binary) ? { path: binary } : { missing: `${path.relative(root, binary)} does not exist` };
}

const found = findElectron();

/** The menu item at a path of labels ("File", "Export Project…"), mnemonics (&) ignored; clicks it when asked. */
async function nativeMenu(app: ElectronApplication, labels: string[], action: 'read' | 'click' = 'read') {
  return app.evaluate(
    ({ Menu }, { labels, action }) => {
      const strip = (label: string) => label.replace(/&&/g, '\u0000').replace(/&/g, '').replace(/\u0000/g, '&');
      let items = Menu.getApplicationMenu()?.items ?? [];
      let item: Electron.MenuItem | undefined;
      for (const label of labels) {
        item = items.find((candidate) => strip(candidate.label) === label || (label === 'Undo' && strip(candidate.label).startsWith('Undo')));
        if (!item) throw new Error(`No menu item “${label}” among: ${items.map((candidate) => candidate.label).join(', ')}`);
        items = item.submenu?.items ?? [];
      }
      if (action === 'click') {
        if (!item!.enabled) throw new Error(`${labels.join(' › ')} is disabled`);
        // MenuItem.click is typed as the handler; called with no event it runs our click() as a user's click would.
        (item!.click as unknown as () => void)();
      }
      return { label: strip(item!.label), enabled: item!.enabled, submenu: items.map((entry) => strip(entry.label)) };
    },
    { labels, action },
  );
}

/** The next save or open dialog the main process shows answers with this path, as a user picking it would. */
async function answerDialogs(app: ElectronApplication, answer: { open?: string[]; save?: string }) {
  await app.evaluate(({ dialog }, answer) => {
    if (answer.open) dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: answer.open! })) as unknown as typeof dialog.showOpenDialog;
    if (answer.save) dialog.showSaveDialog = (async () => ({ canceled: false, filePath: answer.save! })) as unknown as typeof dialog.showSaveDialog;
  }, answer);
}

/** How often the window called each contract channel over Electron IPC (a test-only count kept by main.ts). */
const ipcCalls = (app: ElectronApplication) =>
  app.evaluate(() => ({ ...((globalThis as { __claimdeskIpcCalls?: Record<string, number> }).__claimdeskIpcCalls ?? {}) }));

function launch(userData: string, extraArgs: string[] = []) {
  return electron.launch({
    executablePath: 'path' in found ? found.path : undefined,
    args: [mainScript, ...extraArgs],
    cwd: root,
    env: { ...process.env, CLAIMDESK_USER_DATA: userData, CLAIMDESK_TEST: '1' } as Record<string, string>,
  });
}

async function ready(app: ElectronApplication): Promise<Page> {
  const window = await app.firstWindow();
  // The window's explicit ready signal: the database is open and the library shown.
  await expect(window.locator('body[data-app-state="ready"]')).toBeAttached({ timeout: SLOW });
  return window;
}

test.describe('Electron app', () => {
  // Each step builds on the one before, in one app and one profile, as a user's session would.
  test.describe.configure({ mode: 'serial', timeout: 4 * 60_000 });
  // CI sets CLAIMDESK_REQUIRE_ELECTRON where Electron can be downloaded: there a missing binary fails instead.
  if ('missing' in found && process.env.CLAIMDESK_REQUIRE_ELECTRON === '1') {
    test('has an Electron binary to run (CLAIMDESK_REQUIRE_ELECTRON is set)', () => {
      throw new Error(`No Electron binary: ${found.missing}. Run node node_modules/electron/install.js`);
    });
    return;
  }
  test.skip('missing' in found, `No Electron binary on this machine: ${'missing' in found ? found.missing : ''}; the browser-preview e2e suite covers the UI`);

  let app: ElectronApplication | undefined;
  let window: Page;
  let userData: string;
  let work: string;
  const httpRequests: string[] = [];
  const bundle = () => path.join(work, 'NATO sample.claimdesk');

  test.beforeAll(async () => {
    if (!fs.existsSync(mainScript)) throw new Error(`${path.relative(root, mainScript)} is missing: run npm run build first`);
    userData = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-electron-smoke-'));
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-electron-files-'));
    app = await launch(userData);
    window = await ready(app);
    // The desktop window talks to the main process over IPC only: any http(s) request would be the preview's transport.
    window.on('request', (request) => {
      if (/^https?:/.test(request.url())) httpRequests.push(request.url());
    });
  });

  test.afterAll(async () => {
    await app?.close().catch(() => undefined);
    for (const dir of [userData, work]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('opens one secure window: sandboxed, isolated, no Node in the page', async () => {
    await expect(window.getByRole('main')).toBeVisible();
    await expect(window).toHaveTitle('Claimdesk');

    const security = await app!.evaluate(({ BrowserWindow }) => {
      const windows = BrowserWindow.getAllWindows();
      // Undocumented and untyped, but it is what Electron itself reads back; if a release drops it, this test must
      // fail loudly rather than pass on undefined values.
      const contents = windows[0]?.webContents as unknown as { getLastWebPreferences?: () => Electron.WebPreferences | null };
      if (typeof contents?.getLastWebPreferences !== 'function') throw new Error('webContents.getLastWebPreferences() is gone');
      const prefs = contents.getLastWebPreferences();
      return {
        windows: windows.length,
        sandbox: prefs?.sandbox,
        contextIsolation: prefs?.contextIsolation,
        nodeIntegration: prefs?.nodeIntegration,
        nodeIntegrationInWorker: prefs?.nodeIntegrationInWorker,
        nodeIntegrationInSubFrames: prefs?.nodeIntegrationInSubFrames,
        webviewTag: prefs?.webviewTag,
        webSecurity: prefs?.webSecurity,
        url: windows[0]?.webContents.getURL(),
      };
    });
    expect(security).toEqual({
      windows: 1,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      url: 'app://claimdesk/index.html',
    });

    // The sandboxed page sees the preload's one object of named functions and nothing of Node or of ipcRenderer.
    const globals = await window.evaluate(() => {
      const api = (window as unknown as { claimdesk?: Record<string, unknown> }).claimdesk;
      return {
        api: typeof api,
        parse: typeof api?.documentsParse,
        generic: ['invoke', 'send', 'ipcRenderer'].filter((name) => api && name in api),
        require: typeof (globalThis as { require?: unknown }).require,
        process: typeof (globalThis as { process?: unknown }).process,
        buffer: typeof (globalThis as { Buffer?: unknown }).Buffer,
      };
    });
    expect(globals).toEqual({ api: 'object', parse: 'function', generic: [], require: 'undefined', process: 'undefined', buffer: 'undefined' });
  });

  test('the sample project is there, and the native menu follows the app’s state', async () => {
    // An empty library has nothing to export or undo: the native menu says so.
    await expect.poll(async () => (await nativeMenu(app!, ['File', 'Export Project…'])).enabled).toBe(false);
    expect((await nativeMenu(app!, ['Edit', 'Undo'])).enabled).toBe(false);

    await window.getByRole('button', { name: 'Open the sample project' }).click();
    await expect(window.getByRole('article', { name: /Corbyn refuses to guarantee NATO/ })).toBeVisible({ timeout: SLOW });
    await expect(window.getByRole('list', { name: 'Turns' }).getByRole('listitem', { name: 'Jeremy Corbyn' }).first()).toBeVisible();
    // The sample came through the main process: its files and their parsing, over IPC.
    expect(await ipcCalls(app!)).toMatchObject({ 'sample:files': 1, 'documents:parse': expect.any(Number) });

    await expect.poll(async () => (await nativeMenu(app!, ['File', 'Export Project…'])).enabled).toBe(true);
    await expect.poll(async () => (await nativeMenu(app!, ['Edit', 'Undo'])).label).toMatch(/^Undo \S/);

    // A dialog open in the window disables the commands that would open another one.
    await nativeMenu(app!, ['File', 'Export Project…'], 'click');
    const exporting = window.getByRole('dialog', { name: 'Export project' });
    await expect(exporting).toBeVisible();
    await expect.poll(async () => (await nativeMenu(app!, ['File', 'New Debate…'])).enabled).toBe(false);
    // Export the sample as a bundle, for the command-line test below; the save dialog answers with a path.
    await answerDialogs(app!, { save: bundle() });
    await exporting.getByRole('button', { name: 'Export project' }).click();
    await expect(exporting).toBeHidden();
    await expect.poll(() => fs.existsSync(bundle()) && fs.statSync(bundle()).size).toBeGreaterThan(1000);
    await expect.poll(async () => (await nativeMenu(app!, ['File', 'New Debate…'])).enabled).toBe(true);
    await expect.poll(async () => (await nativeMenu(app!, ['File', 'Open Recent'])).submenu).toContain('NATO sample.claimdesk');
  });

  test('a file is imported through the real IPC transport, and goes to File › Open Recent', async () => {
    const before = await ipcCalls(app!);
    const transcript = path.join(fixtures, 'labels-colon.txt');
    await nativeMenu(app!, ['File', 'Import…'], 'click');
    const importer = new ImportPage(window);
    await expect(importer.dialog()).toBeVisible();
    // In the desktop app files come through the main process' own open dialog, never as a path from the window.
    await answerDialogs(app!, { open: [transcript] });
    await importer.dialog().getByRole('button', { name: 'Choose files…' }).click();
    const review = importer.review();
    await expect(review).toBeVisible({ timeout: SLOW });
    await review.getByLabel('New debate title').fill('Desktop import debate');
    await importer.save();
    await expect(importer.fileRow('labels-colon.txt')).toContainText('Saved 1 document', { timeout: SLOW });
    await importer.dialog().getByRole('button', { name: 'Close' }).click();

    const after = await ipcCalls(app!);
    expect(after['files:pick']).toBe((before['files:pick'] ?? 0) + 1);
    expect(after['documents:parse']).toBeGreaterThan(before['documents:parse'] ?? 0);
    expect(httpRequests).toEqual([]);
    await expect.poll(async () => (await nativeMenu(app!, ['File', 'Open Recent'])).submenu).toEqual(['labels-colon.txt', 'NATO sample.claimdesk', '', 'Clear Recent']);
  });

  test('a report is printed to PDF through Electron’s print engine', async () => {
    const reports = new ReportsPage(window);
    await reports.open();
    const pdf = path.join(work, 'report.pdf');
    await answerDialogs(app!, { save: pdf });
    await reports.exportButton('Export PDF').click();
    await expect(reports.status()).toContainText('Exported PDF', { timeout: SLOW });
    const bytes = fs.readFileSync(pdf);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(5_000);
    expect((await ipcCalls(app!))['reports:print-pdf']).toBe(1);
    // The print window is gone again; only the app's own window is left.
    await expect.poll(() => app!.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });

  test('the About box lists versions and the licences of bundled data; Help › Show Logs shows the log', async () => {
    await nativeMenu(app!, process.platform === 'darwin' ? ['Claimdesk', 'About Claimdesk'] : ['Help', 'About Claimdesk'], 'click');
    const about = window.getByRole('dialog', { name: 'About Claimdesk' });
    await expect(about).toContainText('Desktop app');
    await expect(about).toContainText('Electron');
    await expect(about).toContainText('Chromium');
    await expect(about.getByRole('region', { name: 'Bundled data and licences' })).toContainText('ClaimBuster');
    await expect(about).toContainText('Arslan, Naeemul Hassan, Chengkai Li, Mark Tremayne');
    await expect(about).toContainText('CC BY 4.0');
    await about.getByRole('button', { name: 'Close' }).click();

    await app!.evaluate(({ shell }) => {
      const shown: string[] = [];
      (globalThis as { __shownItems?: string[] }).__shownItems = shown;
      shell.showItemInFolder = (item: string) => void shown.push(item);
    });
    await nativeMenu(app!, ['Help', 'Show Logs'], 'click');
    const shown = await app!.evaluate(() => (globalThis as { __shownItems?: string[] }).__shownItems);
    expect(shown).toEqual([path.join(userData, 'logs', 'main.log')]);
  });

  test('the app quits cleanly with its quit backup written; the log holds no record contents', async () => {
    // One more edit, so the library has changed since the last automatic backup.
    await nativeMenu(app!, ['File', 'New Debate…'], 'click');
    const form = window.getByRole('dialog', { name: 'New debate' });
    await form.getByLabel('Title').fill('Debate made just before quitting');
    await form.getByRole('button', { name: 'Create debate' }).click();
    await expect(form).toBeHidden();

    const exited = new Promise<number | null>((resolve) => app!.process().once('exit', (code) => resolve(code)));
    await app!.close();
    expect(await exited).toBe(0);
    app = undefined;

    const backups = fs.readdirSync(path.join(userData, 'backups'));
    expect(backups.some((name) => /^backup-\d{8}T\d{9}Z-quit-[0-9a-f]{8}\.claimdesk$/.test(name))).toBe(true);
    const log = fs.readFileSync(path.join(userData, 'logs', 'main.log'), 'utf8');
    expect(log).toContain('starting');
    expect(log).toContain('Quit backup: written');
    expect(log).toContain('Claimdesk quit');
    for (const secret of ['Corbyn', 'Desktop import debate', 'Debate made just before quitting', 'labels-colon', 'NATO sample', work]) {
      expect(log, `the log mentions ${secret}`).not.toContain(secret);
    }
  });

  test('a .claimdesk on the command line opens Import project; a second instance hands its file to the first', async () => {
    app = await launch(userData, [bundle()]);
    window = await ready(app);
    const dialog = window.getByRole('dialog', { name: 'Import project' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('“NATO sample.claimdesk” holds');
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // Started again with a transcript, Claimdesk finds itself running: it hands the file over and quits.
    const transcript = path.join(fixtures, 'captions.vtt');
    const second = spawn((found as { path: string }).path, [mainScript, transcript], {
      cwd: root,
      env: { ...process.env, CLAIMDESK_USER_DATA: userData, CLAIMDESK_TEST: '1' },
      stdio: 'ignore',
    });
    const code = await new Promise<number | null>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the second instance did not quit')), 60_000);
      second.once('exit', (exitCode) => {
        clearTimeout(timer);
        resolve(exitCode);
      });
    });
    expect(code).toBe(0);
    const importer = new ImportPage(window);
    await expect(importer.dialog()).toBeVisible();
    await expect(importer.fileRow('captions.vtt')).toBeVisible();
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    await expect.poll(async () => (await nativeMenu(app!, ['File', 'Open Recent'])).submenu.slice(0, 2)).toEqual(['captions.vtt', 'NATO sample.claimdesk']);
  });
});
