// `npm run bench`: every benchmark script in tests/bench, one after the other; each prints one JSON object per line
// ({"measure", "value", "unit"}, with "goal" where the figure has one). Run one alone with
// `npx tsx tests/bench/<name>.bench.ts`, or some with `npm run bench -- reader search`.
// At the end: every figure with a goal, met or not, and one line counting them. `--markdown FILE` also writes that
// table as Markdown (the README's Performance section is made from it).
import { spawn } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const markdownAt = args.indexOf('--markdown');
const markdownFile = markdownAt >= 0 ? args[markdownAt + 1] : undefined;
const only = args.filter((a, i) => !a.startsWith('--') && (markdownAt < 0 || i !== markdownAt + 1));
const scripts = readdirSync(path.join(root, 'tests/bench'))
  .filter((f) => f.endsWith('.bench.ts') && (only.length === 0 || only.some((o) => f.includes(o))))
  .sort();

/** Whether `value` meets a goal written as "<= 0.1", ">= 0.8", "< 200", "> 3" or "== 0". */
export function meets(value, goal) {
  const m = /^\s*(<=|>=|<|>|==)\s*(-?[\d.]+)\s*$/.exec(goal);
  if (!m) return undefined;
  const target = Number(m[2]);
  switch (m[1]) {
    case '<=': return value <= target;
    case '>=': return value >= target;
    case '<': return value < target;
    case '>': return value > target;
    default: return value === target;
  }
}

function run(script) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', path.join('tests/bench', script)], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    const goals = [];
    createInterface({ input: child.stdout }).on('line', (line) => {
      console.log(line);
      try {
        const figure = JSON.parse(line);
        if (figure && typeof figure.goal === 'string' && figure.goal !== '') goals.push({ script, ...figure });
      } catch {
        // Not a figure: passed through as it is.
      }
    });
    child.on('close', (code) => resolve({ code, goals }));
  });
}

let failed = 0;
const goals = [];
for (const script of scripts) {
  console.error(`# ${script}`);
  const result = await run(script);
  if (result.code !== 0) {
    failed += 1;
    console.error(`# ${script} exited with ${result.code}`);
  }
  goals.push(...result.goals);
}

const met = goals.filter((g) => meets(g.value, g.goal) === true);
console.error('\n# Goals');
/** 'met', 'missed', or 'unreadable' for a goal not written as an operator and a number (a bench's mistake, never met). */
const verdict = (g) => {
  const met = meets(g.value, g.goal);
  return met === undefined ? 'unreadable' : met ? 'met' : 'missed';
};
for (const g of goals) console.error(`# ${{ met: 'met    ', missed: 'MISSED ', unreadable: 'UNREADABLE' }[verdict(g)]} ${g.measure}: ${g.value} ${g.unit} (goal ${g.goal})`);
console.log(JSON.stringify({ measure: 'bench goals met', value: met.length, unit: `of ${goals.length}`, scriptsFailed: failed }));
if (markdownFile) {
  const cell = (s) => String(s).replace(/\|/g, '\\|');
  const rows = goals.map((g) => `| ${cell(g.measure)} | ${cell(g.value)} ${cell(g.unit)} | ${cell(g.goal)} | ${{ met: 'met', missed: '**missed**', unreadable: '**unreadable goal**' }[verdict(g)]} |`);
  writeFileSync(markdownFile, ['| Figure | Value | Goal | |', '|---|---|---|---|', ...rows, ''].join('\n'));
}
process.exit(failed > 0 ? 1 : 0);
