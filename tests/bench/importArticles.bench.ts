// Article-route throughput: quote attribution on a generated ~150 KB news article and on a 1M-word corpus, the
// same text through HTML (Readability), DOCX (mammoth) and PDF (pdf.js), how fast a zip bomb is refused, and a
// single split+regex pass over the same text as the floor. One JSON object per line:
//   {"measure": "...", "value": number, "unit": "..."}
// Run: npx tsx tests/bench/importArticles.bench.ts
import { performance } from 'node:perf_hooks';
import { structureArticle } from '../../electron/import/article.js';
import { extractDocxText } from '../../electron/import/docx.js';
import { parseHtml } from '../../electron/import/html.js';
import { extractPdfText } from '../../electron/import/pdf.js';
import { makeDocx, makeZipBomb } from '../unit/electron/import/docxFixtures.js';
import { bodyLines, makePdf } from '../unit/electron/import/pdfFixtures.js';

const PEOPLE = [
  ['Jeremy Corbyn', 'Mr Corbyn', 'he', 'Labour leader'],
  ['Priya Patel', 'Ms Patel', 'she', 'council leader'],
  ['Owen Smith', 'Mr Smith', 'he', 'leadership challenger'],
  ['Helen Marsh', 'Ms Marsh', 'she', 'transport secretary'],
] as const;
const WORDS = (
  'defence spending must reach two per cent of gdp and the government has failed working families on housing the ' +
  'health service schools jobs and the economy we would have to come to the aid of a fellow member of nato'
).split(' ');

// A deterministic article: narration naming people, inline and block quotes attributed in the usual shapes.
function article(targetWords: number): string {
  let seed = 7;
  const rand = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const words = (n: number) => Array.from({ length: n }, () => WORDS[Math.floor(rand() * WORDS.length)]!).join(' ');
  const paragraphs: string[] = ['Leaders clash over defence spending'];
  let count = 0;
  while (count < targetWords) {
    const [full, short, pronoun, role] = PEOPLE[Math.floor(rand() * PEOPLE.length)]!;
    const shape = Math.floor(rand() * 4);
    const n = 15 + Math.floor(rand() * 40);
    if (shape === 0) paragraphs.push(`The ${role}, ${full}, said the plan was “${words(6)}” and that ${words(n)}.`);
    else if (shape === 1) paragraphs.push(`${short} was asked about ${words(n)}. ${pronoun[0]!.toUpperCase()}${pronoun.slice(1)} said:`, `“${words(n)}. ${words(10)}.”`);
    else if (shape === 2) paragraphs.push(`"${words(n)}," said ${short}. "${words(12)}."`);
    else paragraphs.push(`Critics described the ${words(3)} as a “${words(2)}” while ${words(n)}.`);
    count += n + 20;
  }
  return paragraphs.join('\n\n');
}

function emit(measure: string, value: number, unit: string): void {
  console.log(JSON.stringify({ measure, value: Math.round(value * 100) / 100, unit }));
}

function time<T>(fn: () => T, runs = 3): { ms: number; result: T } {
  let best = Infinity;
  let result!: T;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = fn();
    best = Math.min(best, performance.now() - t0);
  }
  return { ms: best, result };
}

async function timeAsync<T>(fn: () => Promise<T>, runs = 3): Promise<{ ms: number; result: T }> {
  let best = Infinity;
  let result!: T;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = await fn();
    best = Math.min(best, performance.now() - t0);
  }
  return { ms: best, result };
}

const mb = (s: string) => Buffer.byteLength(s) / 1024 / 1024;

for (const [label, target] of [['150kb', 25_000], ['1m-words', 1_000_000]] as const) {
  const text = article(target);
  emit(`article.${label}.size`, Buffer.byteLength(text) / 1024, 'KB');
  const floor = time(() => text.split(/\n\s*\n/).filter((p) => /["“][^"”]+["”]/.test(p)).length, label === '1m-words' ? 1 : 3);
  emit(`article.${label}.floor-split-regex`, mb(text) / (floor.ms / 1000), 'MB/s');
  const run = time(() => structureArticle(text, { format: 'text' }), label === '1m-words' ? 1 : 3);
  emit(`article.${label}.structureArticle`, mb(text) / (run.ms / 1000), 'MB/s');
  emit(`article.${label}.structureArticle-time`, run.ms, 'ms');
  emit(`article.${label}.quotes-attributed`, run.result.quotes.length, 'quotes');
}

const text = article(25_000);
const html = `<html><head><title>Leaders clash</title><script>x()</script></head><body><nav>Home News</nav><article>${text
  .split('\n\n')
  .map((p) => `<p>${p}</p>`)
  .join('')}</article><div id="comments"><p>First!</p></div></body></html>`;
const htmlRun = time(() => parseHtml(html, 'bench.html'));
emit('html.150kb.parseHtml', mb(html) / (htmlRun.ms / 1000), 'MB/s');
emit('html.150kb.parseHtml-time', htmlRun.ms, 'ms');

const docx = await makeDocx(text.split('\n\n'));
const docxRun = await timeAsync(() => extractDocxText(docx));
emit('docx.150kb.extractDocxText', mb(docxRun.result) / (docxRun.ms / 1000), 'MB/s');
emit('docx.150kb.extractDocxText-time', docxRun.ms, 'ms');

const bomb = makeZipBomb(256);
emit('docx.zip-bomb.compressed-size', bomb.length / 1024, 'KB');
const bombRun = await timeAsync(() => extractDocxText(bomb).then(() => 'accepted', () => 'refused'));
emit(`docx.zip-bomb-256mb.${bombRun.result}-after`, bombRun.ms, 'ms');

// 50 lines of ~90 characters a page, a running header and a page number on each.
const lines = text.replace(/\n\n/g, ' \n\n ').split(/\s+/);
const pages: Array<Array<{ text: string; x: number; y: number; size?: number }>> = [];
let page: string[] = [];
let line = '';
const flushPage = () => {
  pages.push([{ text: 'Leaders clash - bench', x: 72, y: 810, size: 9 }, ...bodyLines(page, 780, 14), { text: String(pages.length + 1), x: 290, y: 30, size: 9 }]);
  page = [];
};
for (const word of lines) {
  if (line.length + word.length > 90) {
    page.push(line);
    line = '';
    if (page.length === 50) flushPage();
  }
  line += (line ? ' ' : '') + word.replace(/[^\x20-\x7e]/g, '"');
}
page.push(line);
flushPage();
const pdf = makePdf(pages);
const pdfRun = await timeAsync(() => extractPdfText(pdf), 2);
emit('pdf.150kb.pages', pages.length, 'pages');
emit('pdf.150kb.extractPdfText', mb(pdfRun.result) / (pdfRun.ms / 1000), 'MB/s');
emit('pdf.150kb.extractPdfText-time', pdfRun.ms, 'ms');
