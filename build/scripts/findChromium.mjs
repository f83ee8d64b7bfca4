// Finds a Chromium for the end-to-end tests: $CLAIMDESK_CHROMIUM, then the system's, then Playwright's own.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const SYSTEM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'];

/** @returns {string | undefined} */
export function findChromium() {
  const fromEnv = process.env.CLAIMDESK_CHROMIUM;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  for (const candidate of SYSTEM_CANDIDATES) if (existsSync(candidate)) return candidate;
  try {
    const require = createRequire(import.meta.url);
    const { chromium } = require('@playwright/test');
    const own = chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    // Playwright's browser is not installed; fall through.
  }
  return undefined;
}

export const INSTALL_HINT =
  'No Chromium found for the end-to-end tests. Install one: on Debian/Ubuntu `sudo apt-get install -y chromium`, on other systems `npx playwright install chromium`; or point CLAIMDESK_CHROMIUM at a Chromium or Chrome executable.';
