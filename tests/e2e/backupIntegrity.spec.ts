import { readdirSync, readFileSync, truncateSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { expect, test } from './fixtures.js';
import { BackupsPage, deleteLibrary, returnToApp, SLOW } from './pages/backupsPage.js';

const backupsDir = () => path.join(process.env.CLAIMDESK_E2E_USER_DATA!, 'backups');

test('a backup emptied on disk shows as damaged, cannot be restored, and is not offered for recovery', async ({ app }) => {
  const backups = new BackupsPage(app);
  await backups.openSample();
  await backups.openBackups();
  await backups.backUpNow();
  const row = backups.newestBackup();
  const id = (await row.getAttribute('data-backup-id'))!;
  await expect(row).toContainText('Verified');
  await backups.closeBackups();

  // The bundle is stored once with only records; the vault files sit once in the folder's files/.
  const names = Object.keys(unzipSync(readFileSync(path.join(backupsDir(), `${id}.claimdesk`))));
  expect(names.filter((n) => n.startsWith('files/'))).toEqual([]);
  expect(readdirSync(path.join(backupsDir(), 'files')).length).toBeGreaterThan(0);

  // A full disk or a bad copy leaves a 0-byte backup with its entry file claiming all is well.
  truncateSync(path.join(backupsDir(), `${id}.claimdesk`), 0);
  await backups.openBackups();
  const damaged = backups.dialog().locator(`tr[data-backup-id="${id}"]`);
  await expect(damaged).toContainText('Damaged: The backup file is empty (0 bytes).', { timeout: SLOW });
  await expect(damaged).not.toContainText('Verified');
  await expect(damaged.getByRole('button', { name: /Restore the backup from/ })).toBeDisabled();
  await backups.closeBackups();

  // An empty library with only that backup of this profile: nothing is offered.
  await deleteLibrary(app);
  await returnToApp(app);
  await expect(app.locator('body[data-app-state="ready"]')).toBeAttached();
  await expect(app.getByRole('dialog', { name: 'Your library is empty' })).toHaveCount(0);
});

test('the Backups dialog shows how much of its size budget the folder uses, and the budget can be set', async ({ app }) => {
  const backups = new BackupsPage(app);
  await backups.openSample();
  await backups.openBackups();
  await backups.backUpNow();
  const form = backups.dialog().getByRole('form', { name: 'Backup folder size' });
  await expect(form.getByRole('status', { name: 'Backup folder use' })).toHaveText(/^\d+ backups? use [\d.]+ (KB|MB) of 2\.0 GB|^\d+ backups? use [\d.]+ (KB|MB) of [\d.]+ (MB|GB)/);
  await form.getByLabel('Size budget (MB)').fill('20');
  await form.getByRole('button', { name: 'Set budget' }).click();
  await expect(backups.dialog().getByRole('alert')).toHaveText('The backup folder needs a budget of at least 50 MB.');
  await form.getByLabel('Size budget (MB)').fill('300');
  await form.getByRole('button', { name: 'Set budget' }).click();
  await expect(form.getByRole('status', { name: 'Backup folder use' })).toContainText('of 300.0 MB', { timeout: SLOW });
  await backups.closeBackups();
  await backups.openBackups();
  await expect(backups.dialog().getByRole('form', { name: 'Backup folder size' }).getByLabel('Size budget (MB)')).toHaveValue('300');
});
