import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useLayoutEffect, useState } from 'react';
import type { Appearance, DocumentRecord, Note, Person, Turn } from '../../../shared/model.js';
import { db, type ClaimdeskDb } from '../../db/database.js';

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

/** Where a document was left: the first turn on screen, and where in the text that turn begins. */
export interface ReadingPosition {
  turn: number;
  offset: number;
}

const TOP: ReadingPosition = { turn: 0, offset: 0 };

/** The window's local-storage key remembering where a document was being read. */
export function readerPositionKey(documentId: string): string {
  return `reader:position:${documentId}`;
}

/**
 * Remembers the first turn on screen, so the document reopens there. It is kept in the window's local storage, not
 * the database: the reader knows it as it mounts, so the turns there and everything painted on them come in one read.
 */
export function saveReaderPosition(documentId: string, position: ReadingPosition): void {
  try {
    localStorage.setItem(readerPositionKey(documentId), JSON.stringify(position));
  } catch {
    // Storage full or switched off: the document reopens at its top, nothing else is lost.
  }
}

/** Where the document was left, if a position was saved and still reads as one. */
export function savedReaderPosition(documentId: string): ReadingPosition | undefined {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(readerPositionKey(documentId)) ?? 'null');
    if (typeof value !== 'object' || value === null) return undefined;
    const { turn, offset } = value as Record<string, unknown>;
    return Number.isSafeInteger(turn) && Number.isSafeInteger(offset) && (turn as number) >= 0 && (offset as number) >= 0 ? { turn: turn as number, offset: offset as number } : undefined;
  } catch {
    return undefined;
  }
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
/** How much text after where it opens the reader reads spans for with the turns: several screens of it. */
const HEAD_CHARS = 12_000;

/**
 * The turns the reader opens on (from the top, or from where the document was left) with everything painted on them,
 * and how many turns there are in all: enough for the first screen, read in one round trip. The turns and the claims
 * and notes on them are read side by side, the spans over a stretch of text (HEAD_CHARS from where it opens), and the
 * turns kept are those that end inside it, so each is complete. Two cases take a second read: a saved position the
 * text no longer matches (the document was edited since; it opens at the top), and a first turn longer than the
 * stretch (its own spans are read).
 */
export async function readHead(database: ClaimdeskDb, documentId: string, saved: ReadingPosition | undefined): Promise<Omit<ReaderData, 'complete'> | undefined> {
  // One read transaction for all of it: a transaction per read costs more than the reads themselves here.
  return database.transaction('r', [database.documents, database.turns, database.people, database.appearances, database.notes], async () => {
    const spansIn = (from: number, to: number) => {
      const [lower, upper] = byPosition(documentId, from, to);
      return Promise.all([
        database.appearances.where('[documentId+anchor.position.start]').between(lower, upper, true, false).toArray(),
        database.notes.where('[documentId+anchor.position.start]').between(lower, upper, true, false).toArray(),
      ]);
    };
    // Spans start a little before where it opens (they may run on into its first turn), or anywhere before the top.
    const spansFrom = (at: ReadingPosition) => (at.turn === 0 ? -Infinity : at.offset - LOOKBACK_CHARS);
    const readAt = (at: ReadingPosition) =>
      Promise.all([
        database.turns.where('[documentId+index]').between([documentId, at.turn], [documentId, Infinity]).limit(HEAD_TURNS).toArray(),
        spansIn(spansFrom(at), at.offset + HEAD_CHARS),
      ]);
    // The speakers of a library are few: all of them, rather than a round trip to learn whose turns these are.
    const [document, turnCount, people, head] = await Promise.all([
      database.documents.get(documentId),
      database.turns.where('[documentId+index]').between([documentId, -Infinity], [documentId, Infinity]).count(),
      database.people.toArray(),
      readAt(saved ?? TOP),
    ]);
    if (!document) return undefined;
    let at = saved ?? TOP;
    let [turns, [appearances, notes]] = head;
    if (at !== TOP && turns[0]?.offset !== at.offset) {
      // The text changed since the position was saved (or the document is shorter now): open at the top.
      at = TOP;
      [turns, [appearances, notes]] = await readAt(TOP);
    }
    const stretchEnd = at.offset + HEAD_CHARS;
    const complete = turns.filter((t) => t.offset + t.text.length <= stretchEnd);
    if (complete.length === 0 && turns[0]) {
      // A first turn longer than the stretch: it alone, with its own spans.
      complete.push(turns[0]);
      [appearances, notes] = await spansIn(spansFrom(at), turns[0].offset + turns[0].text.length + 1);
    }
    // Only the spans that start in (or before) the turns kept, as if exactly those turns had been read.
    const last = complete.at(-1);
    const end = last ? last.offset + last.text.length : -Infinity;
    const within = <T extends Appearance | Note>(spans: T[]) => spans.filter((s) => s.anchor.position.start <= end);
    return {
      document,
      turns: complete,
      turnCount,
      people: new Map(people.map((p) => [p.id, p])),
      appearances: within(appearances),
      notes: within(notes),
      startTurn: at.turn,
    };
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
    void readHead(db, documentId, savedReaderPosition(documentId)).then(
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
