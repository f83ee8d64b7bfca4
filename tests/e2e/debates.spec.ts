import { expect, openApp, restartApp, test } from './fixtures.js';
import { LibraryPage } from './pages/libraryPage.js';

test('a new profile shows the empty library and what to do', async ({ app }) => {
  const library = new LibraryPage(app);
  await expect(library.library().getByRole('note')).toContainText('Your library is empty');
  await expect(app.getByRole('main', { name: 'Reading area' })).toContainText('Welcome to Claimdesk');
  await expect(app.getByRole('complementary', { name: 'Details' })).toBeVisible();
  await expect(app.getByRole('menubar', { name: 'Application menu' })).toBeVisible();
});

test('create a debate with two participants; it is still there after a restart', async ({ app }) => {
  const library = new LibraryPage(app);
  await library.createDebate({ title: 'Labour leadership debate', date: '2016-08-17', venue: 'BBC Question Time, Birmingham', kind: 'TV debate' });
  await expect(app.getByRole('heading', { name: 'Labour leadership debate' })).toBeVisible();
  await library.addParticipant({ name: 'Jeremy Corbyn', party: 'Labour', role: 'candidate' });
  await library.addParticipant({ name: 'Owen Smith', party: 'Labour', role: 'candidate' });
  await library.addParticipant({ name: 'Victoria Derbyshire', role: 'moderator' });

  await restartApp(app);
  await expect(library.debateLink('Labour leadership debate')).toHaveAttribute('aria-current', 'page');
  // Dates follow the system's locale (en-US in the test browser).
  await expect(app.getByRole('main')).toContainText('TV debate · Aug 17, 2016 · BBC Question Time, Birmingham');
  const table = library.participantsTable();
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(table.getByRole('row', { name: /Jeremy Corbyn/ })).toContainText('candidate');
  await expect(table.getByRole('row', { name: /Victoria Derbyshire/ })).toContainText('moderator');
});

test('edit a debate and a participant, then delete them, with undo', async ({ app }) => {
  const library = new LibraryPage(app);
  await library.createDebate({ title: 'Hustings in Cardiff', kind: 'Hustings' });
  await library.addParticipant({ name: 'Owen Smith', party: 'Labour', role: 'candidate' });

  await app.getByRole('button', { name: 'Edit debate' }).click();
  const dialog = app.getByRole('dialog', { name: 'Edit debate' });
  await dialog.getByLabel('Title').fill('Hustings in Cardiff (Wales)');
  await dialog.getByLabel('Date').fill('2016-08-04');
  await dialog.getByRole('button', { name: 'Save debate' }).click();
  await expect(app.getByRole('heading', { name: 'Hustings in Cardiff (Wales)' })).toBeVisible();

  await app.getByRole('button', { name: 'Edit Owen Smith' }).click();
  const edit = app.getByRole('form', { name: 'Edit participant' });
  await edit.getByLabel('Role').selectOption('panelist');
  await edit.getByRole('button', { name: 'Save participant' }).click();
  await expect(library.participantsTable().getByRole('row', { name: /Owen Smith/ })).toContainText('panelist');

  await app.getByRole('button', { name: 'Remove Owen Smith' }).click();
  await expect(app.getByText('No participants yet')).toBeVisible();
  // Undo brings the participant back (Ctrl+Z outside a text field).
  await app.getByRole('heading', { name: 'Hustings in Cardiff (Wales)' }).click();
  await app.keyboard.press('Control+z');
  await expect(library.participantsTable().getByRole('row', { name: /Owen Smith/ })).toBeVisible();

  await app.getByRole('button', { name: 'Delete debate' }).click();
  await app.getByRole('dialog', { name: 'Delete debate?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(library.library().getByRole('note')).toContainText('Your library is empty');
  await restartApp(app);
  await expect(library.library().getByRole('note')).toContainText('Your library is empty');
});

test('a debate needs a title, and the form says so', async ({ app }) => {
  await app.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'New debate' }).click();
  const dialog = app.getByRole('dialog', { name: 'New debate' });
  await dialog.getByRole('button', { name: 'Create debate' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('A debate needs a title.');
});

test('menus and shortcuts: Help › Keyboard Shortcuts, About, Ctrl+N', async ({ app }) => {
  await app.getByRole('menuitem', { name: 'Help' }).click();
  await app.getByRole('menu', { name: 'Help' }).getByRole('menuitem', { name: 'Keyboard Shortcuts' }).click();
  await expect(app.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText('Ctrl+K');
  await app.keyboard.press('Escape');
  await app.getByRole('menuitem', { name: 'Help' }).click();
  await app.getByRole('menuitem', { name: 'About Claimdesk' }).click();
  await expect(app.getByRole('dialog', { name: 'About Claimdesk' })).toContainText('Browser preview');
  await app.getByRole('button', { name: 'Close' }).click();
  await app.keyboard.press('Control+n');
  await expect(app.getByRole('dialog', { name: 'New debate' })).toBeVisible();
});

test('the page is served with a strict CSP and no API access without the token', async ({ page, request }) => {
  const response = await page.goto('/');
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  expect(response?.headers()['content-security-policy']).not.toContain('unsafe-eval');
  const denied = await request.post('/api/app:info', { data: {} });
  expect(denied.status()).toBe(403);
  await openApp(page);
});
