import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures.js';
import { ImportPage } from './pages/importPage.js';
import { ReaderPage } from './pages/readerPage.js';
import { ReportsPage } from './pages/reportsPage.js';
import { SourcesPage } from './pages/sourcesPage.js';

const fixtures = path.resolve(import.meta.dirname, '../fixtures');
const SEED = path.join(fixtures, 'import/seed/corbyn-nato-article.txt');
const NATO_CSV = path.join(fixtures, 'sources/nato-defence-expenditure-pct-gdp-2014-2024.csv');
// Not NATO data: the 2024 table with Estonia's 2015 figure set to 2.07 (see tests/fixtures/tableChecks/README.md).
const VARIANT_CSV = path.join(fixtures, 'tableChecks/nato-edition-test-variant.csv');
const CLAIM = 'only five out of 28 members met this target last year';
const EDITION = 'Defence Expenditure of NATO Countries (2014-2024), June 2024';
const SENTENCE = `4 of 31 allies had ≥ 2.0% of GDP in 2015 (leaving out NATO Europe and Canada, NATO Total) — ${EDITION}`;
// Importing runs the real parser in a worker and the machine may be busy: first appearances get longer.
const expectSoon = expect.configure({ timeout: 30_000 });

test('the seed’s NATO check through the UI: quantity chips, a count over the table, 4 against “five”, the suggested rating accepted, “How we checked” in the report, and a newer edition re-run', async ({ app }) => {
  test.setTimeout(240_000);
  // The seed article, imported as a user would, dated as the hustings it reports on.
  const importer = new ImportPage(app);
  await importer.importFiles([SEED]);
  const review = importer.review();
  await expectSoon(review).toBeVisible();
  await review.getByLabel('New debate title').fill('Labour leadership hustings, Birmingham');
  await review.getByLabel('New debate date').fill('2016-08-18');
  await importer.saveLast();

  // One key makes the claim; its quantity is read at once, "last year" against the debate's date.
  const reader = new ReaderPage(app);
  await reader.select(CLAIM);
  await app.keyboard.press('c');
  const panel = reader.panel();
  await expect(panel.getByLabel('Statement')).toHaveValue(CLAIM);
  const chips = panel.getByRole('list', { name: 'Quantities' }).getByRole('listitem');
  await expect(chips).toHaveCount(1);
  await expect(chips.first()).toHaveAccessibleName('5 of 28 members · only · last year (2015)');

  // The analyst corrects the chip, and undo takes the correction back.
  await panel.getByRole('button', { name: 'Correct quantity 5 of 28 members · only · last year (2015)' }).click();
  const form = panel.getByRole('form', { name: 'Correct quantity' });
  await form.getByLabel('What is counted').fill('allies');
  await form.getByRole('button', { name: 'Save quantity' }).click();
  await expect(chips.first()).toHaveAccessibleName('5 of 28 allies · only · last year (2015)');
  await panel.getByRole('heading', { name: 'Quantities' }).click();
  await app.keyboard.press('Control+z');
  await expect(chips.first()).toHaveAccessibleName('5 of 28 members · only · last year (2015)');

  // Check against table…: the NATO CSV added on the spot, a count of the rows at or above 2.0 in 2015.
  await panel.getByRole('button', { name: 'Check against table…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Check against table' });
  await expect(dialog.getByRole('combobox', { name: 'Claimed quantity' })).toContainText('5 of 28 members');
  await dialog.getByLabel('Add a table file').setInputFiles(NATO_CSV);
  await expectSoon(dialog.getByRole('combobox', { name: 'Computation' })).toHaveValue('count');
  await expect(dialog.getByRole('combobox', { name: 'Column to test' })).toHaveValue('2015');
  await expect(dialog.getByRole('group', { name: /Leave out rows/ }).getByLabel('NATO Total')).toBeChecked();
  await expect(dialog.getByRole('group', { name: /Leave out rows/ }).getByLabel('NATO Europe and Canada')).toBeChecked();
  await expect(dialog.getByRole('group', { name: /Leave out rows/ }).getByLabel('Estonia')).not.toBeChecked();
  await dialog.getByRole('combobox', { name: 'Condition' }).selectOption({ label: '≥ at least' });
  await dialog.getByRole('textbox', { name: 'Value' }).fill('2.0');
  await dialog.getByRole('textbox', { name: 'The rows are' }).fill('allies');
  await dialog.getByRole('textbox', { name: 'Unit of the figures' }).fill('% of GDP');
  await dialog.getByRole('textbox', { name: 'Edition' }).fill(EDITION);
  const result = dialog.getByRole('region', { name: 'Result' });
  await expect(result.getByRole('status')).toHaveText(`4 of 31 — ${SENTENCE}`);
  const versus = dialog.getByRole('region', { name: 'Claimed and computed' });
  await expect(versus).toContainText('“five out of 28” (5)');
  await expect(versus).toContainText('Computed4');
  await expect(versus).toContainText('Outside the claim’s precision — an exact number in words.');
  // A figure left in by mistake changes the answer: the NATO Total row would make it five.
  await dialog.getByRole('group', { name: /Leave out rows/ }).getByLabel('NATO Total').uncheck();
  await expect(result.getByRole('status')).toContainText('5 of 32');
  await dialog.getByRole('group', { name: /Leave out rows/ }).getByLabel('NATO Total').check();
  await expect(result.getByRole('status')).toContainText('4 of 31');
  await dialog.getByRole('button', { name: 'Save check' }).click();
  await expect(dialog).toBeHidden();

  // The check is kept with the claim; the rating is only suggested until the analyst accepts it.
  const checks = panel.getByRole('list', { name: 'Table checks' }).getByRole('listitem');
  await expect(checks).toHaveCount(1);
  await expect(checks.first()).toContainText(SENTENCE);
  // The stored computation runs again on the bytes it names, and gives the same answer.
  await checks.first().getByRole('button', { name: 'Re-run this check' }).click();
  await expect(checks.first().getByRole('status')).toHaveText(/^Reproduced: 4 of 31 again on Defence Expenditure of NATO Countries \(2014-2024\), June 2024, from the same bytes \(sha256 [0-9a-f]{12}…\)\.$/);
  await expect(panel.getByLabel('Current verdict')).toHaveCount(0);
  const suggestion = panel.getByRole('region', { name: 'Suggested verdict' });
  await expect(suggestion).toContainText('Suggested rating: Half true');
  await expect(suggestion.getByRole('combobox', { name: 'Suggested rating' })).toHaveValue('half-true');
  await expect(suggestion.getByLabel('Drafted conclusion')).toHaveValue('The table gives 4, not five.');
  await expect(suggestion.getByLabel('Drafted reasoning')).toHaveValue(/^The claim says “five out of 28” \(5\)\. We computed it from the table: 4 of 31 allies/);
  await suggestion.getByLabel('Drafted reasoning').press('End');
  await suggestion.getByLabel('Drafted reasoning').pressSequentially(' NATO’s July 2016 report gave five.');
  await suggestion.getByLabel('Verdict author').fill('Test analyst');
  await suggestion.getByRole('button', { name: 'Accept suggestion' }).click();
  await expect(panel.getByLabel('Current verdict')).toContainText('Half true');
  await expect(panel.getByLabel('Current verdict')).toContainText('The table gives 4, not five.');
  await expect(panel.getByRole('combobox', { name: 'Status' })).toHaveValue('checked');
  await expect(panel.getByText(/The verdict follows this check \(Half true\)/)).toBeVisible();

  // A newer edition of the table: every stored computation runs again on it, and the claim shows both answers.
  await checks.first().getByRole('button', { name: 'Re-run on another edition…' }).click();
  const rerun = app.getByRole('dialog', { name: 'Re-run on another edition' });
  await rerun.getByRole('textbox', { name: 'Edition name' }).fill('Test variant edition');
  await rerun.getByLabel('Attach a newer edition').setInputFiles(VARIANT_CSV);
  await expect(rerun.getByRole('combobox', { name: 'Edition file' })).toContainText('nato-edition-test-variant.csv — Test variant edition');
  await rerun.getByRole('button', { name: 'Re-run checks' }).click();
  await expect(rerun).toBeHidden();
  await expect(checks.first()).toContainText('The answer changed between editions:');
  const editions = checks.first().getByRole('list', { name: 'Editions' }).getByRole('listitem');
  await expect(editions).toHaveCount(2);
  await expect(editions.nth(0)).toContainText(`4 of 31 — ${EDITION} (checked on)`);
  await expect(editions.nth(1)).toContainText('5 of 31 — Test variant edition');

  // The report carries the check: "How we checked" on the claim's card, in the preview and the HTML export.
  const reports = new ReportsPage(app);
  await reports.open();
  await expectSoon(reports.claimCount()).toHaveText('1 claim in the report');
  const how = reports.preview().getByRole('region', { name: 'How we checked' });
  await expectSoon(how).toContainText(SENTENCE);
  await expect(how).toContainText('Claimed “five out of 28” (5).');
  await expect(how).toContainText('Other editions give a different answer: 5 of 31 in Test variant edition.');
  await expect(reports.preview()).toContainText('Half true');
  const html = readFileSync((await reports.download('Export HTML')).file, 'utf8');
  expect(html).toContain('<h4>How we checked</h4>');
  expect(html).toContain(SENTENCE);
  expect(html).toContain('NATO’s July 2016 report gave five.');
});

test('the sample’s NATO claim shows its real check on first start; a replaced table is noticed and the check still reproduces on its own bytes; triage sentences show their quantities', async ({ app }) => {
  test.setTimeout(180_000);
  await app.getByRole('button', { name: 'Open the sample project' }).click();
  await expectSoon(app.getByRole('article', { name: /Corbyn refuses to guarantee NATO/ })).toBeVisible();
  const sources = new SourcesPage(app);
  await sources.open();
  const title = 'Defence Expenditure of NATO Countries (2014-2024)';
  await sources.sourceButton(/Defence Expenditure of NATO Countries \(2014-2024\)/).click();
  const check = sources.citing(title).getByRole('listitem', { name: /^only five out of 28 members/ }).filter({ hasText: 'Contradicts' });
  await expect(check).toContainText(SENTENCE);
  // Someone attaches a changed file under the same name (the test variant, not NATO data).
  const dir = mkdtempSync(path.join(os.tmpdir(), 'edition-'));
  const replaced = path.join(dir, 'nato-defence-expenditure-pct-gdp-2014-2024.csv');
  copyFileSync(VARIANT_CSV, replaced);
  await sources.attach(title, [replaced]);
  await expectSoon(sources.attachments(title).getByRole('listitem', { name: 'nato-defence-expenditure-pct-gdp-2014-2024.csv' })).toHaveCount(2);

  await check.getByRole('button', { name: /^only five out of 28 members/ }).click();
  const panel = new ReaderPage(app).panel();
  const checks = panel.getByRole('list', { name: 'Table checks' }).getByRole('listitem');
  await expectSoon(checks.first()).toContainText(SENTENCE);
  await expect(panel.getByLabel('Current verdict')).toContainText('Half true');
  await expect(panel.getByRole('combobox', { name: 'Status' })).toHaveValue('checked');
  await expect(panel.getByRole('region', { name: 'Claimed and computed' })).toContainText('Outside the claim’s precision');
  await expect(panel.getByRole('list', { name: 'Quantities' }).getByRole('listitem').first()).toHaveAccessibleName('5 of 28 members · only · last year');
  // The check notices the new file, keeps pointing at the bytes it ran on, and reproduces from them.
  await expect(checks.first().getByRole('note')).toContainText('The table has changed since this check was made. nato-defence-expenditure-pct-gdp-2014-2024.csv with sha256');
  await checks.first().getByRole('button', { name: 'Re-run this check' }).click();
  await expectSoon(checks.first().getByRole('status')).toContainText('Reproduced: 4 of 31 again on Defence Expenditure of NATO Countries (2014-2024), June 2024, from the same bytes');

  // Triage reads the quantities of every sentence, not only of claims.
  await app.getByRole('button', { name: 'Triage' }).click();
  const triage = app.getByRole('region', { name: 'Check-worthiness triage' });
  await triage.getByRole('button', { name: 'Score sentences' }).click();
  // The seed's sentence holds both figures: the 2% target and the five out of 28 who met it.
  const row = triage.getByRole('list', { name: 'Sentences by check-worthiness' }).getByRole('listitem').filter({ hasText: 'only five out of 28 members met this target last year' });
  await expectSoon(row.getByRole('group', { name: 'Quantities in this sentence' })).toContainText('5 of 28 members · only · last year');
  await expect(row.getByRole('group', { name: 'Quantities in this sentence' })).toContainText('2% of GDP');
});
