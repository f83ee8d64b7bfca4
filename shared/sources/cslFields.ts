/**
 * The item types and fields of CSL-JSON 1.0.2 (citation-style-language/schema, schemas/input/csl-data.json), grouped
 * by the kind of value the schema allows. The schema forbids any other field, so an export moves the rest into
 * `custom`. Kept as data rather than importing the schema so the window does not bundle it; a unit test holds these
 * lists to the schema.
 */

export const CSL_TYPES = [
  'article', 'article-journal', 'article-magazine', 'article-newspaper', 'bill', 'book', 'broadcast', 'chapter',
  'classic', 'collection', 'dataset', 'document', 'entry', 'entry-dictionary', 'entry-encyclopedia', 'event',
  'figure', 'graphic', 'hearing', 'interview', 'legal_case', 'legislation', 'manuscript', 'map', 'motion_picture',
  'musical_score', 'pamphlet', 'paper-conference', 'patent', 'performance', 'periodical', 'personal_communication',
  'post', 'post-weblog', 'regulation', 'report', 'review', 'review-book', 'software', 'song', 'speech', 'standard',
  'thesis', 'treaty', 'webpage',
] as const;
export type CslType = (typeof CSL_TYPES)[number];

export const CSL_STRING_FIELDS = [
  'citation-key', 'language', 'journalAbbreviation', 'shortTitle', 'abstract', 'annote', 'archive',
  'archive_collection', 'archive_location', 'archive-place', 'authority', 'call-number', 'citation-label',
  'collection-title', 'container-title', 'container-title-short', 'dimensions', 'division', 'DOI', 'event',
  'event-title', 'event-place', 'genre', 'ISBN', 'ISSN', 'jurisdiction', 'keyword', 'medium', 'note',
  'original-publisher', 'original-publisher-place', 'original-title', 'part-title', 'PMCID', 'PMID', 'publisher',
  'publisher-place', 'references', 'reviewed-genre', 'reviewed-title', 'scale', 'section', 'source', 'status',
  'title', 'title-short', 'URL', 'version', 'volume-title', 'volume-title-short', 'year-suffix',
] as const;

export const CSL_STRING_OR_NUMBER_FIELDS = [
  'id', 'chapter-number', 'citation-number', 'collection-number', 'edition', 'first-reference-note-number', 'issue',
  'locator', 'number', 'number-of-pages', 'number-of-volumes', 'page', 'page-first', 'part', 'printing',
  'supplement', 'volume',
] as const;

export const CSL_NAME_FIELDS = [
  'author', 'chair', 'collection-editor', 'compiler', 'composer', 'container-author', 'contributor', 'curator',
  'director', 'editor', 'editorial-director', 'executive-producer', 'guest', 'host', 'interviewer', 'illustrator',
  'narrator', 'organizer', 'original-author', 'performer', 'producer', 'recipient', 'reviewed-author',
  'script-writer', 'series-creator', 'translator',
] as const;

export const CSL_DATE_FIELDS = [
  'accessed', 'available-date', 'event-date', 'issued', 'original-date', 'submitted',
] as const;

export const CSL_STRING_LIST_FIELDS = [
  'categories',
] as const;

const typeSet: ReadonlySet<string> = new Set(CSL_TYPES);

export function isCslType(value: unknown): value is CslType {
  return typeof value === 'string' && typeSet.has(value);
}
