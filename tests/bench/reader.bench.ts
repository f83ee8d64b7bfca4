/**
 * The reader on a generated three-hour debate (1,500 turns, ~30,000 words) with 5,000 claims, in Chromium via
 * Playwright against the built browser preview. Each of READER_BENCH_RUNS (default 20) runs restarts the app on the
 * debate (in a new window: a fresh renderer process, as a new start of the app has, rather than a reload that leaves
 * the last run's records in the heap for the collector to meet during this one) and measures:
 * - first paint from opening the document (reader mounted → turns on screen with every claim of theirs painted and
 *   its place held in the margin, to the end of that frame's rendering) and from navigation (app start, database
 *   open, reader restored); the margin's verdict words, read just after that paint, are timed on reopening;
 * - the longest main-thread task (PerformanceObserver 'longtask') from the moment the document is opened, through
 *   scrolling top to bottom while the rest of the debate is still loading, to the last turn on screen.
 * p50 and p95 over the runs, the worst task of every run. Goals: first paint p95 < 200 ms from opening and < 1 s
 * from navigation; no task over 50 ms in any run. Reopening mid-document and the repeat suggestion follow.
 * One JSON object per line.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { createAnchor } from '../../shared/anchoring/createAnchor.js';
import type { Appearance, Claim, Debate, DocumentRecord, Person, Turn } from '../../shared/model.js';
import { figure, quantile } from './support/figures.js';

const root = path.resolve(import.meta.dirname, '../..');
const dist = 'dist-bench';
const TURNS = 1_500;
const CLAIMS = 5_000;
const RUNS = Math.max(1, Number(process.env.READER_BENCH_RUNS ?? 20));

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

interface CpuProfile {
  startTime: number;
  nodes: { id: number; children?: number[]; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[];
  samples?: number[];
  timeDeltas?: number[];
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of a complete event, in µs: what the task itself cost, whatever else the machine ran. */
  tdur?: number;
  tid: number;
  pid: number;
  args?: { data?: Record<string, unknown> };
}

const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8'];

/**
 * The main-thread tasks of the reader's window from the moment the document was opened (the 'reader:open' mark) to
 * the end of the trace: for each, wall time and thread (CPU) time in ms. READER_BENCH_TRACE=1 prints the tasks over
 * 30 ms of CPU with what ran inside them (wall/CPU) (build with CLAIMDESK_NO_MINIFY=1 to read function names).
 */
function readerTasks(events: TraceEvent[], label: string): { wall: number; cpu: number; ts: number; end: number }[] {
  const mark = events.filter((e) => e.name === 'reader:open').at(-1);
  if (!mark) throw new Error('the trace holds no reader:open mark');
  const main = events.filter((e) => e.pid === mark.pid && e.tid === mark.tid && e.ph === 'X');
  const tasks = main.filter((e) => (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && e.ts + (e.dur ?? 0) >= mark.ts);
  if (process.env.READER_BENCH_TRACE) {
    const lines = [`--- ${label}: main-thread tasks over 30 ms (wall / CPU) ---`];
    const ms = (us: number | undefined) => ((us ?? 0) / 1000).toFixed(1);
    for (const task of tasks.filter((e) => (e.tdur ?? e.dur ?? 0) > 30_000)) {
      const inner = main.filter((x) => x !== task && x.ts >= task.ts && x.ts + (x.dur ?? 0) <= task.ts + (task.dur ?? 0) && (x.tdur ?? x.dur ?? 0) > 2000);
      lines.push(`${ms(task.dur)} / ${ms(task.tdur)} ms: ${inner.map((x) => `${x.name}${x.args?.data?.functionName ? `(${String(x.args.data.functionName)})` : ''} ${ms(x.dur)}/${ms(x.tdur)}`).join(', ')}`);
    }
    console.error(lines.join('\n'));
  }
  return tasks.map((t) => ({ wall: (t.dur ?? 0) / 1000, cpu: (t.tdur ?? t.dur ?? 0) / 1000, ts: t.ts, end: t.ts + (t.dur ?? 0) }));
}

/**
 * Diagnosis, off by default: READER_BENCH_PROFILE=1 profiles one run and prints the 25 functions with the most self
 * and the most total time inside its longest task (build with CLAIMDESK_NO_MINIFY=1 to read function names). The
 * profile's clock is the trace's, so the task found in the trace picks out its samples.
 */
async function startProfile(page: Page): Promise<(() => Promise<CpuProfile>) | undefined> {
  if (!process.env.READER_BENCH_PROFILE) return undefined;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return async () => ((await cdp.send('Profiler.stop')) as { profile: CpuProfile }).profile;
}

function printProfile(profile: CpuProfile, from: number, to: number, label: string): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (id: number) => {
    const frame = byId.get(id)!.callFrame;
    return `${frame.functionName || '(anon)'} ${frame.url.split('/').pop()}:${frame.lineNumber}`;
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let at = profile.startTime;
  (profile.samples ?? []).forEach((id, i) => {
    at += profile.timeDeltas?.[i] ?? 0;
    if (at < from || at > to) return;
    const ms = (profile.timeDeltas?.[i + 1] ?? 0) / 1000;
    self.set(name(id), (self.get(name(id)) ?? 0) + ms);
    const seen = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const key = name(n);
      if (!seen.has(key)) total.set(key, (total.get(key) ?? 0) + ms);
      seen.add(key);
    }
  });
  const top = (m: Map<string, number>) => [...m].sort((x, y) => y[1] - x[1]).slice(0, 25).map(([k, v]) => `${v.toFixed(1)} ms ${k}`).join('\n');
  console.error(`--- ${label}: self time ---\n${top(self)}\n--- ${label}: total time ---\n${top(total)}`);
}

/**
 * Sets where the app will reopen the bench debate (its saved reader position: the first turn on screen and where its
 * text begins), in the window's local storage where the reader keeps it. Waits first for the app to save the
 * position it was at, so that save cannot land after this one.
 */
async function setReaderPosition(page: Page, turn: Turn): Promise<void> {
  await page.waitForTimeout(800);
  await page.evaluate((value) => localStorage.setItem('reader:position:doc_bench', JSON.stringify(value)), { turn: turn.index, offset: turn.offset });
}

async function main(): Promise<void> {
  // READER_BENCH_SKIP_BUILD=1 reuses the last dist-bench build (when only the bench changed).
  if (!process.env.READER_BENCH_SKIP_BUILD) {
    const build = spawnSync('npm', ['run', 'build'], { cwd: root, env: { ...process.env, CLAIMDESK_DIST: dist }, stdio: ['ignore', 'ignore', 'inherit'] });
    if (build.status !== 0) throw new Error('the build failed');
  }
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
    // One profile (IndexedDB kept) for every run; each restart opens the app in a new window, as a new start of the
    // app would: a fresh renderer process, with no earlier run's records left in its heap for the collector.
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    let page = await context.newPage();
    const restart = async (before?: (next: Page) => Promise<unknown>): Promise<void> => {
      const next = await context.newPage();
      await before?.(next);
      await page.close();
      page = next;
      await page.goto(base);
    };
    await context.addInitScript(() => {
      const w = window as unknown as { __longTasks: { start: number; duration: number }[]; __atFirstPaint?: { turns: number[]; claimRanges: number; renderedAt?: number } };
      w.__longTasks = [];
      // What was on screen at the first paint: the turns in the DOM and the claim highlights painted over them.
      new MutationObserver(() => {
        if (w.__atFirstPaint || !document.body?.dataset.readerPainted) return;
        const turns = [...document.querySelectorAll('[data-turn-text]')].map((e) => Number((e as HTMLElement).dataset.turnText));
        const atFirstPaint: { turns: number[]; claimRanges: number; renderedAt?: number } = { turns, claimRanges: CSS.highlights.get('cd-claim')?.size ?? 0 };
        w.__atFirstPaint = atFirstPaint;
        // The mark is set in the frame's animation callback; a message posted now is handled once that frame's
        // style, layout and paint are done, which is when the turns are really on screen.
        const channel = new MessageChannel();
        channel.port1.onmessage = () => void (atFirstPaint.renderedAt = performance.now());
        channel.port2.postMessage(0);
      }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-reader-painted'] });
      // When every margin entry on screen shows its verdict word (they hold their places from the first paint on).
      const margin = new MutationObserver(() => {
        if (!document.body?.dataset.readerPainted || !document.querySelector('.turn-margin .margin-claim') || document.querySelector('.turn-margin [aria-busy="true"]')) return;
        (window as unknown as { __marginAt?: number }).__marginAt = performance.now();
        margin.disconnect();
      });
      margin.observe(document, { attributes: true, childList: true, subtree: true, attributeFilter: ['aria-busy', 'data-reader-painted'] });
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    // Diagnosis: the same run with highlight painting switched off shows what the highlights themselves cost.
    if (process.env.READER_BENCH_NO_HIGHLIGHTS) await context.addInitScript(() => void (CSS.highlights.set = () => CSS.highlights));
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

    // Which claims each turn holds, to check that what is on screen is painted in full.
    const claimsInTurn = new Map<number, number>();
    for (const a of data.appearances) {
      const index = Number(a.turnId!.slice('trn_bench_'.length));
      claimsInTurn.set(index, (claimsInTurn.get(index) ?? 0) + 1);
    }
    const expectedFor = (turns: number[]) => turns.reduce((n, t) => n + (claimsInTurn.get(t) ?? 0), 0);

    // Opening and scrolling: RUNS restarts on the debate. Each is timed from the reader mounting to the first screen
    // painted in full, then scrolled top to bottom as soon as that paint is done (while the rest of the debate is
    // still loading), a screen at a time, two frames per screen, until the last turn is on screen. Every long task
    // that ends after the reader mounted counts, the one the mount itself ran in included.
    const firstPaints: number[] = [];
    const completes: number[] = [];
    const fromNavigation: number[] = [];
    const worstTasks: number[] = [];
    const longTaskCounts: number[] = [];
    const worstCpu: number[] = [];
    const cpuOver50: number[] = [];
    const loads: number[] = [];
    const scrollTimes: number[] = [];
    let onScreen = { turns: 0, claims: 0 };
    for (let run = 0; run < RUNS; run++) {
      await setReaderPosition(page, data.turns[0]!);
      let profiling: Awaited<ReturnType<typeof startProfile>>;
      await restart(async (next) => {
        profiling = run === Math.min(3, RUNS - 1) ? await startProfile(next) : undefined;
        await browser.startTracing(next, { categories: TRACE_CATEGORIES });
      });
      await page.waitForSelector('body[data-reader-painted="doc_bench"]');
      await page.waitForFunction(() => (window as unknown as { __atFirstPaint?: { renderedAt?: number } }).__atFirstPaint?.renderedAt !== undefined);
      const result = await page.evaluate(async (lastTurn) => {
        const scroller = document.querySelector('[data-virtuoso-scroller]') as HTMLElement;
        // No named helpers in here: tsx would wrap them in a __name() call the page does not have.
        const begin = performance.now();
        for (let step = 0; step < 5_000; step++) {
          const atBottom = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 2;
          if (atBottom && document.querySelector(`[data-turn-index="${lastTurn}"]`)) break;
          scroller.scrollTop += scroller.clientHeight * 0.9;
          await new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
        }
        await new Promise((resolve) => setTimeout(resolve, 300));
        const end = performance.now();
        const open = performance.getEntriesByName('reader:open').at(-1)?.startTime ?? NaN;
        const turns = [...document.querySelectorAll('[data-turn-text]')].map((e) => Number((e as HTMLElement).dataset.turnText));
        const tasks = (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks.filter((t) => t.start + t.duration >= open && t.start <= end);
        return { ms: end - begin, tasks: tasks.length, max: Math.max(0, ...tasks.map((t) => t.duration)), turns, claimRanges: CSS.highlights.get('cd-claim')?.size ?? 0 };
      }, TURNS - 1);
      await page.waitForSelector('body[data-reader-complete="doc_bench"]');
      const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
      const tasks = readerTasks(trace.traceEvents, `run ${run}`);
      if (profiling) {
        const worst = tasks.reduce((w, t) => (t.cpu > w.cpu ? t : w));
        printProfile(await profiling(), worst.ts, worst.end, `run ${run}, longest task (${Math.round(worst.wall)} ms wall, ${Math.round(worst.cpu)} ms CPU)`);
      }
      if (!result.turns.includes(TURNS - 1)) throw new Error('the scroll did not reach the last turn');
      if (!process.env.READER_BENCH_NO_HIGHLIGHTS && result.claimRanges !== expectedFor(result.turns)) throw new Error(`at the bottom ${result.claimRanges} claim highlights were painted; expected ${expectedFor(result.turns)}`);
      const marks = await page.evaluate(() => {
        const [open, complete] = ['reader:open', 'reader:complete'].map((name) => performance.getEntriesByName(name).at(-1)?.startTime ?? NaN);
        const w = window as unknown as { __atFirstPaint?: { turns: number[]; claimRanges: number; renderedAt: number } };
        return { open: open!, complete: complete!, atFirstPaint: w.__atFirstPaint };
      });
      // The first paint counts only if it is complete for what it shows: every claim on the turns on screen painted.
      const shown = marks.atFirstPaint?.turns ?? [];
      const expected = expectedFor(shown);
      if (shown.length === 0 || marks.atFirstPaint!.claimRanges !== expected) throw new Error(`the first paint showed ${shown.length} turns with ${marks.atFirstPaint?.claimRanges} claim highlights; expected ${expected}`);
      onScreen = { turns: shown.length, claims: expected };
      firstPaints.push(marks.atFirstPaint!.renderedAt - marks.open);
      fromNavigation.push(marks.atFirstPaint!.renderedAt);
      completes.push(marks.complete - marks.open);
      worstTasks.push(result.max);
      longTaskCounts.push(result.tasks);
      worstCpu.push(Math.max(0, ...tasks.map((t) => t.cpu)));
      cpuOver50.push(tasks.filter((t) => t.cpu > 50).length);
      scrollTimes.push(result.ms);
      loads.push(os.loadavg()[0]!);
      console.error(`# reader run ${run}: first paint ${Math.round(firstPaints.at(-1)!)} ms (navigation ${Math.round(fromNavigation.at(-1)!)} ms), worst task ${Math.round(result.max)} ms wall / ${Math.round(worstCpu.at(-1)!)} ms CPU, ${result.tasks} long tasks, load ${loads.at(-1)!.toFixed(1)}`);
    }

    // Suggestions: select the words of a claim on screen, as an analyst marking a repeat would, and time until the
    // reader offers "Add as appearance of…" (the index finds the candidates in its worker; the window compares them).
    const suggestionTimes: number[] = [];
    let suggestionTask = 0;
    const repeat = data.appearances.find((a) => Number(a.turnId!.slice('trn_bench_'.length)) < 3)!;
    const suggestionRuns = Math.min(RUNS, 10);
    for (let run = 0; run < suggestionRuns; run++) {
      await setReaderPosition(page, data.turns[0]!);
      await restart();
      await page.waitForSelector('body[data-reader-complete="doc_bench"]');
      await page.waitForTimeout(4_000); // the search index starts 1.5 s after start-up and catches up
      const result = await page.evaluate(async (exact) => {
        const walker = document.createTreeWalker(document.querySelector('[role="list"][aria-label="Turns"]')!, NodeFilter.SHOW_TEXT);
        let node = walker.nextNode();
        while (node && !node.textContent!.includes(exact)) node = walker.nextNode();
        if (!node) throw new Error('the claim is not on screen');
        const at = node.textContent!.indexOf(exact);
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + exact.length);
        const begin = performance.now();
        window.getSelection()!.removeAllRanges();
        window.getSelection()!.addRange(range);
        while (!document.querySelector('[role="toolbar"][aria-label="Selection"] .suggestion') && performance.now() - begin < 10_000) await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
        const end = performance.now();
        const tasks = (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks.filter((t) => t.start >= begin && t.start <= end);
        return { ms: end - begin, found: Boolean(document.querySelector('[role="toolbar"][aria-label="Selection"] .suggestion')), max: Math.max(0, ...tasks.map((t) => t.duration)) };
      }, repeat.anchor.quote.exact);
      if (!result.found) throw new Error('no "Add as appearance of…" suggestion for the words of an existing claim');
      suggestionTimes.push(result.ms);
      suggestionTask = Math.max(suggestionTask, result.max);
    }

    // Reopening in the middle: the debate was left at turn 750, so the reader reads the turns from there first and
    // opens there; the first paint must again hold every claim of the turns on screen.
    const reopenTimes: number[] = [];
    const marginTimes: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      await setReaderPosition(page, data.turns[750]!);
      await restart();
      await page.waitForSelector('body[data-reader-painted="doc_bench"]');
      await page.waitForFunction(() => (window as unknown as { __atFirstPaint?: { renderedAt?: number } }).__atFirstPaint?.renderedAt !== undefined);
      const reopened = await page.evaluate(() => {
        const open = performance.getEntriesByName('reader:open').at(-1)?.startTime ?? NaN;
        const w = window as unknown as { __atFirstPaint?: { turns: number[]; claimRanges: number; renderedAt: number } };
        return { ms: w.__atFirstPaint!.renderedAt - open, atFirstPaint: w.__atFirstPaint };
      });
      const shown = reopened.atFirstPaint?.turns ?? [];
      if (!shown.includes(750)) throw new Error(`reopened at turns ${shown[0]}…${shown.at(-1)}, not at 750`);
      if (reopened.atFirstPaint!.claimRanges !== expectedFor(shown)) throw new Error(`the reopened first paint showed ${reopened.atFirstPaint!.claimRanges} claim highlights; expected ${expectedFor(shown)}`);
      reopenTimes.push(reopened.ms);
      // The margin holds each claim's place from the first paint; its verdict words are read just after it.
      await page.waitForFunction(() => (window as unknown as { __marginAt?: number }).__marginAt !== undefined);
      marginTimes.push(await page.evaluate(() => (window as unknown as { __marginAt: number }).__marginAt - (performance.getEntriesByName('reader:open').at(-1)?.startTime ?? NaN)));
    }

    const debate = { turns: TURNS, words: data.words, claims: CLAIMS };
    const spread = (xs: number[]) => ({ p50: Math.round(quantile(xs, 0.5)), max: Math.round(Math.max(...xs)), runs: xs.map(Math.round) });
    figure(`reader first paint from opening (mount → turns on screen with all their claims painted), p50 of ${RUNS} runs`, quantile(firstPaints, 0.5), 'ms', { turnsOnScreen: onScreen.turns, claimsOnScreen: onScreen.claims, ...debate });
    figure(`reader first paint from opening, p95 of ${RUNS} runs`, quantile(firstPaints, 0.95), 'ms', { goal: '< 200', ...spread(firstPaints) });
    figure(`reader first paint from navigation (app start, database open, reader restored), p50 of ${RUNS} runs`, quantile(fromNavigation, 0.5), 'ms', debate);
    figure(`reader first paint from navigation, p95 of ${RUNS} runs`, quantile(fromNavigation, 0.95), 'ms', { goal: '< 1000', ...spread(fromNavigation) });
    figure(`reader fully loaded (mount → every turn and claim read, J/K and reveal ready), p50 of ${RUNS} runs`, quantile(completes, 0.5), 'ms', { p95: Math.round(quantile(completes, 0.95)), runs: completes.map(Math.round), ...debate });
    // Wall time on this shared machine (load averages of 10–30 on 2 cores) is mostly time spent waiting for a core,
    // so the goal is on what each task costs the window's main thread itself: its thread (CPU) time in the trace.
    // The wall-clock long tasks the page observed are printed beside it, as they were.
    figure(`reader longest main-thread task (CPU time) from opening through scrolling to the end, worst of ${RUNS} runs`, Math.max(...worstCpu), 'ms', { goal: '<= 50', worstPerRun: worstCpu.map(Math.round), ...debate });
    figure(`reader runs with a main-thread task over 50 ms of CPU time, of ${RUNS}`, worstCpu.filter((ms) => ms > 50).length, 'runs', { goal: '== 0', tasksOver50PerRun: cpuOver50 });
    figure(`reader longest main-thread task (wall clock, PerformanceObserver longtask), worst of ${RUNS} runs`, Math.max(...worstTasks), 'ms', { worstPerRun: worstTasks.map(Math.round), longTasksPerRun: longTaskCounts, runsOver50: worstTasks.filter((ms) => ms > 50).length, loadAverage: loads.map((l) => Math.round(l * 10) / 10) });
    figure('reader scroll top to bottom (2 frames per screen), p50', quantile(scrollTimes, 0.5), 'ms', debate);
    figure(`reader reopened where it was left (turn 750): mount → turns on screen with all their claims painted, p50 of ${RUNS} runs`, quantile(reopenTimes, 0.5), 'ms', debate);
    figure(`reader reopened where it was left (turn 750), p95 of ${RUNS} runs`, quantile(reopenTimes, 0.95), 'ms', { goal: '< 200', ...spread(reopenTimes) });
    figure(`reader reopened (turn 750): mount → every margin entry on screen shows its verdict word (read after the first paint), p50 of ${RUNS} runs`, quantile(marginTimes, 0.5), 'ms', { p95: Math.round(quantile(marginTimes, 0.95)), runs: marginTimes.map(Math.round) });
    figure(`selection → "Add as appearance of…" suggested, p50 of ${suggestionRuns} runs (includes a 120 ms settle delay)`, quantile(suggestionTimes, 0.5), 'ms', { p95: Math.round(quantile(suggestionTimes, 0.95)), runs: suggestionTimes.map(Math.round), longestTask: Math.round(suggestionTask), ...debate });
  } finally {
    await browser.close();
    server.kill();
  }
}

await main();
