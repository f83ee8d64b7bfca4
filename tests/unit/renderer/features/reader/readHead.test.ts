import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createAnchor } from '../../../../../shared/anchoring/createAnchor.js';
import type { Appearance, DocumentRecord, Note, Person, Turn } from '../../../../../shared/model.js';
import { ClaimdeskDb } from '../../../../../renderer/db/database.js';
import { HEAD_TURNS, readHead } from '../../../../../renderer/features/reader/useReaderData.js';

const STAMP = '2026-01-01T00:00:00.000Z';
let n = 0;

/** A document of `lengths.length` turns of those lengths, with a claim every `every` characters and a note on each turn. */
async function setup(lengths: number[], every = 150) {
  const db = new ClaimdeskDb(`read-head-${n++}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  const people: Person[] = ['A', 'B'].map((name, i) => ({ id: `per_${i}`, name, aliases: [], createdAt: STAMP, updatedAt: STAMP }));
  const turns: Turn[] = [];
  let offset = 0;
  lengths.forEach((length, index) => {
    const text = `Turn ${index} `.padEnd(length, 'x');
    turns.push({ id: `trn_${index}`, documentId: 'doc', index, personId: people[index % 2]!.id, kind: 'speech', text, offset });
    offset += length + 2;
  });
  const text = turns.map((t) => t.text).join('\n\n');
  const document: DocumentRecord = { id: 'doc', debateId: 'deb', title: 'Long', format: 'text', text, version: 1, quotes: [], createdAt: STAMP, updatedAt: STAMP };
  const appearances: Appearance[] = [];
  for (let start = 3; start + 10 < text.length; start += every) {
    appearances.push({ id: `app_${start}`, claimId: `clm_${start}`, documentId: 'doc', anchor: createAnchor(text, start, start + 10, 1), state: 'anchored', createdAt: STAMP, updatedAt: STAMP });
  }
  const notes: Note[] = turns.map((t) => ({ id: `note_${t.index}`, documentId: 'doc', anchor: createAnchor(text, t.offset + 1, t.offset + 4, 1), state: 'anchored', kind: 'note', body: 'n', createdAt: STAMP, updatedAt: STAMP }));
  await db.transaction('rw', [db.people, db.documents, db.turns, db.appearances, db.notes], async () => {
    await db.people.bulkPut(people);
    await db.documents.put(document);
    await db.turns.bulkPut(turns);
    await db.appearances.bulkPut(appearances);
    await db.notes.bulkPut(notes);
  });
  return { db, turns, appearances, notes };
}

/** What reading exactly `shown` turns should give: every span starting from `from` to the end of the last turn shown. */
function expectedSpans<T extends Appearance | Note>(spans: T[], from: number, shown: Turn[]): string[] {
  const last = shown.at(-1)!;
  return spans.filter((s) => s.anchor.position.start >= from && s.anchor.position.start <= last.offset + last.text.length).map((s) => s.id).sort();
}
const ids = (records: { id: string }[]) => records.map((r) => r.id).sort();

describe('readHead: the turns the reader opens on, with everything painted on them, in one read', () => {
  it('from the top: whole turns, each with every claim and note that starts in it, and the speakers', async () => {
    const { db, appearances, notes } = await setup(Array.from({ length: 200 }, () => 300));
    const head = (await readHead(db, 'doc', undefined))!;
    expect(head.startTurn).toBe(0);
    expect(head.turnCount).toBe(200);
    expect(head.turns[0]!.index).toBe(0);
    expect(head.turns.length).toBeGreaterThan(10);
    expect(head.turns.length).toBeLessThanOrEqual(HEAD_TURNS);
    expect(ids(head.appearances)).toEqual(expectedSpans(appearances, -Infinity, head.turns));
    expect(ids(head.notes)).toEqual(expectedSpans(notes, -Infinity, head.turns));
    expect(head.people.get('per_1')?.name).toBe('B');
  });

  it('where it was left: from that turn, with the spans that start shortly before it and run on into it', async () => {
    const { db, turns, appearances } = await setup(Array.from({ length: 200 }, () => 300));
    const at = turns[120]!;
    const head = (await readHead(db, 'doc', { turn: 120, offset: at.offset }))!;
    expect(head.startTurn).toBe(120);
    expect(head.turns[0]!.index).toBe(120);
    expect(head.turns.length).toBeGreaterThan(10);
    // The lookback: claims starting up to 2,000 characters before the first turn are read with it.
    expect(ids(head.appearances)).toEqual(expectedSpans(appearances, at.offset - 2_000, head.turns));
    expect(head.appearances.some((a) => a.anchor.position.start < at.offset)).toBe(true);
  });

  it('a position the text no longer matches (edited since, or past the end) opens at the top', async () => {
    const { db, turns, appearances } = await setup(Array.from({ length: 200 }, () => 300));
    for (const saved of [{ turn: 120, offset: turns[120]!.offset + 7 }, { turn: 500, offset: 999_999 }]) {
      const head = (await readHead(db, 'doc', saved))!;
      expect(head.startTurn).toBe(0);
      expect(head.turns[0]!.index).toBe(0);
      expect(ids(head.appearances)).toEqual(expectedSpans(appearances, -Infinity, head.turns));
    }
  });

  it('a first turn longer than the stretch read is read alone, with all of its own spans', async () => {
    const { db, turns, appearances } = await setup([40_000, 300, 300]);
    const head = (await readHead(db, 'doc', undefined))!;
    expect(head.turns.map((t) => t.index)).toEqual([0]);
    expect(ids(head.appearances)).toEqual(expectedSpans(appearances, -Infinity, [turns[0]!]));
    expect(head.appearances.some((a) => a.anchor.position.start > 30_000)).toBe(true);
  });

  it('a document that is gone reads as nothing; one without turns opens empty', async () => {
    const { db } = await setup([]);
    expect(await readHead(db, 'missing', undefined)).toBeUndefined();
    const head = (await readHead(db, 'doc', undefined))!;
    expect(head.turns).toEqual([]);
    expect(head.turnCount).toBe(0);
  });
});
