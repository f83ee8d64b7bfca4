import { expect, type Page } from '@playwright/test';

/** How long to wait for work that reads or writes the whole library (a bound on waiting, not a speed check). */
export const SLOW = 30_000;

/** The File menu's project and backup commands, the Backups dialog, and a raw look at the library for comparisons. */
export class BackupsPage {
  constructor(readonly page: Page) {}

  async fileMenu(item: 'Export Project…' | 'Import Project…' | 'Backups and Restore…') {
    await this.page.getByRole('menubar', { name: 'Application menu' }).getByRole('menuitem', { name: 'File' }).click();
    await this.page.getByRole('menu', { name: 'File' }).getByRole('menuitem', { name: item }).click();
  }

  async openSample() {
    await this.page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'Open the sample project' }).click();
    // Importing the sample parses a file in a worker: slow on a busy machine, so this wait is longer than the default.
    await expect(this.page.getByText('The sample project is ready')).toBeVisible({ timeout: SLOW });
  }

  dialog() {
    return this.page.getByRole('dialog', { name: 'Backups' });
  }

  async openBackups() {
    await this.fileMenu('Backups and Restore…');
    await expect(this.dialog()).toBeVisible();
  }

  /** The newest backup's row in the Backups table. */
  newestBackup() {
    return this.dialog().getByRole('table', { name: 'Backups' }).getByRole('row').nth(1);
  }

  async backUpNow() {
    await this.dialog().getByRole('button', { name: 'Back up now' }).click();
    await expect(this.newestBackup()).toContainText('Backed up by hand', { timeout: SLOW });
    await expect(this.newestBackup()).toContainText('Verified');
  }

  async closeBackups() {
    await this.dialog().getByRole('button', { name: 'Close' }).click();
    await expect(this.dialog()).toBeHidden();
  }

  /** Rows per table as the "Library contents" table in the Backups dialog shows them. */
  async countsFromUi(): Promise<Record<string, string>> {
    const table = this.dialog().getByRole('table', { name: 'Library contents' });
    await expect(table.getByRole('cell', { name: '…' })).toHaveCount(0);
    const rows = await table.getByRole('row').all();
    const out: Record<string, string> = {};
    for (const row of rows.slice(1)) {
      const name = (await row.getByRole('rowheader').textContent()) ?? '';
      out[name] = (await row.getByRole('cell').textContent()) ?? '';
    }
    return out;
  }
}

/** Every table of the app's IndexedDB (settings aside), rows sorted by id: what "identical records" is checked on. */
export function readLibrary(page: Page): Promise<Record<string, unknown[]>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, unknown[]>>((resolve, reject) => {
        const open = indexedDB.open('claimdesk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames].filter((n) => n !== 'settings');
          const tx = db.transaction(names, 'readonly');
          const out: Record<string, unknown[]> = {};
          for (const name of names) {
            const req = tx.objectStore(name).getAll();
            req.onsuccess = () => {
              out[name] = (req.result as { id: string }[]).sort((a, b) => (a.id < b.id ? -1 : 1));
            };
          }
          tx.oncomplete = () => {
            db.close();
            resolve(out);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/**
 * Runs `work` in a helper page of the same origin that runs no script (the app's stylesheet) while the app's page is
 * on about:blank, so nothing holds or reopens the database while a test deletes or damages it. Come back with
 * `returnToApp`. Console messages of the helper page are not the app's and are not collected.
 */
export async function withAppClosed(page: Page, work: (helper: Page) => Promise<void>): Promise<void> {
  const html = await (await page.request.get('/')).text();
  const css = /href="\.?(\/assets\/[^"]+\.css)"/.exec(html)?.[1];
  if (!css) throw new Error('the app page names no stylesheet');
  await page.goto('about:blank');
  const helper = await page.context().newPage();
  try {
    await helper.goto(css);
    await work(helper);
  } finally {
    await helper.close();
  }
}

export async function returnToApp(page: Page, url = '/'): Promise<void> {
  await page.goto(url);
  await expect(page.locator('body[data-app-state]')).toBeAttached();
}

/** Deletes the app's database, as a broken profile or a user clearing site data would. */
export async function deleteLibrary(page: Page): Promise<void> {
  await withAppClosed(page, (helper) =>
    helper.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.deleteDatabase('claimdesk');
          req.onsuccess = () => resolve();
          req.onerror = () => reject(req.error);
          req.onblocked = () => reject(new Error('deleting the database was blocked'));
        }),
    ),
  );
}
