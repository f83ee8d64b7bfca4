import { expect, restartApp, test } from './fixtures.js';
import type { Page } from '@playwright/test';

async function openSampleTriage(app: Page) {
  await app.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'Open the sample project' }).click();
  // The sample goes through the real import pipeline, which takes a few seconds on a cold server.
  await expect(app.getByRole('heading', { name: /Corbyn refuses to guarantee NATO military support/ })).toBeVisible({ timeout: 30_000 });
  await app.getByRole('button', { name: 'Triage' }).click();
  const panel = app.getByRole('region', { name: 'Check-worthiness triage' });
  await panel.getByRole('button', { name: 'Score sentences' }).click();
  const list = panel.getByRole('list', { name: 'Sentences by check-worthiness' });
  await expect(list.getByRole('listitem').first()).toBeVisible();
  return { panel, list };
}

async function rankedSentences(list: ReturnType<Page['getByRole']>): Promise<string[]> {
  return list.getByRole('listitem').evaluateAll((items) => items.map((item) => item.getAttribute('aria-label') ?? ''));
}

test('triage ranks the NATO statistics at the top and "He said:" at the bottom, with reasons', async ({ app }) => {
  const { panel, list } = await openSampleTriage(app);
  const ranked = await rankedSentences(list);
  expect(ranked.length).toBeGreaterThan(20);
  const rank = (part: string) => ranked.findIndex((s) => s.includes(part));
  expect(rank('only five out of 28 members met this target last year, according to a NATO report')).toBeGreaterThanOrEqual(0);
  expect(rank('only five out of 28 members met this target last year, according to a NATO report')).toBeLessThan(3);
  expect(rank('NATO members’ defence spending is supposed to amount to 2% of GDP')).toBeLessThan(3);
  const heSaid = ranked.flatMap((s, i) => (s === 'He said:' ? [i] : []));
  expect(heSaid.length).toBeGreaterThan(0);
  for (const i of heSaid) expect(i).toBeGreaterThanOrEqual(Math.floor(ranked.length * 0.75));
  const top = list.getByRole('listitem').first();
  await expect(top).toContainText('proportion: "five out of 28"');
  await expect(top).toContainText('attribution: "according to"');
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
  await expect(list2.getByRole('listitem').first()).toBeVisible();
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
