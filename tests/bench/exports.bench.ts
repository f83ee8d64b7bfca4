/**
 * Export and bundle timings, median of several runs each. PDF goes through the app's own print path as far as it runs
 * outside Electron: the report's HTML handed over in a temporary file (printViaTempFile), loaded in Chromium with
 * JavaScript off and every other request refused (isAllowedPrintRequest), printed by Chromium's print engine with the
 * app's options (PDF_OPTIONS; Electron's printToPDF and Playwright's page.pdf both call the same DevTools
 * Page.printToPDF). Prints one JSON object per line: {"measure", "value", "unit"}.
 * Run: npx tsx tests/bench/exports.bench.ts
 */
import { chromium } from '@playwright/test';
import { findChromium } from '../../build/scripts/findChromium.mjs';
import { isAllowedPrintRequest, PDF_OPTIONS, printViaTempFile } from '../../electron/export/printToPdf.js';
import { readBundle, writeBundle } from '../../shared/bundle/bundle.js';
import { claimReviewsJson } from '../../shared/exports/claimReview.js';
import { claimsCsv } from '../../shared/exports/claimsCsv.js';
import { projectJson } from '../../shared/exports/projectJson.js';
import { exportQdpx } from '../../shared/exports/refiQda.js';
import { reportDocx } from '../../shared/exports/reportDocx.js';
import { reportHtml } from '../../shared/exports/reportHtml.js';
import { reportMarkdown } from '../../shared/exports/reportMarkdown.js';
import { buildReport, REPORT_SECTIONS, type ReportOptions } from '../../shared/exports/reportModel.js';
import { webAnnotationCollection } from '../../shared/exports/webAnnotation.js';
import { generatedLibrary } from '../fixtures/exports/generatedLibrary.js';
import { figure } from './support/figures.js';

const print = (measure: string, value: number, unit: string, extra: Record<string, unknown> = {}): void => figure(measure, value, unit, extra);

/** Median of `runs` timed runs after one warm-up run. */
async function time(run: () => unknown, runs = 5): Promise<number> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

const options: ReportOptions = {
  title: 'Benchmark report',
  filter: {},
  sections: [...REPORT_SECTIONS],
  citationStyle: 'chicago',
  organisation: { name: 'Fact Desk', url: 'https://factdesk.example' },
  generatedAt: '2024-05-01T00:00:00.000Z',
};

async function main(): Promise<void> {
  const { snapshot } = generatedLibrary(10, 50); // 500 claims
  print('claims in report benchmark', snapshot.claims.length, 'claims');
  print('export html, 500 claims', await time(() => reportHtml(buildReport(snapshot, options))), 'ms');
  print('export md, 500 claims', await time(() => reportMarkdown(buildReport(snapshot, options))), 'ms');
  print('report model, 500 claims', await time(() => buildReport(snapshot, options)), 'ms');
  print('export docx, 500 claims', await time(async () => reportDocx(buildReport(snapshot, options)), 3), 'ms');
  print('export csv, 500 claims', await time(() => claimsCsv(snapshot)), 'ms');
  print('export json, 500 claims', await time(() => projectJson(snapshot)), 'ms');
  print('export claimreview, 500 claims', await time(() => claimReviewsJson(snapshot, options)), 'ms');
  print('export web-annotation, 500 claims', await time(() => webAnnotationCollection(snapshot)), 'ms');
  print('export qdpx, 500 claims', await time(() => exportQdpx(snapshot)), 'ms');
  print('html size, 500 claims', reportHtml(buildReport(snapshot, options)).length / 1024, 'KiB');
  print('docx size, 500 claims', (await reportDocx(buildReport(snapshot, options))).length / 1024, 'KiB');

  // PDF: the report model, its HTML, and Chromium's print engine as the app drives it (see the header).
  const executablePath = findChromium();
  const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const printPdf = (html: string) =>
      printViaTempFile(html, async (fileUrl) => {
        const page = await context.newPage();
        try {
          await page.route('**/*', (route) => (isAllowedPrintRequest(route.request().url(), fileUrl) ? route.continue() : route.abort()));
          await page.goto(fileUrl);
          return new Uint8Array(await page.pdf({ printBackground: PDF_OPTIONS.printBackground, format: PDF_OPTIONS.pageSize, preferCSSPageSize: PDF_OPTIONS.preferCSSPageSize }));
        } finally {
          await page.close();
        }
      });
    let pdf: Uint8Array = new Uint8Array();
    print('export pdf, 500 claims (report, HTML, Chromium print engine)', await time(async () => (pdf = await printPdf(reportHtml(buildReport(snapshot, options)))), 3), 'ms');
    const pages = new TextDecoder('latin1').decode(pdf).match(/\/Type\s*\/Page\b/g)?.length ?? 0;
    print('pdf size, 500 claims', pdf.length / 1024, 'KiB', { pages });
  } finally {
    await browser.close();
  }

  const library = generatedLibrary(50, 40);
  print('bundle library debates', library.snapshot.debates.length, 'debates');
  print('bundle library claims', library.snapshot.claims.length, 'claims');
  print('bundle library vault files', library.files.size, 'files');
  let bundle: Uint8Array = new Uint8Array();
  print('bundle write, 50 debates', await time(() => (bundle = writeBundle(library.snapshot, library.files)), 3), 'ms');
  print('bundle size, 50 debates', bundle.length / 1024 / 1024, 'MiB');
  print('bundle read, 50 debates', await time(() => readBundle(bundle), 3), 'ms');
}

await main();
