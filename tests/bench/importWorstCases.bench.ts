// Bounded cost on hostile input (issue 12, item 10): generated worst cases for the importer, each parsed by the
// app's parseFile alone in a fresh process at two sizes, printing peak memory and time, and from the two sizes the
// memory growth per input byte (goal <= 10: peak memory <= 10x the input plus a constant) and how the CPU time per MB
// changes from the small size to the large one (goal <= 1.5: linear time). One JSON object per line:
//   {"measure": "...", "value": number, "unit": "...", "goal"?: "..."}
// Run: npx tsx tests/bench/importWorstCases.bench.ts   (about two minutes)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

interface Run {
  bytes: number;
  wallMs: number;
  cpuMs: number;
  peakBytes: number;
  outcome: string;
}

interface Case {
  name: string;
  file: string;
  /** Input sizes, small then large, in whatever unit `make` takes. */
  sizes: [number, number];
  sizeLabel: (size: number) => string;
  make: (size: number) => string;
}

const MB = 1024 * 1024;
const WORDS = (
  'the minister said that spending on defence would rise and the council argued against it while allies watched ' +
  'we would have to come to the aid of a fellow member that is the nature of the accord housing schools jobs economy'
).split(' ');
const NAMES = ['Corbyn', 'Owen Smith', 'Mr Green', 'Ms Patel', 'Helen Marsh', 'Tom Wu', 'the Labour leader', 'she', 'he'];

function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

// Prose on a single line: sentences, names, speech verbs, curly and straight quotations, apostrophes.
function proseLine(bytes: number): string {
  const rand = random(7);
  const parts: string[] = [];
  let n = 0;
  while (n < bytes) {
    const words: string[] = [];
    for (let i = 0, k = 6 + Math.floor(rand() * 14); i < k; i++) words.push(WORDS[Math.floor(rand() * WORDS.length)]!);
    const who = NAMES[Math.floor(rand() * NAMES.length)]!;
    const roll = rand();
    const sentence =
      roll < 0.2
        ? `“${words.join(' ')},” said ${who}. `
        : roll < 0.3
          ? `${who} told reporters: "${words.join(' ')}." `
          : roll < 0.35
            ? `It's the members' ${words.join(' ')} 'so to speak'. `
            : `${words.join(' ').replace(/^./, (c) => c.toUpperCase())}. `;
    parts.push(sentence);
    n += sentence.length;
  }
  return parts.join('');
}

// Distinct speaker labels, one turn each: the case that made speaker resolution quadratic.
function distinctLabels(count: number): string {
  const lines: string[] = ['HOSTILE TRANSCRIPT', ''];
  for (let i = 0; i < count; i++) {
    let label = '';
    for (let v = i; label.length === 0 || v > 0; v = Math.floor(v / 26)) label = String.fromCharCode(65 + (v % 26)) + label;
    lines.push(`SPEAKER ${label}: Yes, we did that again.`);
  }
  return lines.join('\n');
}

// Stray quotation marks and apostrophes on one line: every opener searches for a closer that never comes.
function strayQuotes(bytes: number): string {
  const unit = ` 'a "b 'c “d members' e`;
  return unit.repeat(Math.ceil(bytes / unit.length));
}

// A transcript whose second speech is one huge line full of colons after capitals: every one a candidate label.
function midLineCandidates(bytes: number): string {
  const unit = 'We spoke to them. NATO: the alliance. And then — UNIDENTIFIED: Yes. CORBYN said: "SMITH: no". ';
  return `CORBYN: Good evening.\nSMITH: Thank you.\nCORBYN: ${unit.repeat(Math.ceil(bytes / unit.length))}\n`;
}

const dir = mkdtempSync(path.join(tmpdir(), 'claimdesk-worst-'));
const child = path.join(import.meta.dirname, 'importWorstCasesChild.ts');
const cases: Case[] = [
  { name: 'one line of prose, no labels', file: 'prose-line.txt', sizes: [5, 25], sizeLabel: (s) => `${s} MB`, make: (s) => proseLine(s * MB) },
  { name: 'distinct speaker labels', file: 'labels.txt', sizes: [40_000, 200_000], sizeLabel: (s) => `${s.toLocaleString('en')} labels`, make: distinctLabels },
  { name: 'one line of stray quotes', file: 'quotes.txt', sizes: [2, 10], sizeLabel: (s) => `${s} MB`, make: (s) => strayQuotes(s * MB) },
  { name: 'one speech of mid-line label candidates', file: 'midline.txt', sizes: [5, 25], sizeLabel: (s) => `${s} MB`, make: (s) => midLineCandidates(s * MB) },
];

function emit(measure: string, value: number, unit: string, goal?: string): void {
  console.log(JSON.stringify({ measure, value: Math.round(value * 100) / 100, unit, ...(goal ? { goal } : {}) }));
}

function parseOnce(file: string, name: string): Run {
  const result = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', child, file, name], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (result.status !== 0) throw new Error(`child failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').pop()!) as Run;
}

try {
  for (const c of cases) {
    const runs: Run[] = [];
    for (const size of c.sizes) {
      const file = path.join(dir, c.file);
      writeFileSync(file, c.make(size));
      const run = parseOnce(file, c.file);
      runs.push(run);
      const label = `import worst case: ${c.name}, ${c.sizeLabel(size)} (${(run.bytes / MB).toFixed(1)} MB)`;
      emit(`${label}: peak memory`, run.peakBytes / MB, 'MB');
      emit(`${label}: parse time`, run.wallMs, 'ms');
      emit(`${label}: parse CPU time`, run.cpuMs, 'ms');
      console.error(`# ${label}: ${run.outcome.slice(0, 200)}`);
    }
    const [small, large] = runs as [Run, Run];
    emit(`import worst case: ${c.name}: memory growth per input byte, ${c.sizeLabel(c.sizes[0])} -> ${c.sizeLabel(c.sizes[1])}`, (large.peakBytes - small.peakBytes) / (large.bytes - small.bytes), 'x', '<= 10');
    emit(`import worst case: ${c.name}: peak memory / input size at ${c.sizeLabel(c.sizes[1])}`, large.peakBytes / large.bytes, 'x');
    emit(`import worst case: ${c.name}: CPU time per MB at ${c.sizeLabel(c.sizes[0])}`, small.cpuMs / (small.bytes / MB), 'ms/MB');
    emit(`import worst case: ${c.name}: CPU time per MB at ${c.sizeLabel(c.sizes[1])}`, large.cpuMs / (large.bytes / MB), 'ms/MB');
    emit(
      `import worst case: ${c.name}: CPU time per MB, ${c.sizeLabel(c.sizes[1])} / ${c.sizeLabel(c.sizes[0])} (1 = linear)`,
      large.cpuMs / large.bytes / (small.cpuMs / small.bytes),
      'x',
      '<= 1.5',
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
