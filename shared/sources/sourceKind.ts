import type { SourceKind } from '../model.js';
import type { CslType } from './cslFields.js';

const KIND_BY_CSL_TYPE: Partial<Record<string, SourceKind>> = {
  report: 'report',
  dataset: 'dataset',
  article: 'article',
  'article-journal': 'article',
  'article-newspaper': 'article',
  'article-magazine': 'article',
  legislation: 'statute',
  bill: 'statute',
  regulation: 'statute',
  treaty: 'statute',
  webpage: 'web-page',
  post: 'web-page',
  'post-weblog': 'web-page',
  interview: 'interview',
  book: 'book',
  hearing: 'official-transcript',
};

/** The library's kind for a CSL item type; anything we have no kind for is filed as a report. */
export function sourceKindFromCslType(type: string | undefined): SourceKind {
  return (type && KIND_BY_CSL_TYPE[type]) || 'report';
}

const CSL_TYPE_BY_KIND: Record<SourceKind, CslType> = {
  report: 'report',
  dataset: 'dataset',
  article: 'article',
  statute: 'legislation',
  'official-transcript': 'hearing',
  'web-page': 'webpage',
  interview: 'interview',
  book: 'book',
};

/** The CSL item type for a source created in the app, whose CSL item has no type of its own yet. */
export function cslTypeForKind(kind: SourceKind): CslType {
  return CSL_TYPE_BY_KIND[kind];
}
