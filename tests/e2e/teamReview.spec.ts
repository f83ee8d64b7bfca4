import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { ComparePage } from './pages/comparePage.js';
import { ReaderPage } from './pages/readerPage.js';
import { ReportsPage } from './pages/reportsPage.js';

// The parts of team work that need no server: the File menu's Share project… / Join project…, and the blind second
// review, with its agreement (Cohen's κ) in Compare and in the report.
const ARTICLE_TITLE = 'Corbyn refuses to guarantee NATO military support (news article)';
const FIVE = 'only five out of 28 members met this target last year, according to a NATO report';
const TWO = 'NATO members’ defence spending is supposed to amount to 2% of GDP';
const WAR = 'I don’t wish to go to war.';
const FIRST_REASONING = 'The 2% guideline is NATO policy';

async function openSample(app: Page) {
  await app.getByRole('button', { name: 'Open the sample project' }).click();
  await expect(app.getByRole('heading', { name: ARTICLE_TITLE })).toBeVisible({ timeout: 30_000 });
}

async function openClaim(app: Page, words: string): Promise<ReaderPage> {
  const reader = new ReaderPage(app);
  await reader.clickOn(words);
  await expect(reader.panel()).toBeVisible();
  await expect(reader.panel().getByRole('textbox', { name: 'Statement' })).toHaveValue(words);
  return reader;
}

/** Rates the open claim: a first verdict ('save'), or a change of the one it has ('change'), with the reason. */
async function rate(reader: ReaderPage, rating: string, author: string, kind: 'save' | 'change') {
  const form = reader.verdictForm();
  // The form knows whether the claim has a verdict before anything is chosen in it.
  await expect(form.getByRole('button', { name: kind === 'change' ? 'Change verdict' : 'Save verdict' })).toBeVisible();
  await form.getByRole('combobox', { name: 'Scale', exact: true }).selectOption({ label: 'Six steps (True … Wildly false)' });
  await form.getByRole('combobox', { name: 'Rating', exact: true }).selectOption({ label: rating });
  await form.getByLabel('Reasoning').fill(`${author} checked it.`);
  await form.getByLabel('Author').fill(author);
  if (kind === 'change') {
    await form.getByLabel('Why it changed').fill(`${author} rated it again.`);
    await form.getByRole('button', { name: 'Change verdict' }).click();
  } else {
    await form.getByRole('button', { name: 'Save verdict' }).click();
  }
  await expect(reader.panel().getByLabel('Current verdict')).toContainText(rating);
}

test('File › Share project… and Join project… open the team dialogs', async ({ app }) => {
  const menubar = app.getByRole('menubar');
  for (const kind of ['Share', 'Join'] as const) {
    await menubar.getByRole('menuitem', { name: 'File' }).click();
    await app.getByRole('menuitem', { name: `${kind} project…` }).click();
    const dialog = app.getByRole('dialog', { name: `${kind} project` });
    await expect(dialog.getByLabel('Server address')).toBeFocused();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toHaveCount(0);
  }
});

test('a second analyst rates claims blind; Compare and the report show Cohen’s κ and the disagreements', async ({ app }) => {
  test.setTimeout(120_000);
  await openSample(app);
  // Alice gives the current verdict on the five-of-28 claim (the sample rated it from its table check); the sample
  // analyst's verdict on the 2% claim is already there.
  await rate(await openClaim(app, FIVE), 'False', 'Alice', 'change');

  const compare = new ComparePage(app);
  await compare.open();
  const section = app.getByRole('region', { name: 'Blind second review' });
  await expect(section).toContainText('No blind review asked for yet.');
  await section.getByRole('button', { name: 'Ask for a blind review…' }).click();
  const ask = app.getByRole('dialog', { name: 'Ask for a blind review' });
  await expect(ask.getByLabel('Asked by')).toHaveValue('Alice');
  // The rated claims are ticked by default.
  const claims = ask.getByRole('group', { name: /^Claims to review/ });
  await expect(claims.getByRole('checkbox', { name: FIVE })).toBeChecked();
  await expect(claims.getByRole('checkbox', { name: TWO })).toBeChecked();
  await expect(claims.getByRole('checkbox', { name: WAR })).not.toBeChecked();
  await ask.getByLabel('Second analyst').fill('alice');
  await ask.getByRole('button', { name: 'Ask for blind review' }).click();
  await expect(ask.getByRole('alert')).toHaveText('A blind review needs a second analyst, not the one who asks.');
  await ask.getByLabel('Second analyst').fill('Bob');
  await ask.getByRole('button', { name: 'Ask for blind review' }).click();
  await expect(ask).toHaveCount(0);
  const kappa = section.getByRole('cell', { name: /^Cohen’s κ for / });
  await expect(kappa).toHaveText('not computable (no claim rated by both yet)');

  // Bob, at the same desk: once he signs a verdict, the claims waiting for him hide their first verdict.
  // Back to the reader, where the article is still open.
  await app.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Debates' }).click();
  // The claim from the margin beside its turn (the reader still has the last claim open).
  // The reader has laid out its turns again (Virtuoso restores the position) before the margin is clicked.
  await expect(app.locator('body[data-reader-complete]')).toBeAttached();
  const warButton = app.getByRole('button', { name: `No verdict: claim “${WAR}”` });
  await warButton.click();
  await expect(warButton).toHaveAttribute('aria-pressed', 'true');
  const warReader = new ReaderPage(app);
  await expect(warReader.panel().getByRole('textbox', { name: 'Statement' })).toHaveValue(WAR);
  await rate(warReader, 'Half true', 'Bob', 'save');
  const reader = await openClaim(app, TWO);
  await expect(reader.panel().getByRole('note')).toHaveText('Blind review: the first verdict is hidden until you have rated this claim.');
  await expect(reader.panel().getByLabel('Current verdict')).toHaveCount(0);
  await expect(reader.panel()).not.toContainText(FIRST_REASONING);
  const inline = reader.panel().getByRole('form', { name: 'Blind rating' });
  await inline.getByLabel('Blind rating').selectOption({ label: 'True' });
  await inline.getByRole('button', { name: 'Save blind rating' }).click();
  // Rated: the first verdict shows again.
  await expect(reader.panel().getByLabel('Current verdict')).toContainText('True');

  await compare.open();
  await section.getByRole('button', { name: /^Rate blind…/ }).click();
  const review = app.getByRole('dialog', { name: 'Blind review' });
  await expect(review.getByLabel('Reviewer')).toHaveValue('Bob');
  await expect(review.getByRole('status')).toHaveText('1 claim waits for your blind rating.');
  const card = review.getByRole('article', { name: 'Claim to rate' });
  await expect(card.getByRole('heading')).toHaveText(FIVE);
  await expect(review).not.toContainText('Alice checked it.');
  await card.getByRole('combobox', { name: 'Blind rating' }).selectOption({ label: 'Mostly false' });
  await card.getByLabel('Blind reasoning').fill('Five of 28 is close, but the report says four.');
  await card.getByRole('button', { name: 'Save blind rating' }).click();
  await expect(review.getByRole('status')).toHaveText('No claim waits for Bob’s blind rating.');
  await review.getByRole('button', { name: 'Close' }).click();

  // (True, True) and (False, Mostly false): p_o 0.5, p_e 0.25, κ 1/3.
  await expect(kappa).toHaveText('0.33 (fair)');
  const disagreements = section.getByRole('region', { name: /^Disagreements in / });
  await expect(disagreements.getByRole('listitem')).toHaveCount(1);
  await expect(disagreements.getByRole('listitem')).toContainText(FIVE);
  await expect(disagreements.getByRole('listitem')).toContainText('Alice: False · Bob (blind): Mostly false');

  const reports = new ReportsPage(app);
  await reports.open();
  // The preview is built in a worker; on a busy machine that takes a while.
  await expect(reports.preview().getByRole('heading', { name: 'Blind second review' })).toBeVisible({ timeout: 30_000 });
  await expect(reports.preview().getByRole('cell', { name: '0.33 (fair)' })).toBeVisible();
  await expect(reports.preview().getByText(/Alice False; Bob \(blind\) Mostly false/)).toBeVisible();
});
