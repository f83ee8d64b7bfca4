import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useLayoutEffect, useState } from 'react';
import type { Appearance, DocumentRecord, Note, Person, Turn } from '../../../shared/model.js';
import { db } from '../../db/database.js';

/** How many turns the reader reads to open on: more than a tall window shows, few enough to read in milliseconds. */
export const HEAD_TURNS = 60;
/** Records per read while the rest loads, so no single read blocks the window for long. */
const CHUNK = 800;

/** What the reader shows: the document, its turns, their speakers, and the claims and notes painted over them. */
export interface ReaderData {
  document: DocumentRecord;
  turns: Turn[];
  people: Map<string, Person>;
  appearances: Appearance[];
  notes: Note[];
  /** How many turns the document has; `turns` holds them all once complete, a run of them before. */
  turnCount: number;
  /** False while only the turns to open on (and the claims and notes on them) are loaded. */
  complete: boolean;
  /** The turn the reader was at when this document was last read (0 for the top). */
  startTurn: number;
}

/** The settings key remembering where a document was being read. */
export function readerPositionKey(documentId: string): string {
  return `reader:position:${documentId}`;
}

/** Remembers the first turn on screen, so the document reopens there. */
export function saveReaderPosition(documentId: string, turn: number): void {
  void db.settings.put({ key: readerPositionKey(documentId), value: turn });
}

async function peopleOf(turns: readonly Turn[]): Promise<Map<string, Person>> {
  const ids = [...new Set(turns.map((t) => t.personId).filter((id): id is string => id !== null && id !== undefined))];
  const found = await db.people.bulkGet(ids);
  return new Map(found.filter((p): p is Person => p !== undefined).map((p) => [p.id, p]));
}

const byPosition = (documentId: string, from: number, to: number) => [
  [documentId, from],
  [documentId, to],
];

/** How far before the first turn read to look for spans that start earlier and run on into it. */
const LOOKBACK_CHARS = 2_000;

/**
 * The turns the reader opens on (from the top, or around where the document was left) with everything painted on
 * them, and how many turns there are in all: enough for the first screen, read in one go.
 */
async function readHead(documentId: string): Promise<Omit<ReaderData, 'complete'> | undefined> {
  // One read transaction for all of it: a transaction per read costs more than the reads themselves here.
  return db.transaction('r', [db.settings, db.documents, db.turns, db.people, db.appearances, db.notes], async () => {
    const readFrom = (first: number) => db.turns.where('[documentId+index]').between([documentId, first], [documentId, Infinity]).limit(HEAD_TURNS).toArray();
    // Where it was left, the document and its length do not depend on each other: one round trip for all three.
    const [position, document, turnCount] = await Promise.all([
      db.settings.get(readerPositionKey(documentId)),
      db.documents.get(documentId),
      db.turns.where('[documentId+index]').between([documentId, -Infinity], [documentId, Infinity]).count(),
    ]);
    if (!document) return undefined;
    let startTurn = typeof position?.value === 'number' && position.value > 0 ? Math.floor(position.value) : 0;
    let first = Math.max(0, startTurn - 5);
    let turns = await readFrom(first);
    if (turns.length === 0 && first > 0) {
      // The document is shorter than where it was left (its text was edited): open it at the top.
      startTurn = first = 0;
      turns = await readFrom(0);
    }
    const last = turns.at(-1);
    // Everything that starts in the turns read (or shortly before them and runs on into them).
    const from = first === 0 || !turns[0] ? -Infinity : turns[0].offset - LOOKBACK_CHARS;
    const to = turns.length < HEAD_TURNS || !last ? Infinity : last.offset + last.text.length;
    const [lower, upper] = byPosition(documentId, from, to);
    const [people, appearances, notes] = await Promise.all([
      peopleOf(turns),
      db.appearances.where('[documentId+anchor.position.start]').between(lower, upper, true, true).toArray(),
      db.notes.where('[documentId+anchor.position.start]').between(lower, upper, true, true).toArray(),
    ]);
    return { document, turns, turnCount, people, appearances, notes, startTurn };
  });
}

/** All of a document's turns, read in chunks of CHUNK so each read's work in the window stays small. */
async function readTurns(documentId: string): Promise<Turn[]> {
  const out: Turn[] = [];
  const range = db.turns.where('[documentId+index]');
  for (;;) {
    const after = out.at(-1)?.index ?? -Infinity;
    const part = await range.between([documentId, after], [documentId, Infinity], false, true).limit(CHUNK).toArray();
    out.push(...part);
    if (part.length < CHUNK) return out;
  }
}

/**
 * All of a document's appearances (or notes), in chunks by start position. Spans are spread over the text, so equal
 * slices of it hold about CHUNK each. A record whose anchor has no numeric start is not in that index: if the count
 * read falls short of the document's count, read them all at once instead.
 */
async function readSpans<T extends Appearance | Note>(table: typeof db.appearances | typeof db.notes, documentId: string, textLength: number): Promise<T[]> {
  const total = await table.where('documentId').equals(documentId).count();
  const slices = Math.max(1, Math.ceil(total / CHUNK));
  const out: T[] = [];
  for (let i = 0; i < slices; i++) {
    const from = i === 0 ? -Infinity : Math.floor((textLength * i) / slices);
    const to = i === slices - 1 ? Infinity : Math.floor((textLength * (i + 1)) / slices);
    const [lower, upper] = byPosition(documentId, from, to);
    out.push(...((await table.where('[documentId+anchor.position.start]').between(lower, upper, true, i === slices - 1).toArray()) as T[]));
  }
  if (out.length === total) return out;
  return (await table.where('documentId').equals(documentId).toArray()) as T[];
}

/** How long the rest of a document waits for its first screen before it loads anyway. */
const REST_AFTER_MS = 400;

/**
 * The reader's records. The first turns and what is painted on them come first, so the first screen paints without
 * waiting for a three-hour debate's thousands of turns and claims; then the whole document loads in small chunks
 * and stays live (every change to it, from any window, shows at once). The rest starts once `openedDocumentId` says
 * the first screen is shown (or REST_AFTER_MS after the head, if it never is), so its reads do not compete with that
 * first screen for the window.
 */
export function useReaderData(documentId: string, openedDocumentId?: string): ReaderData | undefined {
  const [head, setHead] = useState<{ documentId: string; data: Omit<ReaderData, 'complete'> | undefined }>();
  // Asked for as the reader mounts, not after the browser has painted its "Opening…" line (as an effect would be).
  useLayoutEffect(() => {
    let live = true;
    void readHead(documentId).then(
      (data) => live && setHead({ documentId, data }),
      () => live && setHead({ documentId, data: undefined }),
    );
    return () => {
      live = false;
    };
  }, [documentId]);
  const headRead = head?.documentId === documentId;
  const [restDue, setRestDue] = useState<string>();
  useEffect(() => {
    if (!headRead) return;
    const timer = setTimeout(() => setRestDue(documentId), REST_AFTER_MS);
    return () => clearTimeout(timer);
  }, [headRead, documentId]);
  // The rest waits for the head and its first screen. Each answer carries the id of the document it is for: a live
  // query keeps its last answer while the next document's is read.
  const started = headRead && (openedDocumentId === documentId || restDue === documentId);
  const tagged = <T>(read: () => Promise<T>) => (started ? read().then((value) => ({ documentId, value })) : undefined);
  const document = useLiveQuery(() => tagged(() => db.documents.get(documentId)), [documentId, started]);
  const textLength = document?.documentId === documentId ? document.value?.text.length : undefined;
  const turns = useLiveQuery(() => tagged(() => readTurns(documentId)), [documentId, started]);
  const appearances = useLiveQuery(() => (textLength === undefined ? undefined : tagged(() => readSpans<Appearance>(db.appearances, documentId, textLength))), [documentId, started, textLength]);
  const notes = useLiveQuery(() => (textLength === undefined ? undefined : tagged(() => readSpans<Note>(db.notes, documentId, textLength))), [documentId, started, textLength]);
  const currentTurns = turns?.documentId === documentId ? turns.value : undefined;
  const people = useLiveQuery(() => (currentTurns ? peopleOf(currentTurns).then((value) => ({ turns: currentTurns, value })) : undefined), [currentTurns]);

  if (!headRead) return undefined;
  const mine = <T>(answer: { documentId: string; value: T } | undefined) => (answer?.documentId === documentId ? answer.value : undefined);
  const full = { document: mine(document), turns: currentTurns, appearances: mine(appearances), notes: mine(notes), people: people?.turns === currentTurns ? people?.value : undefined };
  const startTurn = head.data?.startTurn ?? 0;
  if (full.document && full.turns && full.appearances && full.notes && full.people) return { document: full.document, turns: full.turns, turnCount: full.turns.length, people: full.people, appearances: full.appearances, notes: full.notes, complete: true, startTurn };
  // A document deleted while it was open: its live query answers undefined, and so does the reader's data.
  if (document?.documentId === documentId && !document.value) return undefined;
  return head.data ? { ...head.data, complete: false } : undefined;
}
