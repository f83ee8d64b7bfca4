import path from 'node:path';
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { ImportPage } from './pages/importPage.js';
import { ReaderPage } from './pages/readerPage.js';
import { SourcesPage } from './pages/sourcesPage.js';
import { ComparePage } from './pages/comparePage.js';
import { ReportsPage } from './pages/reportsPage.js';

// The everyday path of issue 11 with the mouse, by role and label: import a hustings transcript, mark a claim by
// dragging across it, attach the NATO table as evidence, rate the claim, compare, export a report. At each step the
// layout is checked at 1280×720, 1280×800 and 2560×1440: the page never scrolls sideways, and the side panel and any
// open dialog fit the window (what does not fit scrolls inside them, so every control can be reached).

const HUSTINGS = path.resolve(import.meta.dirname, '../fixtures/journey/hustings.txt');
const SOURCE = 'Defence Expenditure of NATO Countries (2014-2024)';
const NATO_CSV = 'nato-defence-expenditure-pct-gdp-2014-2024.csv';
const CLAIM = 'Britain spends more than two per cent of its national income on defence, as every NATO member has promised to.';
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1280, height: 800 },
  { width: 2560, height: 1440 },
];

test.describe.configure({ timeout: 300_000 });
test.use({ actionTimeout: 30_000 });

/** Whether an element is wholly inside the window, or scrolls inside a box that is. */
async function reachable(page: Page, locator: Locator, what: string) {
  const size = page.viewportSize()!;
  const box = await locator.boundingBox();
  expect(box, `${what} is on screen`).not.toBeNull();
  expect(box!.x, `${what}: left edge in the window`).toBeGreaterThanOrEqual(-1);
  expect(box!.y, `${what}: top edge in the window`).toBeGreaterThanOrEqual(-1);
  expect(box!.x + box!.width, `${what}: right edge in the window`).toBeLessThanOrEqual(size.width + 1);
  expect(box!.y + box!.height, `${what}: bottom edge in the window`).toBeLessThanOrEqual(size.height + 1);
  // What is taller or wider than its box must scroll there, not be cut off.
  const clipped = await locator.evaluate((el) => {
    const style = getComputedStyle(el);
    const cutY = el.scrollHeight > el.clientHeight + 1 && !/(auto|scroll)/.test(style.overflowY);
    const cutX = el.scrollWidth > el.clientWidth + 1 && !/(auto|scroll)/.test(style.overflowX);
    return cutY || cutX;
  });
  expect(clipped, `${what}: content cut off without a scroll bar`).toBe(false);
}

/** The layout at each window size: no sideways scroll of the page; the side panel and an open dialog fit. */
async function checkLayout(page: Page, step: string, extra: (size: string) => Promise<void> = async () => {}) {
  const initial = page.viewportSize()!;
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const where = `${step} at ${size.width}×${size.height}`;
    const page_ = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: document.documentElement.clientWidth }));
    expect(page_.scroll, `${where}: the page scrolls sideways`).toBeLessThanOrEqual(page_.width);
    const side = page.getByRole('complementary', { name: 'Details' });
    if (await side.isVisible()) await reachable(page, side, `${where}: side panel`);
    const dialog = page.locator('dialog[open]');
    if ((await dialog.count()) > 0) await reachable(page, dialog, `${where}: dialog`);
    await extra(where);
  }
  await page.setViewportSize(initial);
}

test('with the mouse: import a hustings, mark a claim, attach the NATO table, rate, compare, export; the layout holds at 1280×720 to 2560×1440', async ({ app }) => {
  const sections = app.getByRole('navigation', { name: 'Sections' });
  await checkLayout(app, 'welcome');

  // The sample project brings the NATO sources and their table.
  await app.getByRole('button', { name: 'Open the sample project' }).click();
  await expect(app.getByText('The sample project is ready')).toBeVisible({ timeout: 60_000 });

  // Import: File › Import… opens the chooser at once; review, into a debate of its own; Save opens the reader.
  const importer = new ImportPage(app);
  await importer.importFiles([HUSTINGS]);
  const review = importer.review();
  await expect(review).toBeVisible({ timeout: 60_000 });
  await checkLayout(app, 'import review', async (where) => {
    for (const header of ['Merge into', 'Split off']) await reachable(app, importer.dialog().getByRole('columnheader', { name: header }), `${where}: “${header}”`);
  });
  await review.getByRole('combobox', { name: 'Debate', exact: true }).selectOption({ label: 'A new debate' });
  await review.getByLabel('New debate title').fill('Cardiff hustings');
  await review.getByRole('combobox', { name: 'New debate kind', exact: true }).selectOption({ label: 'Hustings' });
  await importer.saveLast();
  const reader = new ReaderPage(app);
  await expect(reader.reader().getByRole('heading', { level: 2, name: 'Labour leadership hustings, Cardiff' })).toBeVisible();
  await expect(app.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /^Cardiff hustings/ })).toBeVisible();
  await checkLayout(app, 'reader');

  // Mark a claim: drag across Smith's sentence; the actions float beside it; Claim.
  const { from, to } = await reader.endsOf(CLAIM);
  await app.mouse.move(from.x, from.y);
  await app.mouse.down();
  await app.mouse.move(to.x, to.y, { steps: 10 });
  await app.mouse.up();
  await expect(reader.selectionToolbar()).toContainText(CLAIM.slice(0, 40));
  await reader.selectionToolbar().getByRole('button', { name: /^Claim/ }).click();
  const panel = reader.panel();
  await expect(panel.getByLabel('Statement')).toHaveValue(CLAIM);
  const turn = await reader.turnWith('Britain spends');
  await expect(turn.getByRole('list', { name: 'Claims in this turn' }).getByRole('button', { name: /^No verdict: claim “Britain spends/ })).toBeVisible();
  await checkLayout(app, 'claim panel');

  // Rate it: six-step scale, Mostly true; the status follows the verdict.
  const verdict = reader.verdictForm();
  await verdict.getByRole('combobox', { name: 'Rating', exact: true }).selectOption({ label: 'Mostly true' });
  await verdict.getByRole('textbox', { name: 'Conclusion' }).fill('The UK spent 2.09 % of GDP on defence in 2016.');
  await verdict.getByRole('textbox', { name: 'Reasoning' }).fill('NATO’s table of defence expenditure gives the United Kingdom 2.09 % for 2016.');
  await verdict.getByRole('textbox', { name: 'Author' }).fill('Mouse analyst');
  await verdict.getByRole('button', { name: 'Save verdict' }).click();
  await expect(panel.getByLabel('Current verdict')).toContainText('Mostly true');
  await expect(app.getByText(/the claim is now Checked/)).toBeVisible();
  await expect(turn.getByRole('button', { name: /^Mostly true: claim “Britain spends/ })).toBeVisible();

  // Attach the NATO table: Sources, the source, its CSV in the grid; click the United Kingdom's 2016 cell; cite.
  const sources = new SourcesPage(app);
  await sources.open();
  await sources.sourceButton(new RegExp(SOURCE.replace(/[()]/g, '\\$&'))).click();
  await sources.attachments(SOURCE).getByRole('button', { name: `Open ${NATO_CSV}`, exact: true }).click();
  const grid = sources.viewer(NATO_CSV).getByRole('grid');
  await expect(grid).toBeVisible();
  const ukRow = grid.getByRole('row').filter({ hasText: 'United Kingdom' });
  await ukRow.getByRole('gridcell', { name: '2.088204876' }).or(ukRow.getByRole('gridcell').nth(3)).first().click();
  await expect(app.getByRole('group', { name: 'Picked for citing' })).toContainText('2016');
  await checkLayout(app, 'sources with the table open');
  const evidence = await sources.citeForClaim(CLAIM, 'Supports');
  await checkLayout(app, 'Add evidence dialog');
  await evidence.getByRole('button', { name: 'Save evidence' }).click();
  await expect(evidence).toBeHidden();
  await expect(sources.citing(SOURCE).getByRole('listitem', { name: CLAIM })).toBeVisible();

  // Compare: the hustings' candidates side by side; the rated claim counts under "No topic".
  const compare = new ComparePage(app);
  await compare.open();
  const debates = app.getByRole('group', { name: 'Scope' });
  const hustings = debates.getByRole('checkbox', { name: /Cardiff hustings/ });
  if (!(await hustings.isChecked())) await hustings.check();
  const speakers = app.getByRole('group', { name: /^Speakers/ });
  for (const name of ['Owen Smith', 'Jeremy Corbyn']) {
    const box = speakers.getByRole('checkbox', { name }).first();
    if (!(await box.isChecked())) await box.check();
  }
  const table = compare.table();
  await expect(table).toBeVisible();
  await expect(table.getByRole('rowheader', { name: /No topic/ })).toBeVisible();
  await expect(table).toContainText('Mostly true');
  await checkLayout(app, 'compare');

  // Export: the report names the claim, its speaker, its verdict and the NATO source.
  const reports = new ReportsPage(app);
  await reports.open();
  await expect(reports.preview()).toContainText(CLAIM, { timeout: 60_000 });
  await checkLayout(app, 'reports');
  await expect(sections.getByRole('button', { name: 'Reports' })).toHaveAttribute('aria-current', 'page');
  const { file, name } = await reports.download('Export HTML');
  expect(name).toMatch(/\.html$/);
  const html = readFileSync(file, 'utf8');
  expect(html).toContain(CLAIM);
  expect(html).toContain('Owen Smith');
  expect(html).toContain('Mostly true');
  expect(html).toContain(SOURCE);
});
