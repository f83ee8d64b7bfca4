// `npm run security:scan`: Electronegativity over the sources, failing on any HIGH finding that is not an accepted
// false positive in build/securityBaseline.json. Writes the full report as SARIF (release/electronegativity.sarif)
// for code-scanning tools.
//
// Why the API and not the CLI: the CLI exits 0 whatever it finds, and its SARIF has no severity (its `level` only says
// whether a finding needs manual review), so the severities are read from the same run that writes the SARIF.
// AvailableSecurityFixesGlobalCheck is left out: it asks the network for Electron releases.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(root, 'package.json'));
const electronVersion = require('electron/package.json').version;
const baselinePath = path.join(root, 'build/securityBaseline.json');
const sarifPath = path.join(root, 'release/electronegativity.sarif');

// Built output repeats the sources' findings at line numbers that change with every build; tests build insecure
// windows on purpose to prove the guards refuse them.
const IGNORED_DIRS = ['dist/', 'release/', 'tests/', 'node_modules/'];

/** @type {{ id: string, file: string, reason: string }[]} */
const baseline = JSON.parse(fs.readFileSync(baselinePath, 'utf8'));

fs.mkdirSync(path.dirname(sarifPath), { recursive: true });
const run = require('@doyensec/electronegativity');
const result = await run(
  {
    input: root,
    output: sarifPath,
    isSarif: true,
    isRelative: true,
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    electronVersionOverride: electronVersion,
  },
  false,
);

const findings = result.issues
  .map((issue) => ({ ...issue, file: String(issue.file).split(path.sep).join('/') }))
  .filter((issue) => !IGNORED_DIRS.some((dir) => issue.file.startsWith(dir)));

const accepted = (issue) => baseline.find((entry) => entry.id === issue.id && entry.file === issue.file);
const blocking = [];
for (const issue of findings) {
  const where = `${issue.file}:${issue.location.line}`;
  const entry = accepted(issue);
  const line = `${issue.severity.name.padEnd(13)} ${issue.id} ${where}${issue.manualReview ? ' (review)' : ''}`;
  if (issue.severity.name === 'HIGH' && !entry) blocking.push(line);
  console.log(entry ? `${line}  accepted: ${entry.reason}` : line);
}
for (const entry of baseline) {
  if (!findings.some((issue) => issue.id === entry.id && issue.file === entry.file)) {
    console.log(`note: baseline entry ${entry.id} ${entry.file} matched nothing; remove it from build/securityBaseline.json`);
  }
}
if (result.errors.length) console.log(`note: Electronegativity could not parse ${result.errors.length} file(s): ${result.errors.map((e) => e.file).join(', ')}`);

console.log(`\n${findings.length} findings, SARIF at ${path.relative(root, sarifPath)}, Electron ${electronVersion} assumed`);
if (blocking.length) {
  console.error(`security:scan FAIL: ${blocking.length} HIGH finding(s) not in build/securityBaseline.json:`);
  for (const line of blocking) console.error(`  ${line}`);
  // exitCode, not exit(): Electronegativity writes the SARIF asynchronously and exit() would cut it off.
  process.exitCode = 1;
} else {
  console.log('security:scan PASS: no unaccepted HIGH findings');
}
