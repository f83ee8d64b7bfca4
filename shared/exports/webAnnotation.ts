import type { Appearance, ProjectSnapshot } from '../model.js';
import { stringifyJsonLd } from './jsonLd.js';
import { indexSnapshot, topicPath } from './snapshotIndex.js';

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

export interface WebAnnotationOptions {
  /** Prefix for the IRIs of annotations and documents; a URN by default, as the library has no web address. */
  baseIri?: string;
  /** Only appearances in these documents. */
  documentIds?: string[];
}

/** A W3C Web Annotation (JSON-LD) of one appearance. */
export interface WebAnnotation {
  '@context'?: typeof ANNOTATION_CONTEXT;
  id: string;
  type: 'Annotation';
  motivation: 'highlighting';
  created: string;
  modified: string;
  generator: { id: string; type: 'Software'; name: string };
  body: Array<Record<string, unknown>>;
  target: {
    source: string;
    selector: [
      { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string },
      { type: 'TextPositionSelector'; start: number; end: number },
    ];
  };
}

const DEFAULT_BASE = 'urn:claimdesk:';
const iri = (base: string, kind: string, id: string): string => `${base}${kind}:${encodeURIComponent(id)}`;

/** Every appearance as an annotation on its document, selected by quote and by position in DocumentRecord.text. */
export function webAnnotations(snapshot: ProjectSnapshot, options: WebAnnotationOptions = {}): WebAnnotation[] {
  const base = options.baseIri ?? DEFAULT_BASE;
  const index = indexSnapshot(snapshot);
  const claims = new Map(snapshot.claims.map((c) => [c.id, c]));
  const documents = options.documentIds ? new Set(options.documentIds) : undefined;
  const annotation = (a: Appearance): WebAnnotation => {
    const claim = claims.get(a.claimId);
    const topics = [...new Set([...(claim?.topicIds ?? []), ...(a.topicIds ?? [])])].map((t) => topicPath(index, t)).filter(Boolean);
    const claimant = claim?.claimantId ? index.people.get(claim.claimantId)?.name : undefined;
    const verdict = claim ? index.verdictByClaim.get(claim.id) : undefined;
    const body: Array<Record<string, unknown>> = [
      {
        type: 'TextualBody',
        purpose: 'describing',
        format: 'text/plain',
        value: claimant ? `${claimant}: ${claim?.text ?? ''}` : (claim?.text ?? ''),
      },
      ...topics.map((t) => ({ type: 'TextualBody', purpose: 'tagging', value: t })),
    ];
    if (claim) body.push({ type: 'TextualBody', purpose: 'classifying', value: claim.type });
    if (verdict?.reasoning) body.push({ type: 'TextualBody', purpose: 'assessing', format: 'text/plain', value: verdict.reasoning });
    return {
      '@context': ANNOTATION_CONTEXT,
      id: iri(base, 'appearance', a.id),
      type: 'Annotation',
      motivation: 'highlighting',
      created: a.createdAt,
      modified: a.updatedAt,
      generator: { id: `${base}app`, type: 'Software', name: 'Claimdesk' },
      body,
      target: {
        source: iri(base, 'document', a.documentId),
        selector: [
          { type: 'TextQuoteSelector', exact: a.anchor.quote.exact, prefix: a.anchor.quote.prefix, suffix: a.anchor.quote.suffix },
          { type: 'TextPositionSelector', start: a.anchor.position.start, end: a.anchor.position.end },
        ],
      },
    };
  };
  return snapshot.appearances.filter((a) => !documents || documents.has(a.documentId)).map(annotation);
}

/** The annotations as one AnnotationCollection with a single page, the form annotation servers import. */
export function webAnnotationCollection(snapshot: ProjectSnapshot, options: WebAnnotationOptions & { label?: string } = {}): string {
  const base = options.baseIri ?? DEFAULT_BASE;
  const items = webAnnotations(snapshot, options).map(({ '@context': _context, ...rest }) => rest);
  return stringifyJsonLd({
    '@context': ANNOTATION_CONTEXT,
    id: `${base}annotations`,
    type: 'AnnotationCollection',
    label: options.label ?? 'Claimdesk claim appearances',
    total: items.length,
    first: { id: `${base}annotations:page:0`, type: 'AnnotationPage', startIndex: 0, items },
  });
}
