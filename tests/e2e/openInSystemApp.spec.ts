import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures.js';
import { SourcesPage } from './pages/sourcesPage.js';

const RLO = '\u202E';
// A Linux launcher (tests/fixtures/hostile/launcher.desktop): handed to xdg-open, it would run its Exec line.
const LAUNCHER = readFileSync(path.join(import.meta.dirname, '../fixtures/hostile/launcher.desktop'));
const log = (name: string) => {
  try {
    return readFileSync(path.join(process.env.CLAIMDESK_E2E_USER_DATA!, name), 'utf8');
  } catch {
    return '';
  }
};

test('a launcher named with a right-to-left override shows its real name and extension, and can only be shown in its folder', async ({ app }) => {
  const sources = new SourcesPage(app);
  await sources.open();
  const title = 'NATO figures from a colleague';
  await sources.createSource({ title, kind: 'Dataset' });
  // Displays as "NATO-figures-2024…potksed.pdf" wherever the override is honoured.
  const disguised = `NATO-figures-2024${RLO}fdp.desktop`;
  await sources.detail(title).getByLabel('Attach a file').setInputFiles({ name: disguised, mimeType: 'application/x-desktop', buffer: LAUNCHER });

  const item = sources.attachments(title).getByRole('listitem', { name: 'NATO-figures-2024fdp.desktop', exact: true });
  await expect(item).toBeVisible();
  await expect(sources.attachments(title)).not.toContainText(RLO);
  await expect(item.locator('.file-name-ext')).toHaveText('.desktop');
  await expect(item.locator('.file-name-ext')).toBeVisible();
  await expect(item.getByRole('button', { name: /in system app/ })).toHaveCount(0);

  const openedBefore = log('opened-files.log');
  await item.getByRole('button', { name: 'Show in folder: NATO-figures-2024fdp.desktop' }).click();
  await expect.poll(() => log('shown-files.log')).toContain(`${path.sep}NATO-figures-2024fdp.desktop`);
  expect(log('opened-files.log')).toBe(openedBefore);
});

test('a text attachment whose contents are a launcher is not opened, and the user is told why', async ({ app }) => {
  const sources = new SourcesPage(app);
  await sources.open();
  const title = 'Notes from a USB stick';
  await sources.createSource({ title, kind: 'Report' });
  await sources.detail(title).getByLabel('Attach a file').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: LAUNCHER });
  const openedBefore = log('opened-files.log');
  await sources.attachments(title).getByRole('button', { name: 'Open in system app: notes.txt' }).click();
  await expect(app.getByText('“notes.txt” is named as a text file, but its contents are not one, so it was not opened. Use “Show in folder” to see it.')).toBeVisible();
  expect(log('opened-files.log')).toBe(openedBefore);
});
