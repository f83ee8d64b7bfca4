import { createAnchor } from '../anchoring/createAnchor.js';
import { diffText, PositionMap, type EqualRun } from '../anchoring/diffText.js';
import { reanchorAll } from '../anchoring/reanchorAll.js';
import { newId, nowIso } from '../ids.js';
import type { Anchor, AnchorState, AttributedQuote, DocumentRecord, Turn } from '../model.js';
import { ValidationError } from './debates.js';
import { TURN_SEPARATOR } from './documents.js';
import type { StoreTx, Store } from './store.js';

/** How a text replacement went: how many annotations moved silently, wait for review, or were lost. */
export interface TextReplaceSummary {
  document: DocumentRecord;
  turnCount: number;
  anchored: number;
  review: number;
  orphaned: number;
}

/** Where new[pos] came from in the old text: inside an equal run, its old twin; in changed text, the old position after the run before. */
function oldPositionOf(runs: readonly EqualRun[], pos: number): number {
  let lo = 0;
  let hi = runs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (runs[mid]!.newStart <= pos) lo = mid + 1;
    else hi = mid;
  }
  const run = runs[lo - 1];
  if (!run) return 0;
  return pos < run.newStart + run.length ? run.oldStart + (pos - run.newStart) : run.oldStart + run.length;
}

/** The turn whose text holds (or, between turns, precedes) an old position. */
function turnAt(turns: readonly Turn[], pos: number): Turn | undefined {
  let lo = 0;
  let hi = turns.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (turns[mid]!.offset <= pos) lo = mid + 1;
    else hi = mid;
  }
  return turns[Math.max(0, lo - 1)];
}

/** Splits a document text into the paragraphs that become turns, with their offsets. */
function paragraphs(text: string): { text: string; offset: number }[] {
  const out: { text: string; offset: number }[] = [];
  let at = 0;
  while (at <= text.length) {
    const next = text.indexOf(TURN_SEPARATOR, at);
    const end = next < 0 ? text.length : next;
    if (end > at) out.push({ text: text.slice(at, end), offset: at });
    if (next < 0) break;
    at = next + TURN_SEPARATOR.length;
  }
  return out;
}

function normaliseText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\n{3,}/g, '\n\n').replace(/^\n+|\n+$/g, '');
}

/**
 * Replaces a document's text (an edit, or a corrected transcript replacing live captions) in ONE transaction: the
 * version goes up; the text is split into turns again at blank lines, a turn whose text is unchanged keeping its id,
 * and every new turn taking the speaker, kind and time of the old turn it grew from; attributed quotes follow the
 * text or go; every appearance and note is re-anchored. Exact ones move silently, doubtful ones keep their old
 * anchor and carry the proposal for the review queue, and those whose text is gone are marked orphaned.
 */
export async function replaceDocumentText(store: Store, documentId: string, newText: string): Promise<TextReplaceSummary> {
  const text = normaliseText(newText);
  if (!text.trim()) throw new ValidationError('The document needs some text.');
  return store.transaction('Edit document text', async (tx) => {
    const document = await tx.get('documents', documentId);
    if (!document) throw new ValidationError('That document no longer exists.');
    const oldTurns = (await tx.where('turns', 'documentId', documentId)).sort((a, b) => a.index - b.index);
    const now = nowIso();
    const version = document.version + 1;
    const runs = diffText(document.text, text);
    const map = new PositionMap(runs, document.text.length, text.length);

    // Turns: unchanged ones keep their id; the rest inherit from the old turn they begin in.
    const unchanged = new Map<string, Turn[]>();
    for (const t of oldTurns) unchanged.set(t.text, [...(unchanged.get(t.text) ?? []), t]);
    const kept = new Set<string>();
    const turns: Turn[] = paragraphs(text).map((p, index) => {
      const origin = turnAt(oldTurns, oldPositionOf(runs, p.offset));
      const same = unchanged.get(p.text)?.find((t) => !kept.has(t.id));
      const base = same ?? origin;
      if (same) kept.add(same.id);
      const turn: Turn = { id: same?.id ?? newId('trn_'), documentId, index, personId: base?.personId ?? null, kind: base?.kind ?? 'narration', text: p.text, offset: p.offset };
      if (base?.start !== undefined) turn.start = base.start;
      if (base?.end !== undefined) turn.end = base.end;
      if (base?.metadata) turn.metadata = base.metadata;
      return turn;
    });
    const ids = new Set(turns.map((t) => t.id));
    for (const t of oldTurns) if (!ids.has(t.id)) await tx.delete('turns', t.id);
    for (const t of turns) await tx.put('turns', t);

    const quotes: AttributedQuote[] = [];
    for (const q of document.quotes ?? []) {
      const mapped = map.mapSpan(q.start, q.end);
      if (!mapped.intact) continue;
      const turn = turnAt(turns, mapped.start);
      quotes.push({ personId: q.personId, start: mapped.start, end: mapped.end, turnIndex: turn?.index ?? 0 });
    }

    const updated: DocumentRecord = { ...document, text, version, quotes, updatedAt: now };
    await tx.put('documents', updated);

    const appearances = await tx.where('appearances', 'documentId', documentId);
    const notes = await tx.where('notes', 'documentId', documentId);
    const results = reanchorAll([...appearances.map((a) => a.anchor), ...notes.map((n) => n.anchor)], document.text, text, version);
    const counts = { anchored: 0, review: 0, orphaned: 0 };
    const outcome = (i: number): { state: AnchorState; anchor?: Anchor; proposed?: Anchor } => {
      const r = results[i]!;
      counts[r.state] += 1;
      if (r.state === 'anchored' && r.anchor) return { state: 'anchored', anchor: r.anchor };
      if (r.state === 'review' && r.anchor) return { state: 'review', proposed: r.anchor };
      return { state: r.state === 'anchored' ? 'review' : r.state };
    };
    for (const [i, a] of appearances.entries()) {
      const o = outcome(i);
      const next = { ...a, state: o.state, updatedAt: now };
      delete next.proposed;
      if (o.anchor) {
        next.anchor = o.anchor;
        const turn = turnAt(turns, o.anchor.position.start);
        if (turn) next.turnId = turn.id;
      }
      if (o.proposed) next.proposed = o.proposed;
      await tx.put('appearances', next);
    }
    for (const [i, n] of notes.entries()) {
      const o = outcome(appearances.length + i);
      const next = { ...n, state: o.state, updatedAt: now };
      delete next.proposed;
      if (o.anchor) next.anchor = o.anchor;
      if (o.proposed) next.proposed = o.proposed;
      await tx.put('notes', next);
    }
    return { document: updated, turnCount: turns.length, ...counts };
  });
}

/** An appearance or a note: the two kinds of annotation that anchor in a document. */
export type AnnotationRef = { kind: 'appearance' | 'note'; id: string };

async function loadAnnotation(tx: StoreTx, ref: AnnotationRef) {
  const row = ref.kind === 'appearance' ? await tx.get('appearances', ref.id) : await tx.get('notes', ref.id);
  if (!row) throw new ValidationError('That annotation no longer exists.');
  return row;
}

async function putAnnotation(tx: StoreTx, ref: AnnotationRef, anchor: Anchor, row: Awaited<ReturnType<typeof loadAnnotation>>): Promise<void> {
  const next = { ...row, anchor, state: 'anchored' as const, updatedAt: nowIso() };
  delete next.proposed;
  if (ref.kind === 'appearance' && 'claimId' in next) {
    const turns = await tx.where('turns', 'documentId', next.documentId);
    const turn = turns.find((t) => anchor.position.start >= t.offset && anchor.position.start < t.offset + t.text.length);
    if (turn) next.turnId = turn.id;
    await tx.put('appearances', next);
  } else if (!('claimId' in next)) {
    await tx.put('notes', next);
  }
}

/** Accepts the place re-anchoring proposed for a doubtful annotation. */
export async function acceptProposal(store: Store, ref: AnnotationRef): Promise<void> {
  await store.transaction('Accept re-anchoring', async (tx) => {
    const row = await loadAnnotation(tx, ref);
    if (!row.proposed) throw new ValidationError('There is no proposal to accept.');
    const document = await tx.get('documents', row.documentId);
    if (!document || row.proposed.documentVersion !== document.version) throw new ValidationError('The document changed again since this was proposed; pick the place again.');
    await putAnnotation(tx, ref, row.proposed, row);
  });
}

/** Anchors a doubtful or orphaned annotation on a span the user picked in the current text. */
export async function reanchorToSpan(store: Store, ref: AnnotationRef, start: number, end: number): Promise<void> {
  await store.transaction('Re-anchor by hand', async (tx) => {
    const row = await loadAnnotation(tx, ref);
    const document = await tx.get('documents', row.documentId);
    if (!document) throw new ValidationError('That document no longer exists.');
    if (!(start >= 0 && end > start && end <= document.text.length)) throw new ValidationError('Select some text in the document first.');
    await putAnnotation(tx, ref, createAnchor(document.text, start, end, document.version), row);
  });
}

/** Drops an annotation that no longer belongs anywhere (the claim itself stays). */
export async function discardAnnotation(store: Store, ref: AnnotationRef): Promise<void> {
  await store.transaction(ref.kind === 'appearance' ? 'Discard appearance' : 'Discard note', async (tx) => {
    await loadAnnotation(tx, ref);
    await tx.delete(ref.kind === 'appearance' ? 'appearances' : 'notes', ref.id);
  });
}
