import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CSL_DATE_FIELDS,
  CSL_NAME_FIELDS,
  CSL_STRING_FIELDS,
  CSL_STRING_LIST_FIELDS,
  CSL_STRING_OR_NUMBER_FIELDS,
  CSL_TYPES,
} from '../../../../shared/sources/cslFields.js';
import { cslFieldProblem, cslItemProblems, isCslField } from '../../../../shared/sources/cslItemCheck.js';

interface Property {
  type?: string | string[];
  enum?: string[];
  $ref?: string;
  items?: { type?: string; $ref?: string };
}
const schema = JSON.parse(
  readFileSync(new URL('../../../fixtures/sources/csl-data.schema.json', import.meta.url), 'utf8'),
) as { items: { properties: Record<string, Property> } };
const properties = schema.items.properties;

describe('the CSL field lists', () => {
  it('match the CSL 1.0.2 schema type by type', () => {
    expect([...CSL_TYPES]).toEqual(properties.type?.enum);
    const names = Object.keys(properties).filter((n) => n !== 'type' && n !== 'custom');
    const kinds = new Map<string, string[]>();
    for (const name of names) {
      const p = properties[name]!;
      const kind = p.$ref
        ? 'date'
        : p.type === 'array'
          ? p.items?.$ref
            ? 'name'
            : 'string-list'
          : Array.isArray(p.type)
            ? 'string-or-number'
            : 'string';
      kinds.set(kind, [...(kinds.get(kind) ?? []), name]);
    }
    expect([...CSL_STRING_FIELDS]).toEqual(kinds.get('string'));
    expect([...CSL_STRING_OR_NUMBER_FIELDS]).toEqual(kinds.get('string-or-number'));
    expect([...CSL_NAME_FIELDS]).toEqual(kinds.get('name'));
    expect([...CSL_DATE_FIELDS]).toEqual(kinds.get('date'));
    expect([...CSL_STRING_LIST_FIELDS]).toEqual(kinds.get('string-list'));
  });
});

describe('cslItemProblems', () => {
  it('passes a well-formed item', () => {
    const item = {
      id: 1,
      type: 'report',
      title: 'T',
      author: [{ family: 'Doe', given: 'J.' }, { literal: 'NATO' }],
      issued: { 'date-parts': [[2016, 7, 4]] },
      edition: 2,
      categories: ['defence'],
      'x-unknown': { anything: true },
    };
    expect(cslItemProblems(item)).toEqual([]);
  });

  it('names every problem', () => {
    expect(cslItemProblems({ title: 3, author: [{ name: 'NATO' }], accessed: { 'date-parts': [] } })).toEqual([
      'it has no "type"',
      'the field "title" must be text',
      'the field "author" must be a list of names (family and given, or literal)',
      'the field "accessed" must be a CSL date (date-parts, raw or literal)',
    ]);
    expect(cslItemProblems('report')).toEqual(['it is not a JSON object']);
    expect(cslItemProblems({ type: 'report', id: { x: 1 } })).toEqual(['the field "id" must be text or a number']);
  });

  it('leaves fields outside CSL alone', () => {
    expect(isCslField('shortTitle')).toBe(true);
    expect(isCslField('reliability')).toBe(false);
    expect(cslFieldProblem('reliability', { any: 1 })).toBeUndefined();
    expect(cslFieldProblem('volume', 33)).toBeUndefined();
    expect(cslFieldProblem('volume', [33])).toBe('the field "volume" must be text or a number');
  });
});
