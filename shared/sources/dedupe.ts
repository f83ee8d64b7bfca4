import { nowIso } from '../ids.js';
import type { Attachment, CslItem, Source } from '../model.js';

/** What duplicate matching needs of a source, so callers can pass a light copy of the library. */
export type SourceIdentity = Pick<Source, 'id' | 'csl'>;

/** Why two items are taken to be the same work. */
export interface DuplicateMatch<S extends SourceIdentity = Source> {
  source: S;
  reason: string;
}

export function normaliseDoi(doi: unknown): string | undefined {
  if (typeof doi !== 'string') return undefined;
  const bare = doi
    .trim()
    .toLowerCase()
    .replace(/^(?:https?:\/\/)?(?:dx\.)?doi\.org\//, '')
    .replace(/^doi:\s*/, '');
  return bare.startsWith('10.') ? bare : undefined;
}

/** Scheme, `www.`, fragment, trailing slash and case of the host are noise when telling two links apart. */
export function normaliseUrl(url: unknown): string | undefined {
  if (typeof url !== 'string' || url.trim() === '') return undefined;
  try {
    const parsed = new URL(url.trim());
    const host = parsed.host.toLowerCase().replace(/^www\./, '');
    const path = parsed.pathname.replace(/\/+$/, '');
    return `${host}${path}${parsed.search}`;
  } catch {
    return url.trim().toLowerCase();
  }
}

/** Case, accents, punctuation and spacing differ between exports of the same title. */
export function normaliseTitle(title: unknown): string | undefined {
  if (typeof title !== 'string') return undefined;
  const folded = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return folded === '' ? undefined : folded;
}

/** The year an item was issued, or undefined when it has none we can read. */
export function issuedYear(item: CslItem): string | undefined {
  const issued = item.issued;
  const part = issued?.['date-parts']?.[0]?.[0];
  if (part !== undefined && /^\d{3,4}$/.test(String(part).trim())) return String(part).trim();
  const text = issued?.raw ?? issued?.literal;
  return text?.match(/\b(\d{4})\b/)?.[1];
}

/**
 * The first source in `existing` that is the same work as `item`: same DOI, same URL, or the same title and year
 * (two items with the same title and no year match too, since nothing tells them apart).
 */
export function findDuplicate<S extends SourceIdentity>(
  item: CslItem,
  existing: readonly S[],
): DuplicateMatch<S> | undefined {
  const doi = normaliseDoi(item.DOI);
  const url = normaliseUrl(item.URL);
  const title = normaliseTitle(item.title);
  const year = issuedYear(item);
  for (const source of existing) {
    if (doi && normaliseDoi(source.csl.DOI) === doi) return { source, reason: `same DOI (${doi})` };
  }
  for (const source of existing) {
    if (url && normaliseUrl(source.csl.URL) === url) return { source, reason: `same URL (${String(item.URL)})` };
  }
  if (title) {
    for (const source of existing) {
      if (normaliseTitle(source.csl.title) === title && issuedYear(source.csl) === year) {
        return { source, reason: year ? `same title and year (${year})` : 'same title, and neither has a year' };
      }
    }
  }
  return undefined;
}

function mergeAttachments(a: readonly Attachment[], b: readonly Attachment[]): Attachment[] {
  const byHash = new Map<string, Attachment>();
  for (const attachment of [...a, ...b]) if (!byHash.has(attachment.hash)) byHash.set(attachment.hash, attachment);
  return [...byHash.values()];
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/**
 * One source out of two duplicates: `keep`'s id and values win, `drop` fills the CSL fields `keep` lacks, and tags
 * and attachments are united. The caller deletes `drop` and points its evidence links at the result.
 */
export function mergeSources(keep: Source, drop: Source): Source {
  const csl: CslItem = { ...keep.csl };
  for (const [field, value] of Object.entries(drop.csl)) {
    if (isEmpty(csl[field]) && !isEmpty(value)) csl[field] = value;
  }
  const notes = [keep.reliability, drop.reliability].filter((n): n is string => !!n && n.trim() !== '');
  const reliability = [...new Set(notes)].join('\n');
  const merged: Source = {
    ...keep,
    csl,
    tags: [...new Set([...keep.tags, ...drop.tags])],
    attachments: mergeAttachments(keep.attachments, drop.attachments),
    createdAt: keep.createdAt < drop.createdAt ? keep.createdAt : drop.createdAt,
    updatedAt: nowIso(),
  };
  if (reliability) merged.reliability = reliability;
  else delete merged.reliability;
  return merged;
}
