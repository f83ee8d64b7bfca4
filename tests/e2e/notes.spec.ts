import { expect, restartApp, test } from './fixtures.js';
import { ReaderPage } from './pages/readerPage.js';

const MOSCOW = 'He stressed the importance of building strong diplomatic relations with Moscow.';
const LINKS = 'improving diplomatic links between the UK and Russia';

async function openSample(reader: ReaderPage) {
  await reader.page.getByRole('button', { name: 'Open the sample project' }).click();
  // Importing the sample runs the real parser in a worker: allow it more than the default wait.
  await expect(reader.page.getByRole('status').filter({ hasText: 'The sample project is ready' })).toBeVisible({ timeout: 30_000 });
  await expect(reader.reader()).toBeVisible();
}

test('a note opens in the side panel, is edited, survives a restart, is deleted and comes back with undo', async ({ app }) => {
  const reader = new ReaderPage(app);
  await openSample(reader);
  await reader.select(MOSCOW);
  await app.keyboard.press('n');
  await reader.selectionToolbar().getByLabel('Note text').fill('Check the Moscow remarks');
  await reader.selectionToolbar().getByRole('button', { name: 'Add note' }).click();
  await expect.poll(() => reader.painted('note')).toEqual([MOSCOW]);

  // Clicking inside the noted words opens the note.
  await reader.clickOn(MOSCOW);
  const panel = reader.notePanel();
  await expect(panel.getByRole('heading', { name: 'Note', exact: true })).toBeVisible();
  await expect(panel.getByRole('blockquote', { name: 'Marked text' })).toHaveText(MOSCOW);
  await expect(panel.getByLabel('Note text')).toHaveValue('Check the Moscow remarks');
  await expect(panel.getByRole('combobox', { name: 'Kind' })).toHaveValue('note');
  await expect(panel.getByRole('button', { name: 'Save' })).toBeDisabled();

  await panel.getByLabel('Note text').fill('Check the Moscow remarks against the full debate transcript');
  await panel.getByRole('button', { name: 'Save' }).click();
  await expect(app.getByRole('status').filter({ hasText: 'Note saved.' })).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Save' })).toBeDisabled();

  // An empty note is refused with a message, and the saved text stays.
  await panel.getByLabel('Note text').fill('   ');
  await panel.getByRole('button', { name: 'Save' }).click();
  await expect(app.getByRole('status').filter({ hasText: 'A note needs some text.' })).toBeVisible();

  await restartApp(app);
  await expect(reader.reader()).toBeVisible();
  await expect.poll(() => reader.painted('note')).toEqual([MOSCOW]);
  await reader.clickOn(MOSCOW);
  await expect(panel.getByLabel('Note text')).toHaveValue('Check the Moscow remarks against the full debate transcript');
  await expect(reader.status()).toContainText('Note: Check the Moscow remarks against the full debate transcript');

  // Show in document scrolls the reader back to the words after reading elsewhere.
  await reader.turnWith('only five out of 28');
  await panel.getByRole('button', { name: 'Show in document' }).click();
  await expect(reader.status()).toContainText(`Showing “${MOSCOW}”`);
  await expect.poll(() => reader.painted('reveal')).toEqual([MOSCOW]);

  await panel.getByRole('button', { name: 'Delete note' }).click();
  await expect(panel).toBeHidden();
  await expect(app.getByRole('status').filter({ hasText: 'Note deleted — Undo with Ctrl+Z' })).toBeVisible();
  await expect.poll(() => reader.painted('note')).toEqual([]);

  await app.keyboard.press('Control+z');
  await expect(app.getByRole('status').filter({ hasText: 'Undid: Delete note' })).toBeVisible();
  await expect.poll(() => reader.painted('note')).toEqual([MOSCOW]);
  await reader.clickOn(MOSCOW);
  await expect(panel.getByLabel('Note text')).toHaveValue('Check the Moscow remarks against the full debate transcript');
});

test('a tag is renamed, then turned into a note, from the side panel', async ({ app }) => {
  const reader = new ReaderPage(app);
  await openSample(reader);
  await reader.select(LINKS);
  await app.keyboard.press('t');
  await reader.selectionToolbar().getByLabel('Tag name').fill('diplomacy');
  await reader.selectionToolbar().getByRole('button', { name: 'Add tag' }).click();
  await expect.poll(() => reader.painted('tag')).toEqual([LINKS]);

  await reader.clickOn(LINKS);
  const panel = reader.notePanel();
  await expect(panel.getByRole('heading', { name: 'Tag', exact: true })).toBeVisible();
  await expect(panel.getByLabel('Tag name')).toHaveValue('diplomacy');
  await panel.getByLabel('Tag name').fill('UK–Russia relations');
  await panel.getByRole('button', { name: 'Save' }).click();
  await expect(app.getByRole('status').filter({ hasText: 'Tag saved.' })).toBeVisible();
  await expect(panel.getByLabel('Tag name')).toHaveValue('UK–Russia relations');
  await reader.clickOn(LINKS);
  await expect(reader.status()).toContainText('Tag: UK–Russia relations');

  // Choosing another kind relabels the field; saving repaints the words as a note.
  await panel.getByRole('combobox', { name: 'Kind' }).selectOption({ label: 'Note' });
  await expect(panel.getByLabel('Note text')).toHaveValue('UK–Russia relations');
  await panel.getByRole('button', { name: 'Save' }).click();
  await expect(panel.getByRole('heading', { name: 'Note', exact: true })).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Delete note' })).toBeVisible();
  await expect.poll(() => reader.painted('note')).toEqual([LINKS]);
  await expect.poll(() => reader.painted('tag')).toEqual([]);
});
