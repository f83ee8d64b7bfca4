import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import type { Source } from '../model.js';
import { CHICAGO_AUTHOR_DATE_CSL } from './styles/chicagoAuthorDate.js';
import { webAddress } from '../sources/webAddress.js';

export const CITATION_STYLES = ['apa', 'chicago'] as const;
/** The citation styles a report's bibliography can use. */
export type CitationStyle = (typeof CITATION_STYLES)[number];

/** One formatted reference, as plain text: callers escape it for their format. */
export interface BibliographyEntry {
  sourceId: string;
  text: string;
}

// plugin-csl ships APA ('apa'); Chicago has to be registered from the bundled style text, once per process.
const STYLE_NAMES: Record<CitationStyle, string> = { apa: 'apa', chicago: 'chicago-author-date' };
let chicagoRegistered = false;
function ensureStyles(): void {
  if (chicagoRegistered) return;
  const config = plugins.config.get('@csl');
  if (!config.styles.has(STYLE_NAMES.chicago)) config.styles.add(STYLE_NAMES.chicago, CHICAGO_AUTHOR_DATE_CSL);
  chicagoRegistered = true;
}

/** The sources' CSL-JSON, keyed by source id so entries can be matched back to their source. */
export function cslItems(sources: Source[]): Array<Record<string, unknown>> {
  return sources.map((s) => {
    const { URL: url, ...rest } = s.csl;
    // A URL that is not a web address (javascript:, data:) never reaches a bibliography.
    const safe = webAddress(url);
    return { ...rest, ...(safe ? { URL: safe } : {}), id: s.id, type: s.csl.type || 'document' };
  });
}

/** A fallback when citeproc rejects an item: the title is better than losing the source from the list. */
function plainReference(source: Source): string {
  const title = source.csl.title ?? source.id;
  const safe = webAddress(source.csl.URL);
  const url = safe ? ` ${safe}` : '';
  return `${title}.${url}`;
}

/** The sources as a bibliography in the style's order (APA and Chicago both sort by author, then date). */
export function bibliography(sources: Source[], style: CitationStyle): BibliographyEntry[] {
  if (sources.length === 0) return [];
  ensureStyles();
  try {
    const entries = new Cite(cslItems(sources)).format('bibliography', {
      format: 'text',
      style: STYLE_NAMES[style],
      lang: 'en-US',
      asEntryArray: true,
    }) as Array<[string, string]>;
    return entries.map(([sourceId, text]) => ({ sourceId, text: text.trim() }));
  } catch {
    return sources.map((s) => ({ sourceId: s.id, text: plainReference(s) }));
  }
}
