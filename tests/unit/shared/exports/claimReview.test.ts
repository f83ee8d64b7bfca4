import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { claimReviews, claimReviewsJson } from '../../../../shared/exports/claimReview.js';
import { sampleSnapshot } from '../../../fixtures/exports/sampleSnapshot.js';

const dir = new URL('../../../fixtures/exports/standards/claimreview/', import.meta.url);
type Node = { '@id': string; '@type': string | string[]; 'rdfs:subClassOf'?: unknown; 'schema:domainIncludes'?: unknown };
const graph = (JSON.parse(readFileSync(new URL('schemaorg-current-https.jsonld', dir), 'utf8')) as { '@graph': Node[] })['@graph'];
const google = JSON.parse(readFileSync(new URL('google-factcheck-properties.json', dir), 'utf8')) as Record<string, { required: Record<string, string> }>;
const byId = new Map(graph.map((n) => [n['@id'], n]));
const ids = (v: unknown): string[] => (Array.isArray(v) ? v : v ? [v] : []).map((x) => (x as { '@id': string })['@id']);

/** A class and all its super-classes in schema.org 30.0. */
function ancestors(type: string): Set<string> {
  const out = new Set<string>();
  const stack = [`schema:${type}`];
  while (stack.length) {
    const id = stack.pop() as string;
    if (out.has(id)) continue;
    out.add(id);
    stack.push(...ids(byId.get(id)?.['rdfs:subClassOf']));
  }
  return out;
}

/** Every @type is a schema.org class and every property is declared for that class (or a super-class). */
function checkAgainstSchemaOrg(node: Record<string, unknown>, path: string, problems: string[]): void {
  const type = node['@type'];
  if (typeof type !== 'string') return void problems.push(`${path}: no @type`);
  const cls = byId.get(`schema:${type}`);
  if (!cls || !([] as string[]).concat(cls['@type']).includes('rdfs:Class')) return void problems.push(`${path}: ${type} is not a schema.org class`);
  const lineage = ancestors(type);
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('@')) continue;
    const prop = byId.get(`schema:${key}`);
    if (!prop) problems.push(`${path}.${key}: not a schema.org property`);
    else if (!ids(prop['schema:domainIncludes']).some((d) => lineage.has(d))) problems.push(`${path}.${key}: not a property of ${type}`);
    for (const [i, v] of (Array.isArray(value) ? value : [value]).entries()) {
      if (v && typeof v === 'object') checkAgainstSchemaOrg(v as Record<string, unknown>, `${path}.${key}[${i}]`, problems);
    }
  }
}

const options = { organisation: { name: 'Fact Desk', url: 'https://factdesk.example/' }, reportUrl: 'https://factdesk.example/nato-2016' };

describe('claimReviews', () => {
  it('makes one review per checked or published claim with a verdict', () => {
    const reviews = claimReviews(sampleSnapshot(), options);
    expect(reviews.map((r) => r.url)).toEqual([
      'https://factdesk.example/nato-2016#claim-claim-aid',
      'https://factdesk.example/nato-2016#claim-claim-five-of-28',
      'https://factdesk.example/nato-2016#claim-claim-dialogue',
    ]);
  });

  it('rates numerically on rated scales and textually on conclusion-only ones', () => {
    const [aid, five, dialogue] = claimReviews(sampleSnapshot(), options);
    expect(aid?.reviewRating).toMatchObject({ '@type': 'Rating', alternateName: 'True', ratingValue: 5, bestRating: 5, worstRating: 1 });
    expect(five?.reviewRating).toMatchObject({ alternateName: 'Mostly true', ratingValue: 4 });
    expect(dialogue?.reviewRating).toEqual({
      '@type': 'Rating',
      alternateName: 'A prediction that cannot be checked.',
      name: 'A prediction that cannot be checked.',
      ratingExplanation: 'Whether dialogue would prevent a violation is not a matter of fact.',
    });
    expect(aid?.itemReviewed).toMatchObject({
      '@type': 'Claim',
      author: { '@type': 'Person', name: 'Owen Smith' },
      datePublished: '2016-08-18',
      appearance: [{ '@type': 'CreativeWork', name: 'Corbyn refuses to guarantee NATO support (article)', url: 'https://example.org/news/corbyn-nato' }],
    });
    expect(aid?.author).toEqual({ '@type': 'Organization', name: 'Fact Desk', url: 'https://factdesk.example/' });
    expect(aid?.datePublished).toBe('2016-08-22');
  });

  it("carries Google's required fields and only schema.org 30.0 types and properties", () => {
    const reviews = JSON.parse(claimReviewsJson(sampleSnapshot(), options)) as Array<Record<string, unknown>>;
    const requiredReview = Object.keys(google['ClaimReview']?.required ?? {});
    const requiredRating = Object.keys(google['Rating']?.required ?? {});
    expect(requiredReview).toEqual(['claimReviewed', 'reviewRating', 'url']);
    expect(requiredRating).toEqual(['alternateName']);
    const problems: string[] = [];
    for (const review of reviews) {
      expect(review['@context']).toBe('https://schema.org');
      for (const key of requiredReview) expect(review[key], key).toBeTruthy();
      for (const key of requiredRating) expect((review['reviewRating'] as Record<string, unknown>)[key]).toBeTruthy();
      checkAgainstSchemaOrg(review, 'ClaimReview', problems);
    }
    expect(problems).toEqual([]);
    // The checker itself catches a wrong property.
    const wrong: string[] = [];
    checkAgainstSchemaOrg({ '@type': 'Rating', claimReviewed: 'x' }, 'r', wrong);
    expect(wrong).toEqual(['r.claimReviewed: not a property of Rating']);
  });

  it('needs a URL to publish under, and never emits a javascript: one', () => {
    expect(() => claimReviews(sampleSnapshot(), { organisation: { name: 'X' } })).toThrow(/URL/);
    expect(() => claimReviews(sampleSnapshot(), { organisation: { name: 'X', url: 'javascript:alert(1)' } })).toThrow(/URL/);
  });
});
