import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, restartApp, test } from './fixtures.js';
import { ImportPage } from './pages/importPage.js';
import { ReaderPage } from './pages/readerPage.js';

/** A transcript long enough to scroll: 200 numbered turns between two speakers. */
function longTranscript(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'claimdesk-position-'));
  const file = path.join(dir, 'long-hustings.txt');
  const turns = Array.from({ length: 200 }, (_, i) => `${i % 2 === 0 ? 'ALICE' : 'BOB'}: This is turn number ${i + 1}. We will build more homes and cut waiting lists.`);
  writeFileSync(file, `LONG HUSTINGS\n\n${turns.join('\n\n')}\n`);
  return file;
}

test('a long document reopens where it was being read, after a restart', async ({ app }) => {
  const importer = new ImportPage(app);
  await importer.dropFiles([longTranscript()]);
  await importer.review().getByLabel('New debate title').fill('Long hustings');
  await importer.saveLast();

  const reader = new ReaderPage(app);
  const turn = (n: number) => reader.turns().getByRole('listitem').filter({ hasText: `This is turn number ${n}.` });
  await expect(turn(1)).toBeInViewport();
  await app.getByLabel('Go to turn or time').fill('150');
  await app.getByRole('button', { name: 'Go', exact: true }).click();
  await expect(turn(150)).toBeInViewport();
  // The position is saved once scrolling settles.
  await app.waitForTimeout(1_000);

  await restartApp(app);
  await expect(turn(150)).toBeInViewport();
  await expect(turn(1)).toHaveCount(0);
  // The list opens at turn 150 and the turns before it are put in above once the whole document is read: what is on
  // screen stays put, and the reader can scroll back up and go to the first turn.
  await expect(app.locator('body[data-reader-complete]')).toHaveCount(1);
  await expect(turn(150)).toBeInViewport();
  await reader.turns().hover();
  await app.mouse.wheel(0, -400);
  await expect(turn(149)).toBeInViewport();
  await app.getByLabel('Go to turn or time').fill('1');
  await app.getByRole('button', { name: 'Go', exact: true }).click();
  await expect(turn(1)).toBeInViewport();
});
