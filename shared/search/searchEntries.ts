import type { Appearance, Claim, ClaimStatus, CslName, DocumentRecord, EvidenceLink, Note, Source, Turn, Verdict } from '../model.js';

/**
 * What the search index holds: one entry per turn (so a hit knows the exact place in its document), per claim
 * (statement and notes), per note, per source of the sources library (title, authors, publisher, notes), per
 * evidence link with an excerpt or a note, and per verdict with a conclusion or reasoning. Entries are derived from
 * records and grouped by the record they come from (in this file, a "source" of entries, not to be confused with a
 * library source): a document gives all its turns, every other record one entry. Each group carries a stamp; when
 * the stamp changes, its entries are rebuilt, so a saved index only needs the differences applied.
 */

export type EntryKind = 'turn' | 'claim' | 'note' | 'source' | 'evidence' | 'verdict';

/** One searchable unit and the facts the filters look at. */
export interface SearchEntry {
  /** `<kind>:<record id>`: `turn:…`, `claim:…`, `note:…`, `source:…`, `evidence:…`, `verdict:…`. */
  id: string;
  kind: EntryKind;
  /** The record the entry stands for (turn, claim, note, source, evidence link or verdict id). */
  recordId: string;
  /** The claim an evidence link or a verdict belongs to (what opening the hit shows). */
  claimId?: string;
  text: string;
  /** The document to open: the turn's or note's document, or (for a claim, its evidence and verdict) the claim's first appearance. */
  documentId?: string;
  debateIds: string[];
  personIds: string[];
  topicIds: string[];
  status?: ClaimStatus;
  /** The verdict step id, `conclusion` for a conclusion-only verdict, `none` without a verdict (claims only). */
  verdict?: string;
  /** [start, end) in the document text: the turn's span, the note's anchor, the claim's first appearance. */
  start?: number;
  end?: number;
}

/** The stored fields: everything but the text, which stays in the records. */
export const STORED_FIELDS = ['kind', 'recordId', 'claimId', 'documentId', 'debateIds', 'personIds', 'topicIds', 'status', 'verdict', 'start', 'end'] as const;
export type StoredEntry = Omit<SearchEntry, 'text'>;

/** A source of entries and its stamp; a changed stamp means its entries are rebuilt. */
export type SourceKey = `doc:${string}` | `claim:${string}` | `note:${string}` | `src:${string}` | `ev:${string}` | `verdict:${string}`;

/** Turns of a document as entries; the speaker of a turn and the people quoted inside it count as its speakers. */
export function turnEntries(document: Pick<DocumentRecord, 'id' | 'debateId' | 'quotes'>, turns: Turn[]): SearchEntry[] {
  return turns.map((turn) => {
    const people = new Set<string>();
    if (turn.personId) people.add(turn.personId);
    for (const q of document.quotes ?? []) if (q.turnIndex === turn.index) people.add(q.personId);
    return {
      id: `turn:${turn.id}`,
      kind: 'turn',
      recordId: turn.id,
      text: turn.text,
      documentId: document.id,
      debateIds: [document.debateId],
      personIds: [...people],
      topicIds: [],
      start: turn.offset,
      end: turn.offset + turn.text.length,
    };
  });
}

/** The stamp of a document's entries: its text changes bump the version and updatedAt. */
export function documentStamp(document: Pick<DocumentRecord, 'updatedAt'>): string {
  return document.updatedAt;
}

/** Where a claim is: its first appearance (what opening it shows) and the debates of all its appearances. */
function claimPlace(appearances: Appearance[], debateOf: (documentId: string) => string | undefined): { first: Appearance | undefined; debateIds: string[]; ordered: Appearance[] } {
  const ordered = [...appearances].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  const debates = new Set<string>();
  for (const a of ordered) {
    const d = debateOf(a.documentId);
    if (d) debates.add(d);
  }
  return { first: ordered[0], debateIds: [...debates], ordered };
}

function placeAt(entry: SearchEntry, first: Appearance | undefined): SearchEntry {
  if (first) {
    entry.documentId = first.documentId;
    entry.start = first.anchor.position.start;
    entry.end = first.anchor.position.end;
  }
  return entry;
}

/** A claim as an entry: its statement and notes; filters see its claimant, debates, topics, status and verdict. */
export function claimEntry(claim: Claim, appearances: Appearance[], verdict: Verdict | undefined, debateOf: (documentId: string) => string | undefined): SearchEntry {
  const { first, debateIds, ordered } = claimPlace(appearances, debateOf);
  const entry: SearchEntry = {
    id: `claim:${claim.id}`,
    kind: 'claim',
    recordId: claim.id,
    text: claim.notes ? `${claim.text}\n${claim.notes}` : claim.text,
    debateIds,
    personIds: claim.claimantId ? [claim.claimantId] : [],
    topicIds: [...new Set([...claim.topicIds, ...ordered.flatMap((a) => a.topicIds ?? [])])],
    status: claim.status,
    verdict: verdict ? (verdict.stepId ?? 'conclusion') : 'none',
  };
  return placeAt(entry, first);
}

/** The searchable text of a library source: title, authors, publisher and its notes (CSL note, reliability note). */
export function sourceText(source: Pick<Source, 'csl' | 'reliability'>): string {
  const csl = source.csl;
  const parts: string[] = [];
  const add = (value: unknown) => {
    if (typeof value === 'string' && value.trim()) parts.push(value.trim());
    else if (typeof value === 'number') parts.push(String(value));
  };
  add(csl.title);
  add(csl['container-title']);
  for (const name of Array.isArray(csl.author) ? (csl.author as CslName[]) : []) add(nameText(name));
  for (const name of Array.isArray(csl.editor) ? (csl.editor as CslName[]) : []) add(nameText(name));
  add(csl.publisher);
  add(csl.note);
  add(csl.abstract);
  add(source.reliability);
  return parts.join('\n');
}

function nameText(name: CslName): string {
  if (!name || typeof name !== 'object') return '';
  if (typeof name.literal === 'string') return name.literal;
  return [name.given, name.family].filter((p): p is string => typeof p === 'string' && p !== '').join(' ');
}

/**
 * A library source as an entry, or none when it has nothing to search. It belongs to no debate and no speaker, so
 * the speaker and debate filters (and the claims-only filters) leave it out.
 */
export function sourceEntry(source: Source): SearchEntry[] {
  const text = sourceText(source);
  if (!text) return [];
  return [{ id: `source:${source.id}`, kind: 'source', recordId: source.id, text, debateIds: [], personIds: [], topicIds: [] }];
}

/** The searchable text of an evidence link: its excerpt and its note. */
export function evidenceText(link: Pick<EvidenceLink, 'excerpt' | 'note'>): string {
  return [link.excerpt, link.note].filter((p): p is string => typeof p === 'string' && p.trim() !== '').join('\n');
}

/**
 * An evidence link as an entry (none without excerpt or note): it opens its claim, so it is placed at the claim's
 * first appearance and the speaker and debate filters see the claim's claimant and debates.
 */
export function evidenceEntry(link: EvidenceLink, claim: Claim | undefined, appearances: Appearance[], debateOf: (documentId: string) => string | undefined): SearchEntry[] {
  const text = evidenceText(link);
  if (!text) return [];
  const { first, debateIds } = claimPlace(appearances, debateOf);
  const entry: SearchEntry = { id: `evidence:${link.id}`, kind: 'evidence', recordId: link.id, claimId: link.claimId, text, debateIds, personIds: claim?.claimantId ? [claim.claimantId] : [], topicIds: [] };
  return [placeAt(entry, first)];
}

/** The searchable text of a verdict: its conclusion and its reasoning. */
export function verdictText(verdict: Pick<Verdict, 'conclusion' | 'reasoning'>): string {
  return [verdict.conclusion, verdict.reasoning].filter((p) => typeof p === 'string' && p.trim() !== '').join('\n');
}

/** A verdict as an entry (none when it has no words): like evidence, it opens its claim. */
export function verdictEntry(verdict: Verdict, claim: Claim | undefined, appearances: Appearance[], debateOf: (documentId: string) => string | undefined): SearchEntry[] {
  const text = verdictText(verdict);
  if (!text) return [];
  const { first, debateIds } = claimPlace(appearances, debateOf);
  const entry: SearchEntry = { id: `verdict:${verdict.id}`, kind: 'verdict', recordId: verdict.id, claimId: verdict.claimId, text, debateIds, personIds: claim?.claimantId ? [claim.claimantId] : [], topicIds: [] };
  return [placeAt(entry, first)];
}

export function noteEntry(note: Note, debateId: string | undefined): SearchEntry {
  return {
    id: `note:${note.id}`,
    kind: 'note',
    recordId: note.id,
    text: note.body,
    documentId: note.documentId,
    debateIds: debateId ? [debateId] : [],
    personIds: [],
    topicIds: [],
    start: note.anchor.position.start,
    end: note.anchor.position.end,
  };
}

/** A short, stable fingerprint of an entry (FNV-1a), so a claim or note whose entry is unchanged is left alone. */
export function fingerprint(entry: SearchEntry): string {
  const s = JSON.stringify(entry);
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `${(h >>> 0).toString(36)}.${s.length.toString(36)}`;
}

/** For each source in the saved index: its stamp and the ids of the entries it gave. */
export type SourceManifest = Record<string, { stamp: string; ids: string[] }>;

/** What to do to bring a saved index up to date with the records. */
export interface UpdatePlan {
  /** Entry ids to take out: of sources gone or changed. */
  remove: string[];
  /** Sources to (re)build: new or changed. */
  build: string[];
  unchanged: number;
}

/** Compares the saved manifest with the sources as they are now (source key → stamp). */
export function planUpdate(saved: SourceManifest, current: ReadonlyMap<string, string>): UpdatePlan {
  const remove: string[] = [];
  const build: string[] = [];
  let unchanged = 0;
  for (const [key, was] of Object.entries(saved)) {
    const now = current.get(key);
    if (now === was.stamp) unchanged++;
    else remove.push(...was.ids);
  }
  for (const [key, stamp] of current) {
    const was = saved[key];
    if (!was || was.stamp !== stamp) build.push(key);
  }
  return { remove, build, unchanged };
}
