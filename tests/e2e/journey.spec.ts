import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.js';

// The everyday path of issue 11 without the mouse: import a transcript, mark a claim, attach the NATO table as
// evidence, rate it, compare, export. Only the keyboard drives the app (the system's file chooser is the one thing
// the test answers for the user, as a person would in the OS dialog).

const TRANSCRIPT = path.resolve(import.meta.dirname, '../fixtures/journey/hustings.txt');
const SOURCE = 'Defence Expenditure of NATO Countries (2014-2024)';
const NATO_CSV = 'nato-defence-expenditure-pct-gdp-2014-2024.csv';
const CLAIM = 'Britain spends more than two per cent of its national income on defence, as every NATO member has promised to.';

test.describe.configure({ timeout: 300_000 });
test.use({ actionTimeout: 30_000 });

/** Presses Tab (Shift+Tab going back) until `target` has focus; fails if it never comes. */
async function tabTo(page: Page, target: Locator, options: { back?: boolean; max?: number } = {}) {
  for (let i = 0; i < (options.max ?? 60); i++) {
    if (await target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement)).catch(() => false)) return;
    await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab');
  }
  await expect(target).toBeFocused();
}

test('keyboard only: import, claim, NATO table as evidence, verdict, compare, export', async ({ app }) => {
  const mouse = { moved: 0 };
  await app.exposeFunction('__mouseUsed', () => (mouse.moved += 1));
  await app.evaluate(() => window.addEventListener('mousedown', () => (window as unknown as { __mouseUsed: () => void }).__mouseUsed(), true));

  // The sample project brings the NATO sources (Tab to its button, Enter).
  const sample = app.getByRole('button', { name: 'Open the sample project' });
  await tabTo(app, sample);
  await app.keyboard.press('Enter');
  await expect(app.getByText('The sample project is ready')).toBeVisible({ timeout: 60_000 });

  // Import: Ctrl+O opens the file chooser at once; the review appears; Tab to Save, Enter; the reader opens.
  const chooser = app.waitForEvent('filechooser');
  await app.keyboard.press('Control+o');
  await (await chooser).setFiles(TRANSCRIPT);
  const dialog = app.getByRole('dialog', { name: 'Import documents' });
  const review = dialog.getByRole('form', { name: /^Review/ });
  await expect(review).toBeVisible({ timeout: 60_000 });
  // With a debate open, the import goes into it by default; this hustings is a debate of its own.
  await tabTo(app, review.getByRole('combobox', { name: 'Debate', exact: true }));
  await app.keyboard.type('A new');
  const debateTitle = review.getByLabel('New debate title');
  await tabTo(app, debateTitle);
  await app.keyboard.press('Control+a');
  await app.keyboard.type('Cardiff hustings');
  await tabTo(app, review.getByRole('button', { name: 'Save document' }));
  await app.keyboard.press('Enter');
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  const reader = app.getByRole('main', { name: 'Reading area' }).getByRole('article');
  await expect(reader.getByRole('heading', { level: 2 })).toBeVisible();

  // Mark a claim: Tab to the transcript; → walks sentence by sentence to Smith's; C makes it a claim.
  await tabTo(app, reader.getByLabel(/^Transcript/));
  const selection = app.getByRole('toolbar', { name: 'Selection' });
  const selected = async () => ((await selection.count()) > 0 ? ((await selection.textContent()) ?? '') : '');
  for (let i = 0; i < 8 && !(await selected()).includes('Britain spends'); i++) {
    await app.keyboard.press('ArrowRight');
    await expect(selection).toBeVisible();
  }
  await expect(selection).toContainText('Britain spends more than two per cent');
  await app.keyboard.press('c');
  const panel = app.getByRole('complementary', { name: 'Details' }).getByRole('region', { name: 'Claim' });
  await expect(panel.getByLabel('Statement')).toHaveValue(CLAIM);

  // Rate it: the rating list takes typed letters, as any select does.
  const verdict = panel.getByRole('form', { name: 'Set verdict' });
  await tabTo(app, verdict.getByRole('combobox', { name: 'Scale', exact: true }));
  await app.keyboard.type('Six');
  await tabTo(app, verdict.getByRole('combobox', { name: 'Rating', exact: true }));
  await app.keyboard.type('Mostly true');
  await expect(verdict.getByRole('combobox', { name: 'Rating', exact: true })).toHaveValue('mostly-true');
  await tabTo(app, verdict.getByLabel('Reasoning'));
  await app.keyboard.type('NATO puts the United Kingdom at 2.09 % of GDP in 2016.');
  await tabTo(app, verdict.getByLabel('Author'));
  await app.keyboard.type('Keyboard analyst');
  await tabTo(app, verdict.getByRole('button', { name: 'Save verdict' }));
  await app.keyboard.press('Enter');
  await expect(panel.getByLabel('Current verdict')).toContainText('Mostly true');
  await expect(app.getByText(/the claim is now Checked/)).toBeVisible();

  // Attach the NATO table: Sources, the source, its CSV, one Tab stop into the grid, arrows, Enter picks a cell.
  await tabTo(app, app.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Sources' }), { back: true, max: 200 });
  await app.keyboard.press('Enter');
  const sourceButton = app.getByRole('list', { name: 'Sources' }).getByRole('button', { name: new RegExp(SOURCE.replace(/[()]/g, '\\$&')) });
  await tabTo(app, sourceButton);
  await app.keyboard.press('Enter');
  const detail = app.getByRole('article', { name: `Source: ${SOURCE}` });
  await tabTo(app, detail.getByRole('button', { name: `Open ${NATO_CSV}`, exact: true }));
  await app.keyboard.press('Enter');
  const grid = app.getByRole('region', { name: `Viewer: ${NATO_CSV}` }).getByRole('grid');
  await expect(grid).toBeVisible();
  await tabTo(app, grid);
  await app.keyboard.press('ArrowDown');
  await app.keyboard.press('ArrowRight');
  await app.keyboard.press('Enter');
  const picked = app.getByRole('group', { name: 'Picked for citing' });
  await expect(picked).toBeVisible();
  await tabTo(app, picked.getByRole('button', { name: 'Cite for a claim…' }), { back: true, max: 200 });
  await app.keyboard.press('Enter');
  const evidence = app.getByRole('dialog', { name: 'Add evidence' });
  await expect(evidence).toBeVisible();
  await tabTo(app, evidence.getByRole('combobox', { name: 'Claim', exact: true }));
  await app.keyboard.type('Britain spends');
  await expect(evidence.getByRole('combobox', { name: 'Claim', exact: true }).locator('option:checked')).toHaveText(CLAIM);
  await tabTo(app, evidence.getByRole('button', { name: 'Save evidence' }));
  await app.keyboard.press('Enter');
  await expect(evidence).toBeHidden();
  await expect(detail.getByRole('list', { name: 'Claims citing this source' }).getByRole('listitem', { name: CLAIM })).toBeVisible();

  // Compare: the section, by keyboard; the hustings' candidates can be ticked with Space.
  await tabTo(app, app.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Compare' }), { back: true, max: 200 });
  await app.keyboard.press('Enter');
  await expect(app.getByRole('heading', { name: 'Compare candidates' })).toBeVisible();
  const speakers = app.getByRole('group', { name: /^Speakers/ });
  for (const name of ['Owen Smith', 'Jeremy Corbyn']) {
    const box = speakers.getByRole('checkbox', { name: new RegExp(name, 'i') }).first();
    if (await box.isChecked()) continue;
    await tabTo(app, box, { back: true, max: 200 });
    await app.keyboard.press('Space');
  }
  await expect(app.getByRole('table', { name: 'Comparison' })).toBeVisible();

  // Export: Reports, Tab to Export HTML, Enter; the file downloads.
  await tabTo(app, app.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Reports' }), { back: true, max: 200 });
  await app.keyboard.press('Enter');
  const exportHtml = app.getByRole('region', { name: 'Export' }).getByRole('button', { name: 'Export HTML', exact: true });
  await tabTo(app, exportHtml, { max: 200 });
  const [download] = await Promise.all([app.waitForEvent('download'), app.keyboard.press('Enter')]);
  expect(download.suggestedFilename()).toMatch(/\.html$/);

  expect(mouse.moved, 'mouse presses during the keyboard journey').toBe(0);
});
