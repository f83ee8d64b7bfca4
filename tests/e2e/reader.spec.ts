import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { ReaderPage } from './pages/readerPage.js';

async function openSample(reader: ReaderPage) {
  await reader.page.getByRole('button', { name: 'Open the sample project' }).click();
  await expect(reader.page.getByText('The sample project is ready')).toBeVisible({ timeout: 30_000 });
  await expect(reader.page.locator('body[data-reader-painted]')).toBeAttached();
}

/** Starts counting layout shifts (PerformanceObserver 'layout-shift' entries), from now on. */
async function watchLayoutShifts(page: Page) {
  await page.evaluate(() => {
    type Shift = PerformanceEntry & { value: number; sources?: { node?: Node | null }[] };
    const w = window as unknown as { __shifts: { value: number; what: string[] }[] };
    w.__shifts = [];
    const since = performance.now();
    const describe = (node: Node | null | undefined) => (node instanceof Element ? `${node.tagName.toLowerCase()}.${[...node.classList].join('.')}` : String(node?.nodeName));
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Shift[]) if (entry.startTime >= since) w.__shifts.push({ value: entry.value, what: (entry.sources ?? []).map((s) => describe(s.node)) });
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

async function layoutShifts(page: Page): Promise<{ value: number }[]> {
  // Entries are delivered after the frame they happen in: let two frames pass.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  return page.evaluate(() => (window as unknown as { __shifts: { value: number }[] }).__shifts);
}

const SENTENCE = 'We cannot allow a military build-up which is going to lead to some calamitous, incredibly dangerous situation.';

// Each test opens the sample through the real import pipeline: on a busy machine that alone takes half a minute.
test.describe.configure({ timeout: 180_000 });

test('dragging across a sentence moves no text (no layout shift) and C makes exactly that sentence the claim', async ({ app }) => {
  const reader = new ReaderPage(app);
  await openSample(reader);
  // Messages about loading the sample leave on their own timer; put them away first so only the reader is measured.
  const dismiss = app.getByRole('button', { name: 'Dismiss message' });
  while ((await dismiss.count()) > 0) await dismiss.first().click();
  const { from, to } = await reader.endsOf(SENTENCE);
  await watchLayoutShifts(app);
  await app.mouse.move(from.x, from.y);
  await app.mouse.down();
  // A slow drag, as a hand makes it: many small steps, each a chance for the page to jump.
  await app.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 12 });
  await expect(reader.selectionToolbar()).toBeHidden();
  await app.mouse.move(to.x, to.y, { steps: 12 });
  expect(await layoutShifts(app), 'layout shifts during the drag').toEqual([]);
  await app.mouse.up();
  // Once the drag ends, the actions float beside the selection: still nothing moves.
  await expect(reader.selectionToolbar()).toBeVisible();
  await expect(reader.selectionToolbar()).toContainText(SENTENCE.slice(0, 40));
  expect(await layoutShifts(app), 'layout shifts when the actions appear').toEqual([]);
  const box = await reader.selectionToolbar().boundingBox();
  expect(box!.y, 'the actions sit below the selection').toBeGreaterThan(to.y);
  await app.keyboard.press('c');
  await expect(reader.panel().getByLabel('Statement')).toHaveValue(SENTENCE);
});

test('keyboard only: arrow keys select sentence by sentence, Shift grows, C claims; the margin shows it by verdict word', async ({ app }) => {
  const reader = new ReaderPage(app);
  await openSample(reader);
  // Focus the transcript from the reader's tools, with Tab only.
  await reader.reader().getByRole('textbox', { name: 'Go to turn or time' }).focus();
  const scroller = reader.scroller();
  for (let i = 0; i < 8 && !(await scroller.evaluate((el) => el === document.activeElement)); i++) await app.keyboard.press('Tab');
  await expect(scroller).toBeFocused();
  await app.keyboard.press('ArrowRight');
  await expect(reader.selectionToolbar()).toContainText('UK Labour leader Jeremy Corbyn has refused to guarantee military support');
  await expect.poll(() => reader.painted('selection')).toEqual(['UK Labour leader Jeremy Corbyn has refused to guarantee military support to another NATO nation if it was attacked by Russia.']);
  await app.keyboard.press('ArrowRight');
  await expect.poll(() => reader.painted('selection')).toEqual(['He stressed the importance of building strong diplomatic relations with Moscow.']);
  await app.keyboard.press('Shift+ArrowRight');
  await app.keyboard.press('Shift+ArrowLeft');
  await expect.poll(() => reader.painted('selection')).toEqual(['He stressed the importance of building strong diplomatic relations with Moscow.']);
  await app.keyboard.press('c');
  const statement = reader.panel().getByLabel('Statement');
  await expect(statement).toHaveValue('He stressed the importance of building strong diplomatic relations with Moscow.');

  // The margin beside the turn names the claim's verdict in words, and opens it.
  const margin = reader.turns().getByRole('button', { name: /^No verdict: claim “He stressed the importance/ });
  await expect(margin).toBeVisible();
  await expect(margin).toHaveAttribute('aria-pressed', 'true');
  const other = reader.turns().getByRole('button', { name: /claim “only five out of 28/ });
  await reader.turnWith('only five out of 28');
  await other.click();
  await expect(statement).toHaveValue(/^only five out of 28/);
  await expect(other).toHaveText(/\S/);
});

test('the status line forgets a deleted claim, and the library’s open debate leads back to its page', async ({ app }) => {
  const reader = new ReaderPage(app);
  await openSample(reader);
  await reader.select(SENTENCE);
  await app.keyboard.press('c');
  await expect(reader.panel().getByLabel('Statement')).toHaveValue(SENTENCE);
  // Walk the claims with J until the status names this one.
  await expect(async () => {
    await reader.scroller().focus();
    await app.keyboard.press('j');
    await expect(reader.status()).toContainText(SENTENCE.slice(0, 30), { timeout: 200 });
  }).toPass();
  await app.keyboard.press('Enter');
  await reader.panel().getByRole('button', { name: 'Delete claim' }).click();
  await reader.panel().getByRole('button', { name: 'Delete for good' }).click();
  await expect(reader.status()).not.toContainText(SENTENCE.slice(0, 30));
  await expect(reader.status()).toHaveText('');

  await app.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /Labour leadership debate/ }).click();
  await expect(app.getByRole('heading', { name: 'Participants' })).toBeVisible();
});
