import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findChromium } from '../../build/scripts/findChromium.mjs';

// The browser-preview suite: the built window and the real handlers behind the HTTP transport, in Chromium.
// `npm test` builds first; each test gets a fresh browser context, so an empty IndexedDB.
const port = Number(process.env.CLAIMDESK_E2E_PORT ?? 5199);
const userData = process.env.CLAIMDESK_E2E_USER_DATA ?? mkdtempSync(path.join(os.tmpdir(), 'claimdesk-e2e-'));
process.env.CLAIMDESK_E2E_USER_DATA = userData;
const executablePath = findChromium();

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  reporter: [['list']],
  timeout: 60_000,
  // Imports and table reads run in workers; on a shared, loaded CI machine they can take longer than Playwright's
  // 5 s default. A wait still fails when the thing never appears.
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    viewport: { width: 1400, height: 900 },
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `node ${process.env.CLAIMDESK_DIST ?? 'dist'}/electron/previewServer.mjs --port ${port}`,
    cwd: path.resolve(import.meta.dirname, '../..'),
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    env: { CLAIMDESK_TEST: '1', CLAIMDESK_USER_DATA: userData },
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
