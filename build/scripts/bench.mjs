// `npm run bench`: every benchmark script in tests/bench, one after the other; each prints one JSON object per line
// ({"measure", "value", "unit"}). Run one alone with `npx tsx tests/bench/<name>.bench.ts`.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const only = process.argv.slice(2);
const scripts = readdirSync(path.join(root, 'tests/bench'))
  .filter((f) => f.endsWith('.bench.ts') && (only.length === 0 || only.some((o) => f.includes(o))))
  .sort();
let failed = 0;
for (const script of scripts) {
  console.error(`# ${script}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join('tests/bench', script)], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) failed += 1;
}
process.exit(failed > 0 ? 1 : 0);
