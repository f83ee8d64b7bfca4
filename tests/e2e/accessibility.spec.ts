import path from 'node:path';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { SourcesPage } from './pages/sourcesPage.js';
import { seriousFindings } from './axe.js';

// axe-core on every main view and every dialog, in light and in dark: no serious or critical violation (WCAG 2.2
// A and AA rules). A screenshot of each main view in both themes goes with the test's artefacts.

const SCHEMES = ['light', 'dark'] as const;
const NATO_CSV = 'nato-defence-expenditure-pct-gdp-2014-2024.csv';
const fixtures = path.resolve(import.meta.dirname, '../fixtures/sources');

test.describe.configure({ timeout: 600_000 });
test.use({ actionTimeout: 30_000 });

/** Checks a view in both themes; for a main view, attaches its screenshot in each. */
async function checkView(page: Page, testInfo: TestInfo, name: string, options: { screenshot?: boolean; include?: string } = {}) {
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    // Let the theme's styles apply before axe reads the computed colours.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    if (options.screenshot) {
      const file = testInfo.outputPath(`${name.replace(/\W+/g, '-').toLowerCase()}-${scheme}.png`);
      await page.screenshot({ path: file });
      await testInfo.attach(`${name} (${scheme})`, { path: file, contentType: 'image/png' });
    }
    // Soft, so one run reports every view's findings.
    const started = Date.now();
    const findings = await seriousFindings(page, options.include);
    console.log(`axe ${name} (${scheme}): ${Date.now() - started} ms`);
    if (findings.length > 0) console.log(`AXE ${name} (${scheme}): ${JSON.stringify(findings)}`);
    expect.soft(findings, `${name} (${scheme}): serious or critical accessibility violations`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Opens a dialog, checks it in both themes, closes it with Escape and sees focus come back to where it was. */
async function checkDialog(page: Page, testInfo: TestInfo, name: string | RegExp, open: () => Promise<void>, opener?: Locator) {
  await open();
  const dialog = page.getByRole('dialog', { name });
  await expect(dialog).toBeVisible();
  await checkView(page, testInfo, `dialog ${String(name)}`, { include: 'dialog[open]' });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  if (opener) await expect(opener).toBeFocused();
}

async function openSample(page: Page) {
  await page.getByRole('button', { name: 'Open the sample project' }).click();
  await expect(page.getByRole('article', { name: /Corbyn refuses to guarantee NATO/ })).toBeVisible({ timeout: 30_000 });
}

function section(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name });
}

test('the axe check finds what it is there to find: a nameless button, faint text, a mislabelled control', async ({ app }) => {
  // Planted in the welcome view, then removed: proves the injected axe runs the rules the other tests rely on.
  await app.evaluate(() => {
    const box = document.createElement('div');
    box.id = 'planted';
    box.innerHTML = '<button type="button"></button><p style="color:#bbb;background:#fff">Faint text</p><button type="button" aria-label="Close">Open in system app</button>';
    document.querySelector('main')?.append(box);
  });
  const rules = (await seriousFindings(app, '#planted')).map((f) => f.rule).sort();
  await app.evaluate(() => document.getElementById('planted')?.remove());
  expect(rules).toEqual(['button-name', 'color-contrast', 'label-content-name-mismatch']);
});

test('every main view passes axe in light and dark, with screenshots of each', async ({ app }, testInfo) => {
  await checkView(app, testInfo, 'welcome', { screenshot: true });
  await openSample(app);
  await expect(app.locator('body[data-reader-painted]')).toBeAttached();
  await checkView(app, testInfo, 'reader', { screenshot: true });

  await app.getByRole('button', { name: 'Back to debate' }).click();
  await expect(app.getByRole('heading', { name: 'Participants' })).toBeVisible();
  await checkView(app, testInfo, 'debate', { screenshot: true });

  const sources = new SourcesPage(app);
  await sources.open();
  const title = 'Defence Expenditure of NATO Countries (2014-2024)';
  await sources.sourceButton(new RegExp(title.replace(/[()]/g, '\\$&'))).click();
  await sources.attachments(title).getByRole('button', { name: `Open ${NATO_CSV}`, exact: true }).click();
  await expect(sources.viewer(NATO_CSV).getByRole('grid')).toBeVisible();
  await checkView(app, testInfo, 'sources', { screenshot: true });

  await section(app, 'Compare').click();
  await expect(app.getByRole('heading', { name: 'Compare candidates' })).toBeVisible();
  await checkView(app, testInfo, 'compare', { screenshot: true });

  await section(app, 'Reports').click();
  await expect(app.getByRole('article', { name: 'Report preview' })).toBeVisible({ timeout: 60_000 });
  await checkView(app, testInfo, 'reports', { screenshot: true });
});

test('every dialog passes axe in light and dark, and Escape gives focus back to its opener', async ({ app }, testInfo) => {
  const menu = async (menuName: string, item: string) => {
    await app.getByRole('menubar', { name: 'Application menu' }).getByRole('menuitem', { name: menuName }).click();
    await app.getByRole('menu', { name: menuName }).getByRole('menuitem', { name: item }).click();
  };
  const menuButton = (name: string) => app.getByRole('menubar', { name: 'Application menu' }).getByRole('menuitem', { name });
  await openSample(app);

  const newDebate = app.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'New debate' });
  await checkDialog(app, testInfo, 'New debate', () => newDebate.click(), newDebate);
  await checkDialog(app, testInfo, 'Keyboard shortcuts', () => menu('Help', 'Keyboard Shortcuts'), menuButton('Help'));
  await checkDialog(app, testInfo, 'About Claimdesk', () => menu('Help', 'About Claimdesk'), menuButton('Help'));
  await checkDialog(app, testInfo, 'Search', () => menu('View', 'Search…'), menuButton('View'));
  await checkDialog(app, testInfo, 'Export project', () => menu('File', 'Export Project…'), menuButton('File'));
  await checkDialog(app, testInfo, 'Import project', () => menu('File', 'Import Project…'), menuButton('File'));
  await checkDialog(app, testInfo, 'Backups', () => menu('File', 'Backups and Restore…'), menuButton('File'));

  // The import dialog opens the file chooser at once: the chooser is the system's, the dialog behind it ours.
  const chooser = app.waitForEvent('filechooser');
  await menu('File', 'Import…');
  await (await chooser).setFiles(path.resolve(import.meta.dirname, '../fixtures/annotate/transcript.txt'));
  const importDialog = app.getByRole('dialog', { name: 'Import documents' });
  await expect(importDialog).toBeVisible();
  await expect(importDialog.getByRole('form', { name: /^Review/ })).toBeVisible({ timeout: 30_000 });
  await checkView(app, testInfo, 'dialog Import documents (review)', { include: 'dialog[open]' });
  await app.keyboard.press('Escape');
  await expect(importDialog).toBeHidden();

  // The debate page's dialogs.
  await app.getByRole('button', { name: 'Back to debate' }).click();
  const edit = app.getByRole('button', { name: 'Edit debate' });
  await checkDialog(app, testInfo, 'Edit debate', () => edit.click(), edit);
  const del = app.getByRole('button', { name: 'Delete debate' });
  await checkDialog(app, testInfo, 'Delete debate?', () => del.click(), del);

  // The claim panel's dialogs.
  await app.getByRole('link', { name: /Corbyn refuses to guarantee NATO/ }).or(app.getByRole('button', { name: /^Corbyn refuses to guarantee NATO/ })).first().click();
  const margin = app.getByRole('list', { name: 'Turns' }).getByRole('button', { name: /: claim “/ }).first();
  await margin.click();
  const panel = app.getByRole('complementary', { name: 'Details' }).getByRole('region', { name: 'Claim' });
  await expect(panel).toBeVisible();
  const newScale = panel.getByRole('button', { name: 'New scale…' });
  await checkDialog(app, testInfo, 'New verdict scale', () => newScale.click(), newScale);
  const addEvidence = panel.getByRole('button', { name: 'Add evidence…' });
  await checkDialog(app, testInfo, 'Add evidence', () => addEvidence.click(), addEvidence);

  // Sources.
  const sources = new SourcesPage(app);
  await sources.open();
  const newSource = app.getByRole('button', { name: 'New source' });
  await checkDialog(app, testInfo, 'New source', () => newSource.click(), newSource);
  // Import citations opens the system's file chooser (a file input styled as a button); the dialog shows what it read.
  const importCitations = app.getByLabel('Import citations (CSL-JSON, BibTeX, RIS)');
  const bib = path.join(fixtures, 'zotero-library.bib');
  await checkDialog(app, testInfo, 'Import citations', async () => {
    await importCitations.focus();
    await importCitations.setInputFiles(bib);
  }, importCitations);
  await sources.createSource({ title: 'A source to delete' });
  const deleteSource = sources.detail('A source to delete').getByRole('button', { name: 'Delete source' });
  await checkDialog(app, testInfo, 'Delete source', () => deleteSource.click(), deleteSource);
  await sources.attach('A source to delete', [path.join(fixtures, NATO_CSV)]);

  // Compare.
  await section(app, 'Compare').click();
  const topics = app.getByRole('button', { name: 'Topics…' });
  await checkDialog(app, testInfo, 'Topics', () => topics.click(), topics);
  const stance = app.getByRole('button', { name: /^Set stance of / }).first();
  await checkDialog(app, testInfo, /^Stance of /, () => stance.click(), stance);
});

test('the first Tab stops skip to the reading area and to the details panel, and pass axe while shown', async ({ app }, testInfo) => {
  await openSample(app);
  const skipLinks = app.getByRole('navigation', { name: 'Skip links' });
  const toReader = skipLinks.getByRole('link', { name: 'Skip to the reading area' });
  const toDetails = skipLinks.getByRole('link', { name: 'Skip to the details panel' });
  const readingArea = app.getByRole('main', { name: 'Reading area' });
  /** Shift+Tab until `target` has focus: the skip links come before the menu, the sections and the library. */
  const backTo = async (target: Locator) => {
    for (let i = 0; i < 40 && !(await target.evaluate((el) => el === document.activeElement)); i++) await app.keyboard.press('Shift+Tab');
    await expect(target).toBeFocused();
  };
  // Out of sight until focused: a mouse user never sees them.
  await expect(toReader).not.toBeInViewport();

  await section(app, 'Debates').focus();
  await backTo(toReader);
  await expect(toReader).toBeInViewport();
  await checkView(app, testInfo, 'skip link shown');
  await app.keyboard.press('Enter');
  await expect(readingArea).toBeFocused();
  // The next Tab goes into the reader, past the menus, the sections and the library.
  await app.keyboard.press('Tab');
  expect(await readingArea.evaluate((main) => main !== document.activeElement && main.contains(document.activeElement))).toBe(true);

  await backTo(toDetails);
  await app.keyboard.press('Enter');
  await expect(app.getByRole('complementary', { name: 'Details' })).toBeFocused();
});
