/**
 * The reader on a generated three-hour debate (1,500 turns, ~30,000 words) with 5,000 claims: time to first paint
 * (reader mounted → turns on screen with their highlights painted) and the longest main-thread task while scrolling
 * top to bottom (PerformanceObserver 'longtask'), in Chromium via Playwright against the built browser preview.
 * Targets: first paint < 200 ms, no task > 50 ms. One JSON object per line.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { createAnchor } from '../../shared/anchoring/createAnchor.js';
import type { Appearance, Claim, Debate, DocumentRecord, Person, Turn } from '../../shared/model.js';

const root = path.resolve(import.meta.dirname, '../..');
const dist = 'dist-bench';
const TURNS = 1_500;
const CLAIMS = 5_000;

function print(measure: string, value: number, unit: string, extra: Record<string, unknown> = {}): void {
  console.log(JSON.stringify({ measure, value: Math.round(value * 10) / 10, unit, ...extra }));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** A deterministic pseudo-random generator, so every run reads the same debate. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

const WORDS = 'the government unemployment fell by percent since billion pounds health service schools taxes we will build homes every year my opponent voted against crime police energy prices trade deal jobs created inflation wages families border spending defence NATO target report according to figures'.split(' ');

function generate() {
  const rnd = random(42);
  const stamp = '2026-01-01T00:00:00.000Z';
  const debate: Debate = { id: 'deb_bench', title: 'Generated three-hour debate', kind: 'tv-debate', createdAt: stamp, updatedAt: stamp };
  const people: Person[] = ['Candidate A', 'Candidate B', 'Moderator'].map((name, i) => ({ id: `per_bench_${i}`, name, aliases: [], color: ['#1f5fbf', '#b2182b', '#555555'][i]!, createdAt: stamp, updatedAt: stamp }));
  const turns: Turn[] = [];
  const texts: string[] = [];
  let offset = 0;
  for (let i = 0; i < TURNS; i++) {
    const sentences: string[] = [];
    const n = 2 + Math.floor(rnd() * 2);
    for (let s = 0; s < n; s++) {
      const words = Array.from({ length: 6 + Math.floor(rnd() * 5) }, () => WORDS[Math.floor(rnd() * WORDS.length)]!);
      words.push(String(Math.floor(rnd() * 1000)));
      sentences.push(`${words.join(' ').replace(/^./, (c) => c.toUpperCase())}.`);
    }
    const text = sentences.join(' ');
    const personId = people[i % 3 === 2 ? 2 : i % 3]!.id;
    turns.push({ id: `trn_bench_${i}`, documentId: 'doc_bench', index: i, personId, kind: 'speech', text, offset, start: i * 7.2, end: i * 7.2 + 7 });
    texts.push(text);
    offset += text.length + 2;
  }
  const fullText = texts.join('\n\n');
  const document: DocumentRecord = { id: 'doc_bench', debateId: debate.id, title: 'Generated three-hour debate (transcript)', format: 'text', text: fullText, version: 1, quotes: [], createdAt: stamp, updatedAt: stamp };
  const claims: Claim[] = [];
  const appearances: Appearance[] = [];
  for (let c = 0; c < CLAIMS; c++) {
    const turn = turns[Math.floor(rnd() * TURNS)]!;
    const from = Math.floor(rnd() * Math.max(1, turn.text.length - 40));
    const length = 15 + Math.floor(rnd() * 50);
    const start = turn.offset + from;
    const end = Math.min(turn.offset + turn.text.length, start + length);
    claims.push({ id: `clm_bench_${c}`, text: fullText.slice(start, end), type: 'statistic', status: 'new', topicIds: [], claimantId: turn.personId ?? undefined, createdAt: stamp, updatedAt: stamp } as Claim);
    appearances.push({ id: `app_bench_${c}`, claimId: `clm_bench_${c}`, documentId: document.id, anchor: createAnchor(fullText, start, end, 1), state: 'anchored', turnId: turn.id, createdAt: stamp, updatedAt: stamp });
  }
  const words = fullText.split(/\s+/).length;
  return { debate, people, document, turns, claims, appearances, words };
}

async function main(): Promise<void> {
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, env: { ...process.env, CLAIMDESK_DIST: dist }, stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) throw new Error('the build failed');
  const port = await freePort();
  const userData = mkdtempSync(path.join(os.tmpdir(), 'claimdesk-bench-'));
  const server = spawn(process.execPath, [path.join(dist, 'electron/previewServer.mjs'), '--port', String(port)], { cwd: root, env: { ...process.env, CLAIMDESK_TEST: '1', CLAIMDESK_USER_DATA: userData }, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    server.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('http://')) resolve();
    });
    server.on('exit', (code) => reject(new Error(`preview server exited with ${code}`)));
  });
  const browser = await chromium.launch({ executablePath: process.env.CLAIMDESK_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.addInitScript(() => {
      const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
      w.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    // Diagnosis: the same run with highlight painting switched off shows what the highlights themselves cost.
    if (process.env.READER_BENCH_NO_HIGHLIGHTS) await page.addInitScript(() => void (CSS.highlights.set = () => CSS.highlights));
    const base = `http://127.0.0.1:${port}/`;
    await page.goto(base);
    await page.waitForSelector('body[data-app-state="ready"]');

    // Write the debate straight into the app's IndexedDB (the schema the app just opened), then restart on it.
    const data = generate();
    await page.evaluate(async (d) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('claimdesk');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const tables = ['debates', 'people', 'documents', 'turns', 'claims', 'appearances', 'settings'];
      const tx = db.transaction(tables, 'readwrite');
      tx.objectStore('debates').put(d.debate);
      for (const p of d.people) tx.objectStore('people').put(p);
      tx.objectStore('documents').put(d.document);
      for (const t of d.turns) tx.objectStore('turns').put(t);
      for (const c of d.claims) tx.objectStore('claims').put(c);
      for (const a of d.appearances) tx.objectStore('appearances').put(a);
      tx.objectStore('settings').put({ key: 'lastDebateId', value: d.debate.id });
      tx.objectStore('settings').put({ key: 'lastDocumentId', value: d.document.id });
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    }, data);

    const firstPaints: number[] = [];
    const fromNavigation: number[] = [];
    let maxScrollTask = 0;
    let scrollTasks = 0;
    let scrollMs = 0;
    for (let run = 0; run < 5; run++) {
      await page.goto(base);
      await page.waitForSelector('body[data-reader-painted="doc_bench"]');
      const marks = await page.evaluate(() => {
        const open = performance.getEntriesByName('reader:open').at(-1)?.startTime ?? NaN;
        const painted = performance.getEntriesByName('reader:painted').at(-1)?.startTime ?? NaN;
        return { open, painted };
      });
      firstPaints.push(marks.painted - marks.open);
      fromNavigation.push(marks.painted);
      if (run < 2) continue;
      const cdp = process.env.READER_BENCH_PROFILE && run === 4 ? await page.context().newCDPSession(page) : undefined;
      if (cdp) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.start');
      }
      const result = await page.evaluate(async () => {
        const scroller = document.querySelector('[data-virtuoso-scroller]') as HTMLElement;
        // No named helpers in here: tsx would wrap them in a __name() call the page does not have.
        await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
        const begin = performance.now();
        while (scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight - 2) {
          scroller.scrollTop += scroller.clientHeight * 0.9;
          await new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
        }
        await new Promise((resolve) => setTimeout(resolve, 300));
        const end = performance.now();
        const painted = CSS.highlights.get('cd-claim')?.size ?? 0;
        const tasks = (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks.filter((t) => t.start >= begin && t.start <= end);
        return { ms: end - begin, tasks: tasks.length, max: Math.max(0, ...tasks.map((t) => t.duration)), painted };
      });
      if (cdp) {
        const { profile } = await cdp.send('Profiler.stop');
        const self = new Map<string, number>();
        const byId = new Map(profile.nodes.map((n) => [n.id, n]));
        const dt = profile.timeDeltas ?? [];
        (profile.samples ?? []).forEach((id, i) => {
          const n = byId.get(id)!;
          const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`;
          self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
        });
        console.error([...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${v.toFixed(0)}ms ${k}`).join('\n'));
      }
      if (result.painted === 0 && !process.env.READER_BENCH_NO_HIGHLIGHTS) throw new Error('no claim highlights were painted at the bottom of the debate');
      maxScrollTask = Math.max(maxScrollTask, result.max);
      scrollTasks += result.tasks;
      scrollMs = result.ms;
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const debate = { turns: TURNS, words: data.words, claims: CLAIMS };
    print('reader first paint (mount → turns and highlights painted), median of 5', median(firstPaints), 'ms', { target: '< 200', runs: firstPaints.map(Math.round), ...debate });
    print('reader first paint from navigation (app start, database open, reader restored), median of 5', median(fromNavigation), 'ms', debate);
    print('longest main-thread task while scrolling top to bottom (3 runs)', maxScrollTask, 'ms', { target: '<= 50', longTasks: scrollTasks, ...debate });
    print('scroll top to bottom (2 frames per screen)', scrollMs, 'ms', debate);
  } finally {
    await browser.close();
    server.kill();
  }
}

await main();
