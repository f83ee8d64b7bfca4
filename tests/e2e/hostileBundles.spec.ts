import type { Page } from '@playwright/test';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { writeBundle } from '../../shared/bundle/bundle.js';
import { sampleFiles, sampleSnapshot } from '../fixtures/exports/sampleSnapshot.js';
import { zeroEntryBomb } from '../fixtures/hostile/bundleBombs.js';
import { expect, test } from './fixtures.js';
import { BackupsPage, SLOW } from './pages/backupsPage.js';

/** The sample as a bundle, its manifest edited the way a broken or hostile writer would. */
function withManifest(edit: (manifest: Record<string, unknown>) => void, editRecords?: (entries: Record<string, Uint8Array>) => void): Buffer {
  const entries = unzipSync(writeBundle(sampleSnapshot(), sampleFiles()));
  const manifest = JSON.parse(new TextDecoder().decode(entries['manifest.json'])) as Record<string, unknown>;
  edit(manifest);
  entries['manifest.json'] = strToU8(JSON.stringify(manifest));
  editRecords?.(entries);
  return Buffer.from(zipSync(entries));
}

async function chooseBundle(page: Page, name: string, buffer: Buffer) {
  await new BackupsPage(page).fileMenu('Import Project…');
  const dialog = page.getByRole('dialog', { name: 'Import project' });
  await dialog.getByLabel('Project file').setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
  return dialog;
}

test('a bundle without record counts, which used to blank the window, opens with a message and loads', async ({ app }) => {
  const dialog = await chooseBundle(app, 'no-counts.claimdesk', withManifest((m) => delete m.counts));
  await expect(dialog.getByRole('note', { name: 'Repairs' })).toContainText('The manifest had no record counts; they were counted from the records.', { timeout: SLOW });
  await expect(dialog).toContainText('“no-counts.claimdesk” holds 1 debate, 3 people, 2 participants, 1 document, 5 claims');
  await dialog.getByRole('button', { name: 'Load the project' }).click();
  await expect(dialog).toBeHidden({ timeout: SLOW });
  await expect(app.getByRole('heading', { name: 'Claimdesk', level: 1 })).toBeVisible();
  await expect(app.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /Labour leadership debate/ })).toBeVisible();
});

test('a zip bomb of 3,000 × 1 MiB zero entries is refused in a sentence, and the window keeps working', async ({ app }) => {
  const dialog = await chooseBundle(app, 'bomb.claimdesk', Buffer.from(zeroEntryBomb(3000, 'listed-files')));
  await expect(dialog.getByRole('alert')).toHaveText(
    /^“bomb\.claimdesk” cannot be imported: The bundle unpacks to more than \d+ MB, more than a \d+ MB bundle can honestly hold; refusing it \(possible zip bomb\)\.$/,
    { timeout: SLOW },
  );
  await expect(dialog.getByRole('button', { name: 'Merge into my library' })).toBeDisabled();
  // The window's own heap did not take the bundle's weight.
  const heap = await app.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);
  expect(heap).toBeLessThan(200 * 1024 * 1024);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await app.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'New debate' }).click();
  await expect(app.getByRole('dialog', { name: 'New debate' })).toBeVisible();
});

test('a bundle whose record id is __proto__ is refused with one sentence, and nothing is imported', async ({ app }) => {
  const bundle = withManifest(
    () => undefined,
    (entries) => {
      const topics = JSON.parse(new TextDecoder().decode(entries['records/topics.json'])) as Array<{ id: string }>;
      topics[0]!.id = '__proto__';
      entries['records/topics.json'] = strToU8(JSON.stringify(topics));
    },
  );
  const dialog = await chooseBundle(app, 'proto.claimdesk', bundle);
  await expect(dialog.getByRole('alert')).toHaveText(
    '“proto.claimdesk” cannot be imported: The bundle\'s records are damaged: Record 1 of "topics" has the id "__proto__", which no Claimdesk record can have.',
    { timeout: SLOW },
  );
  await expect(dialog.getByRole('button', { name: 'Merge into my library' })).toBeDisabled();
});
