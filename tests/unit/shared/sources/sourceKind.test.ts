import { describe, expect, it } from 'vitest';
import { SOURCE_KINDS } from '../../../../shared/model.js';
import { isCslType } from '../../../../shared/sources/cslFields.js';
import { cslTypeForKind, sourceKindFromCslType } from '../../../../shared/sources/sourceKind.js';

describe('source kinds and CSL types', () => {
  it('maps CSL types to kinds, filing the rest as reports', () => {
    const cases: [string | undefined, string][] = [
      ['report', 'report'],
      ['dataset', 'dataset'],
      ['article-journal', 'article'],
      ['article-newspaper', 'article'],
      ['article-magazine', 'article'],
      ['legislation', 'statute'],
      ['bill', 'statute'],
      ['webpage', 'web-page'],
      ['interview', 'interview'],
      ['book', 'book'],
      ['thesis', 'report'],
      ['no-such-type', 'report'],
      [undefined, 'report'],
    ];
    expect(cases.map(([type]) => sourceKindFromCslType(type))).toEqual(cases.map(([, kind]) => kind));
  });

  it('gives every kind a CSL type that maps back to it', () => {
    for (const kind of SOURCE_KINDS) {
      const type = cslTypeForKind(kind);
      expect(isCslType(type)).toBe(true);
      expect(sourceKindFromCslType(type)).toBe(kind);
    }
  });
});
