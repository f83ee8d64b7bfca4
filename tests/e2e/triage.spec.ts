import path from 'node:path';
import { readFileSync } from 'node:fs';
import { expect, restartApp, test } from './fixtures.js';
import type { Page } from '@playwright/test';
import { ImportPage } from './pages/importPage.js';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/triage');
// Importing, then loading the model into its worker the first time, takes a while on a busy machine.
test.setTimeout(150_000);

async function openSampleTriage(app: Page) {
  await app.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'Open the sample project' }).click();
  // The sample goes through the real import pipeline, which takes a few seconds on a cold server.
  await expect(app.getByRole('heading', { name: /Corbyn refuses to guarantee NATO military support/ })).toBeVisible({ timeout: 30_000 });
  await app.getByRole('button', { name: 'Triage' }).click();
  const panel = app.getByRole('region', { name: 'Check-worthiness triage' });
  await panel.getByRole('button', { name: 'Score sentences' }).click();
  const list = panel.getByRole('list', { name: 'Sentences by check-worthiness' });
  // The worker loads the model on its first use.
  await expect(list.getByRole('listitem').first()).toBeVisible({ timeout: 30_000 });
  return { panel, list };
}

async function rankedSentences(list: ReturnType<Page['getByRole']>): Promise<string[]> {
  return list.getByRole('listitem').evaluateAll((items) => items.map((item) => item.getAttribute('aria-label') ?? ''));
}

test('triage ranks the NATO statistics at the top and "He said:" in the lower half, with reasons in words', async ({ app }) => {
  const { panel, list } = await openSampleTriage(app);
  const ranked = await rankedSentences(list);
  expect(ranked.length).toBeGreaterThan(20);
  const rank = (part: string) => ranked.findIndex((s) => s.includes(part));
  expect(rank('only five out of 28 members met this target last year, according to a NATO report')).toBeGreaterThanOrEqual(0);
  expect(rank('only five out of 28 members met this target last year, according to a NATO report')).toBeLessThan(3);
  expect(rank('NATO members’ defence spending is supposed to amount to 2% of GDP')).toBeLessThan(3);
  const heSaid = ranked.flatMap((s, i) => (s === 'He said:' ? [i] : []));
  expect(heSaid.length).toBeGreaterThan(0);
  for (const i of heSaid) expect(i).toBeGreaterThanOrEqual(Math.floor(ranked.length * 0.5));
  const top = list.getByRole('listitem').first();
  await expect(top).toContainText('a percentage');
  await expect(top).toContainText('a proportion or multiple');
  await expect(panel.getByRole('status')).toContainText(`${ranked.length} sentences scored`);
});

test('accept a triaged sentence as a claim, and a dismissal survives a restart', async ({ app }) => {
  const { panel, list } = await openSampleTriage(app);
  const ranked = await rankedSentences(list);
  // A sentence the sample has not made a claim of yet.
  const moscow = list.getByRole('listitem', { name: 'He stressed the importance of building strong diplomatic relations with Moscow.' });
  await moscow.getByRole('button', { name: 'Accept as claim' }).click();
  await expect(moscow.getByRole('button', { name: 'Accepted: open claim' })).toBeVisible();
  await expect(moscow.getByRole('button', { name: 'Dismiss' })).toHaveCount(0);
  await expect(app.getByText(/Claim created: “He stressed the importance/)).toBeVisible();

  const smithIndex = ranked.indexOf('Leadership challenger Owen Smith was unequivocal in his response to the same question.');
  expect(smithIndex).toBeGreaterThanOrEqual(0);
  const smith = list.getByRole('listitem', { name: 'Leadership challenger Owen Smith was unequivocal in his response to the same question.' });
  await smith.getByRole('button', { name: 'Dismiss' }).click();
  await expect(smith).toHaveCount(0);
  await expect(panel.getByRole('status')).toContainText('1 dismissed');

  await restartApp(app);
  await app.getByRole('button', { name: 'Triage' }).click();
  const again = app.getByRole('region', { name: 'Check-worthiness triage' });
  await again.getByRole('button', { name: 'Score sentences' }).click();
  const list2 = again.getByRole('list', { name: 'Sentences by check-worthiness' });
  await expect(list2.getByRole('listitem').first()).toBeVisible({ timeout: 30_000 });
  await expect(list2.getByRole('listitem', { name: 'Leadership challenger Owen Smith was unequivocal in his response to the same question.' })).toHaveCount(0);
  await expect(list2.getByRole('listitem', { name: 'He stressed the importance of building strong diplomatic relations with Moscow.' }).getByRole('button', { name: 'Accepted: open claim' })).toBeVisible();
  await again.getByLabel(/Show dismissed/).check();
  const restored = list2.getByRole('listitem', { name: 'Leadership challenger Owen Smith was unequivocal in his response to the same question.' });
  await restored.getByRole('button', { name: 'Restore' }).click();
  await expect(again.getByRole('status')).toContainText('0 dismissed');
});

test('"Show in text" opens the sentence in the reader', async ({ app }) => {
  const { list } = await openSampleTriage(app);
  await list.getByRole('listitem', { name: /^NATO’s article five enshrines/ }).getByRole('button', { name: 'Show in text' }).click();
  await expect(app.getByRole('status').filter({ hasText: 'Showing “NATO’s article five enshrines' })).toBeVisible();
});

/** Imports the plain debate fixture (no roles given) into a new debate and opens its triage. */
async function importDebate(app: Page, libraryHasDebates = false) {
  const importer = new ImportPage(app);
  await importer.importFiles([path.join(fixtures, 'debate-plain.txt')]);
  const review = importer.review();
  await expect(review).toBeVisible({ timeout: 30_000 });
  if (libraryHasDebates) await review.getByRole('combobox', { name: 'Debate' }).selectOption({ label: 'A new debate' });
  await review.getByLabel('New debate title').fill('Governor debate');
  await importer.saveLast();
  await app.getByRole('button', { name: 'Triage' }).click();
  return app.getByRole('region', { name: 'Check-worthiness triage' });
}

test("a debate's moderator is found and ranked down; filters by speaker and minimum score", async ({ app }) => {
  const panel = await importDebate(app);
  await panel.getByRole('button', { name: 'Score sentences' }).click();
  const list = panel.getByRole('list', { name: 'Sentences by check-worthiness' });
  await expect(list.getByRole('listitem').first()).toBeVisible({ timeout: 30_000 });
  const ranked = await rankedSentences(list);
  // Stage directions are never listed; the candidates' figures come first.
  expect(ranked).not.toContain('(APPLAUSE)');
  const top3 = list.getByRole('listitem').filter({ hasText: /Lindqvist|Osei/ });
  await expect(list.getByRole('listitem').first()).not.toContainText('Harper');
  expect(await top3.count()).toBeGreaterThan(3);
  const moderatorLine = list.getByRole('listitem', { name: /^Mr\. Osei, you said last week/ });
  await expect(moderatorLine).toContainText('Harper (moderator)');
  await expect(moderatorLine).toContainText('said by the moderator: ranked down');
  await expect(list.getByRole('listitem', { name: /^Rents in this state/ })).toContainText('a percentage');

  await panel.getByLabel('Speaker').selectOption({ label: 'Osei' });
  const osei = await rankedSentences(list);
  expect(osei.length).toBeGreaterThan(2);
  for (const text of osei) expect(ranked).toContain(text);
  await expect(list.getByRole('listitem').filter({ hasNotText: 'Osei' })).toHaveCount(0);
  await panel.getByLabel('Speaker').selectOption({ label: 'All speakers' });
  await panel.getByLabel('Minimum score').fill('0.5');
  await expect(panel.getByRole('status')).toContainText('match the filters');
  const high = await rankedSentences(list);
  expect(high.length).toBeLessThan(ranked.length);
  expect(high).toContain('Rents in this state have risen by 38 percent since 2015, according to the state housing report.');
});

test('triage covers every debate at once, and decisions export as labelled data', async ({ app }) => {
  await app.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'Open the sample project' }).click();
  await expect(app.getByRole('heading', { name: /Corbyn refuses to guarantee NATO military support/ })).toBeVisible({ timeout: 30_000 });
  const panel = await importDebate(app, true);
  await panel.getByRole('combobox', { name: 'Scope' }).selectOption({ label: 'every debate' });
  await panel.getByRole('button', { name: 'Score sentences' }).click();
  await expect(panel.getByRole('status')).toContainText('in 2 documents', { timeout: 30_000 });
  const list = panel.getByRole('list', { name: 'Sentences by check-worthiness' });
  const both = await rankedSentences(list);
  expect(both.some((s) => s.startsWith('NATO members’ defence spending'))).toBe(true);
  expect(both.some((s) => s.startsWith('Rents in this state'))).toBe(true);
  await list.getByRole('listitem', { name: 'I think we can do better.' }).getByRole('button', { name: 'Dismiss' }).click();
  await expect(panel.getByRole('status')).toContainText('1 dismissed');
  const download = app.waitForEvent('download');
  await panel.getByRole('button', { name: 'Export decisions' }).click();
  const file = await (await download).path();
  const exported = JSON.parse(readFileSync(file, 'utf8')) as { triageDecisions: Array<{ text: string; decision: string }> };
  expect(exported.triageDecisions).toEqual([expect.objectContaining({ text: 'I think we can do better.', decision: 'dismiss' })]);
});
