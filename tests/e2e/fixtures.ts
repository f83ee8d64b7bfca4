import { test as base, expect, type Page } from '@playwright/test';

/** Opens the app on an empty profile (a fresh browser context) and waits for its explicit ready signal. */
export async function openApp(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.locator('body[data-app-state="ready"]')).toBeAttached();
}

/** Reloads as a restart would, and waits for ready again. */
export async function restartApp(page: Page): Promise<void> {
  await page.reload();
  await expect(page.locator('body[data-app-state="ready"]')).toBeAttached();
}

/**
 * Opens the sample project from the first-start offer and waits until its article is on screen. Building it runs the
 * real import pipeline in a worker, which on a loaded machine takes longer than an ordinary wait.
 */
export async function openSampleProject(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Open the sample project' }).click();
  await expect(page.getByRole('article', { name: /Corbyn refuses to guarantee NATO/ })).toBeVisible({ timeout: 30_000 });
}

export const test = base.extend<{ app: Page }>({
  app: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await openApp(page);
    await use(page);
    // A test fails if the page threw or logged an error (CSP violations included).
    expect(errors, 'errors in the page').toEqual([]);
  },
});

export { expect };
