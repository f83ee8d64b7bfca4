import type { Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures.js';
import { ReaderPage } from './pages/readerPage.js';

/** ARIA 1.3's "mark" role (what <mark> exposes): Playwright finds it, though its types do not list it yet. */
const MARK = 'mark' as Parameters<Page['getByRole']>[0];

const FIVE_OF_28 = 'only five out of 28 members met this target last year, according to a NATO report';

// Every Electron we ship paints highlights with the CSS Custom Highlight API. Where a browser lacks it, the reader
// falls back to <mark> elements for the turns on screen: the same claims, notes and quotes, still clickable.
test('without the Highlight API, claims show as marked text, a click opens one, and a new claim is marked at once', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.addInitScript(() => {
    delete (window as unknown as { Highlight?: unknown }).Highlight;
  });
  await openApp(page);
  const reader = new ReaderPage(page);
  await page.getByRole('button', { name: 'Open the sample project' }).click();
  await expect(page.getByText('The sample project is ready')).toBeVisible({ timeout: 30_000 });
  await reader.turnWith('only five out of 28');

  const marked = reader.turns().getByRole(MARK).filter({ hasText: FIVE_OF_28 });
  await expect(marked.first()).toBeVisible();
  expect(await page.evaluate(() => typeof CSS.highlights === 'undefined' || CSS.highlights.size === 0)).toBe(true);

  await reader.clickOn('met this target');
  await expect(reader.panel().getByLabel('Statement')).toHaveValue(FIVE_OF_28);

  await reader.select('strong diplomatic relations with Moscow');
  await page.keyboard.press('c');
  await expect(reader.panel().getByLabel('Statement')).toHaveValue('strong diplomatic relations with Moscow');
  await expect(reader.turns().getByRole(MARK).filter({ hasText: /^strong diplomatic relations with Moscow$/ })).toBeVisible();
  expect(errors).toEqual([]);
});
