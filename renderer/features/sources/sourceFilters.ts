import type { CslItem, CslName, Source, SourceKind } from '../../../shared/model.js';

/** A name list as one line: "NATO Public Diplomacy Division; Smith, Jane". */
export function namesText(names: CslName[] | undefined): string {
  return (names ?? []).map((n) => n.literal ?? [n.family, n.given].filter(Boolean).join(', ')).join('; ');
}

/** Parses the form's author line back: "Family, Given" is a person, anything else an institution. */
export function parseNames(text: string): CslName[] {
  return text
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const [family, given, ...rest] = part.split(',').map((p) => p.trim());
      return rest.length === 0 && family && given ? { family, given } : { literal: part };
    });
}

/** A CSL date as the form shows it: 2016-07-04, 2024-06 or 2016. */
export function dateText(date: CslItem['issued']): string {
  const parts = date?.['date-parts']?.[0];
  if (parts && parts.length > 0) return parts.map((p, i) => (i === 0 ? String(p) : String(p).padStart(2, '0'))).join('-');
  return date?.raw ?? date?.literal ?? '';
}

/** The form's date back as CSL: date-parts when it reads as YYYY[-MM[-DD]], raw text otherwise. */
export function parseDate(text: string): CslItem['issued'] | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const match = trimmed.match(/^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$/);
  if (!match) return { raw: trimmed };
  return { 'date-parts': [match.slice(1).filter((p): p is string => p !== undefined).map(Number)] };
}

export function sourceTitle(source: Pick<Source, 'csl'>): string {
  return typeof source.csl.title === 'string' && source.csl.title ? source.csl.title : 'Untitled source';
}

/** The year or date a source was issued, for lists. */
export function issuedText(source: Pick<Source, 'csl'>): string {
  return dateText(source.csl.issued);
}

/** Sources matching the filters: kind, tag, and text found in the title, authors, publisher or tags. */
export function filterSources(sources: readonly Source[], filter: { text: string; kind: SourceKind | ''; tag: string }): Source[] {
  const words = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  return sources
    .filter((s) => (filter.kind ? s.kind === filter.kind : true))
    .filter((s) => (filter.tag ? s.tags.includes(filter.tag) : true))
    .filter((s) => {
      if (words.length === 0) return true;
      const haystack = [sourceTitle(s), namesText(s.csl.author), s.csl.publisher ?? '', ...s.tags, s.csl.DOI ?? '', s.csl.URL ?? ''].join(' ').toLowerCase();
      return words.every((w) => haystack.includes(w));
    })
    .sort((a, b) => sourceTitle(a).localeCompare(sourceTitle(b)));
}

/** Every tag used in the library, sorted. */
export function allTags(sources: readonly Source[]): string[] {
  return [...new Set(sources.flatMap((s) => s.tags))].sort((a, b) => a.localeCompare(b));
}
