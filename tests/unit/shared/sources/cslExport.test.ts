import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { importCitations } from '../../../../electron/sources/importCitations.js';
import type { Source } from '../../../../shared/model.js';
import { exportCslJson } from '../../../../shared/sources/cslExport.js';
import { sampleSources } from '../../../../shared/sources/sampleSources.js';

const fixturePath = (name: string): URL => new URL(`../../../fixtures/sources/${name}`, import.meta.url);
const schema: unknown = JSON.parse(readFileSync(fixturePath('csl-data.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, allowUnionTypes: true }).compile(schema as object);

function source(id: string, csl: Record<string, unknown>, kind: Source['kind'] = 'report'): Source {
  return {
    id,
    kind,
    csl: { id, type: 'report', ...csl },
    tags: [],
    attachments: [],
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
  };
}

function expectValid(items: unknown): void {
  const ok = validate(items);
  expect(validate.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
}

describe('exportCslJson', () => {
  it('writes CSL-JSON that the CSL 1.0.2 schema accepts, for everything the importers produce', () => {
    const library: Source[] = [];
    for (const name of ['zotero-library.json', 'zotero-library.bib', 'zotero-library.ris']) {
      library.push(...importCitations(readFileSync(fixturePath(name), 'utf8'), []).sources);
    }
    const items = exportCslJson(library);
    expect(items).toHaveLength(library.length);
    expectValid(items);
    expect(items.map((i) => i.title)).toEqual(library.map((s) => s.csl.title));
  });

  it('accepts the sample sources', () => {
    const now = '2024-06-17T00:00:00.000Z';
    const sources = sampleSources().map(({ source }, i) => ({ ...source, id: `sample-${i}`, createdAt: now, updatedAt: now }));
    expectValid(exportCslJson(sources));
  });

  it('moves fields the schema forbids, or values it would reject, into custom instead of dropping them', () => {
    const [item] = exportCslJson([
      source('a', {
        title: 'Defence figures',
        edition: { vintage: 2024 },
        _graph: [{ type: '@csl/object' }],
        reliabilityScore: 3,
        custom: { 'metadata-double-checked': true },
      }),
    ]);
    expectValid([item]);
    expect(item).toEqual({
      id: 'a',
      type: 'report',
      title: 'Defence figures',
      custom: {
        'metadata-double-checked': true,
        edition: { vintage: 2024 },
        _graph: [{ type: '@csl/object' }],
        reliabilityScore: 3,
      },
    });
  });

  it('gives a type from the source kind when the stored one is not CSL, and keeps ids unique', () => {
    const items = exportCslJson([
      source('s1', { id: 'nato', type: 'press-release', title: 'A' }, 'statute'),
      source('s2', { id: 'nato', title: 'B' }),
      source('s3', { id: '', type: undefined, title: 'C' }, 'web-page'),
    ]);
    expectValid(items);
    expect(items.map((i) => [i.id, i.type])).toEqual([
      ['nato', 'legislation'],
      ['s2', 'report'],
      ['s3', 'webpage'],
    ]);
    expect(items[0]!.custom).toEqual({ 'original-type': 'press-release' });
  });

  it('is checked by a validator that does reject what the schema forbids', () => {
    expect(validate([{ id: 'a', type: 'report', reliabilityScore: 3 }])).toBe(false);
    expect(validate([{ id: 'a', type: 'press-release' }])).toBe(false);
    expect(validate([{ id: 'a', type: 'report', issued: '2016' }])).toBe(false);
  });

  it('returns an empty list for an empty library', () => {
    expect(exportCslJson([])).toEqual([]);
    expectValid([]);
  });
});
