import { expect, restartApp, test } from './fixtures.js';
import { BackupsPage, deleteLibrary, readLibrary, returnToApp, SLOW, withAppClosed } from './pages/backupsPage.js';
import { LibraryPage } from './pages/libraryPage.js';
import { CURRENT_SCHEMA_VERSION } from '../../renderer/db/schemaHistory.js';

// The e2e server's user-data folder is shared by every test of a run: each test asserts on its own newest backup,
// and the start-up offer only names backups this browser profile made.

test('back up by hand and automatically; delete the database; the app offers the backup and every record is back', async ({ app }) => {
  // A short interval for automatic backups in this test (the default is five minutes).
  await app.goto('/?backupIntervalMs=300');
  await expect(app.locator('body[data-app-state="ready"]')).toBeAttached();
  const backups = new BackupsPage(app);
  await backups.openSample();

  await backups.openBackups();
  await backups.backUpNow();
  await expect(backups.newestBackup()).toContainText('1 debate');
  await backups.closeBackups();

  // A change marks the library changed; the automatic backup follows without being asked.
  await new LibraryPage(app).createDebate({ title: 'Hustings in Cardiff', kind: 'Hustings' });
  await backups.openBackups();
  await expect(backups.newestBackup()).toContainText('Automatic', { timeout: SLOW });
  await expect(backups.newestBackup()).toContainText('2 debates');
  await expect(backups.newestBackup()).toContainText('Verified');
  const countsBefore = await backups.countsFromUi();
  expect(Number(countsBefore['claims'])).toBeGreaterThan(0);
  await backups.closeBackups();
  const before = await readLibrary(app);

  await deleteLibrary(app);
  await returnToApp(app, '/?backupIntervalMs=300');

  const offer = app.getByRole('dialog', { name: 'Your library is empty' });
  await expect(offer).toContainText('2 debates', { timeout: SLOW });
  await offer.getByRole('button', { name: 'Restore this backup' }).click();
  await expect(offer).toBeHidden({ timeout: SLOW });
  await expect(app.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /Hustings in Cardiff/ })).toBeVisible();

  expect(await readLibrary(app)).toEqual(before);
  await backups.openBackups();
  expect(await backups.countsFromUi()).toEqual(countsBefore);
  // The records survive another restart: they are in the database, not only on screen.
  await backups.closeBackups();
  await restartApp(app);
  expect(await readLibrary(app)).toEqual(before);
});

test('restore an older backup from the Backups dialog; the library as it was is backed up first', async ({ app }) => {
  const backups = new BackupsPage(app);
  await backups.openSample();
  await backups.openBackups();
  await backups.backUpNow();
  const sampleOnly = await readLibrary(app);
  await backups.closeBackups();

  await new LibraryPage(app).createDebate({ title: 'Leaders’ debate, Salford' });
  await backups.openBackups();
  await backups.dialog().getByRole('table', { name: 'Backups' }).getByRole('row', { name: /Backed up by hand/ }).first().getByRole('button', { name: /Restore the backup from/ }).click();
  await backups.dialog().getByRole('group', { name: 'Confirm restore' }).getByRole('button', { name: 'Replace my library' }).click();
  await expect(backups.dialog()).toBeHidden({ timeout: SLOW });
  expect(await readLibrary(app)).toEqual(sampleOnly);

  await backups.openBackups();
  await expect(backups.newestBackup()).toContainText('Before a restore');
  await expect(backups.newestBackup()).toContainText('2 debates');
});

test('a database that will not open: a copy of it is kept as a backup, then the newest good backup is restored', async ({ app }) => {
  const backups = new BackupsPage(app);
  await backups.openSample();
  await backups.openBackups();
  await backups.backUpNow();
  await backups.closeBackups();
  const good = await readLibrary(app);

  // Stand in for a database this version cannot open: the same version (Dexie stores schema version N as IndexedDB
  // version 10·N), but its debates table keyed another way (Dexie refuses to open it), with a record that must not
  // be lost.
  await deleteLibrary(app);
  await withAppClosed(app, (helper) => helper.evaluate(
    (version) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('claimdesk', version);
        req.onupgradeneeded = () => {
          req.result.createObjectStore('debates', { keyPath: 'key' }).put({ key: 'left-behind', id: 'left-behind', title: 'Left in the damaged database', kind: 'hustings' });
        };
        req.onsuccess = () => {
          req.result.close();
          resolve();
        };
        req.onerror = () => reject(req.error);
      }),
    CURRENT_SCHEMA_VERSION * 10,
  ));
  await returnToApp(app);
  const screen = app.getByRole('main', { name: 'Claimdesk could not start' });
  await expect(screen.getByRole('button', { name: 'Restore the newest backup' })).toBeVisible({ timeout: SLOW });
  await screen.getByRole('region', { name: 'Recover from a backup' }).getByRole('button', { name: 'Restore the newest backup' }).click();
  await expect(app.locator('body[data-app-state="ready"]')).toBeAttached({ timeout: SLOW });
  expect(await readLibrary(app)).toEqual(good);

  await backups.openBackups();
  await expect(backups.newestBackup()).toContainText('Copy of a damaged database');
  await expect(backups.newestBackup()).toContainText('1 debate');
  await expect(backups.newestBackup()).toContainText('Verified');
});

test('a database from an older version is backed up as it was before the upgrade', async ({ app }) => {
  // Leave a version-1 database behind (Dexie stores schema version 1 as IndexedDB version 10), with one debate.
  await deleteLibrary(app);
  await withAppClosed(app, (helper) =>
    helper.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.open('claimdesk', 10);
          req.onupgradeneeded = () => {
            const db = req.result;
            const debates = db.createObjectStore('debates', { keyPath: 'id' });
            for (const index of ['date', 'kind', 'updatedAt']) debates.createIndex(index, index);
            const people = db.createObjectStore('people', { keyPath: 'id' });
            people.createIndex('name', 'name');
            people.createIndex('aliases', 'aliases', { multiEntry: true });
            const participants = db.createObjectStore('participants', { keyPath: 'id' });
            participants.createIndex('debateId', 'debateId');
            participants.createIndex('personId', 'personId');
            db.createObjectStore('settings', { keyPath: 'key' });
            const at = '2016-08-01T10:00:00.000Z';
            debates.put({ id: 'deb_old', title: 'Hustings kept by an old version', kind: 'hustings', createdAt: at, updatedAt: at });
            people.put({ id: 'per_old', name: 'Owen Smith', aliases: [], createdAt: at, updatedAt: at });
          };
          req.onsuccess = () => {
            req.result.close();
            resolve();
          };
          req.onerror = () => reject(req.error);
        }),
    ),
  );
  await returnToApp(app);
  await expect(app.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /Hustings kept by an old version/ })).toBeVisible();
  const backups = new BackupsPage(app);
  await backups.openBackups();
  await expect(backups.newestBackup()).toContainText('Before a database upgrade');
  await expect(backups.newestBackup()).toContainText('1 debate, 1 person');
  await expect(backups.newestBackup()).toContainText('Verified');
});
