import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { exportQdpx, guidFor, importQdpx, projectQde } from '../../../../shared/exports/refiQda.js';
import { sampleSnapshot } from '../../../fixtures/exports/sampleSnapshot.js';

const refi = new URL('../../../fixtures/exports/standards/refi-qda/', import.meta.url);
const xsd = fileURLToPath(new URL('Project.xsd', refi));
const hasXmllint = spawnSync('which', ['xmllint']).status === 0;

function xmllint(xml: string): { ok: boolean; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'claimdesk-qde-'));
  const file = join(dir, 'project.qde');
  writeFileSync(file, xml);
  const run = spawnSync('xmllint', ['--noout', '--schema', xsd, file], { encoding: 'utf8' });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

describe('exportQdpx', () => {
  it('zips project.qde with every document as a text source', () => {
    const snapshot = sampleSnapshot();
    const files = unzipSync(exportQdpx(snapshot, { exportedAt: '2016-09-01T00:00:00Z' }));
    const docGuid = guidFor('document', 'doc-corbyn-nato');
    expect(Object.keys(files).sort()).toEqual(['project.qde', `sources/${docGuid}.txt`]);
    expect(strFromU8(files[`sources/${docGuid}.txt`] as Uint8Array)).toBe(snapshot.documents[0]?.text);
    const xml = strFromU8(files['project.qde'] as Uint8Array);
    expect(xml).toContain(`plainTextPath="internal://${docGuid}.txt"`);
    expect(xml).toContain('<Case guid="');
    expect(xml).toContain('name="Owen Smith"');
    expect(xml.match(/<PlainTextSelection /g)).toHaveLength(5);
    expect(exportQdpx(snapshot, { exportedAt: '2016-09-01T00:00:00Z' })).toEqual(exportQdpx(snapshot, { exportedAt: '2016-09-01T00:00:00Z' }));
  });

  it.skipIf(!hasXmllint)('validates against Project.xsd with xmllint (skipped without libxml2-utils)', () => {
    const result = xmllint(projectQde(sampleSnapshot(), { exportedAt: '2016-09-01T00:00:00Z' }).xml);
    expect(result.output).toContain('validates');
    expect(result.ok).toBe(true);
  });

  it.skipIf(!hasXmllint)('still validates with hostile names, control characters and a topic cycle', () => {
    const s = sampleSnapshot();
    (s.people[0] as { name: string }).name = 'A "quoted" <name> & \u0001 co';
    (s.claims[0] as { text: string }).text = 'line one\nline two <b>&amp;</b>';
    (s.topics[0] as { parentId?: string }).parentId = 'topic-article5'; // Defence › NATO › Article 5 › Defence …
    (s.scales[0]?.steps[0] as { color: string }).color = 'not-a-colour';
    const result = xmllint(projectQde(s).xml);
    expect(result.output).toContain('validates');
  });

  it('the schema check can fail: a selection without positions is refused', () => {
    if (!hasXmllint) return;
    const xml = projectQde(sampleSnapshot()).xml.replace(/ startPosition="\d+"/, '');
    expect(xmllint(xml).ok).toBe(false);
  });

  it('round-trips through importQdpx: documents, selections on the same spans, the code tree', () => {
    const snapshot = sampleSnapshot();
    const back = importQdpx(exportQdpx(snapshot));
    expect(back.warnings).toEqual([]);
    expect(back.documents).toHaveLength(1);
    const doc = back.documents[0];
    expect(doc?.text).toBe(snapshot.documents[0]?.text);
    const spans = doc?.selections.map((s) => doc.text.slice(s.start, s.end)).sort();
    expect(spans).toEqual(snapshot.appearances.map((a) => a.anchor.quote.exact).sort());
    expect(back.codes.map((c) => c.name)).toEqual(['Claim types', 'Verdicts', 'Topics']);
    const topics = back.codes[2];
    expect(topics?.children.map((c) => c.name)).toEqual(['Defence', 'Russia']);
    expect(topics?.children[0]?.children.map((c) => c.name)).toEqual(['NATO', 'Defence spending']);
  });

  it('counts selection positions in characters, not UTF-16 units', () => {
    const s = sampleSnapshot();
    const doc = s.documents[0];
    const app = s.appearances[0];
    if (!doc || !app) throw new Error('fixture');
    const emoji = '🇬🇧 ';
    doc.text = emoji + doc.text;
    for (const a of s.appearances) a.anchor.position = { start: a.anchor.position.start + emoji.length, end: a.anchor.position.end + emoji.length };
    const xml = projectQde(s).xml;
    const start = app.anchor.position.start;
    expect(xml).toContain(`startPosition="${start - 2}"`); // two flag letters are four UTF-16 units
    const back = importQdpx(exportQdpx(s));
    const sel = back.documents[0]?.selections.find((x) => x.guid === guidFor('appearance', app.id));
    expect(back.documents[0]?.text.slice(sel?.start, sel?.end)).toBe(app.anchor.quote.exact);
  });
});

describe('importQdpx', () => {
  const sample = readFileSync(new URL('samples/hand_authored_project.qde', refi));
  const interview = 'Diet and health are closely related, participants said.';

  it('reads another tool’s project: text sources with their text, coded selections, the code tree, warnings for the rest', () => {
    const qdpx = zipSync({ 'project.qde': new Uint8Array(sample), 'sources/11111111-1111-1111-1111-111111111111.txt': strToU8(interview) });
    const result = importQdpx(qdpx);
    expect(result.projectName).toBe('Sample Study');
    expect(result.documents.map((d) => d.title)).toEqual(['Interview 1.txt', 'doc.pdf']);
    const [text, pdf] = result.documents;
    expect(text?.text).toBe(interview);
    expect(text?.selections.map((s) => [s.start, s.end, s.codeGuids])).toEqual([
      [0, 15, ['20000000-0000-0000-0000-000000000002']],
      [9, 23, ['20000000-0000-0000-0000-000000000003']],
    ]);
    expect(text?.text.slice(0, 15)).toBe('Diet and health');
    expect(pdf?.text).toBe('Notes about diet and health from the document.');
    expect(result.codes).toEqual([
      {
        guid: '20000000-0000-0000-0000-000000000001',
        name: 'Topics',
        isCodable: false,
        children: [
          {
            guid: '20000000-0000-0000-0000-000000000002',
            name: 'Health',
            isCodable: true,
            color: '#33cc33',
            description: 'Anything about physical or mental health',
            children: [
              { guid: '20000000-0000-0000-0000-000000000003', name: 'Diet', isCodable: true, color: '#dc0000', description: 'Food and eating habits', children: [] },
            ],
          },
          { guid: '20000000-0000-0000-0000-000000000004', name: 'Wellbeing', isCodable: true, color: '#0000ff', children: [] },
        ],
      },
    ]);
    expect(result.warnings).toHaveLength(3); // picture, audio, video
  });

  it('warns when a source file is missing from the archive', () => {
    const result = importQdpx(zipSync({ 'project.qde': new Uint8Array(sample) }));
    expect(result.documents.map((d) => d.title)).toEqual(['doc.pdf']);
    expect(result.warnings.some((w) => w.includes('Interview 1.txt') && w.includes('not in the archive'))).toBe(true);
  });

  it('refuses archives without a project or with broken XML', () => {
    expect(() => importQdpx(zipSync({ 'readme.txt': strToU8('x') }))).toThrow(/no project.qde/);
    expect(() => importQdpx(zipSync({ 'project.qde': strToU8('<Project><Unclosed></Project>') }))).toThrow(/not well-formed|no <Project>/);
    expect(() => importQdpx(strToU8('not a zip'))).toThrow(/not a readable zip/);
  });
});
