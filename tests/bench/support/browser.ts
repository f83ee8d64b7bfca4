/**
 * Benchmarks that must run where the app runs: Chromium (through Playwright), its real IndexedDB and real Web Workers.
 * A page entry (TypeScript that imports the app's own modules) is bundled with esbuild and served from a made-up
 * origin through Playwright's routing, so no server process is started and IndexedDB has a real origin to live in.
 */
import path from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from '@playwright/test';
import { findChromium } from '../../../build/scripts/findChromium.mjs';

const root = path.resolve(import.meta.dirname, '../../..');
export const BENCH_ORIGIN = 'http://claimdesk-bench.test';

/** One browser-ready script (an IIFE) holding `entry` and everything it imports. */
export async function bundle(entry: string): Promise<string> {
  const result = await build({
    absWorkingDir: root,
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome130',
    write: false,
    minify: true,
    logLevel: 'error',
    define: { 'import.meta.env.DEV': 'false', 'import.meta.env.PROD': 'true' },
  });
  return result.outputFiles[0]!.text;
}

export interface BenchPage {
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

/**
 * Chromium with a page at BENCH_ORIGIN that runs `scripts` (path → code; the first is the page's own script, the
 * others can be loaded as workers from `${BENCH_ORIGIN}/<path>`).
 */
export async function openBenchPage(scripts: Record<string, string>): Promise<BenchPage> {
  const executablePath = findChromium();
  const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage();
  const [main] = Object.keys(scripts);
  await page.route(`${BENCH_ORIGIN}/**`, async (route) => {
    const name = new URL(route.request().url()).pathname.slice(1);
    if (name === '' || name === 'index.html') {
      await route.fulfill({ contentType: 'text/html', body: `<!doctype html><meta charset="utf-8"><title>bench</title><script src="/${main}"></script>` });
    } else if (scripts[name] !== undefined) {
      await route.fulfill({ contentType: 'text/javascript', body: scripts[name] });
    } else {
      await route.fulfill({ status: 404, body: '' });
    }
  });
  page.on('pageerror', (error) => console.error(`[page] ${error.message}`));
  await page.goto(`${BENCH_ORIGIN}/`);
  return { browser, page, close: () => browser.close() };
}
