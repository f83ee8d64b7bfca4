import { forwardRef, memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type HTMLAttributes } from 'react';
import { Virtuoso, type Components, type VirtuosoHandle } from 'react-virtuoso';
import { addAppearance, createClaim, createNote, findSimilarClaims } from '../../../shared/domain/claims.js';
import type { Claim, ClaimType, DocumentRecord, Person, Turn } from '../../../shared/model.js';
import { MarkedText } from './MarkedText.js';
import { saveReaderPosition, useReaderData } from './useReaderData.js';
import { db } from '../../db/database.js';
import { store } from '../../db/store.js';
import { useUiStore } from '../../state/uiStore.js';
import { onCommand } from '../shell/commands.js';
import { ReviewQueue } from '../review/ReviewQueue.js';
import { TriagePanel } from '../triage/TriagePanel.js';
import { claimIdsSharingWords } from '../search/searchService.js';
import { EditTextPanel } from './EditTextPanel.js';
import { canPaintHighlights, documentOffset, HighlightPainter } from './highlightPainter.js';
import { parseGoTo, spansByTurn, turnIndexAt, turnIndexAtTime, type PaintSpan } from './spans.js';
import { ClaimMargin, loadingMarginClaim, useMarginClaims, type MarginClaim } from './ClaimMargin.js';
import { SelectionAdder } from './SelectionAdder.js';
import { keyStep, SentenceMap, stepSelection } from './keyboardSelection.js';
import './reader.css';
import { count } from '../../format/format.js';

function formatTime(seconds: number | undefined): string | undefined {
  if (seconds === undefined) return undefined;
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.floor(seconds % 60);
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/** The text the user has selected in the reader, as a span of the document. */
export interface ReaderSelection {
  start: number;
  end: number;
  text: string;
  /** Made with the keyboard (painted by the reader) or with the pointer (shown by the browser). */
  source?: 'keyboard';
}

/** The turns as an ARIA list: Virtuoso's own list element carries the role, so every child is a list item. */
const TurnListElement = forwardRef<HTMLDivElement, HTMLAttributes<HTMLDivElement>>(function TurnListElement(props, ref) {
  return <div {...props} ref={ref} role="list" aria-label="Turns" />;
});
const VIRTUOSO_COMPONENTS: Components = { List: TurnListElement };

function inTextField(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement || (target instanceof HTMLElement && target.isContentEditable);
}

function guessType(text: string): ClaimType {
  return /\d/.test(text) ? 'statistic' : 'position';
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Who a span implies is speaking: an attributed quote's person, or the turn's speaker (as defaultClaimant does). */
function claimantFor(document: DocumentRecord, turns: readonly Turn[], span: { start: number; end: number }): string | undefined {
  const quote = document.quotes?.find((q) => span.start < q.end && span.end > q.start);
  if (quote) return quote.personId;
  return turns[turnIndexAt(turns, span.start)]?.personId ?? undefined;
}

/**
 * A document read as turns: speaker and colour, time, stage directions muted, narration set apart from quotes.
 * Only the turns on screen are rendered, and claims, notes and quotes are painted over them as CSS highlights
 * (ranges, no wrapper elements), so a three-hour debate with thousands of claims scrolls smoothly.
 * Select text, then C (claim), N (note) or T (tag); J/K move between claims, Enter opens one.
 */
export function DocumentReader(props: { documentId: string }) {
  const { documentId } = props;
  // Which document's first screen is painted, and then its margin filled in: the rest of it loads after that (see
  // useReaderData), so neither competes with it.
  const [paintedDocumentId, setPaintedDocumentId] = useState<string>();
  const [openedDocumentId, setOpenedDocumentId] = useState<string>();
  const data = useReaderData(documentId, openedDocumentId);
  const document = data?.document;
  const turns = data?.turns;
  const appearances = data?.appearances;
  const notes = data?.notes;
  const people = data?.people;
  const openDocument = useUiStore((s) => s.openDocument);
  const selectClaim = useUiStore((s) => s.selectClaim);
  const selectedClaimId = useUiStore((s) => s.selectedClaimId);
  const reveal = useUiStore((s) => s.reveal);
  const notify = useUiStore((s) => s.notify);

  const virtuoso = useRef<VirtuosoHandle>(null);
  // The turn the list begins at: the document's first, except while a document reopened mid-way is still loading (see
  // the list below). Virtuoso scrolls by position in the list, so turn indexes are taken back to it.
  const listBase = useRef(0);
  const listRef = useRef<HTMLDivElement>(null);
  const [selection, setSelection] = useState<ReaderSelection | undefined>();
  const [noteForm, setNoteForm] = useState<'note' | 'tag' | undefined>();
  const [flash, setFlash] = useState<{ start: number; end: number } | undefined>();
  const [current, setCurrent] = useState<number | undefined>();
  const [mode, setMode] = useState<'read' | 'edit'>('read');
  const [showTriage, setShowTriage] = useState(false);
  const [showReview, setShowReview] = useState(false);
  const [announce, setAnnounce] = useState('');
  const [similar, setSimilar] = useState<{ claim: Claim; similarity: number }[]>([]);
  // While the pointer is down the selection is still being dragged: the adder waits for it to be let go.
  const [dragging, setDragging] = useState(false);
  // What the status line says is about a claim ("Claim 2 of 5: …"): it goes when that claim does.
  const announcedClaim = useRef<string | undefined>(undefined);
  const say = useCallback((text: string, claimId?: string) => {
    announcedClaim.current = claimId;
    setAnnounce(text);
  }, []);

  useLayoutEffect(() => {
    performance.mark('reader:open');
  }, [documentId]);

  // Anchored appearances in reading order, one stop per claim appearance, for J/K.
  const stops = useMemo(
    () => (appearances ?? []).filter((a) => a.state === 'anchored').sort((a, b) => a.anchor.position.start - b.anchor.position.start),
    [appearances],
  );
  // A status line about a claim that is gone (deleted, or undone) would be stale: it goes with the claim.
  useEffect(() => {
    const claimId = announcedClaim.current;
    if (claimId && !stops.some((s) => s.claimId === claimId)) {
      announcedClaim.current = undefined;
      setAnnounce('');
      setCurrent(undefined);
    } else if (current !== undefined && current >= stops.length) setCurrent(undefined);
  }, [stops, current]);
  const claimIds = useMemo(() => [...new Set(stops.map((a) => a.claimId))], [stops]);
  // The margin's verdict words are read once the first screen is painted (it holds their places until then: see
  // marginOf): first for the claims of the turns read first, then, once the whole document is, for all of them.
  const headClaimIds = useRef<{ documentId: string; ids: string[] }>(undefined);
  if (data && !data.complete) headClaimIds.current = { documentId, ids: claimIds };
  const fullMargin = useMarginClaims(data?.complete ? claimIds : undefined);
  const headIds = headClaimIds.current?.documentId === documentId ? headClaimIds.current.ids : undefined;
  const headMargin = useMarginClaims(paintedDocumentId === documentId && !fullMargin ? headIds : undefined);
  const marginClaims = fullMargin ?? headMargin;
  useEffect(() => {
    if (headMargin && paintedDocumentId === documentId) setOpenedDocumentId(documentId);
  }, [headMargin, paintedDocumentId, documentId]);
  const pending = useMemo(() => (appearances ?? []).filter((a) => a.state !== 'anchored').length + (notes ?? []).filter((n) => n.state !== 'anchored').length, [appearances, notes]);

  const spans = useMemo(() => {
    const out: PaintSpan[] = [];
    for (const q of document?.quotes ?? []) out.push({ start: q.start, end: q.end, layer: 'quote' });
    for (const a of stops) {
      out.push({ start: a.anchor.position.start, end: a.anchor.position.end, layer: 'claim', ref: { kind: 'claim', id: a.claimId } });
      if (a.claimId === selectedClaimId) out.push({ start: a.anchor.position.start, end: a.anchor.position.end, layer: 'claim-selected' });
    }
    const cur = current !== undefined ? stops[current] : undefined;
    if (cur) out.push({ start: cur.anchor.position.start, end: cur.anchor.position.end, layer: 'claim-current' });
    for (const n of notes ?? []) {
      if (n.state === 'anchored') out.push({ start: n.anchor.position.start, end: n.anchor.position.end, layer: n.kind, ref: { kind: 'note', id: n.id } });
    }
    if (flash) out.push({ ...flash, layer: 'reveal' });
    if (selection && noteForm) out.push({ start: selection.start, end: selection.end, layer: 'pending' });
    else if (selection?.source === 'keyboard') out.push({ start: selection.start, end: selection.end, layer: 'selection' });
    return spansByTurn(turns ?? [], out);
  }, [document, turns, stops, notes, selectedClaimId, current, flash, selection, noteForm]);

  // The claims and notes of the turns first read come with them, so the first paint is already complete for those.
  const annotationsLoaded = useRef(false);
  annotationsLoaded.current = appearances !== undefined && notes !== undefined;
  const complete = data?.complete ?? false;
  // A document reopens at the turn where it was left: useReaderData reads the turns around it first.
  const startTurn = data?.startTurn ?? 0;
  const positionTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const savedPosition = useRef(startTurn);
  useEffect(() => {
    savedPosition.current = startTurn;
  }, [documentId, startTurn]);
  // Once scrolling settles, remember the first turn whose text shows at the top (not the ones rendered above the
  // fold, or the document would creep upwards each time it reopens).
  const onRangeChanged = useCallback(() => {
    clearTimeout(positionTimer.current);
    positionTimer.current = setTimeout(() => {
      const list = listRef.current;
      const top = list?.getBoundingClientRect().top ?? 0;
      const first = [...(list?.querySelectorAll<HTMLElement>('[data-turn-index]') ?? [])].find((el) => el.getBoundingClientRect().bottom > top + 1);
      const turn = first ? Number(first.dataset.turnIndex) : undefined;
      const offset = turn === undefined ? undefined : offsetRef.current(turn);
      if (turn === undefined || offset === undefined || turn === savedPosition.current) return;
      savedPosition.current = turn;
      saveReaderPosition(documentId, { turn, offset });
    }, 500);
  }, [documentId]);
  useEffect(() => () => clearTimeout(positionTimer.current), [documentId]);
  useEffect(() => {
    if (!complete) return;
    performance.mark('reader:complete');
    window.document.body.dataset.readerComplete = documentId;
    return () => void delete window.document.body.dataset.readerComplete;
  }, [complete, documentId]);
  // Turns are numbered 0… in the document (Turn.index); `turns` may begin later while the reader is opening.
  const turnAt = useCallback((index: number) => turns?.[index - (turns[0]?.index ?? 0)], [turns]);
  const offsetOf = useCallback((index: number) => turnAt(index)?.offset, [turnAt]);
  const spansRef = useRef(spans);
  spansRef.current = spans;
  const offsetRef = useRef(offsetOf);
  offsetRef.current = offsetOf;

  // Repaint when the visible turns change (Virtuoso adds and removes them) or the spans change.
  const frame = useRef(0);
  const firstPaint = useRef(true);
  const [painter] = useState(() => new HighlightPainter());
  const repaint = useCallback(() => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => {
      const list = listRef.current;
      if (!list) return;
      painter.paint(list, (i) => spansRef.current.get(i), (i) => offsetRef.current(i));
      // First paint means the turns on screen with their highlights, so it waits for the annotations too.
      if (firstPaint.current && annotationsLoaded.current && list.querySelector('[data-turn-text]')) {
        firstPaint.current = false;
        performance.mark('reader:painted');
        window.document.body.dataset.readerPainted = documentId;
        setPaintedDocumentId(documentId);
      }
    });
  }, [documentId, painter]);
  useEffect(() => {
    repaint();
  }, [spans, repaint]);
  useEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const observer = new MutationObserver(repaint);
    observer.observe(list, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [repaint, mode, turns === undefined]);
  useEffect(() => () => painter.clear(), [painter]);
  useEffect(() => {
    firstPaint.current = true;
    delete window.document.body.dataset.readerPainted;
    setSelection(undefined);
    setCurrent(undefined);
    setFlash(undefined);
  }, [documentId]);

  // Track the text selected inside the turn list.
  useEffect(() => {
    const onChange = () => {
      const list = listRef.current;
      const sel = window.getSelection();
      if (!list || !sel || sel.rangeCount === 0) return;
      const range = sel.getRangeAt(0);
      if (!list.contains(range.commonAncestorContainer)) return;
      if (range.collapsed) {
        setSelection(undefined);
        return;
      }
      let start = documentOffset(range.startContainer, range.startOffset, offsetRef.current);
      let end = documentOffset(range.endContainer, range.endOffset, offsetRef.current);
      const text = document?.text;
      if (start === undefined || end === undefined || !text) return;
      while (start < end && /\s/.test(text[start]!)) start++;
      while (end > start && /\s/.test(text[end - 1]!)) end--;
      setSelection(end > start ? { start, end, text: text.slice(start, end) } : undefined);
    };
    window.document.addEventListener('selectionchange', onChange);
    return () => window.document.removeEventListener('selectionchange', onChange);
  }, [document?.text]);

  // Suggest existing claims that read like the selection (same speaker first).
  useEffect(() => {
    if (!selection || !document || !turns) {
      setSimilar([]);
      return;
    }
    let live = true;
    const claimant = claimantFor(document, turns, selection);
    // Once the selection settles (not on every step of a drag), compare it with the claims that share words with it,
    // found by the search index in its worker; only before the index has caught up is every claim read.
    const timer = setTimeout(() => {
      void claimIdsSharingWords(selection.text)
        .catch(() => undefined) // the index could not answer: compare with every claim instead
        .then(async (ids) => (ids ? (await db.claims.bulkGet(ids)).filter((c): c is Claim => c !== undefined) : db.claims.toArray()))
        .then((claims) => {
          if (live) setSimilar(findSimilarClaims(claims, selection.text, claimant));
        })
        // Suggestions are a help, not the work: without them the selection toolbar still makes claims.
        .catch((error: unknown) => console.warn('Could not look for repeats of the selection', error));
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [selection, document, turns]);

  const scrollToOffset = useCallback(
    (start: number, end: number) => {
      const turn = turns?.[turnIndexAt(turns, start)];
      if (!turn) return;
      virtuoso.current?.scrollToIndex({ index: turn.index - listBase.current, align: 'center' });
      setFlash({ start, end });
    },
    [turns],
  );

  // Honour reveal requests (search hits, compare cells, sources, the claim panel), once each, and only when this
  // document's own text and turns have loaded (the reader is reused when another document opens).
  const handledReveal = useRef<number | undefined>(undefined);
  // A reveal may land anywhere in the document, so it waits for all of it.
  const turnsReady = complete;
  useEffect(() => {
    if (!reveal || reveal.documentId !== documentId || !turnsReady || document?.id !== documentId) return;
    if (handledReveal.current === reveal.nonce) return;
    handledReveal.current = reveal.nonce;
    setMode('read');
    scrollToOffset(reveal.start, reveal.end);
    say(`Showing “${document.text.slice(reveal.start, reveal.end).slice(0, 120)}”`);
  }, [reveal, documentId, turnsReady, document, scrollToOffset]);

  const clearSelection = () => {
    window.getSelection()?.removeAllRanges();
    setSelection(undefined);
    setNoteForm(undefined);
  };
  const clearSelectionRef = useRef(clearSelection);
  clearSelectionRef.current = clearSelection;

  const makeClaim = async () => {
    if (!selection) return;
    try {
      const { claim } = await createClaim(store, { text: selection.text, type: guessType(selection.text) }, { documentId, start: selection.start, end: selection.end });
      selectClaim(claim.id);
      notify(`Claim created: “${claim.text.slice(0, 60)}”`);
      clearSelection();
    } catch (error) {
      notify(message(error), 'error');
    }
  };

  const linkAppearance = async (claim: Claim) => {
    if (!selection) return;
    try {
      await addAppearance(store, claim.id, { documentId, start: selection.start, end: selection.end });
      selectClaim(claim.id);
      notify(`Added as an appearance of “${claim.text.slice(0, 60)}”`);
      clearSelection();
    } catch (error) {
      notify(message(error), 'error');
    }
  };

  const saveNote = async (kind: 'note' | 'tag', body: string) => {
    if (!selection) return;
    try {
      await createNote(store, { documentId, start: selection.start, end: selection.end }, kind, body);
      notify(kind === 'tag' ? `Tagged “${body}”` : 'Note added');
      clearSelection();
    } catch (error) {
      notify(message(error), 'error');
    }
  };

  const moveCurrent = (step: 1 | -1) => {
    if (stops.length === 0) {
      say('This document has no claims yet.');
      return;
    }
    const next = current === undefined ? (step === 1 ? 0 : stops.length - 1) : (current + step + stops.length) % stops.length;
    const stop = stops[next]!;
    setCurrent(next);
    scrollToOffset(stop.anchor.position.start, stop.anchor.position.end);
    say(`Claim ${next + 1} of ${stops.length}: “${stop.anchor.quote.exact.slice(0, 120)}”`, stop.claimId);
  };

  // The annotation commands, run by one key in the reader or by a menu command (onCommand).
  const actions = useRef<Record<'claim' | 'note' | 'tag' | 'next' | 'previous' | 'open', () => void>>({} as never);
  actions.current = {
    claim: () => void makeClaim(),
    note: () => selection && setNoteForm('note'),
    tag: () => selection && setNoteForm('tag'),
    next: () => moveCurrent(1),
    previous: () => moveCurrent(-1),
    open: () => {
      const stop = current !== undefined ? stops[current] : undefined;
      if (stop) selectClaim(stop.claimId);
    },
  };
  // One key after a selection: C claim, N note, T tag; J/K (or Alt+arrows) between claims; Enter opens the current claim.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || inTextField(event.target) || window.document.querySelector('dialog[open]') || !listRef.current) return;
      const key = event.key.toLowerCase();
      const run = actions.current;
      if (event.altKey) {
        if (key === 'arrowdown') run.next();
        else if (key === 'arrowup') run.previous();
        else return;
      } else if (key === 'c' && !event.shiftKey) run.claim();
      else if (key === 'n' && !event.shiftKey) run.note();
      else if (key === 't' && !event.shiftKey) run.tag();
      else if (key === 'j') run.next();
      else if (key === 'k') run.previous();
      else if (key === 'enter' && !(event.target instanceof HTMLButtonElement) && !(event.target instanceof HTMLAnchorElement)) run.open();
      else if (key === 'escape') clearSelectionRef.current();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    const offs = (
      [
        ['annotate:claim', 'claim'],
        ['annotate:note', 'note'],
        ['annotate:tag', 'tag'],
        ['annotate:next-claim', 'next'],
        ['annotate:previous-claim', 'previous'],
        ['annotate:open-claim', 'open'],
      ] as const
    ).map(([command, action]) => onCommand(command, () => actions.current[action]()));
    return () => {
      window.removeEventListener('keydown', onKey);
      for (const off of offs) off();
    };
  }, []);

  // A click inside a highlight selects its claim (the smallest span under the caret wins).
  const onListClick = () => {
    const sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || !sel.isCollapsed || !sel.anchorNode) return;
    const at = documentOffset(sel.anchorNode, sel.anchorOffset, offsetRef.current);
    if (at === undefined || !turns) return;
    const hits = (spans.get(turns[turnIndexAt(turns, at)]?.index ?? -1) ?? []).filter((s) => s.ref && s.start <= at && at < s.end).sort((a, b) => a.end - a.start - (b.end - b.start));
    const hit = hits[0]?.ref;
    if (hit?.kind === 'claim') selectClaim(hit.id);
    else if (hit?.kind === 'note') {
      const note = notes?.find((n) => n.id === hit.id);
      if (note) say(`${note.kind === 'tag' ? 'Tag' : 'Note'}: ${note.body}`);
      useUiStore.getState().selectNote(hit.id);
    }
  };

  const goTo = (value: string) => {
    if (!turns) return;
    const target = parseGoTo(value);
    if (!complete) {
      say('Still opening the document: try again in a moment.');
      return;
    }
    const index = target === undefined ? undefined : 'turn' in target ? Math.min(turns.length, Math.max(1, target.turn)) - 1 : turnIndexAtTime(turns, target.seconds);
    const turn = index === undefined ? undefined : turns[index];
    if (!turn) {
      say(target && 'seconds' in target ? 'This document has no times.' : 'Type a turn number, or a time such as 1:02:30.');
      return;
    }
    scrollToOffset(turn.offset, turn.offset + turn.text.length);
    say(`Turn ${turn.index + 1}${turn.start !== undefined ? ` at ${formatTime(turn.start)}` : ''}`);
  };

  // The pointer let go anywhere (even outside the window's text): the drag is over and the adder may show.
  useEffect(() => {
    if (!dragging) return;
    const up = () => setDragging(false);
    window.addEventListener('pointerup', up);
    window.addEventListener('pointercancel', up);
    return () => {
      window.removeEventListener('pointerup', up);
      window.removeEventListener('pointercancel', up);
    };
  }, [dragging]);

  // Sentences of the turns, split once per turn, for the keyboard selection.
  const sentences = useMemo(() => new SentenceMap(turns ?? []), [turns]);
  const onListKey = (event: React.KeyboardEvent) => {
    const step = keyStep(event);
    if (!step || !document || !turns || inTextField(event.target) || event.target instanceof HTMLButtonElement) return;
    event.preventDefault();
    const from = firstVisibleTurnOffset(listRef.current, offsetOf) ?? turns[0]?.offset ?? 0;
    const current = selection ? { start: selection.start, end: selection.end } : undefined;
    const next = stepSelection(sentences, current, step, from);
    if (!next) return;
    window.getSelection()?.removeAllRanges();
    setNoteForm(undefined);
    setSelection({ start: next.start, end: next.end, text: document.text.slice(next.start, next.end), source: 'keyboard' });
    const turn = turns[turnIndexAt(turns, Math.max(next.start, next.end - 1))];
    if (turn) virtuoso.current?.scrollIntoView({ index: turn.index - listBase.current, behavior: 'auto' });
  };

  const selectionRef = useRef(selection);
  selectionRef.current = selection;
  // Where the selection ends on screen, for the adder: the browser's selection, or the keyboard's span.
  const selectionRect = useCallback((): DOMRect | undefined => {
    const sel = window.getSelection();
    if (sel && sel.rangeCount > 0 && !sel.isCollapsed) {
      const rects = sel.getRangeAt(0).getClientRects();
      return rects[rects.length - 1] ?? sel.getRangeAt(0).getBoundingClientRect();
    }
    const span = selectionRef.current;
    const list = listRef.current;
    if (!span || !list) return undefined;
    return spanEndRect(list, span.end, offsetRef.current);
  }, []);
  // The margin's claims of a turn: the claims painted on it, in reading order, each once. Kept while the turn's spans
  // and the margin's facts stay the same, so a turn Virtuoso renders again unchanged (as it does on every scroll step)
  // is not rendered again: TurnView is memoised.
  const marginCache = useMemo(() => new WeakMap<readonly PaintSpan[], readonly MarginClaim[]>(), [marginClaims]);
  const openClaim = useCallback((claim: Pick<Claim, 'id'>) => selectClaim(claim.id), [selectClaim]);
  const marginOf = (turnSpans: readonly PaintSpan[] | undefined): readonly MarginClaim[] => {
    if (!turnSpans) return NO_CLAIMS;
    const cached = marginCache.get(turnSpans);
    if (cached) return cached;
    const out: MarginClaim[] = [];
    const seen = new Set<string>();
    for (const span of turnSpans) {
      if (span.layer !== 'claim' || span.ref?.kind !== 'claim' || seen.has(span.ref.id)) continue;
      seen.add(span.ref.id);
      // Until its facts are read, a claim keeps its place in the margin (one line, like every entry), so nothing
      // moves when they come.
      const claim = marginClaims ? marginClaims.get(span.ref.id) : loadingMarginClaim(span.ref.id);
      if (claim) out.push(claim);
    }
    marginCache.set(turnSpans, out);
    return out;
  };

  if (!document || !turns) return <p className="muted">Opening the document…</p>;
  // A reveal waiting for this document opens the list at its turn rather than where the reader was left.
  const revealPending = reveal !== undefined && reveal.documentId === documentId && handledReveal.current !== reveal.nonce;
  // Reopened where it was left, the list begins at that turn while the rest of the document loads, so it opens there
  // at once: asked to open further down its list, Virtuoso hides the list for four frames before scrolling to it. Once
  // the whole document is read, the turns before are put in above (firstItemIndex falls to 0), and what is on screen
  // stays where it is.
  const base = !complete && !revealPending ? Math.min(startTurn, Math.max(0, data.turnCount - 1)) : 0;
  listBase.current = base;
  return (
    <article className="reader" aria-labelledby="document-title">
      <header className="reader-header">
        <button type="button" onClick={() => openDocument(undefined)}>
          ← Back to debate
        </button>
        <div className="reader-title">
          <h2 id="document-title">{document.title}</h2>
          <p className="muted small">
            {count(data.turnCount, 'turn')} · {document.format.toUpperCase()}
            {document.fileName ? ` · ${document.fileName}` : ''} · {complete ? count(stops.length, 'claim appearance') : '… claim appearances'} · version {document.version}
          </p>
        </div>
      </header>
      <div className="reader-tools" role="toolbar" aria-label="Reader tools">
        <form
          className="reader-goto"
          onSubmit={(event) => {
            event.preventDefault();
            goTo(String(new FormData(event.currentTarget).get('goto') ?? ''));
          }}
        >
          <label>
            Go to turn or time <input name="goto" size={8} placeholder="12 or 1:02:30" />
          </label>
          <button type="submit">Go</button>
        </form>
        <button type="button" aria-pressed={showTriage} onClick={() => setShowTriage((v) => !v)}>
          Triage
        </button>
        <button type="button" aria-pressed={mode === 'edit'} onClick={() => setMode((m) => (m === 'edit' ? 'read' : 'edit'))}>
          Edit text
        </button>
        <button type="button" aria-pressed={showReview} onClick={() => setShowReview((v) => !v)}>
          Review anchors ({pending})
        </button>
      </div>
      <p role="status" className="reader-status small">
        {announce}
      </p>
      {showTriage && <TriagePanel documentId={documentId} />}
      {showReview && <ReviewQueue documentId={documentId} selection={selection} onShow={scrollToOffset} />}
      {mode === 'edit' ? (
        <EditTextPanel document={document} onDone={() => setMode('read')} />
      ) : (
        <>
          <div
            className="turn-list"
            ref={listRef}
            onClick={onListClick}
            onPointerDown={(event) => {
              if (event.button === 0 && !(event.target instanceof HTMLButtonElement)) setDragging(true);
            }}
            onKeyDown={onListKey}
          >
            <Virtuoso
              key={documentId}
              ref={virtuoso}
              components={VIRTUOSO_COMPONENTS}
              aria-label="Transcript: arrow keys select sentences, Shift+arrows grow the selection, then C, N or T"
              initialTopMostItemIndex={revealPending ? (turns[turnIndexAt(turns, reveal.start)]?.index ?? 0) : Math.min(startTurn, Math.max(0, data.turnCount - 1)) - base}
              rangeChanged={onRangeChanged}
              style={{ height: '100%' }}
              firstItemIndex={base}
              totalCount={data.turnCount - base}
              computeItemKey={(index) => turnAt(index)?.id ?? `opening-${index}`}
              increaseViewportBy={200}
              // A typical turn's height: without it Virtuoso renders one turn first just to measure it.
              defaultItemHeight={76}
              itemContent={(index) => {
                const turn = turnAt(index);
                // Only while opening, and only if the list is scrolled past the turns read first.
                if (!turn) return <div role="listitem" aria-label="Loading turn" aria-busy="true" className="turn turn-loading" />;
                const turnSpans = spans.get(turn.index);
                return (
                  <TurnView
                    turn={turn}
                    person={turn.personId ? people?.get(turn.personId) : undefined}
                    marks={canPaintHighlights ? undefined : turnSpans}
                    claims={marginOf(turnSpans)}
                    selectedClaimId={selectedClaimId}
                    onOpenClaim={openClaim}
                  />
                );
              }}
            />
          </div>
          {selection && !dragging && (
            <SelectionAdder
              text={selection.text}
              rectOf={selectionRect}
              similar={similar}
              onClaim={() => void makeClaim()}
              onNote={() => setNoteForm('note')}
              onTag={() => setNoteForm('tag')}
              onLink={(claim) => void linkAppearance(claim)}
            >
              {noteForm && <NoteForm kind={noteForm} onSave={(body) => void saveNote(noteForm, body)} onCancel={() => setNoteForm(undefined)} />}
            </SelectionAdder>
          )}
        </>
      )}
    </article>
  );
}

function NoteForm(props: { kind: 'note' | 'tag'; onSave: (body: string) => void; onCancel: () => void }) {
  const [body, setBody] = useState('');
  const label = props.kind === 'tag' ? 'Tag name' : 'Note text';
  return (
    <form
      className="note-form"
      aria-label={props.kind === 'tag' ? 'Add tag' : 'Add note'}
      onSubmit={(event) => {
        event.preventDefault();
        props.onSave(body);
      }}
    >
      <label>
        {label}{' '}
        <input
          autoFocus
          value={body}
          onChange={(e) => setBody(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') props.onCancel();
          }}
        />
      </label>
      <button type="submit">{props.kind === 'tag' ? 'Add tag' : 'Add note'}</button>
    </form>
  );
}

/** The document offset where the first turn showing at the top of the list begins. */
function firstVisibleTurnOffset(list: HTMLElement | null, offsetOf: (index: number) => number | undefined): number | undefined {
  if (!list) return undefined;
  const top = list.getBoundingClientRect().top;
  const first = [...list.querySelectorAll<HTMLElement>('[data-turn-index]')].find((el) => el.getBoundingClientRect().bottom > top + 1);
  return first ? offsetOf(Number(first.dataset.turnIndex)) : undefined;
}

/** The on-screen box of the last character before `end`, if its turn is rendered. */
function spanEndRect(list: HTMLElement, end: number, offsetOf: (index: number) => number | undefined): DOMRect | undefined {
  for (const element of list.querySelectorAll<HTMLElement>('[data-turn-text]')) {
    const base = offsetOf(Number(element.dataset.turnText));
    const node = element.firstChild;
    if (base === undefined || !(node instanceof Text)) continue;
    if (end <= base || end > base + node.length) continue;
    const range = window.document.createRange();
    range.setStart(node, Math.max(0, end - base - 1));
    range.setEnd(node, end - base);
    const rects = range.getClientRects();
    return rects[rects.length - 1];
  }
  return undefined;
}

const NO_CLAIMS: readonly MarginClaim[] = [];

const TurnView = memo(function TurnView(props: {
  turn: Turn;
  person: Person | undefined;
  marks?: readonly PaintSpan[] | undefined;
  claims: readonly MarginClaim[];
  selectedClaimId: string | undefined;
  onOpenClaim: (claim: Pick<Claim, 'id'>) => void;
}) {
  const { turn, person, marks } = props;
  const time = formatTime(turn.start);
  const label = turn.kind === 'speech' ? (person?.name ?? 'Unknown speaker') : turn.kind === 'stage' ? 'Stage direction' : turn.metadata?.section === 'comments' ? 'Reader comment' : 'Narration';
  return (
    <div role="listitem" aria-label={`${label}${time ? ` at ${time}` : ''}`} className={`turn turn-${turn.kind}${turn.metadata?.section === 'comments' ? ' turn-comment' : ''}`} data-turn-index={turn.index}>
      <div className="turn-body">
      <div className="turn-meta">
        {turn.kind === 'speech' && (
          <span className="turn-speaker speaker-ink" style={person?.color ? ({ '--speaker': person.color } as CSSProperties) : undefined}>
            {label}
          </span>
        )}
        {turn.kind !== 'speech' && <span className="turn-kind">{label}</span>}
        {time && <time className="turn-time">{time}</time>}
      </div>
      <p className="turn-text" data-turn-text={turn.index}>
        {marks && marks.length > 0 ? <MarkedText text={turn.text} offset={turn.offset} spans={marks} /> : turn.text}
      </p>
      </div>
      <ClaimMargin claims={props.claims} selectedId={props.selectedClaimId} onOpen={props.onOpenClaim} />
    </div>
  );
});
