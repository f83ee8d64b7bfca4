import { readFileSync } from 'node:fs';
import { readBundle, referencedFiles } from '../../shared/bundle/bundle.js';
import { normaliseSnapshot } from '../../shared/bundle/normaliseSnapshot.js';
import { expect, openApp, test } from './fixtures.js';
import { BackupsPage, readLibrary, SLOW } from './pages/backupsPage.js';
import type { Page } from '@playwright/test';

/** File › Export Project…, whole library; returns the downloaded bundle's bytes. */
async function exportProject(page: Page): Promise<Buffer> {
  await new BackupsPage(page).fileMenu('Export Project…');
  const dialog = page.getByRole('dialog', { name: 'Export project' });
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export project' }).click();
  const file = await (await download).path();
  await expect(dialog).toBeHidden();
  return readFileSync(file);
}

async function chooseBundle(page: Page, name: string, buffer: Buffer) {
  await new BackupsPage(page).fileMenu('Import Project…');
  const dialog = page.getByRole('dialog', { name: 'Import project' });
  await dialog.getByLabel('Project file').setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
  return dialog;
}

/** Asks the app's own server whether its vault holds a file (the same API the window uses). */
function vaultHas(page: Page, hash: string): Promise<boolean> {
  return page.evaluate(async (h) => {
    const token = document.querySelector<HTMLMetaElement>('meta[name="claimdesk-api-token"]')?.content ?? '';
    const res = await fetch('/api/vault:has', { method: 'POST', headers: { 'content-type': 'application/json', 'x-claimdesk-token': token }, body: JSON.stringify({ hash: h }) });
    return ((await res.json()) as { value?: { exists: boolean } }).value?.exists === true;
  }, hash);
}

test('a project bundle round-trips into a fresh profile with identical records and files', async ({ app, browser }) => {
  await new BackupsPage(app).openSample();
  const bytes = await exportProject(app);
  const original = await readLibrary(app);

  // The bundle itself holds every record and every file the records refer to.
  const bundle = readBundle(new Uint8Array(bytes));
  expect(bundle.manifest.counts.claims).toBe(original.claims?.length);
  expect([...bundle.files.keys()].sort()).toEqual(referencedFiles(normaliseSnapshot(original)));
  expect(bundle.files.size).toBeGreaterThan(0);

  const context = await browser.newContext();
  try {
    const fresh = await context.newPage();
    await openApp(fresh);
    const dialog = await chooseBundle(fresh, 'sample.claimdesk', bytes);
    await expect(dialog).toContainText('Your library is empty: the project will be loaded as it is.');
    await dialog.getByRole('button', { name: 'Load the project' }).click();
    await expect(dialog).toBeHidden({ timeout: SLOW });
    expect(await readLibrary(fresh)).toEqual(original);
    for (const hash of bundle.files.keys()) expect(await vaultHas(fresh, hash)).toBe(true);
    await expect(fresh.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /Labour leadership debate/ })).toBeVisible();
  } finally {
    await context.close();
  }
});

test('a file that is not a bundle gets one clear sentence and changes nothing', async ({ app }) => {
  await new BackupsPage(app).openSample();
  const before = await readLibrary(app);
  const dialog = await chooseBundle(app, 'notes.claimdesk', Buffer.from('these are my notes, not a project'));
  await expect(dialog.getByRole('alert')).toHaveText(/^“notes\.claimdesk” cannot be imported: This file is not a readable zip archive[^.]*\.$/);
  await expect(dialog.getByRole('button', { name: /Load the project|Merge into my library/ })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  expect(await readLibrary(app)).toEqual(before);
});

test('merging a bundle lists the records both sides changed; the user takes theirs for one', async ({ app }) => {
  await new BackupsPage(app).openSample();
  const bytes = await exportProject(app);

  // Change the debate's title here, then bring the exported (older) version back in.
  const library = app.getByRole('navigation', { name: 'Library' });
  // The sample opens its article; go back to the debate's page.
  await app.getByRole('button', { name: /Back to debate/ }).click();
  await app.getByRole('button', { name: 'Edit debate' }).click();
  const edit = app.getByRole('dialog', { name: 'Edit debate' });
  const originalTitle = await edit.getByLabel('Title').inputValue();
  await edit.getByLabel('Title').fill('Renamed here');
  await edit.getByRole('button', { name: 'Save debate' }).click();
  await expect(library.getByRole('button', { name: /Renamed here/ })).toBeVisible();

  const dialog = await chooseBundle(app, 'older.claimdesk', bytes);
  const conflicts = dialog.getByRole('table', { name: 'Conflicts' });
  const row = conflicts.getByRole('row', { name: /Renamed here/ });
  await expect(row).toContainText(originalTitle);
  await row.getByRole('radio', { name: 'Take theirs' }).check();
  await dialog.getByRole('button', { name: 'Merge into my library' }).click();
  await expect(dialog).toBeHidden({ timeout: SLOW });
  await expect(library.getByRole('button', { name: new RegExp(originalTitle.slice(0, 20)) })).toBeVisible();
  await expect(library.getByRole('button', { name: /Renamed here/ })).toHaveCount(0);

  // The library as it was before the merge is in the backups.
  const backups = new BackupsPage(app);
  await backups.openBackups();
  await expect(backups.newestBackup()).toContainText('Before an import');
});
