import type { EntryKind } from './searchEntries.js';
import type { SearchHit } from './searchIndex.js';

/**
 * Search results as they cross the worker boundary: one string. Numbers are written as UTF-16 code units (an
 * integer in one or two, a score's 64 bits in four) and each string as its length and then its characters. A
 * structured clone of fifty hit objects cost about as much as a typical search itself (each object, each field, each
 * `terms` array serialised and rebuilt one by one); a Float64Array beside a string cost a third of that again (an
 * array buffer allocated and copied on each side); one string is copied whole, and the window rebuilds the hits in
 * one pass. The matched terms, mostly the same few for every hit, are sent once in a table the hits point into, and
 * an entry id that is `<kind>:<record id>` (as every entry's is) is not sent at all. Lengths, not separators, cut the
 * strings apart, so any character in an id or a term (an imported text may hold control characters, lone
 * surrogates) comes back unchanged: a structured clone copies a string's code units as they are.
 *
 * The layout: the number of hits, the number of distinct terms and each term; then per hit its kind, score, start
 * and end (absent when the entry has none), id (or a mark for `<kind>:<record id>`), record id, claim id, document
 * id, status and verdict (each possibly absent), the number of its terms and their places in the term table.
 */
export type PackedHits = string;

/** The fields packed: every field of a SearchHit (a field added to hits must be packed too, or this fails to compile). */
type PackedField = 'id' | 'kind' | 'recordId' | 'claimId' | 'documentId' | 'status' | 'verdict' | 'start' | 'end' | 'score' | 'terms';
const everyFieldPacked: Exclude<keyof SearchHit, PackedField> extends never ? true : false = true;
void everyFieldPacked;

const KINDS: readonly EntryKind[] = ['turn', 'claim', 'note', 'source', 'evidence', 'verdict'];
/** Integers are written as value + 2, so that these two marks are 1 and 0. */
const ABSENT = -1;
const DERIVED_ID = -2;
/** A written value below this takes one code unit; up to 2^30 two (the first with its top bit set). */
const ONE_UNIT = 0x8000;
const LARGEST = 2 ** 30 - 3;

/** A score's 64 bits as four code units, through one shared view (both sides of the boundary run on this machine). */
const scoreBits = new Float64Array(1);
const scoreUnits = new Uint16Array(scoreBits.buffer);

function int(value: number): string {
  if (!Number.isInteger(value) || value < DERIVED_ID || value > LARGEST) throw new Error(`A search hit holds a number that cannot be packed: ${value}.`);
  const u = value + 2;
  return u < ONE_UNIT ? String.fromCharCode(u) : String.fromCharCode(ONE_UNIT | (u >>> 15), u & 0x7fff);
}
function text(value: string | undefined): string {
  return value === undefined ? int(ABSENT) : int(value.length) + value;
}

/** Collects hits into a PackedHits without building hit objects first (the worker's side). */
export class HitPacker {
  private hits = '';
  private count = 0;
  private readonly terms = new Map<string, number>();

  /** One hit: its entry id, its stored fields (extra fields such as the filter-only lists are not packed), score and terms. */
  add(id: string, stored: Omit<SearchHit, 'id' | 'score' | 'terms'>, score: number, terms: readonly string[]): void {
    const kind = KINDS.indexOf(stored.kind);
    if (kind < 0) throw new Error(`A search hit of unknown kind ${String(stored.kind)}.`);
    scoreBits[0] = score;
    const kindName = stored.kind;
    const derived = id.length === kindName.length + 1 + stored.recordId.length && id.startsWith(kindName) && id.charCodeAt(kindName.length) === 58 && id.endsWith(stored.recordId);
    let out =
      int(kind) +
      String.fromCharCode(scoreUnits[0]!, scoreUnits[1]!, scoreUnits[2]!, scoreUnits[3]!) +
      int(stored.start ?? ABSENT) +
      int(stored.end ?? ABSENT) +
      (derived ? int(DERIVED_ID) : text(id)) +
      text(stored.recordId) +
      text(stored.claimId) +
      text(stored.documentId) +
      text(stored.status) +
      text(stored.verdict) +
      int(terms.length);
    for (const term of terms) {
      let place = this.terms.get(term);
      if (place === undefined) {
        place = this.terms.size;
        this.terms.set(term, place);
      }
      out += int(place);
    }
    this.hits += out;
    this.count++;
  }

  done(): PackedHits {
    let table = int(this.count) + int(this.terms.size);
    for (const term of this.terms.keys()) table += text(term);
    return table + this.hits;
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
  const damaged = () => new Error('The search results arrived damaged.');
  if (typeof packed !== 'string') throw damaged();
  const end = packed.length;
  let at = 0;
  // Past the end charCodeAt gives NaN, which every check below refuses.
  const int = (): number => {
    const first = packed.charCodeAt(at++);
    return (first < ONE_UNIT ? first : ((first & 0x7fff) << 15) | packed.charCodeAt(at++)) - 2;
  };
  const text = (): string | undefined => {
    const length = int();
    if (length === ABSENT) return undefined;
    if (!(length >= 0) || at + length > end) throw damaged();
    const value = packed.slice(at, at + length);
    at += length;
    return value;
  };
  const hitCount = int();
  const termCount = int();
  if (!(hitCount >= 0) || !(termCount >= 0) || termCount > end) throw damaged();
  const table: string[] = new Array<string>(termCount);
  for (let i = 0; i < termCount; i++) table[i] = text() ?? '';
  const hits: SearchHit[] = [];
  while (at < end) {
    const kind = KINDS[int()];
    if (kind === undefined || at + 4 > end) throw damaged();
    scoreUnits[0] = packed.charCodeAt(at);
    scoreUnits[1] = packed.charCodeAt(at + 1);
    scoreUnits[2] = packed.charCodeAt(at + 2);
    scoreUnits[3] = packed.charCodeAt(at + 3);
    at += 4;
    const score = scoreBits[0]!;
    const start = int();
    const stop = int();
    const derived = packed.charCodeAt(at) === DERIVED_ID + 2;
    const explicitId = derived ? (at++, undefined) : text();
    const recordId = text();
    const claimId = text();
    const documentId = text();
    const status = text() as SearchHit['status'];
    const verdict = text();
    const count = int();
    if (recordId === undefined || (!derived && explicitId === undefined) || !(start >= ABSENT) || !(stop >= ABSENT) || !(count >= 0) || at + count > end) throw damaged();
    const terms: string[] = new Array<string>(count);
    for (let i = 0; i < count; i++) {
      const term = table[int()];
      if (term === undefined) throw damaged();
      terms[i] = term;
    }
    const hit: SearchHit = { kind, recordId, id: explicitId ?? `${kind}:${recordId}`, score, terms };
    if (claimId !== undefined) hit.claimId = claimId;
    if (documentId !== undefined) hit.documentId = documentId;
    if (status !== undefined) hit.status = status;
    if (verdict !== undefined) hit.verdict = verdict;
    if (start !== ABSENT) hit.start = start;
    if (stop !== ABSENT) hit.end = stop;
    hits.push(hit);
  }
  if (at !== end || hits.length !== hitCount) throw damaged();
  return hits;
}
