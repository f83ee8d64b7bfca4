import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { newProjectId, signInvitation } from '../../electron/syncServer/tokens.js';
import {
  inviteFromCli,
  restartSyncServer,
  startPostgres,
  startPreview,
  startRedis,
  startSyncServerProcess,
  TEST_SECRET,
  type Postgres,
  type PreviewProcess,
  type Redis,
  type SyncServerProcess,
} from '../support/services.js';
import { ReaderPage } from './pages/readerPage.js';

// Team projects for real: PostgreSQL, Redis and two sync-server processes on free ports; two "laptops" (two preview
// servers, each its own vault and origin) driven by separate browser contexts, so each has its own IndexedDB.
const FIVE = 'only five out of 28 members met this target last year, according to a NATO report';
const TWO = 'NATO members’ defence spending is supposed to amount to 2% of GDP';

let pg: Postgres;
let redis: Redis;
let s1: SyncServerProcess;
let s2: SyncServerProcess;
let laptopA: PreviewProcess;
let laptopB: PreviewProcess;
let a: Page;
let b: Page;
let contextA: BrowserContext;
let contextB: BrowserContext;

const test = base.extend({});
test.describe.configure({ mode: 'serial', timeout: 240_000 });

async function openLaptop(browser: Browser, laptop: PreviewProcess): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: laptop.url, viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[${laptop.url}] page error: ${error.message}`));
  await page.goto('/');
  await expect(page.locator('body[data-app-state="ready"]')).toBeAttached({ timeout: 30_000 });
  return { context, page };
}

function status(page: Page) {
  return page.getByRole('status', { name: 'Sync status' });
}

async function teamRequest(page: Page, kind: 'Share' | 'Join', server: string, invitation: string, name: string) {
  await page.getByRole('button', { name: `${kind} project…` }).click();
  const dialog = page.getByRole('dialog', { name: `${kind} project` });
  await dialog.getByLabel('Server address').fill(server);
  await dialog.getByLabel('Invitation').fill(invitation);
  await dialog.getByLabel('Your name').fill(name);
  await dialog.getByRole('button', { name: kind, exact: true }).click();
}

/** The first Share or Join reloads the window once (its CSP must name the server), then carries on. */
async function expectOnline(page: Page) {
  await expect(page.locator('body[data-app-state="ready"]')).toBeAttached({ timeout: 30_000 });
  await expect(status(page)).toHaveText(/Online/, { timeout: 30_000 });
}

async function inviteFromApp(page: Page, role: 'Editor' | 'Viewer'): Promise<string> {
  await page.getByRole('button', { name: /^Team project/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Team project' });
  await dialog.getByLabel('Role').selectOption(role.toLowerCase());
  await dialog.getByRole('button', { name: 'Create invitation' }).click();
  const box = dialog.getByLabel(/New invitation/);
  await expect(box).not.toHaveValue('');
  const invitation = await box.inputValue();
  await dialog.getByRole('button', { name: 'Close' }).click();
  return invitation;
}

async function openClaim(page: Page, words: string) {
  const reader = new ReaderPage(page);
  if (!(await reader.reader().isVisible())) {
    await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /Labour leadership debate/ }).click();
    await page.getByRole('button', { name: /Corbyn refuses to guarantee NATO military support/ }).first().click();
  }
  await expect(reader.reader()).toBeVisible();
  await reader.clickOn(words);
  await expect(reader.panel()).toBeVisible();
  return reader;
}

async function rate(reader: ReaderPage, rating: string, reasoning: string, author: string, why?: string) {
  const form = reader.verdictForm();
  await form.getByRole('combobox', { name: 'Scale', exact: true }).selectOption({ label: 'Six steps (True … Wildly false)' });
  await form.getByRole('combobox', { name: 'Rating', exact: true }).selectOption({ label: rating });
  await form.getByLabel('Reasoning').fill(reasoning);
  await form.getByLabel('Author').fill(author);
  // A first verdict needs no reason; a change does.
  if (why && (await form.getByLabel('Why it changed').count()) > 0) await form.getByLabel('Why it changed').fill(why);
  await form.getByRole('button', { name: /Save verdict|Change verdict/ }).click();
  await expect(reader.panel().getByLabel('Current verdict')).toContainText(rating);
}

function vaultHashes(laptop: PreviewProcess): string[] {
  const root = path.join(laptop.userData, 'vault');
  if (!existsSync(root)) return [];
  return readdirSync(root).flatMap((dir) => readdirSync(path.join(root, dir)));
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  [pg, redis] = await Promise.all([startPostgres(), startRedis()]);
  s1 = await startSyncServerProcess({ databaseUrl: pg.url, redisUrl: redis.url });
  s2 = await startSyncServerProcess({ databaseUrl: pg.url, redisUrl: redis.url });
  [laptopA, laptopB] = await Promise.all([startPreview(), startPreview()]);
  ({ context: contextA, page: a } = await openLaptop(browser, laptopA));
  ({ context: contextB, page: b } = await openLaptop(browser, laptopB));
});

test.afterAll(async () => {
  await contextA?.close();
  await contextB?.close();
  for (const stop of [laptopA?.stop, laptopB?.stop, s1?.stop, s2?.stop, redis?.stop, pg?.stop]) await stop?.().catch(() => undefined);
});

test('an analyst shares the library; a second laptop joins and gets records, files, authorship and presence', async () => {
  await a.getByRole('button', { name: 'Open the sample project' }).click();
  await expect(a.getByText('The sample project is ready')).toBeVisible({ timeout: 60_000 });

  await teamRequest(a, 'Share', s1.url, inviteFromCli(['--name', 'Debate night']), 'Alice');
  await expectOnline(a);
  await expect(a.getByRole('button', { name: /^Team project Debate night/ })).toBeVisible();

  const invitation = await inviteFromApp(a, 'Editor');
  await teamRequest(b, 'Join', s1.url, invitation, 'Bob');
  await expectOnline(b);
  await expect(b.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /Labour leadership debate/ })).toBeVisible({ timeout: 30_000 });

  // The sample's files (the article, the NATO table) came across by hash into B's own vault.
  await expect.poll(() => vaultHashes(laptopB).sort(), { timeout: 30_000 }).toEqual(vaultHashes(laptopA).sort());
  expect(vaultHashes(laptopA).length).toBeGreaterThan(0);

  // B edits a claim A made: B's copy says who did what, and so does A's.
  // The sample's verdict already made this claim checked; B publishes it.
  const readerB = await openClaim(b, TWO);
  await readerB.panel().getByRole('combobox', { name: 'Status' }).selectOption('published');
  await readerB.panel().getByRole('button', { name: 'Save claim' }).click();
  await expect(readerB.panel().getByLabel('Claim authorship')).toHaveText('Last changed by Bob');
  const readerA = await openClaim(a, TWO);
  await expect(readerA.panel().getByRole('combobox', { name: 'Status' })).toHaveValue('published', { timeout: 15_000 });
  await expect(readerA.panel().getByLabel('Claim authorship')).toHaveText('Last changed by Bob');

  // Presence: A sees that Bob is online and reading the article.
  await a.getByRole('button', { name: /^Team project/ }).click();
  const team = a.getByRole('dialog', { name: 'Team project' });
  await expect(team.getByRole('region', { name: 'Online now' })).toContainText('Bob (Editor) — reading “Corbyn refuses to guarantee NATO military support', { timeout: 15_000 });
  await expect(team.getByRole('region', { name: 'Members' })).toContainText('Alice — Owner');
  await team.getByRole('button', { name: 'Close' }).click();
});

test('offline, both edit the same claim and rate it; back online both converge and keep both ratings', async () => {
  const readerA = await openClaim(a, FIVE);
  const readerB = await openClaim(b, FIVE);
  await contextA.setOffline(true);
  await expect(status(a)).toHaveText(/Offline/);

  await readerA.panel().getByLabel('Statement').fill('Only five of 28 NATO members met the 2% target in 2015');
  await readerA.panel().getByRole('button', { name: 'Save claim' }).click();
  await rate(readerA, 'False', 'The NATO table lists four members at 2% or more.', 'Alice', 'Recounted from the table');
  await expect(status(a)).toHaveText(/Offline — \d+ changes? waiting/);

  // B changes another field (the status would move to checked with the verdict anyway).
  await readerB.panel().getByRole('combobox', { name: 'Type' }).selectOption('comparison');
  await readerB.panel().getByRole('button', { name: 'Save claim' }).click();
  await rate(readerB, 'Mostly true', 'Five allies met it in 2015, four in 2016.', 'Bob', 'Checked the 2015 column');

  await contextA.setOffline(false);
  await expectOnline(a);
  await expectOnline(b);
  for (const reader of [readerA, readerB]) {
    await expect(reader.panel().getByLabel('Statement')).toHaveValue('Only five of 28 NATO members met the 2% target in 2015', { timeout: 15_000 });
    await expect(reader.panel().getByRole('combobox', { name: 'Type' })).toHaveValue('comparison');
    await expect(reader.history().filter({ hasText: 'Alice' }).filter({ hasText: 'False' })).toHaveCount(1);
    await expect(reader.history().filter({ hasText: 'Bob' }).filter({ hasText: 'Mostly true' })).toHaveCount(1);
  }
  // Both copies agree on which rating is current: the later one.
  const current = await readerA.panel().getByLabel('Current verdict').innerText();
  await expect(readerB.panel().getByLabel('Current verdict')).toHaveText(current);
  await expect(readerB.panel().getByLabel('Current verdict')).toContainText('Mostly true');
});

test('the server is killed mid-session and restarted: no edit is lost on either side', async () => {
  const readerA = await openClaim(a, TWO);
  const readerB = await openClaim(b, FIVE);
  await s1.kill();
  await expect(status(a)).not.toHaveText(/Online/, { timeout: 30_000 });
  await readerA.panel().getByLabel('Notes').fill('Written while the server was down (A)');
  await readerA.panel().getByRole('button', { name: 'Save claim' }).click();
  await readerB.panel().getByLabel('Notes').fill('Written while the server was down (B)');
  await readerB.panel().getByRole('button', { name: 'Save claim' }).click();
  s1 = await restartSyncServer(s1, { databaseUrl: pg.url, redisUrl: redis.url });
  await expectOnline(a);
  await expectOnline(b);
  const onA = await openClaim(a, FIVE);
  await expect(onA.panel().getByLabel('Notes')).toHaveValue('Written while the server was down (B)', { timeout: 20_000 });
  const onB = await openClaim(b, TWO);
  await expect(onB.panel().getByLabel('Notes')).toHaveValue('Written while the server was down (A)', { timeout: 20_000 });
});

test('a laptop on a second server instance, joined through Redis, converges with one on the first', async ({ browser }) => {
  const invitation = await inviteFromApp(a, 'Editor');
  const { context, page: c } = await openLaptop(browser, laptopB);
  try {
    await teamRequest(c, 'Join', s2.url, invitation, 'Carla');
    await expectOnline(c);
    const readerC = await openClaim(c, TWO);
    await readerC.panel().getByLabel('Notes').fill('Carla, through the second server');
    await readerC.panel().getByRole('button', { name: 'Save claim' }).click();
    const readerA = await openClaim(a, TWO);
    await expect(readerA.panel().getByLabel('Notes')).toHaveValue('Carla, through the second server', { timeout: 20_000 });
    await readerA.panel().getByLabel('Notes').fill('Alice answers through the first');
    await readerA.panel().getByRole('button', { name: 'Save claim' }).click();
    await expect(readerC.panel().getByLabel('Notes')).toHaveValue('Alice answers through the first', { timeout: 20_000 });
  } finally {
    await context.close();
  }
});

test('a viewer reads but cannot write, and wrong or expired invitations are refused', async ({ browser }) => {
  const viewerInvitation = await inviteFromApp(a, 'Viewer');
  const { context, page: v } = await openLaptop(browser, laptopB);
  try {
    // A made-up invitation, then an expired one: one clear sentence each, and nothing joined.
    await teamRequest(v, 'Join', s1.url, 'not-an-invitation', 'Vera');
    const dialog = v.getByRole('dialog', { name: 'Join project' });
    // The first request to this server reloads the window (its CSP), then carries on and reports.
    await expect(dialog.getByRole('alert')).toHaveText(/not valid for this server/, { timeout: 45_000 });
    const expired = (await signInvitation(TEST_SECRET, { projectId: newProjectId(), role: 'editor', expiresInSeconds: -60 })).token;
    await dialog.getByLabel('Invitation').fill(expired);
    await dialog.getByRole('button', { name: 'Join', exact: true }).click();
    await expect(dialog.getByRole('alert')).toHaveText('This invitation has expired: ask for a new one.', { timeout: 15_000 });
    await expect(v.getByRole('button', { name: 'Share project…' })).toBeVisible();

    await dialog.getByLabel('Invitation').fill(viewerInvitation);
    await dialog.getByRole('button', { name: 'Join', exact: true }).click();
    await expectOnline(v);
    const readerV = await openClaim(v, TWO);
    await readerV.panel().getByLabel('Notes').fill('A viewer tries to write');
    await readerV.panel().getByRole('button', { name: 'Save claim' }).click();
    await expect(v.getByText(/You are a viewer in this team project/).first()).toBeVisible({ timeout: 15_000 });
    const readerA = await openClaim(a, TWO);
    await expect(readerA.panel().getByLabel('Notes')).toHaveValue('Alice answers through the first');
  } finally {
    await context.close();
  }
});
