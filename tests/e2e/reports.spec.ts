import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import type { Page } from '@playwright/test';
import { expect, restartApp, test } from './fixtures.js';
import { ReaderPage } from './pages/readerPage.js';
import { ReportsPage } from './pages/reportsPage.js';

// Opening the sample parses the article in a worker, and the report worker's first bibliography takes the citation
// library several seconds to format: these first waits get longer than the default five seconds.
const expectSoon = expect.configure({ timeout: 30_000 });
const standards = path.resolve(import.meta.dirname, '../fixtures/exports/standards');
const has = (tool: string) => spawnSync('which', [tool]).status === 0;

// What every report of the sample must hold: speakers' quotes and the one verdict.
const QUOTES = [
  'only five out of 28 members met this target last year',
  'We would have to come to the aid of a fellow member of NATO.',
  'I don’t wish to go to war.',
  'NATO members’ defence spending is supposed to amount to 2% of GDP',
];
const VERDICT = 'True';

/** pdftotext's words, on one line, so a quote broken across lines still matches. */
function pdfText(file: string): string {
  const run = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout.replace(/\s+/g, ' ');
}

function expectQuotesAndVerdict(text: string) {
  for (const quote of QUOTES) expect(text).toContain(quote);
  expect(text).toMatch(new RegExp(`\\b${VERDICT}\\b`));
}

const TWO_PERCENT = 'NATO members’ defence spending is supposed to amount to 2% of GDP';

/**
 * ClaimReview covers only checked or published claims, and the sample's one verdict is on a claim still marked new:
 * mark it checked the way an analyst would, in the reader (J moves between claims, Enter opens one) and the claim panel.
 */
async function markRatedClaimChecked(page: Page): Promise<void> {
  const reader = new ReaderPage(page);
  for (let i = 0; i < 12 && !((await reader.status().textContent()) ?? '').includes(TWO_PERCENT); i++) {
    const before = (await reader.status().textContent()) ?? '';
    await page.keyboard.press('j');
    await expect(reader.status()).not.toHaveText(before);
  }
  await expect(reader.status()).toContainText(TWO_PERCENT);
  await page.keyboard.press('Enter');
  await expect(reader.panel().getByLabel('Statement')).toHaveValue(TWO_PERCENT);
  // Its verdict has already moved it from new to checked (a verdict does that); nothing is left to save by hand.
  await expect(reader.panel().getByLabel('Status')).toHaveValue('checked');
  await expect(reader.panel().getByRole('button', { name: 'Save claim' })).toBeDisabled();
}

function webAnnotationMusts() {
  const Ajv = AjvDraft04.default;
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajvFormats.default(ajv);
  const root = path.join(standards, 'web-annotation');
  const json = (file: string) => JSON.parse(readFileSync(path.join(root, file), 'utf8'));
  for (const f of readdirSync(path.join(root, 'definitions'))) ajv.addSchema(json(`definitions/${f}`));
  return (json('annotations/annotationMusts.test').assertions as string[]).map((file) => {
    const schema = json(file);
    return { file, expected: (schema.expectedResult ?? 'valid') === 'valid', validate: ajv.compile(schema) };
  });
}

/** Every @type a schema.org 30.0 class, every property declared for it or a super-class. */
function schemaOrgProblems(node: Record<string, unknown>, where: string): string[] {
  type Node = { '@id': string; '@type': string | string[]; 'rdfs:subClassOf'?: unknown; 'schema:domainIncludes'?: unknown };
  const graph = (JSON.parse(readFileSync(path.join(standards, 'claimreview/schemaorg-current-https.jsonld'), 'utf8')) as { '@graph': Node[] })['@graph'];
  const byId = new Map(graph.map((n) => [n['@id'], n]));
  const ids = (v: unknown): string[] => (Array.isArray(v) ? v : v ? [v] : []).map((x) => (x as { '@id': string })['@id']);
  const lineage = (type: string) => {
    const out = new Set<string>();
    const stack = [`schema:${type}`];
    while (stack.length) {
      const id = stack.pop()!;
      if (out.has(id)) continue;
      out.add(id);
      stack.push(...ids(byId.get(id)?.['rdfs:subClassOf']));
    }
    return out;
  };
  const problems: string[] = [];
  const check = (n: Record<string, unknown>, at: string) => {
    const type = n['@type'];
    if (typeof type !== 'string' || !byId.has(`schema:${type}`)) return void problems.push(`${at}: bad @type`);
    const classes = lineage(type);
    for (const [key, value] of Object.entries(n)) {
      if (key.startsWith('@')) continue;
      const prop = byId.get(`schema:${key}`);
      if (!prop || !ids(prop['schema:domainIncludes']).some((d) => classes.has(d))) problems.push(`${at}.${key}: not a property of ${type}`);
      for (const v of Array.isArray(value) ? value : [value]) if (v && typeof v === 'object') check(v as Record<string, unknown>, `${at}.${key}`);
    }
  };
  check(node, where);
  return problems;
}

test('build a report from the sample, watch the preview follow the options, and export every format', async ({ app }) => {
  // Ten exports, a PDF print and a LibreOffice conversion (whose cold start alone takes many seconds) do not fit in
  // the suite's default minute.
  test.setTimeout(240_000);
  await app.getByRole('button', { name: 'Open the sample project' }).click();
  await expectSoon(app.getByRole('article', { name: /Corbyn refuses to guarantee NATO/ })).toBeVisible();
  await markRatedClaimChecked(app);

  const reports = new ReportsPage(app);
  await reports.open();
  await expectSoon(reports.claimCount()).toHaveText('7 claims in the report');
  await expect(reports.preview().getByRole('heading', { name: 'Fact-check report', level: 1 })).toBeVisible();
  for (const quote of QUOTES.slice(0, 2)) await expect(reports.preview().getByText(quote).first()).toBeVisible();

  // ClaimReview without an organisation URL is refused with a sentence that says what to do.
  await reports.exportButton('ClaimReview JSON-LD').click();
  await expect(reports.alert()).toContainText('ClaimReview needs the web address where the fact checks are published');

  const options = reports.options();
  await options.getByLabel('Report title').fill('NATO <Article 5> check');
  await options.getByLabel('Organisation name').fill('Fact Desk');
  await options.getByLabel('Organisation URL').fill('https://factdesk.example/');
  await expect(reports.preview().getByRole('heading', { name: 'NATO <Article 5> check', level: 1 })).toBeVisible();
  await expect(reports.preview().getByRole('link', { name: 'Fact Desk' })).toHaveAttribute('href', 'https://factdesk.example/');

  // Filters narrow the claims; sections come and go.
  await reports.group('Speakers').getByLabel('Owen Smith').check();
  await expect(reports.claimCount()).toHaveText('1 claim in the report');
  await expect(reports.preview().getByText('I don’t wish to go to war.')).toHaveCount(0);
  await reports.group('Speakers').getByLabel('Owen Smith').uncheck();
  await reports.group('Verdicts').getByLabel(VERDICT, { exact: true }).check();
  await expect(reports.claimCount()).toHaveText('1 claim in the report');
  await reports.group('Verdicts').getByLabel(VERDICT, { exact: true }).uncheck();
  await reports.group('Statuses').getByLabel('checked').check();
  // The 2% claim marked checked above, and the five-of-28 claim the sample checked against the NATO table.
  await expect(reports.claimCount()).toHaveText('2 claims in the report');
  await reports.group('Statuses').getByLabel('checked').uncheck();
  await expect(reports.claimCount()).toHaveText('7 claims in the report');
  await reports.group('Sections').getByLabel('Comparison table').uncheck();
  await expect(reports.preview().getByRole('heading', { name: 'Comparison by topic' })).toHaveCount(0);
  await reports.group('Sections').getByLabel('Comparison table').check();
  await expect(reports.preview().getByRole('heading', { name: 'Comparison by topic' })).toBeVisible();
  await options.getByLabel('Citation style').selectOption({ label: 'Chicago (author-date)' });

  // HTML: self-contained, no script, the quotes and the verdict, every user string escaped.
  const htmlFile = await reports.download('Export HTML');
  expect(htmlFile.name).toBe('nato-article-5-check.html');
  const html = readFileSync(htmlFile.file, 'utf8');
  expect(html).not.toMatch(/<script/i);
  expect(html).toContain('<meta http-equiv="Content-Security-Policy"');
  expect(html).toContain('NATO &lt;Article 5&gt; check');
  expectQuotesAndVerdict(html);
  // The sample's real fact check travels with every report: how the five-of-28 claim was checked.
  expect(html).toContain('<h4>How we checked</h4>');
  expect(html).toContain('4 of 31 allies had ≥ 2.0% of GDP in 2015');

  // PDF: the exported HTML through Chromium's print engine (what Electron's printToPDF uses), read back.
  const printer = await app.context().newPage();
  await printer.setContent(html);
  const pdfFile = path.join(reports.downloads, 'report.pdf');
  writeFileSync(pdfFile, await printer.pdf({ format: 'A4', printBackground: true }));
  await printer.close();
  expectQuotesAndVerdict(pdfText(pdfFile));

  // DOCX: opens in LibreOffice the way Word users would, and holds the same words.
  const docx = await reports.download('Export Word (DOCX)');
  const body = strFromU8(unzipSync(new Uint8Array(readFileSync(docx.file)))['word/document.xml']!);
  expect(body).toContain('only five out of 28 members met this target last year');
  if (has('libreoffice')) {
    const out = mkdtempSync(path.join(os.tmpdir(), 'claimdesk-docx-'));
    const convert = spawnSync('libreoffice', ['--headless', '--convert-to', 'pdf', '--outdir', out, docx.file], { encoding: 'utf8' });
    expect(convert.status, convert.stderr).toBe(0);
    expectQuotesAndVerdict(pdfText(path.join(out, docx.name.replace(/\.docx$/, '.pdf'))));
  } else {
    test.info().annotations.push({ type: 'skipped step', description: 'libreoffice is not installed: the DOCX was not converted to PDF' });
  }

  const md = readFileSync((await reports.download('Export Markdown')).file, 'utf8');
  expect(md).toContain('only five out of 28 members met this target last year');

  const csv = Papa.parse<string[]>(readFileSync((await reports.download('Claims CSV')).file, 'utf8').trim(), { skipEmptyLines: true });
  expect(csv.data).toHaveLength(1 + 7);
  expect(csv.data.filter((row) => row[7] === VERDICT)).toHaveLength(1);

  const project = JSON.parse(readFileSync((await reports.download('Project JSON')).file, 'utf8'));
  expect(project).toMatchObject({ format: 'claimdesk-project' });
  expect(project.claims).toHaveLength(7);

  const reviews = JSON.parse(readFileSync((await reports.download('ClaimReview JSON-LD')).file, 'utf8')) as Array<Record<string, unknown>>;
  expect(reviews).toHaveLength(2);
  const google = JSON.parse(readFileSync(path.join(standards, 'claimreview/google-factcheck-properties.json'), 'utf8'));
  for (const review of reviews) {
    for (const key of Object.keys(google.ClaimReview.required)) expect(review[key], key).toBeTruthy();
    expect(schemaOrgProblems(review, 'ClaimReview')).toEqual([]);
  }
  const reviewOf = (words: string) => reviews.find((r) => String(r['claimReviewed']).includes(words))!;
  expect(reviewOf(TWO_PERCENT)).toMatchObject({ '@context': 'https://schema.org', reviewRating: { alternateName: VERDICT }, author: { '@type': 'Organization', name: 'Fact Desk' } });
  expect(reviewOf('five out of 28')).toMatchObject({ reviewRating: { alternateName: 'Half true' } });
  expect(String(reviewOf('five out of 28')['reviewBody'])).toContain('How we checked: 4 of 31 allies had ≥ 2.0% of GDP in 2015');

  const annotations = JSON.parse(readFileSync((await reports.download('Web Annotation JSON-LD')).file, 'utf8'));
  expect(annotations.first.items).toHaveLength(7);
  const musts = webAnnotationMusts();
  const failures = annotations.first.items.flatMap((item: Record<string, unknown>) =>
    musts.filter((m) => (m.validate({ '@context': annotations['@context'], ...item }) as boolean) !== m.expected).map((m) => `${String(item['id'])}: ${m.file}`),
  );
  expect(failures).toEqual([]);

  const qdpx = unzipSync(new Uint8Array(readFileSync((await reports.download('REFI-QDA project (.qdpx)')).file)));
  const qde = path.join(reports.downloads, 'project.qde');
  writeFileSync(qde, qdpx['project.qde']!);
  if (has('xmllint')) {
    const lint = spawnSync('xmllint', ['--noout', '--schema', path.join(standards, 'refi-qda/Project.xsd'), qde], { encoding: 'utf8' });
    expect(lint.stderr).toContain('validates');
    expect(lint.status).toBe(0);
  } else {
    test.info().annotations.push({ type: 'skipped step', description: 'xmllint is not installed: project.qde was not validated' });
  }

  const csl = JSON.parse(readFileSync((await reports.download('Sources CSL-JSON')).file, 'utf8'));
  expect(Array.isArray(csl)).toBe(true);
});

test('the organisation is remembered, and PDF in the preview offers the browser print dialog', async ({ app }) => {
  await app.getByRole('button', { name: 'Open the sample project' }).click();
  await expectSoon(app.getByRole('article', { name: /Corbyn refuses to guarantee NATO/ })).toBeVisible();
  const reports = new ReportsPage(app);
  await reports.open();
  await reports.options().getByLabel('Organisation name').fill('Fact Desk');
  await reports.options().getByLabel('Organisation URL').fill('https://factdesk.example/');
  await restartApp(app);
  await reports.open();
  await expect(reports.options().getByLabel('Organisation name')).toHaveValue('Fact Desk');
  await expect(reports.options().getByLabel('Organisation URL')).toHaveValue('https://factdesk.example/');
  await reports.exportButton('Export PDF').click();
  await expectSoon(reports.status()).toContainText("the browser's print dialog opened");
});
