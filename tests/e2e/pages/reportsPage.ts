import { expect, type Page } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The Reports section: the builder's options, the live preview and the export buttons. */
export class ReportsPage {
  readonly downloads = mkdtempSync(path.join(os.tmpdir(), 'claimdesk-reports-e2e-'));

  constructor(readonly page: Page) {}

  async open() {
    await this.page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Reports' }).click();
    await expect(this.options()).toBeVisible();
  }

  options() {
    return this.page.getByRole('form', { name: 'Report options' });
  }

  group(legend: string) {
    return this.options().getByRole('group', { name: legend });
  }

  /** The live preview: the report drawn in the page (no frame, no script), as the exports draw it. */
  preview() {
    return this.page.getByRole('article', { name: 'Report preview' });
  }

  claimCount() {
    return this.page.getByRole('region', { name: 'Preview' }).getByText(/claims? in the report/);
  }

  exportButton(name: string) {
    return this.page.getByRole('region', { name: 'Export' }).getByRole('button', { name, exact: true });
  }

  status() {
    return this.page.getByRole('region', { name: 'Export' }).getByRole('status');
  }

  alert() {
    return this.page.getByRole('region', { name: 'Export' }).getByRole('alert');
  }

  /** Clicks an export button and saves the file the browser downloads; returns its path and suggested name. */
  async download(button: string): Promise<{ file: string; name: string }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.exportButton(button).click()]);
    const name = download.suggestedFilename();
    const file = path.join(this.downloads, name);
    await download.saveAs(file);
    await expect(this.status()).toContainText('Exported');
    return { file, name };
  }
}
