import path from 'node:path';
import { writeFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import { expect, openSampleProject, restartApp, test } from './fixtures.js';
import { ImportPage } from './pages/importPage.js';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/import');

test('the sample project is offered on first start and built by importing the seed article', async ({ app }) => {
  await openSampleProject(app);
  const reader = app.getByRole('article', { name: /Corbyn refuses to guarantee NATO/ });
  const turns = reader.getByRole('list', { name: 'Turns' });
  await expect(turns.getByRole('listitem', { name: 'Jeremy Corbyn' }).first()).toContainText('You would obviously try to avoid that happening');
  // The reader renders only what is on screen: scroll to the end of the article.
  await reader.getByLabel(/^Transcript/).evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(turns.getByRole('listitem', { name: 'Owen Smith' })).toContainText('We would have to come to the aid of a fellow member of NATO');
  await expect(turns.getByRole('listitem', { name: 'Reader comment' }).first()).toContainText('Chamberlain?');
  await restartApp(app);
  await expect(app.getByRole('article', { name: /Corbyn refuses to guarantee NATO/ })).toBeVisible({ timeout: 15_000 });
  await app.getByRole('button', { name: '← Back to debate' }).click();
  const participants = app.getByRole('table', { name: 'Participants' });
  await expect(participants.getByRole('row', { name: /Jeremy Corbyn/ })).toContainText('Labour');
  await expect(participants.getByRole('row', { name: /Owen Smith/ })).toBeVisible();
});

test('drop a transcript, review its speakers, save, restart and read it', async ({ app }) => {
  const importer = new ImportPage(app);
  await importer.dropFiles([path.join(fixtures, 'labels-colon.txt')]);
  await expect(importer.dialog()).toBeVisible();
  const review = importer.review();
  await expect(review).toBeVisible();
  const speakers = review.getByRole('table', { name: /Speakers/ });
  await expect(speakers.getByRole('row')).not.toHaveCount(1);
  await review.getByLabel('New debate title').fill('Transcript test debate');
  await importer.saveLast();
  await restartApp(app);
  await expect(app.getByRole('list', { name: 'Turns' }).getByRole('listitem').first()).toBeVisible();
  await app.getByRole('button', { name: '← Back to debate' }).click();
  await expect(app.getByRole('heading', { name: 'Transcript test debate' })).toBeVisible();
});

test('several files at once: each gets its own result; bad files say what is wrong and store nothing', async ({ app }) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bad-'));
  writeFileSync(path.join(dir, 'empty.txt'), '');
  writeFileSync(path.join(dir, 'noise.bin'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
  const importer = new ImportPage(app);
  await importer.importFiles([path.join(dir, 'empty.txt'), path.join(dir, 'noise.bin'), path.join(fixtures, 'malformed.json'), path.join(fixtures, 'captions.vtt')]);
  await expect(importer.fileRow('empty.txt').getByRole('alert')).toContainText(/empty/i);
  await expect(importer.fileRow('noise.bin').getByRole('alert')).not.toBeEmpty();
  await expect(importer.fileRow('malformed.json').getByRole('alert')).not.toBeEmpty();
  await expect(importer.fileRow('captions.vtt')).toContainText('ready to review');
  await importer.review().getByRole('button', { name: 'Don’t save this document' }).click();
  await expect(importer.fileRow('captions.vtt')).toContainText('Not saved');
  await app.getByRole('button', { name: 'Close' }).click();
  await expect(app.getByRole('navigation', { name: 'Library' }).getByRole('note')).toContainText('Your library is empty');
});

test('importing the same file twice is noticed, and a known speaker is matched to the library', async ({ app }) => {
  const importer = new ImportPage(app);
  await importer.importFiles([path.join(fixtures, 'labels-colon.txt')]);
  await importer.saveLast();
  await importer.importFiles([path.join(fixtures, 'labels-colon.txt')]);
  await expect(importer.review().getByRole('alert')).toContainText('This file was imported before');
  const match = importer.review().getByRole('combobox', { name: /^Person in library for/ }).first();
  await expect(match.locator('option:checked')).toContainText('(suggested)');
});

test('a speaker the importer merged can be split apart on the review screen', async ({ app }) => {
  const importer = new ImportPage(app);
  await importer.importFiles([path.join(fixtures, 'labels-colon.txt')]);
  const review = importer.review();
  const speakers = review.getByRole('table', { name: /Speakers/ });
  await expect(speakers.getByRole('row')).toHaveCount(4);
  await review.getByRole('combobox', { name: 'Split off from Helen Marsh' }).selectOption({ label: 'Turns labelled MARSH (1)' });
  await expect(speakers.getByRole('row')).toHaveCount(5);
  await expect(review.getByRole('textbox', { name: 'Name of MARSH' })).toHaveValue('MARSH');
  await review.getByRole('textbox', { name: 'Name of MARSH' }).fill('Marsh (panelist)');
  await importer.saveLast();
  await app.getByRole('button', { name: '← Back to debate' }).click();
  const participants = app.getByRole('table', { name: 'Participants' });
  await expect(participants.getByRole('row', { name: /Marsh \(panelist\)/ })).toBeVisible();
  await expect(participants.getByRole('row', { name: /Helen Marsh/ })).toBeVisible();
});

test('a scraped network transcript: speakers run together on a line become turns, unsure voices are flagged in review', async ({ app }) => {
  const importer = new ImportPage(app);
  await importer.importFiles([path.join(fixtures, 'scraped-debate.txt')]);
  const review = importer.review();
  await expect(review.getByRole('textbox', { name: 'Name of Bush (?)' })).toHaveAccessibleDescription('Uncertain: the transcript is not sure who spoke');
  await expect(review.getByRole('textbox', { name: 'Name of Unidentified Male' })).toHaveAccessibleDescription(/Uncertain/);
  await expect(review.getByRole('textbox', { name: 'Name of Bush', exact: true })).toHaveAccessibleDescription('');
  const preview = review.getByRole('list', { name: /Preview/ });
  await expect(preview.getByRole('listitem').filter({ hasText: "It's a public use." })).toContainText('Bush');
  // Labels inside quoted speech stay as written; those that start a speech are gone from the text.
  for (const label of ['TRUMP: Jeb', 'BUSH: It', 'UNIDENTIFIED', 'RUBIO: Thank']) await expect(preview).not.toContainText(label);
  await importer.saveLast();
  const turns = app.getByRole('list', { name: 'Turns' });
  await expect(turns.getByRole('listitem', { name: 'Trump' }).filter({ hasText: 'Real -- a public use?' })).toBeVisible();
  await expect(turns.getByRole('listitem', { name: 'Bush' }).filter({ hasText: "It's a public use." })).toBeVisible();
});
