import { expect, type Page } from '@playwright/test';

/** The Compare section, found by role and label. */
export class ComparePage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Compare' }).click();
    await expect(this.page.getByRole('heading', { name: 'Compare candidates' })).toBeVisible();
  }

  async pickSpeakers(...names: string[]) {
    const group = this.page.getByRole('group', { name: /^Speakers/ });
    for (const name of names) await group.getByRole('checkbox', { name }).check();
  }

  table() {
    return this.page.getByRole('table', { name: 'Comparison' });
  }

  /** The cell of one speaker on one topic (the topic's own name, not its path). */
  cell(speaker: string, topic: string) {
    return this.table().getByRole('cell', { name: `${speaker} on ${topic}`, exact: true });
  }

  quote(speaker: string, topic: string, words: string) {
    return this.cell(speaker, topic).getByRole('button', { name: new RegExp(words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) });
  }

  async setMinChecked(value: number) {
    await this.page.getByRole('spinbutton', { name: 'Minimum checked' }).fill(String(value));
  }

  async openStance(speaker: string, topic: string) {
    await this.cell(speaker, topic).getByRole('button', { name: `Set stance of ${speaker} on ${topic}` }).click();
    const dialog = this.page.getByRole('dialog', { name: new RegExp(`^Stance of ${speaker} on`) });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  async openTopics() {
    await this.page.getByRole('button', { name: 'Topics…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Topics' });
    await expect(dialog).toBeVisible();
    return dialog;
  }
}
