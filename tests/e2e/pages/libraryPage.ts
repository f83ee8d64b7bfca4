import { expect, type Page } from '@playwright/test';

/** The library and debate screens, found by role and label as a screen reader would. */
export class LibraryPage {
  constructor(readonly page: Page) {}

  library() {
    return this.page.getByRole('navigation', { name: 'Library' });
  }

  async createDebate(fields: { title: string; date?: string; venue?: string; kind?: string }) {
    await this.library().getByRole('button', { name: 'New debate' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'New debate' });
    await dialog.getByLabel('Title').fill(fields.title);
    if (fields.date) await dialog.getByLabel('Date').fill(fields.date);
    if (fields.venue) await dialog.getByLabel('Venue').fill(fields.venue);
    if (fields.kind) await dialog.getByLabel('Kind').selectOption({ label: fields.kind });
    await dialog.getByRole('button', { name: 'Create debate' }).click();
    await expect(dialog).toBeHidden();
  }

  async addParticipant(fields: { name: string; party?: string; role?: string }) {
    const form = this.page.getByRole('form', { name: 'Add participant' });
    await form.getByLabel('Name').fill(fields.name);
    if (fields.party) await form.getByLabel('Party').fill(fields.party);
    if (fields.role) await form.getByLabel('Role').selectOption(fields.role);
    await form.getByRole('button', { name: 'Add participant' }).click();
    await expect(this.participantsTable().getByRole('row', { name: new RegExp(fields.name) })).toBeVisible();
  }

  participantsTable() {
    return this.page.getByRole('table', { name: 'Participants' });
  }

  debateLink(title: string) {
    return this.library().getByRole('button', { name: new RegExp(title) });
  }
}
