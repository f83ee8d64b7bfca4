import { expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The import dialog and its review screen. */
export class ImportPage {
  constructor(readonly page: Page) {}

  dialog() {
    return this.page.getByRole('dialog', { name: 'Import documents' });
  }

  /** File › Import… opens the system's file chooser at once; the dialog appears with the chosen files. */
  async importFiles(files: string[]) {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('menuitem', { name: 'File' }).click();
    await this.page.getByRole('menuitem', { name: 'Import…' }).click();
    await (await chooser).setFiles(files);
    await expect(this.dialog()).toBeVisible();
  }

  async chooseFiles(files: string[]) {
    await this.dialog().getByLabel('Files to import').setInputFiles(files);
  }

  /** Drops files onto the window the way the OS does: a drop event carrying File objects. */
  async dropFiles(files: string[]) {
    const payload = files.map((file) => ({ name: path.basename(file), data: [...readFileSync(file)] }));
    const transfer = await this.page.evaluateHandle((items) => {
      const dt = new DataTransfer();
      for (const item of items) dt.items.add(new File([new Uint8Array(item.data)], item.name));
      return dt;
    }, payload);
    const target = this.page.getByRole('main');
    await target.dispatchEvent('dragover', { dataTransfer: transfer });
    await target.dispatchEvent('drop', { dataTransfer: transfer });
  }

  fileRow(name: string) {
    return this.dialog().getByRole('listitem', { name });
  }

  review() {
    return this.dialog().getByRole('form', { name: /^Review/ });
  }

  async save() {
    await this.review().getByRole('button', { name: 'Save document' }).click();
  }

  /** Saves the last document to review: the dialog closes and the reader opens on it. */
  async saveLast() {
    await this.save();
    await expect(this.dialog()).toBeHidden();
    await expect(this.page.getByRole('list', { name: 'Turns' })).toBeVisible();
  }
}
