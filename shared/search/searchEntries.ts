import type { Appearance, Claim, ClaimStatus, DocumentRecord, Note, Turn, Verdict } from '../model.js';

/**
 * What the search index holds: one entry per turn (so a hit knows the exact place in its document), per claim
 * (statement and notes) and per note. Entries are derived from records and grouped by the record they come from
 * (a "source"): a document gives all its turns, a claim one entry, a note one entry. Each source carries a stamp;
 * when the stamp changes, the source's entries are rebuilt, so a saved index only needs the differences applied.
 */

export type EntryKind = 'turn' | 'claim' | 'note';

/** One searchable unit and the facts the filters look at. */
export interface SearchEntry {
  /** `turn:<id>`, `claim:<id>` or `note:<id>`. */
  id: string;
  kind: EntryKind;
  /** The record the entry stands for (turn, claim or note id). */
  recordId: string;
  text: string;
  /** The document to open: the turn's or note's document, or a claim's first appearance. */
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
export const STORED_FIELDS = ['kind', 'recordId', 'documentId', 'debateIds', 'personIds', 'topicIds', 'status', 'verdict', 'start', 'end'] as const;
export type StoredEntry = Omit<SearchEntry, 'text'>;

/** A source of entries and its stamp; a changed stamp means its entries are rebuilt. */
export type SourceKey = `doc:${string}` | `claim:${string}` | `note:${string}`;

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

/** A claim as an entry: its statement and notes; filters see its claimant, debates, topics, status and verdict. */
export function claimEntry(claim: Claim, appearances: Appearance[], verdict: Verdict | undefined, debateOf: (documentId: string) => string | undefined): SearchEntry {
  const ordered = [...appearances].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  const first = ordered[0];
  const debates = new Set<string>();
  for (const a of ordered) {
    const d = debateOf(a.documentId);
    if (d) debates.add(d);
  }
  const entry: SearchEntry = {
    id: `claim:${claim.id}`,
    kind: 'claim',
    recordId: claim.id,
    text: claim.notes ? `${claim.text}\n${claim.notes}` : claim.text,
    debateIds: [...debates],
    personIds: claim.claimantId ? [claim.claimantId] : [],
    topicIds: [...new Set([...claim.topicIds, ...ordered.flatMap((a) => a.topicIds ?? [])])],
    status: claim.status,
    verdict: verdict ? (verdict.stepId ?? 'conclusion') : 'none',
  };
  if (first) {
    entry.documentId = first.documentId;
    entry.start = first.anchor.position.start;
    entry.end = first.anchor.position.end;
  }
  return entry;
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
