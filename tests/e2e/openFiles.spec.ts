import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { BackupsPage, SLOW } from './pages/backupsPage.js';
import { ImportPage } from './pages/importPage.js';

// Files handed to Claimdesk on its command line open in the window as a double-click opens them in the desktop app:
// the renderer side of that path (files:take-opened, the Import project and Import dialogs) runs here in the browser
// preview, started with file arguments. The desktop app's own side (argv, second instance, open-file) is unit-tested
// (tests/unit/electron/openFiles) and run for real by the Electron smoke test in CI.
const root = path.resolve(import.meta.dirname, '../..');
const fixtures = path.join(root, 'tests/fixtures/import');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** A preview server of its own, started with files on its command line, as `npm start -- file…` would. */
async function previewWithFiles(files: string[]): Promise<{ url: string; stop: () => void }> {
  const port = await freePort();
  const userData = mkdtempSync(path.join(os.tmpdir(), 'claimdesk-e2e-open-'));
  const child: ChildProcess = spawn(process.execPath, [path.join(root, process.env.CLAIMDESK_DIST ?? 'dist', 'electron/previewServer.mjs'), '--port', String(port), ...files], {
    cwd: root,
    env: { ...process.env, CLAIMDESK_TEST: '1', CLAIMDESK_USER_DATA: userData },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = `http://127.0.0.1:${port}/`;
  await expect
    .poll(async () => (await fetch(url).then((response) => response.ok, () => false)), { timeout: 30_000 })
    .toBe(true);
  return {
    url,
    stop() {
      child.kill();
      rmSync(userData, { recursive: true, force: true });
    },
  };
}

async function openAt(page: Page, url: string) {
  await page.goto(url);
  await expect(page.locator('body[data-app-state="ready"]')).toBeAttached();
}

test('File menu items that cannot apply are disabled until they can', async ({ app }) => {
  const backups = new BackupsPage(app);
  await app.getByRole('menubar', { name: 'Application menu' }).getByRole('menuitem', { name: 'File' }).click();
  const file = app.getByRole('menu', { name: 'File' });
  // An empty library has nothing to export; the item says so and stays reachable by keyboard.
  await expect(file.getByRole('menuitem', { name: 'Export Project…' })).toHaveAttribute('aria-disabled', 'true');
  await expect(file.getByRole('menuitem', { name: 'Import Project…' })).not.toHaveAttribute('aria-disabled', 'true');
  // Playwright will not click a disabled item by itself; a user can, and nothing happens.
  await file.getByRole('menuitem', { name: 'Export Project…' }).click({ force: true });
  await expect(app.getByRole('dialog', { name: 'Export project' })).toHaveCount(0);
  await app.keyboard.press('Escape');

  await backups.openSample();
  await app.getByRole('menubar', { name: 'Application menu' }).getByRole('menuitem', { name: 'File' }).click();
  await expect(app.getByRole('menu', { name: 'File' }).getByRole('menuitem', { name: 'Export Project…' })).not.toHaveAttribute('aria-disabled', 'true');
});

test('a .claimdesk given on the command line opens Import project with it; documents wait for it', async ({ app }) => {
  test.setTimeout(SLOW * 2);
  // A real bundle: the sample, exported through File › Export Project….
  await new BackupsPage(app).openSample();
  await new BackupsPage(app).fileMenu('Export Project…');
  const exporting = app.getByRole('dialog', { name: 'Export project' });
  const download = app.waitForEvent('download');
  await exporting.getByRole('button', { name: 'Export project' }).click();
  const work = mkdtempSync(path.join(os.tmpdir(), 'claimdesk-e2e-bundle-'));
  const bundle = path.join(work, 'NATO sample.claimdesk');
  await (await download).saveAs(bundle);

  const preview = await previewWithFiles([path.join(fixtures, 'captions.vtt'), bundle, path.join(work, 'gone.claimdesk')]);
  try {
    await openAt(app, preview.url);
    const dialog = app.getByRole('dialog', { name: 'Import project' });
    await expect(dialog).toContainText('“NATO sample.claimdesk” holds');
    await expect(dialog).toContainText('Your library is empty: the project will be loaded as it is.');
    await expect(app.getByText('1 document was not imported while a project is being imported: open it again afterwards.')).toBeVisible();
    await dialog.getByRole('button', { name: 'Load the project' }).click();
    await expect(dialog).toBeHidden({ timeout: SLOW });
    await expect(app.getByRole('navigation', { name: 'Library' })).toContainText('Corbyn');
    // Each file is handed over once: a reload does not open it again.
    await openAt(app, preview.url);
    await expect(app.getByRole('dialog', { name: 'Import project' })).toHaveCount(0);
  } finally {
    preview.stop();
    rmSync(work, { recursive: true, force: true });
  }
});

test('a transcript given on the command line opens Import with it; a missing file gets one sentence', async ({ app }) => {
  const work = mkdtempSync(path.join(os.tmpdir(), 'claimdesk-e2e-open-'));
  writeFileSync(path.join(work, 'notes.md'), '# Debate notes\n\nMODERATOR: Good evening.\n');
  const preview = await previewWithFiles([path.join(fixtures, 'captions.vtt'), path.join(work, 'notes.md'), path.join(work, 'gone.txt'), path.join(work, 'setup.exe')]);
  try {
    await openAt(app, preview.url);
    const importer = new ImportPage(app);
    await expect(importer.dialog()).toBeVisible();
    await expect(importer.fileRow('captions.vtt')).toBeVisible();
    await expect(importer.fileRow('notes.md')).toBeVisible();
    await expect(app.getByText('“gone.txt” is no longer there.')).toBeVisible();
  } finally {
    preview.stop();
    rmSync(work, { recursive: true, force: true });
  }
});
