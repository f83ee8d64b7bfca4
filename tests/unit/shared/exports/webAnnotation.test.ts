import { readdirSync, readFileSync } from 'node:fs';
import AjvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { webAnnotationCollection, webAnnotations } from '../../../../shared/exports/webAnnotation.js';
import { ARTICLE_TEXT, sampleSnapshot } from '../../../fixtures/exports/sampleSnapshot.js';

// Both packages are CommonJS with `exports.default`; under nodenext the default import is the module object.
const Ajv = AjvDraft04.default;
const addFormats = ajvFormats.default;

const root = new URL('../../../fixtures/exports/standards/web-annotation/', import.meta.url);
const json = (url: URL) => JSON.parse(readFileSync(url, 'utf8')) as Record<string, unknown>;

function suite() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  for (const f of readdirSync(new URL('definitions/', root))) ajv.addSchema(json(new URL(`definitions/${f}`, root)));
  // The W3C manifest of MUST assertions: every annotation has to satisfy each one.
  const manifest = json(new URL('annotations/annotationMusts.test', root)) as { assertions: string[] };
  const assertions = manifest.assertions.map((path) => {
    const schema = json(new URL(path, root));
    return { path, expected: schema['expectedResult'] ?? 'valid', validate: ajv.compile(schema) };
  });
  return assertions;
}

describe('webAnnotations', () => {
  const assertions = suite();

  it('turns every appearance into an annotation with quote and position selectors on its document', () => {
    const snapshot = sampleSnapshot();
    const annotations = webAnnotations(snapshot);
    expect(annotations).toHaveLength(snapshot.appearances.length);
    const five = annotations.find((a) => a.id === 'urn:claimdesk:appearance:app-five');
    expect(five?.target.source).toBe('urn:claimdesk:document:doc-corbyn-nato');
    const [quote, position] = five?.target.selector ?? [];
    expect(quote).toMatchObject({ type: 'TextQuoteSelector', exact: 'only five out of 28 members met this target last year' });
    expect(ARTICLE_TEXT.slice(position?.start, position?.end)).toBe(quote?.exact);
    expect(five?.body.map((b) => b['purpose'])).toEqual(['describing', 'tagging', 'classifying', 'assessing']);
  });

  it('passes every MUST assertion of the W3C annotation test suite', () => {
    expect(assertions.length).toBeGreaterThan(50);
    const failures: string[] = [];
    for (const annotation of webAnnotations(sampleSnapshot(), { baseIri: 'https://factdesk.example/anno/' })) {
      for (const a of assertions) {
        const ok = a.validate(annotation) as boolean;
        if (ok !== (a.expected === 'valid')) failures.push(`${annotation.id}: ${a.path}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('the suite catches a broken annotation', () => {
    const [annotation] = webAnnotations(sampleSnapshot());
    const broken = { ...annotation, target: { source: 'urn:x', selector: { type: 'TextPositionSelector', start: 'one' } } };
    const failed = assertions.filter((a) => !(a.validate(broken) as boolean)).map((a) => a.path);
    expect(failed.length).toBeGreaterThan(0);
  });

  it('wraps them in an AnnotationCollection that passes the collection schema', () => {
    const ajv = new Ajv({ strict: false });
    addFormats(ajv);
    for (const f of readdirSync(new URL('definitions/', root))) ajv.addSchema(json(new URL(`definitions/${f}`, root)));
    const collection = JSON.parse(webAnnotationCollection(sampleSnapshot()));
    expect(collection).toMatchObject({ type: 'AnnotationCollection', total: 5, first: { type: 'AnnotationPage', startIndex: 0 } });
    expect(collection.first.items[0]['@context']).toBeUndefined();
    const checks = ['annotationCollectionTypeValueFound', 'labelFound', 'totalFound', 'firstFound', 'firstValidIfPresent', 'firstRequiredIfTotalMoreThanZero'];
    for (const name of checks) {
      const validate = ajv.getSchema(`collections.json#/definitions/${name}`);
      expect(validate, name).toBeDefined();
      expect(validate?.(collection), name).toBe(true);
    }
    expect(ajv.getSchema('collections.json#/definitions/contextValueFound')?.(collection['@context'])).toBe(true);
    const page = ajv.getSchema('collections.json#/definitions/annotationPageTypeValueFound');
    expect(page?.(collection.first)).toBe(true);
    expect(ajv.getSchema('collections.json#/definitions/itemsFound')?.(collection.first)).toBe(true);
  });
});
