import { expect, restartApp, test } from './fixtures.js';
import type { Page } from '@playwright/test';

async function openSample(app: Page) {
  await app.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'Open the sample project' }).click();
  // The sample goes through the real import pipeline, which takes a few seconds on a cold server.
  await expect(app.getByRole('heading', { name: /Corbyn refuses to guarantee NATO military support/ })).toBeVisible({ timeout: 30_000 });
}

function searchDialog(app: Page) {
  return app.getByRole('dialog', { name: 'Search' });
}

async function search(app: Page, query: string) {
  await app.keyboard.press('Control+k');
  const dialog = searchDialog(app);
  await expect(dialog).toBeVisible();
  const box = dialog.getByRole('combobox', { name: 'Search documents, claims and notes, sources, evidence and conclusions' });
  await expect(box).toBeFocused();
  await box.fill(query);
  return { dialog, box, results: dialog.getByRole('listbox', { name: 'Results' }).getByRole('option') };
}

test('Ctrl+K, "OSCE": the hit opens the article at that turn with the word highlighted', async ({ app }) => {
  await openSample(app);
  // Leave the article so that opening the hit has to bring it back.
  await app.getByRole('button', { name: '← Back to debate' }).click();
  const { dialog, box, results } = await search(app, 'OSCE');
  await expect(results.first()).toBeVisible();
  const texts = await results.allInnerTexts();
  expect(texts.some((t) => t.startsWith('Text'))).toBe(true);
  expect(texts.some((t) => t.startsWith('Claim'))).toBe(true);
  // The text hit comes first (a word in a turn) and shows the word marked in its snippet.
  const textHit = results.filter({ hasText: /^Text/ }).first();
  await expect(textHit.getByText('OSCE', { exact: true })).toBeVisible();
  // Arrow keys move through the results; Enter opens the active one.
  const index = texts.findIndex((t) => t.startsWith('Text'));
  for (let i = 0; i < index; i++) await box.press('ArrowDown');
  await expect(results.nth(index)).toHaveAttribute('aria-selected', 'true');
  await box.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(app.getByRole('heading', { name: /Corbyn refuses to guarantee NATO military support/ })).toBeVisible();
  // The reader announces exactly the span it highlights: the matched word, not the whole turn.
  await expect(app.getByRole('status').filter({ hasText: 'Showing “OSCE”' })).toBeVisible();
  await expect(app.getByRole('listitem').filter({ hasText: 'strengthen our relationship and activity within the OSCE' }).first()).toBeInViewport();
});

test('prefix and typo search, a claim hit selects the claim, and the speaker filter narrows results', async ({ app }) => {
  await openSample(app);
  const { dialog, box, results } = await search(app, 'calamit');
  await expect(results).toHaveCount(2);
  await box.fill('diplomatc');
  await expect(results.filter({ hasText: 'diplomatic relations' }).first()).toBeVisible();

  await box.fill('NATO');
  await expect(results.first()).toBeVisible();
  const all = await results.count();
  await dialog.getByLabel('Speaker').selectOption({ label: 'Owen Smith' });
  await expect(async () => {
    const narrowed = await results.count();
    expect(narrowed).toBeGreaterThan(0);
    expect(narrowed).toBeLessThan(all);
  }).toPass();
  for (const text of await results.allInnerTexts()) expect(text).not.toContain('OSCE');
  await expect(results.filter({ hasText: 'We would have to come to the aid of a fellow member of NATO' }).first()).toBeVisible();

  // Status narrows to claims: the Smith promise is "new".
  await dialog.getByLabel('Status').selectOption('new');
  // The results refresh when the worker answers: until then the previous list is still on screen.
  await expect(async () => {
    const texts = await results.allInnerTexts();
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) expect(text.startsWith('Claim')).toBe(true);
  }).toPass();
  await dialog.getByLabel('Status').selectOption('');
  await dialog.getByLabel('Speaker').selectOption('');
  // The verdict filter: only the 2% claim has a verdict (True) in the sample.
  await dialog.getByLabel('Verdict').selectOption({ label: 'True' });
  await expect(results).toHaveCount(1);
  await expect(results.first()).toContainText('2% of GDP');
  await results.first().click();
  await expect(dialog).toBeHidden();
  await expect(app.getByRole('status').filter({ hasText: 'Showing “NATO members’ defence spending is supposed to amount to 2% of GDP”' })).toBeVisible();
});

test('the index is saved and, after a restart, loaded from disk instead of rebuilt; new claims are indexed as they are made', async ({ app }) => {
  await openSample(app);
  const first = await search(app, 'OSCE');
  await expect(first.results.first()).toBeVisible();
  const indexStatus = first.dialog.getByRole('status', { name: 'Search index' });
  await expect(indexStatus).toContainText('Index built from the library');
  await expect(indexStatus).toContainText(', saved.');
  // The index runs in a Web Worker (the status says when it had to fall back to the window).
  await expect(indexStatus).not.toContainText('no worker');
  const entries = Number(/; (\d+) entries/.exec((await indexStatus.textContent()) ?? '')?.[1]);
  expect(entries).toBeGreaterThan(20);
  await first.dialog.getByRole('button', { name: 'Close' }).click();

  await restartApp(app);
  const again = await search(app, 'OSCE');
  await expect(again.results.first()).toBeVisible();
  const status = again.dialog.getByRole('status', { name: 'Search index' });
  await expect(status).toContainText(`Index loaded from disk: ${entries} entries; 0 records updated since`);
  await again.dialog.getByRole('button', { name: 'Close' }).click();

  // A claim made now is found at once: triage accepts a sentence the sample has not claimed.
  await app.getByRole('button', { name: 'Triage' }).click();
  const triage = app.getByRole('region', { name: 'Check-worthiness triage' });
  await triage.getByRole('button', { name: 'Score sentences' }).click();
  await triage.getByRole('listitem', { name: 'He stressed the importance of building strong diplomatic relations with Moscow.' }).getByRole('button', { name: 'Accept as claim' }).click();
  const third = await search(app, 'Moscow');
  await expect(third.results.filter({ hasText: /^Claim/ })).toHaveCount(1);
  await expect(third.dialog.getByRole('status', { name: 'Search index' })).toContainText('1 record updated since');
});

test('sources, evidence excerpts and verdict conclusions are found; each result says what it is and opens where it belongs', async ({ app }) => {
  await openSample(app);
  const details = app.getByRole('complementary', { name: 'Details' });
  const claimPanel = details.getByRole('region', { name: 'Claim', exact: true });

  // A library source, by its author: the Sources page opens at that source.
  let found = await search(app, 'Public Diplomacy');
  const sourceHits = found.results.filter({ hasText: /^Source/ });
  await expect(sourceHits).toHaveCount(2);
  const count = await found.results.count();
  await expect(found.dialog.getByRole('status').filter({ hasText: 'for “Public Diplomacy”' })).toHaveText(`${count} results for “Public Diplomacy”`);
  await sourceHits.filter({ hasText: 'Defence Expenditure of NATO Countries (2014-2024)' }).click();
  await expect(found.dialog).toBeHidden();
  await expect(app.getByRole('article', { name: 'Source: Defence Expenditure of NATO Countries (2014-2024)' })).toBeVisible();
  await expect(app.getByRole('region', { name: 'Sources library' }).getByRole('button', { name: /Defence Expenditure of NATO Countries \(2014-2024\)/ })).toHaveAttribute('aria-current', 'true');

  // An evidence excerpt: the result names the source and the claim it backs, and opens that claim with its evidence.
  // Both links of the five-of-28 claim carry a note naming Estonia's 2.16; each result names its own source.
  found = await search(app, 'Estonia 2.16');
  await expect(found.results.filter({ hasText: /^Evidence/ })).toHaveCount(2);
  await expect(found.results.filter({ hasText: /^Evidence/ }).filter({ hasText: 'Defence Expenditure of NATO Countries (2014-2024)' })).toHaveCount(1);
  const evidenceHit = found.results.filter({ hasText: /^Evidence/ }).filter({ hasText: 'Defence Expenditure of NATO Countries (2009-2016)' });
  await expect(evidenceHit).toHaveCount(1);
  await expect(evidenceHit).toContainText('Claim: “only five out of 28 members met this target last year');
  await expect(evidenceHit).toContainText('Verdict: ');
  await expect(evidenceHit.getByText('Estonia', { exact: true })).toBeVisible();
  await evidenceHit.click();
  await expect(found.dialog).toBeHidden();
  await expect(claimPanel.getByLabel('Statement')).toHaveValue('only five out of 28 members met this target last year, according to a NATO report');
  await expect(claimPanel.getByRole('list', { name: 'Evidence for this claim' }).getByRole('listitem', { name: 'Defence Expenditure of NATO Countries (2009-2016)' })).toBeVisible();
  // The reader is back at the article, showing where the claim was said.
  await expect(app.getByRole('status').filter({ hasText: 'Showing “only five out of 28 members met this target last year' })).toBeVisible();

  // A verdict conclusion: the result gives the verdict and the claim, and opens the claim with that verdict.
  // (The conclusion's own words: the reasoning does not say "agreed to aim".)
  found = await search(app, 'agreed to aim');
  const verdictHit = found.results.filter({ hasText: /^Verdict/ });
  await expect(verdictHit).toHaveCount(1);
  await expect(verdictHit).toContainText('Verdict: True');
  await expect(verdictHit).toContainText('Claim: “NATO members’ defence spending is supposed to amount to 2% of GDP”');
  await verdictHit.click();
  await expect(found.dialog).toBeHidden();
  await expect(claimPanel.getByLabel('Statement')).toHaveValue('NATO members’ defence spending is supposed to amount to 2% of GDP');
  await expect(claimPanel.getByLabel('Current verdict')).toContainText('True');
  await expect(app.getByRole('status').filter({ hasText: 'Showing “NATO members’ defence spending is supposed to amount to 2% of GDP”' })).toBeVisible();

  // An edited conclusion is searched as soon as it is saved; the old words are gone.
  const form = claimPanel.getByRole('form', { name: 'Set verdict' });
  await form.getByRole('textbox', { name: 'Conclusion', exact: true }).fill('Allies restated the 2% guideline at the Vilnius summit in 2023.');
  await form.getByLabel('Why it changed').fill('A newer source');
  await form.getByRole('button', { name: 'Change verdict' }).click();
  await expect(claimPanel.getByLabel('Current verdict')).toContainText('Vilnius');
  found = await search(app, 'Vilnius');
  await expect(found.results.filter({ hasText: /^Verdict/ })).toHaveCount(1);
  await found.box.fill('agreed to aim');
  await expect(found.dialog.getByRole('status').filter({ hasText: '“agreed to aim”' })).toBeVisible();
  await expect(found.results.filter({ hasText: /^Verdict/ })).toHaveCount(0);

  // A claim result names its speaker; nothing found says so in words.
  await found.box.fill('OSCE');
  await expect(found.results.filter({ hasText: /^Claim/ }).first()).toContainText('Jeremy Corbyn');
  await found.box.fill('zzyzxq');
  await expect(found.dialog.getByRole('status').filter({ hasText: 'zzyzxq' })).toHaveText('No results for “zzyzxq”');
  await expect(found.results).toHaveCount(0);
});

test('View › Search opens the dialog; typing there is not taken for reader shortcuts; Escape closes it', async ({ app }) => {
  await openSample(app);
  await app.getByRole('menuitem', { name: 'View' }).click();
  await app.getByRole('menuitem', { name: 'Search…' }).click();
  const dialog = searchDialog(app);
  const box = dialog.getByRole('combobox', { name: 'Search documents, claims and notes, sources, evidence and conclusions' });
  await expect(box).toBeFocused();
  // Real key presses: c, n and t are the reader's claim, note and tag keys outside a text field.
  await box.pressSequentially('continent');
  await expect(box).toHaveValue('continent');
  await box.fill('');
  await box.pressSequentially('nato treaty');
  await expect(dialog.getByRole('listbox', { name: 'Results' }).getByRole('option').first()).toContainText('treaty');
  await expect(box).toHaveAttribute('aria-activedescendant', 'search-result-0');
  await app.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
