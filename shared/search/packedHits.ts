import type { EntryKind } from './searchEntries.js';
import type { SearchHit } from './searchIndex.js';

/**
 * Search results as they cross the worker boundary: one Float64Array (kinds, scores, offsets, the length of every
 * string, term numbers) and one string (every string, one after another). A structured clone of fifty hit objects
 * cost about as much as a typical search itself (each object, each field, each `terms` array serialised and rebuilt
 * one by one); two flat values are copied whole (a plain array of numbers would be cloned number by number: three
 * times the cost) and the window rebuilds the hits in one pass. The matched terms, mostly the same few for every hit,
 * are sent once in a table the hits point into, and an entry id that is `<kind>:<record id>` (as every entry's is) is
 * not sent at all. Lengths, not separators, cut the strings apart, so any character in an id or a term (an imported
 * text may hold control characters) comes back unchanged.
 */
export interface PackedHits {
  /**
   * The number of distinct terms and their lengths; then per hit: kind, score, start, end (NaN when absent), the
   * lengths of its id (-2: `<kind>:<record id>`), record id, claim id, document id, status and verdict (-1 when
   * absent), the number of its terms and their places in the term table.
   */
  numbers: Float64Array;
  /** The terms, then each hit's strings in the order above. */
  text: string;
}

/** The fields packed: every field of a SearchHit (a field added to hits must be packed too, or this fails to compile). */
type PackedField = 'id' | 'kind' | 'recordId' | 'claimId' | 'documentId' | 'status' | 'verdict' | 'start' | 'end' | 'score' | 'terms';
const everyFieldPacked: Exclude<keyof SearchHit, PackedField> extends never ? true : false = true;
void everyFieldPacked;

const KINDS: readonly EntryKind[] = ['turn', 'claim', 'note', 'source', 'evidence', 'verdict'];
/** kind, score, start, end, six string lengths, the number of terms. */
const FIXED = 11;
const DERIVED_ID = -2;


/**
 * Where packers write their numbers before `done` copies them out: packing is synchronous, so one buffer serves
 * every packer in a thread and each answer costs one allocation of its exact size.
 */
let scratch = new Float64Array(1024);

/** Collects hits into a PackedHits without building hit objects first (the worker's side). One packer at a time. */
export class HitPacker {
  private used = 0;
  private readonly parts: string[] = [];
  private readonly terms = new Map<string, number>();

  /** One hit: its entry id, its stored fields (extra fields such as the filter-only lists are not packed), score and terms. */
  add(id: string, stored: Omit<SearchHit, 'id' | 'score' | 'terms'>, score: number, terms: readonly string[]): void {
    const kind = KINDS.indexOf(stored.kind);
    if (kind < 0) throw new Error(`A search hit of unknown kind ${String(stored.kind)}.`);
    if (this.used + FIXED + terms.length > scratch.length) {
      const bigger = new Float64Array(Math.max(scratch.length * 2, this.used + FIXED + terms.length));
      bigger.set(scratch.subarray(0, this.used));
      scratch = bigger;
    }
    const n = scratch;
    n[this.used++] = kind;
    n[this.used++] = score;
    n[this.used++] = stored.start ?? NaN;
    n[this.used++] = stored.end ?? NaN;
    const kindName = stored.kind;
    if (id.length === kindName.length + 1 + stored.recordId.length && id.startsWith(kindName) && id.charCodeAt(kindName.length) === 58 && id.endsWith(stored.recordId)) n[this.used++] = DERIVED_ID;
    else this.string(id);
    this.string(stored.recordId);
    this.string(stored.claimId);
    this.string(stored.documentId);
    this.string(stored.status);
    this.string(stored.verdict);
    n[this.used++] = terms.length;
    for (const term of terms) {
      let place = this.terms.get(term);
      if (place === undefined) {
        place = this.terms.size;
        this.terms.set(term, place);
      }
      n[this.used++] = place;
    }
  }

  done(): PackedHits {
    const table = [...this.terms.keys()];
    const numbers = new Float64Array(1 + table.length + this.used);
    numbers[0] = table.length;
    for (let i = 0; i < table.length; i++) numbers[1 + i] = table[i]!.length;
    numbers.set(scratch.subarray(0, this.used), 1 + table.length);
    return { numbers, text: table.join('') + this.parts.join('') };
  }

  private string(value: string | undefined): void {
    if (value === undefined) {
      scratch[this.used++] = -1;
    } else {
      scratch[this.used++] = value.length;
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
export function unpackHits(packed: { numbers: ArrayLike<number>; text: string }): SearchHit[] {
  const { numbers, text } = packed;
  const damaged = () => new Error('The search results arrived damaged.');
  if (numbers.length === 0 && text === '') return [];
  let at = 0;
  let cut = 0;
  const next = (): string | undefined => {
    const length = numbers[at++]!;
    if (length < 0) return undefined;
    const value = text.slice(cut, cut + length);
    cut += length;
    return value;
  };
  const termCount = numbers[at++]!;
  if (!(termCount >= 0) || 1 + termCount > numbers.length) throw damaged();
  const table: string[] = new Array<string>(termCount);
  for (let i = 0; i < termCount; i++) table[i] = next() ?? '';
  const hits: SearchHit[] = [];
  while (at < numbers.length) {
    const kind = KINDS[numbers[at]!];
    if (kind === undefined || at + FIXED > numbers.length) throw damaged();
    const score = numbers[at + 1]!;
    const start = numbers[at + 2]!;
    const end = numbers[at + 3]!;
    at += 4;
    const derived = numbers[at] === DERIVED_ID;
    const explicitId = derived ? (at++, undefined) : next();
    const recordId = next();
    const claimId = next();
    const documentId = next();
    const status = next() as SearchHit['status'];
    const verdict = next();
    const count = numbers[at++]!;
    if (recordId === undefined || (!derived && explicitId === undefined) || !(count >= 0) || at + count > numbers.length) throw damaged();
    const terms: string[] = new Array<string>(count);
    for (let i = 0; i < count; i++) {
      const term = table[numbers[at++]!];
      if (term === undefined) throw damaged();
      terms[i] = term;
    }
    const hit: SearchHit = { kind, recordId, id: explicitId ?? `${kind}:${recordId}`, score, terms };
    if (claimId !== undefined) hit.claimId = claimId;
    if (documentId !== undefined) hit.documentId = documentId;
    if (status !== undefined) hit.status = status;
    if (verdict !== undefined) hit.verdict = verdict;
    if (!Number.isNaN(start)) hit.start = start;
    if (!Number.isNaN(end)) hit.end = end;
    hits.push(hit);
  }
  if (cut !== text.length) throw damaged();
  return hits;
}
