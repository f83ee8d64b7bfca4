// Import throughput per format, on a generated 3-hour debate (~150 KB of text) and on a 1M-word corpus, against a
// single split+regex pass over the same text as the floor. One JSON object per line:
//   {"measure": "...", "value": number, "unit": "..."}
// Run: npx tsx tests/bench/import.bench.ts
import { performance } from 'node:perf_hooks';
import { Document, Packer, Paragraph } from 'docx';
import { parseFile } from '../../electron/import/parseFile.js';

interface Turn {
  speaker: string;
  text: string;
  start: number;
  end: number;
}

const SPEAKERS = ['MODERATOR (HELEN MARSH)', 'CORBYN', 'SMITH', 'MARSH'];
const WORDS = (
  'we would have to come to the aid of a fellow member of nato that is the nature of the accord defence spending ' +
  'must reach two per cent of gdp and the government has failed working families on housing the health service ' +
  'schools jobs and the economy I do not wish to go to war what I want is a world where we do not need to'
).split(' ');

// A deterministic debate: turns of 20-140 words, 8 seconds a line, a stage direction now and then.
function debate(targetWords: number): Turn[] {
  const turns: Turn[] = [];
  let seed = 42;
  const rand = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  let words = 0;
  let t = 0;
  while (words < targetWords) {
    const n = 20 + Math.floor(rand() * 120);
    const sentence: string[] = [];
    for (let i = 0; i < n; i++) sentence.push(WORDS[Math.floor(rand() * WORDS.length)]!);
    let text = sentence.join(' ').replace(/^./, (c) => c.toUpperCase()) + '.';
    if (rand() < 0.05) text += ' (APPLAUSE)';
    const duration = Math.max(2, n / 2.5);
    turns.push({ speaker: SPEAKERS[turns.length % SPEAKERS.length]!, text, start: t, end: t + duration });
    t += duration;
    words += n;
  }
  return turns;
}

const pad = (n: number): string => String(Math.floor(n)).padStart(2, '0');
const clock = (seconds: number, sep: string): string => {
  const ms = Math.round(seconds * 1000);
  const s = Math.floor(ms / 1000);
  return `${pad(s / 3600)}:${pad((s % 3600) / 60)}:${pad(s % 60)}${sep}${String(ms % 1000).padStart(3, '0')}`;
};
const csvCell = (v: string): string => `"${v.replace(/"/g, '""')}"`;

function render(turns: Turn[]): Record<string, string> {
  return {
    txt: `THE LEADERSHIP DEBATE\nBBC Studios, London, 4 August 2016\n\n${turns.map((t) => `[${clock(t.start, '.').slice(0, 8)}] ${t.speaker}: ${t.text}`).join('\n\n')}\n`,
    md: `# The leadership debate\n\n${turns.map((t) => `**${t.speaker}:** ${t.text}`).join('\n\n')}\n`,
    srt: turns.map((t, i) => `${i + 1}\n${clock(t.start, ',')} --> ${clock(t.end, ',')}\n${t.speaker}: ${t.text}\n`).join('\n'),
    vtt: `WEBVTT\n\n${turns.map((t) => `${clock(t.start, '.')} --> ${clock(t.end, '.')}\n<v ${t.speaker}>${t.text}`).join('\n\n')}\n`,
    csv: `start,speaker,text,segment\n${turns.map((t, i) => [t.start.toFixed(1), csvCell(t.speaker), csvCell(t.text), `part-${i % 6}`].join(',')).join('\n')}\n`,
    json: JSON.stringify({ title: 'The leadership debate', turns: turns.map((t) => ({ speaker: t.speaker, text: t.text, start: t.start, end: t.end })) }),
    html: `<!DOCTYPE html><html><head><title>The leadership debate</title></head><body><nav>Home</nav><article><h1>The leadership debate</h1>${turns
      .map((t) => `<p>${t.speaker}: ${t.text}</p>`)
      .join('')}</article></body></html>`,
  };
}

async function docxOf(turns: Turn[]): Promise<Uint8Array> {
  const doc = new Document({ sections: [{ children: turns.map((t) => new Paragraph(`${t.speaker}: ${t.text}`)) }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

function print(measure: string, value: number, unit: string): void {
  console.log(JSON.stringify({ measure, value: Math.round(value * 100) / 100, unit }));
}

// Repeats until at least `minMs` of work, so small inputs are timed over many runs.
async function time(fn: () => unknown, minMs = 400): Promise<number> {
  await fn();
  let runs = 0;
  const t0 = performance.now();
  do {
    await fn();
    runs++;
  } while (performance.now() - t0 < minMs);
  return (performance.now() - t0) / runs;
}

// The floor: one split into lines and one label regex per line, no structure built.
function floor(text: string): number {
  let labels = 0;
  for (const line of text.split('\n')) if (/^(?:\[[\d:]+\]\s*)?[A-Z][A-Z .()]{1,40}:\s/.test(line)) labels++;
  return labels;
}

async function bench(label: string, targetWords: number, withDocx: boolean): Promise<void> {
  const turns = debate(targetWords);
  const files = render(turns);
  const encoder = new TextEncoder();
  print(`${label}.words`, turns.reduce((n, t) => n + t.text.split(' ').length, 0), 'words');
  print(`${label}.txt.size`, encoder.encode(files.txt!).byteLength / 1024, 'KB');
  const floorMs = await time(() => floor(files.txt!));
  print(`${label}.floor.split-regex`, floorMs, 'ms');
  print(`${label}.floor.split-regex.throughput`, encoder.encode(files.txt!).byteLength / 1024 / 1024 / (floorMs / 1000), 'MB/s');
  for (const [format, text] of Object.entries(files)) {
    const bytes = encoder.encode(text);
    const ms = await time(() => parseFile(`debate.${format}`, bytes), label === '3h' ? 400 : 1);
    print(`${label}.${format}.parse`, ms, 'ms');
    print(`${label}.${format}.throughput`, bytes.byteLength / 1024 / 1024 / (ms / 1000), 'MB/s');
    print(`${label}.${format}.vs-floor`, ms / floorMs, 'x');
  }
  if (withDocx) {
    const bytes = await docxOf(turns);
    const ms = await time(() => parseFile('debate.docx', bytes), label === '3h' ? 400 : 1);
    print(`${label}.docx.parse`, ms, 'ms');
    print(`${label}.docx.throughput`, bytes.byteLength / 1024 / 1024 / (ms / 1000), 'MB/s (compressed)');
  }
}

// Three hours at ~150 words a minute: ~27,000 words, ~150 KB.
await bench('3h', 27_000, true);
await bench('1M-words', 1_000_000, false);
