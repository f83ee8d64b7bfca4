import type { EntryKind } from './searchEntries.js';
import type { SearchHit } from './searchIndex.js';

/**
 * Search results as they cross the worker boundary: one array of numbers (kinds, scores, offsets and the length of
 * every string) and one string (every string of every hit, one after another). A structured clone of fifty hit
 * objects cost about as much as a typical search itself (each object, each field, each `terms` array serialised and
 * rebuilt one by one); two flat values are copied in one go and the window rebuilds the hits in one pass. (A plain
 * array rather than a transferred Float64Array: allocating ArrayBuffers on both sides of every search measured no
 * cheaper.) Lengths, not separators, cut the strings apart, so any character in an id or a term (an imported text
 * may hold control characters) comes back unchanged.
 */
export interface PackedHits {
  /** Per hit: kind, score, start, end (NaN when absent), the lengths of its six strings (-1 when absent), the number of terms, their lengths. */
  numbers: number[];
  /** The hits' strings: id, recordId, claimId, documentId, status, verdict, then its terms. */
  text: string;
}

/** The fields packed: every field of a SearchHit (a field added to hits must be packed too, or this fails to compile). */
type PackedField = 'id' | 'kind' | 'recordId' | 'claimId' | 'documentId' | 'status' | 'verdict' | 'start' | 'end' | 'score' | 'terms';
const everyFieldPacked: Exclude<keyof SearchHit, PackedField> extends never ? true : false = true;
void everyFieldPacked;

const KINDS: readonly EntryKind[] = ['turn', 'claim', 'note', 'source', 'evidence', 'verdict'];
/** kind, score, start, end, six string lengths, the number of terms. */
const FIXED = 11;


/** Collects hits into a PackedHits without building hit objects first (the worker's side). */
export class HitPacker {
  private readonly numbers: number[] = [];
  private readonly parts: string[] = [];

  /** One hit: its entry id, its stored fields (extra fields such as the filter-only lists are not packed), score and terms. */
  add(id: string, stored: Omit<SearchHit, 'id' | 'score' | 'terms'>, score: number, terms: readonly string[]): void {
    const kind = KINDS.indexOf(stored.kind);
    if (kind < 0) throw new Error(`A search hit of unknown kind ${String(stored.kind)}.`);
    this.numbers.push(kind, score, stored.start ?? NaN, stored.end ?? NaN);
    this.string(id);
    this.string(stored.recordId);
    this.string(stored.claimId);
    this.string(stored.documentId);
    this.string(stored.status);
    this.string(stored.verdict);
    this.numbers.push(terms.length);
    for (const term of terms) this.string(term);
  }

  done(): PackedHits {
    return { numbers: this.numbers, text: this.parts.join('') };
  }

  private string(value: string | undefined): void {
    if (value === undefined) {
      this.numbers.push(-1);
    } else {
      this.numbers.push(value.length);
      this.parts.push(value);
    }
  }
}

/** Hits packed, in their order. */
export function packHits(hits: readonly SearchHit[]): PackedHits {
  const packer = new HitPacker();
  for (const hit of hits) packer.add(hit.id, hit, hit.score, hit.terms);
  return packer.done();
}

/**
 * The hits back from their packed form (the window's side), as plain objects with the fields a hit has (absent
 * fields stay absent). Throws on a packing that does not add up, which only a bug can produce.
 */
export function unpackHits(packed: PackedHits): SearchHit[] {
  const { numbers, text } = packed;
  const hits: SearchHit[] = [];
  let at = 0;
  let cut = 0;
  const next = (): string | undefined => {
    const length = numbers[at++]!;
    if (length < 0) return undefined;
    const value = text.slice(cut, cut + length);
    cut += length;
    return value;
  };
  while (at < numbers.length) {
    const kind = KINDS[numbers[at]!];
    if (kind === undefined || at + FIXED > numbers.length) throw new Error('The search results arrived damaged.');
    const score = numbers[at + 1]!;
    const start = numbers[at + 2]!;
    const end = numbers[at + 3]!;
    at += 4;
    const id = next();
    const recordId = next();
    const claimId = next();
    const documentId = next();
    const status = next() as SearchHit['status'];
    const verdict = next();
    const count = numbers[at++]!;
    if (id === undefined || recordId === undefined || !(count >= 0) || at + count > numbers.length) throw new Error('The search results arrived damaged.');
    const terms: string[] = new Array<string>(count);
    for (let i = 0; i < count; i++) terms[i] = next()!;
    const hit: SearchHit = { kind, recordId, id, score, terms };
    if (claimId !== undefined) hit.claimId = claimId;
    if (documentId !== undefined) hit.documentId = documentId;
    if (status !== undefined) hit.status = status;
    if (verdict !== undefined) hit.verdict = verdict;
    if (!Number.isNaN(start)) hit.start = start;
    if (!Number.isNaN(end)) hit.end = end;
    hits.push(hit);
  }
  if (cut !== text.length) throw new Error('The search results arrived damaged.');
  return hits;
}
