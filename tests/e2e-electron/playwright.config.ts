import { defineConfig } from '@playwright/test';

/**
 * The Electron smoke suite: launches the built app (npm run build first) through Playwright's `_electron`.
 * Kept apart from tests/e2e, which drives the browser preview in Chromium and runs everywhere; this one needs a real
 * Electron binary and, on Linux, a display (xvfb-run -a). Where there is no binary the spec skips and says why.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  reporter: 'list',
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
});
