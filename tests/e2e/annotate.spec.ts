import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, restartApp, test } from './fixtures.js';
import { ImportPage } from './pages/importPage.js';
import { ReaderPage } from './pages/readerPage.js';

const STATISTIC = 'five out of 28 members met this target last year';

async function openSample(reader: ReaderPage) {
  await reader.page.getByRole('button', { name: 'Open the sample project' }).click();
  // Importing the sample runs the real parser in a worker: allow it more than the default wait.
  await expect(reader.page.getByText('The sample project is ready')).toBeVisible({ timeout: 30_000 });
  await expect(reader.reader()).toBeVisible();
}

test('a statistic becomes a claim by one key, gets a verdict that changes with history, survives undo, redo and reload', async ({ app }) => {
  const reader = new ReaderPage(app);
  await openSample(reader);
  // The sample's own claims are painted over the text as ranges.
  await reader.turnWith('only five out of 28');
  await expect.poll(() => reader.painted('claim')).toContain('only five out of 28 members met this target last year, according to a NATO report');

  // The selection reads like the sample's five-of-28 claim: the reader offers to add it as an appearance of that one.
  await reader.select(STATISTIC);
  await expect(reader.selectionToolbar().getByRole('button', { name: /^Add as appearance of “only five out of 28/ })).toBeVisible();
  // The analyst wants a claim of its own on these words: one key.
  await app.keyboard.press('c');
  await expect(reader.panel().getByLabel('Statement')).toHaveValue(STATISTIC);
  await expect(reader.panel().getByRole('combobox', { name: 'Type', exact: true })).toHaveValue('statistic');
  await expect(reader.appearances()).toHaveCount(1);
  await expect.poll(() => reader.painted('claim-selected')).toEqual([STATISTIC]);

  const form = reader.verdictForm();
  await form.getByRole('combobox', { name: 'Scale', exact: true }).selectOption({ label: 'Six steps (True … Wildly false)' });
  await form.getByRole('combobox', { name: 'Rating', exact: true }).selectOption({ label: 'Mostly true' });
  await form.getByLabel('Reasoning').fill('NATO’s 2015 figures show five allies at or above 2% of GDP.');
  await form.getByLabel('Author').fill('Test analyst');
  await form.getByRole('button', { name: 'Save verdict' }).click();
  await expect(reader.panel().getByLabel('Current verdict')).toContainText('Mostly true');

  await form.getByRole('combobox', { name: 'Rating', exact: true }).selectOption({ label: 'Half true' });
  await form.getByLabel('Why it changed').fill('Greece counts pensions as defence');
  await form.getByRole('button', { name: 'Change verdict' }).click();
  await expect(reader.panel().getByLabel('Current verdict')).toContainText('Half true');
  await expect(reader.history()).toHaveCount(2);
  await expect(reader.history().first()).toContainText('Mostly true → Half true');
  await expect(reader.history().first()).toContainText('Greece counts pensions as defence');
  await expect(reader.history().nth(1)).toContainText('Test analyst');

  // Undo and redo the change from the keyboard (focus is not in a text field).
  await reader.panel().getByRole('heading', { name: 'Verdict' }).click();
  await app.keyboard.press('Control+z');
  await expect(reader.panel().getByLabel('Current verdict')).toContainText('Mostly true');
  await expect(reader.history()).toHaveCount(1);
  await app.keyboard.press('Control+y');
  await expect(reader.panel().getByLabel('Current verdict')).toContainText('Half true');
  await expect(reader.history()).toHaveCount(2);

  // After a restart the document reopens; K goes to the last claim in the text, Enter opens it.
  await restartApp(app);
  await expect(reader.reader()).toBeVisible();
  await app.keyboard.press('k');
  await expect(reader.status()).toContainText(`“${STATISTIC}”`);
  await app.keyboard.press('Enter');
  await expect(reader.panel().getByLabel('Statement')).toHaveValue(STATISTIC);
  await expect(reader.panel().getByLabel('Current verdict')).toContainText('Half true');
  await expect(reader.history()).toHaveCount(2);
  // The author is remembered for the next verdict.
  await expect(reader.verdictForm().getByLabel('Author')).toHaveValue('Test analyst');
});

test('a claim made in one document is linked from its repeat in another, so both share one verdict', async ({ app }) => {
  const reader = new ReaderPage(app);
  await openSample(reader);
  const sentence = 'We cannot allow a military build-up which is going to lead to some calamitous, incredibly dangerous situation.';
  await reader.select(sentence);
  await reader.selectionToolbar().getByRole('button', { name: 'Claim (C)' }).click();
  await expect(reader.panel().getByLabel('Statement')).toHaveValue(sentence);
  const form = reader.verdictForm();
  await form.getByRole('combobox', { name: 'Scale', exact: true }).selectOption({ label: 'Conclusion only' });
  await form.getByLabel('Conclusion', { exact: true }).fill('An opinion, not a checkable fact.');
  await form.getByLabel('Author').fill('Test analyst');
  await form.getByRole('button', { name: 'Save verdict' }).click();
  await expect(reader.panel().getByLabel('Current verdict')).toContainText('An opinion');

  const dir = mkdtempSync(path.join(os.tmpdir(), 'repeat-'));
  const file = path.join(dir, 'hustings.txt');
  writeFileSync(file, `HUSTINGS IN CARDIFF\n\nMODERATOR: Mr Corbyn, on Russia?\n\nCORBYN: ${sentence} Diplomacy comes first.\n\nMODERATOR: Thank you.\n`);
  const importer = new ImportPage(app);
  await importer.importFiles([file]);
  await importer.review().getByRole('combobox', { name: 'Debate' }).selectOption({ label: 'A new debate' });
  await importer.review().getByLabel('New debate title').fill('Cardiff hustings');
  await importer.saveLast();
  await expect(reader.reader()).toContainText('Diplomacy comes first');

  await reader.select(sentence);
  await reader.selectionToolbar().getByRole('button', { name: /^Add as appearance of “We cannot allow a military build-up/ }).click();
  await expect(reader.appearances()).toHaveCount(2);
  await expect(reader.panel().getByLabel('Current verdict')).toContainText('An opinion');
  await expect.poll(() => reader.painted('claim')).toContain(sentence);
  // Each appearance jumps to its place.
  await reader.appearances().filter({ hasText: 'Corbyn refuses' }).getByRole('button', { name: 'Show in text' }).click();
  await expect(app.getByRole('heading', { name: /Corbyn refuses to guarantee NATO/ })).toBeVisible();
  await expect(reader.status()).toContainText('We cannot allow a military build-up');
  await expect.poll(() => reader.painted('reveal')).toEqual([sentence]);
});

test('editing a document’s text moves exact anchors and puts a doubtful one in the review queue', async ({ app }) => {
  const reader = new ReaderPage(app);
  await openSample(reader);
  await reader.select('He stressed the importance of building strong diplomatic relations with Moscow.');
  await app.keyboard.press('n');
  await reader.selectionToolbar().getByLabel('Note text').fill('Check the Moscow remarks');
  await reader.selectionToolbar().getByRole('button', { name: 'Add note' }).click();
  await expect.poll(() => reader.painted('note')).toEqual(['He stressed the importance of building strong diplomatic relations with Moscow.']);

  await reader.reader().getByRole('button', { name: 'Edit text' }).click();
  const text = reader.reader().getByLabel('Document text', { exact: true });
  const before = await text.inputValue();
  await text.fill(
    'Editor’s note: this report was corrected on 20 August.\n\n' +
      before.replace('We would have to come to the aid of a fellow member of NATO.', 'We would have to come to the aid of a fellow NATO member.'),
  );
  await reader.reader().getByRole('button', { name: 'Save text' }).click();
  await expect(app.getByText(/Text saved \(version 2\): 7 annotations moved, 1 to review, 0 lost/)).toBeVisible();
  // Exact anchors moved with the text: the painted ranges read exactly their quotes.
  await expect.poll(() => reader.painted('claim')).toContain('You would obviously try to avoid that happening in the first place');
  await expect.poll(() => reader.painted('note')).toEqual(['He stressed the importance of building strong diplomatic relations with Moscow.']);
  expect(await reader.painted('claim')).not.toContain('We would have to come to the aid of a fellow NATO member.');

  await reader.reader().getByRole('button', { name: 'Review anchors (1)' }).click();
  const queue = reader.reader().getByRole('list', { name: 'Anchors to review' });
  const item = queue.getByRole('listitem', { name: /We would have to come to the aid/ });
  await expect(item).toContainText('a fellow member of NATO.');
  await expect(item).toContainText('a fellow NATO member.');
  await item.getByRole('button', { name: 'Accept proposal' }).click();
  await expect(reader.reader().getByText('Every claim and note in this document is anchored.')).toBeVisible();
  await reader.turnWith('a fellow NATO member');
  await expect.poll(() => reader.painted('claim')).toContain('We would have to come to the aid of a fellow NATO member.');

  // Undo brings the doubt back; redo resolves it again.
  await app.keyboard.press('Control+z');
  await expect(queue.getByRole('listitem')).toHaveCount(1);
  await app.keyboard.press('Control+y');
  await expect(reader.reader().getByText('Every claim and note in this document is anchored.')).toBeVisible();
});

test('the help panel lists the reader’s shortcuts, and go-to lands on a turn', async ({ app }) => {
  const reader = new ReaderPage(app);
  await openSample(reader);
  await app.keyboard.press('F1');
  const help = app.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help.getByRole('row', { name: /Make the selection a claim/ })).toContainText('C');
  await expect(help.getByRole('row', { name: /Next claim in the document/ })).toContainText('J');
  await help.getByRole('button', { name: 'Close' }).click();
  await reader.reader().getByLabel('Go to turn or time').fill('18');
  await reader.reader().getByLabel('Go to turn or time').press('Enter');
  await expect(reader.status()).toContainText('Turn 18');
  await expect(reader.turns().getByRole('listitem', { name: 'Narration' }).filter({ hasText: 'only five out of 28' })).toBeVisible();
});
