import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../../electron/cli/runCli.js';
import { readBundle, writeBundle } from '../../../../shared/bundle/bundle.js';
import { CLAIMS_CSV_COLUMNS } from '../../../../shared/exports/claimsCsv.js';

const Ajv = AjvDraft04.default;
const addFormats = ajvFormats.default;
const standards = path.resolve(import.meta.dirname, '../../../fixtures/exports/standards');
const hasXmllint = spawnSync('which', ['xmllint']).status === 0;
const dir = mkdtempSync(path.join(os.tmpdir(), 'cli-export-'));
const bundlePath = path.join(dir, 'sample.claimdesk');
const checkedPath = path.join(dir, 'checked.claimdesk');

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const status = await runCli(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { status, stdout, stderr };
}

async function exportTo(format: string, extra: string[] = [], bundle = bundlePath): Promise<Buffer> {
  const out = path.join(dir, `out-${format}-${extra.length}`);
  const result = await run(['export', bundle, '--format', format, '--out', out, ...extra]);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  expect(result.stdout).toMatch(new RegExp(`^wrote ${format} export of \\d+ claims to `));
  return readFileSync(out);
}

beforeAll(async () => {
  expect((await run(['sample', '--out', bundlePath])).status).toBe(0);
  // ClaimReview covers checked claims only; the sample's verdicts already mark their claims checked (kept as a guard).
  const { snapshot, files, manifest } = readBundle(new Uint8Array(readFileSync(bundlePath)));
  const rated = new Set(snapshot.verdicts.map((v) => v.claimId));
  for (const claim of snapshot.claims) if (rated.has(claim.id)) claim.status = 'checked';
  writeFileSync(checkedPath, writeBundle(snapshot, files, { createdAt: manifest.createdAt }));
});

const QUOTES = ['only five out of 28 members met this target last year', 'We would have to come to the aid of a fellow member of NATO.'];

describe('claimdesk export', () => {
  it('html: the report holds the quotes and the verdict, a CSP and no script', async () => {
    const html = (await exportTo('html', ['--title', 'NATO <check>', '--org-name', 'Fact Desk'])).toString('utf8');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).toContain('<meta http-equiv="Content-Security-Policy"');
    expect(html).toContain('NATO &lt;check&gt;');
    for (const quote of QUOTES) expect(html).toContain(quote);
    expect(html).toContain('NATO members’ defence spending is supposed to amount to 2% of GDP');
    expect(html).toMatch(/class="verdict"[^>]*>True</);
    // The sample's real fact check: how the five-of-28 claim was checked against the NATO table.
    expect(html).toContain('<h4>How we checked</h4>');
    expect(html).toContain('4 of 31 allies had ≥ 2.0% of GDP in 2015 (leaving out NATO Europe and Canada, NATO Total) — Defence Expenditure of NATO Countries (2014-2024), June 2024');
    expect(html).toMatch(/class="verdict"[^>]*>Half true</);
    expect(html).toMatch(/SHA-256 [0-9a-f]{64}/);
  });

  it('md and docx: the same report in the other formats', async () => {
    const md = (await exportTo('md')).toString('utf8');
    for (const quote of QUOTES) expect(md).toContain(quote.replace('.', ''));
    const docx = unzipSync(new Uint8Array(await exportTo('docx')));
    const body = strFromU8(docx['word/document.xml']!);
    expect(body).toContain('five out of 28 members');
    expect(body).toContain('True');
    expect(md).toContain('How we checked:');
    expect(md).toContain('4 of 31 allies had ≥ 2.0% of GDP in 2015');
    expect(body).toContain('How we checked');
    expect(body).toContain('4 of 31 allies had ≥ 2.0% of GDP in 2015');
  });

  it('csv: one row per claim', async () => {
    const csv = (await exportTo('csv')).toString('utf8');
    const parsed = Papa.parse<string[]>(csv.trim(), { skipEmptyLines: true });
    expect(parsed.data[0]).toEqual([...CLAIMS_CSV_COLUMNS]);
    expect(parsed.data).toHaveLength(1 + 7);
    expect(parsed.data.filter((row) => row[7] === 'True')).toHaveLength(1);
    expect(parsed.data.filter((row) => row[7] === 'Half true')).toHaveLength(1);
  });

  it('json: the whole project, every table', async () => {
    const json = JSON.parse((await exportTo('json')).toString('utf8'));
    expect(json.format).toBe('claimdesk-project');
    expect(json.claims).toHaveLength(7);
    expect(json.documents).toHaveLength(1);
    const checked = json.evidence.find((e: { check?: unknown }) => e.check);
    expect(checked.check.computation).toMatchObject({ operation: 'count', filter: { column: '2015', operator: '>=', value: '2.0' } });
    expect(checked.check.runs[0]).toMatchObject({ fileHash: expect.stringMatching(/^[0-9a-f]{64}$/), result: { value: 4, of: 31 } });
  });

  it('claimreview: one review per checked claim, with Google’s required fields; refused without an organisation URL', async () => {
    const reviews = JSON.parse((await exportTo('claimreview', ['--org-name', 'Fact Desk', '--org-url', 'https://factdesk.example/'], checkedPath)).toString('utf8'));
    expect(reviews).toHaveLength(2);
    const google = JSON.parse(readFileSync(path.join(standards, 'claimreview/google-factcheck-properties.json'), 'utf8'));
    for (const review of reviews) {
      for (const key of Object.keys(google.ClaimReview.required)) expect(review[key], key).toBeTruthy();
      for (const key of Object.keys(google.Rating.required)) expect(review.reviewRating[key], key).toBeTruthy();
    }
    const byClaim = (words: string) => reviews.find((r: { claimReviewed: string }) => r.claimReviewed.includes(words));
    expect(byClaim('2% of GDP')).toMatchObject({ '@type': 'ClaimReview', reviewRating: { alternateName: 'True' }, author: { name: 'Fact Desk' } });
    expect(byClaim('five out of 28')).toMatchObject({ reviewRating: { alternateName: 'Half true' } });
    expect(byClaim('five out of 28').reviewBody).toContain('How we checked: 4 of 31 allies had ≥ 2.0% of GDP in 2015');
    // The sample as it is made, with nothing marked by hand, already has its NATO check to publish.
    const asMade = JSON.parse((await exportTo('claimreview', ['--org-name', 'Fact Desk', '--org-url', 'https://factdesk.example/'])).toString('utf8'));
    expect(asMade.map((r: { claimReviewed: string }) => r.claimReviewed).sort()).toEqual([
      'NATO members’ defence spending is supposed to amount to 2% of GDP',
      'only five out of 28 members met this target last year, according to a NATO report',
    ]);
    const refused = await run(['export', checkedPath, '--format', 'claimreview', '--out', path.join(dir, 'never.json')]);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/^error: ClaimReview needs the web address .*--org-url[^\n]*\n$/);
  });

  it('web-annotation: every appearance passes the W3C MUST assertions', async () => {
    const collection = JSON.parse((await exportTo('web-annotation')).toString('utf8'));
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.first.items).toHaveLength(collection.total);
    const root = path.join(standards, 'web-annotation');
    const json = (file: string) => JSON.parse(readFileSync(path.join(root, file), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    for (const f of readdirSync(path.join(root, 'definitions'))) ajv.addSchema(json(`definitions/${f}`));
    const musts = (json('annotations/annotationMusts.test').assertions as string[]).map((file) => {
      const schema = json(file);
      return { file, expected: (schema.expectedResult ?? 'valid') === 'valid', validate: ajv.compile(schema) };
    });
    expect(musts.length).toBeGreaterThan(50);
    const failures: string[] = [];
    for (const item of collection.first.items) {
      const annotation = { '@context': collection['@context'], ...item };
      for (const must of musts) if ((must.validate(annotation) as boolean) !== must.expected) failures.push(`${item.id}: ${must.file}`);
    }
    expect(failures).toEqual([]);
    // The same check fails on an annotation without its selectors' positions.
    const broken = { ...collection.first.items[0], target: { source: 'urn:x', selector: { type: 'TextPositionSelector', start: 'one' } } };
    expect(musts.filter((must) => (must.validate(broken) as boolean) !== must.expected).length).toBeGreaterThan(0);
  });

  it.skipIf(!hasXmllint)('qdpx: project.qde validates against Project.xsd with xmllint (skipped without libxml2-utils)', async () => {
    const files = unzipSync(new Uint8Array(await exportTo('qdpx')));
    expect(Object.keys(files).filter((f) => f.startsWith('sources/'))).toHaveLength(1);
    const qde = path.join(dir, 'project.qde');
    writeFileSync(qde, files['project.qde']!);
    const lint = spawnSync('xmllint', ['--noout', '--schema', path.join(standards, 'refi-qda/Project.xsd'), qde], { encoding: 'utf8' });
    expect(lint.stderr).toContain('validates');
    expect(lint.status).toBe(0);
  });

  it('csl-json: the sources as CSL items', async () => {
    const items = JSON.parse((await exportTo('csl-json')).toString('utf8'));
    expect(Array.isArray(items)).toBe(true);
    for (const item of items) expect(item).toMatchObject({ id: expect.any(String), type: expect.any(String) });
  });

  it('fails with one line on stderr and nothing on stdout', async () => {
    const broken = path.join(dir, 'broken.claimdesk');
    writeFileSync(broken, 'not a zip');
    const cases: Array<[string[], RegExp]> = [
      [['export', bundlePath, '--out', 'x'], /--format is missing/],
      [['export', bundlePath, '--format', 'pdf', '--out', 'x'], /PDF needs the app's print engine/],
      [['export', bundlePath, '--format', 'xlsx', '--out', 'x'], /unknown format "xlsx"/],
      [['export', bundlePath, '--format', 'html'], /--out is missing/],
      [['export', bundlePath, '--format', 'html', '--out', 'x', '--style', 'mla'], /unknown citation style/],
      [['export', '--format', 'html', '--out', 'x'], /give exactly one bundle/],
      [['export', path.join(dir, 'missing.claimdesk'), '--format', 'html', '--out', 'x'], /no such file/],
      [['export', broken, '--format', 'html', '--out', 'x'], /broken\.claimdesk: This file is not a readable zip archive/],
    ];
    for (const [argv, message] of cases) {
      const { status, stdout, stderr } = await run(argv);
      expect(status, argv.join(' ')).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/^error: [^\n]+\n$/);
      expect(stderr).toMatch(message);
    }
  });
});
