import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const mainScript = path.join(root, 'dist/electron/main.cjs');

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

test.describe('Electron app', () => {
  // CI sets CLAIMDESK_REQUIRE_ELECTRON where Electron can be downloaded: there a missing binary fails instead.
  if ('missing' in found && process.env.CLAIMDESK_REQUIRE_ELECTRON === '1') {
    test('has an Electron binary to run (CLAIMDESK_REQUIRE_ELECTRON is set)', () => {
      throw new Error(`No Electron binary: ${found.missing}. Run node node_modules/electron/install.js`);
    });
    return;
  }
  test.skip('missing' in found, `No Electron binary on this machine: ${'missing' in found ? found.missing : ''}; the browser-preview e2e suite covers the UI`);

  let app: ElectronApplication;
  let userData: string;

  test.beforeAll(async () => {
    if (!fs.existsSync(mainScript)) throw new Error(`${path.relative(root, mainScript)} is missing: run npm run build first`);
    userData = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-electron-smoke-'));
    app = await electron.launch({
      executablePath: 'path' in found ? found.path : undefined,
      args: [mainScript],
      cwd: root,
      env: { ...process.env, CLAIMDESK_USER_DATA: userData, CLAIMDESK_TEST: '1' } as Record<string, string>,
    });
  });

  test.afterAll(async () => {
    await app?.close();
    if (userData) fs.rmSync(userData, { recursive: true, force: true });
  });

  test('opens one secure window with the app in it', async () => {
    const window = await app.firstWindow();
    // The window's explicit ready signal: the database is open and the library shown.
    await expect(window.locator('body[data-app-state="ready"]')).toBeAttached();
    await expect(window.getByRole('main')).toBeVisible();
    await expect(window).toHaveTitle('Claimdesk');

    const security = await app.evaluate(({ BrowserWindow }) => {
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
        webviewTag: prefs?.webviewTag,
        webSecurity: prefs?.webSecurity,
      };
    });
    expect(security).toEqual({
      windows: 1,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      webSecurity: true,
    });

    // The sandboxed page sees the preload's one named object and nothing of Node.
    const globals = await window.evaluate(() => ({
      api: typeof (window as unknown as { claimdesk?: unknown }).claimdesk,
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
    }));
    expect(globals).toEqual({ api: 'object', require: 'undefined', process: 'undefined' });
  });
});
