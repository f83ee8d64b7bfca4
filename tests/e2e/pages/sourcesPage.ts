import { expect, type Page } from '@playwright/test';

/** The sources section, found by role and label as a screen reader would. */
export class SourcesPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Sources' }).click();
    await expect(this.page.getByRole('heading', { name: 'Sources', exact: true })).toBeVisible();
  }

  list() {
    return this.page.getByRole('list', { name: 'Sources' });
  }

  sourceButton(title: string | RegExp) {
    return this.list().getByRole('button', { name: title });
  }

  detail(title: string) {
    return this.page.getByRole('article', { name: `Source: ${title}` });
  }

  async createSource(fields: { title: string; kind?: string; author?: string; issued?: string; tags?: string }) {
    await this.page.getByRole('button', { name: 'New source' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'New source' });
    await dialog.getByLabel('Title').fill(fields.title);
    if (fields.kind) await dialog.getByRole('combobox', { name: 'Kind', exact: true }).selectOption({ label: fields.kind });
    if (fields.author) await dialog.getByLabel('Author or institution').fill(fields.author);
    if (fields.issued) await dialog.getByLabel('Issued').fill(fields.issued);
    if (fields.tags) await dialog.getByLabel('Tags').fill(fields.tags);
    await dialog.getByRole('button', { name: 'Create source' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.detail(fields.title)).toBeVisible();
  }

  async attach(title: string, files: string[]) {
    await this.detail(title).getByLabel('Attach a file').setInputFiles(files);
  }

  attachments(title: string) {
    return this.detail(title).getByRole('list', { name: 'Attachments' });
  }

  viewer(fileName: string) {
    return this.page.getByRole('region', { name: `Viewer: ${fileName}` });
  }

  citing(title: string) {
    return this.detail(title).getByRole('list', { name: 'Claims citing this source' });
  }

  /** Fills the Add evidence dialog opened from a pick, for a claim chosen by its text. */
  async citeForClaim(claimText: string, relation: 'Supports' | 'Contradicts' | 'Context') {
    await this.page.getByRole('group', { name: 'Picked for citing' }).getByRole('button', { name: 'Cite for a claim…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Add evidence' });
    await dialog.getByRole('combobox', { name: 'Claim', exact: true }).selectOption({ label: claimText });
    await dialog.getByRole('combobox', { name: 'Relation', exact: true }).selectOption({ label: relation });
    return dialog;
  }
}
