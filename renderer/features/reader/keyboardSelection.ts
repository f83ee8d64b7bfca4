import type { Turn } from '../../../shared/model.js';
import { splitSentences } from '../../../shared/triage/splitSentences.js';
import { turnIndexAt } from './spans.js';

/** A span of the document selected from the keyboard: [start, end) in the document text. */
export interface KeySpan {
  start: number;
  end: number;
}

/**
 * How the keyboard moves a selection in the reader, sentence by sentence and turn by turn:
 * → / ← select the next / previous sentence; Shift+→ / Shift+← grow / shrink the selection by a sentence;
 * Shift+↓ / Shift+↑ grow it to the end of the turn (then the next) / shrink it back a turn.
 */
export type KeyStep = 'next' | 'previous' | 'extend' | 'shrink' | 'extend-turn' | 'shrink-turn';

type TurnText = Pick<Turn, 'index' | 'offset' | 'text'>;

/** Sentences of the turns in document offsets, split once per turn and kept (turns of a document do not change in place). */
export class SentenceMap {
  private readonly cache = new WeakMap<TurnText, KeySpan[]>();

  constructor(readonly turns: readonly TurnText[]) {}

  /** The sentences of the turn at array position `i` (a turn without a sentence end is one sentence). */
  sentencesAt(i: number): KeySpan[] {
    const turn = this.turns[i];
    if (!turn) return [];
    let found = this.cache.get(turn);
    if (!found) {
      found = splitSentences(turn.text).map((s) => ({ start: turn.offset + s.start, end: turn.offset + s.end }));
      this.cache.set(turn, found);
    }
    return found;
  }

  /** Array position of the turn holding a document offset. */
  turnAt(offset: number): number {
    return turnIndexAt(this.turns, offset);
  }

  /** The first sentence starting at or after `offset`, looking into later turns. */
  sentenceFrom(offset: number): KeySpan | undefined {
    for (let i = this.turnAt(offset); i < this.turns.length; i++) {
      const hit = this.sentencesAt(i).find((s) => s.start >= offset);
      if (hit) return hit;
    }
    return undefined;
  }

  /** The last sentence ending at or before `offset`, looking into earlier turns. */
  sentenceBefore(offset: number): KeySpan | undefined {
    for (let i = this.turnAt(offset); i >= 0; i--) {
      const list = this.sentencesAt(i);
      for (let k = list.length - 1; k >= 0; k--) if (list[k]!.end <= offset) return list[k];
    }
    return undefined;
  }

  /** The sentence containing `offset`, or the next one. */
  sentenceAt(offset: number): KeySpan | undefined {
    const i = this.turnAt(offset);
    return this.sentencesAt(i).find((s) => s.end > offset) ?? this.sentenceFrom(offset);
  }
}

/**
 * The selection after one key. `from` is where a new selection starts when there is none yet: the start of the first
 * turn on screen. Returns the selection unchanged when it cannot move (the end of the document).
 */
export function stepSelection(map: SentenceMap, current: KeySpan | undefined, step: KeyStep, from: number): KeySpan | undefined {
  if (!current) {
    const first = map.sentenceAt(from);
    return first ? { ...first } : undefined;
  }
  switch (step) {
    case 'next': {
      const next = map.sentenceFrom(current.end);
      return next ? { ...next } : current;
    }
    case 'previous': {
      const previous = map.sentenceBefore(current.start);
      return previous ? { ...previous } : current;
    }
    case 'extend': {
      const next = map.sentenceFrom(current.end);
      return next ? { start: current.start, end: next.end } : current;
    }
    case 'shrink': {
      const previous = map.sentenceBefore(current.end - 1);
      return previous && previous.end > current.start ? { start: current.start, end: previous.end } : current;
    }
    case 'extend-turn': {
      const i = map.turnAt(current.end - 1);
      const turn = map.turns[i]!;
      const turnEnd = lastSentenceEnd(map, i) ?? turn.offset + turn.text.length;
      if (current.end < turnEnd) return { start: current.start, end: turnEnd };
      for (let k = i + 1; k < map.turns.length; k++) {
        const end = lastSentenceEnd(map, k);
        if (end !== undefined) return { start: current.start, end };
      }
      return current;
    }
    case 'shrink-turn': {
      const i = map.turnAt(current.end - 1);
      for (let k = i - 1; k >= 0; k--) {
        const end = lastSentenceEnd(map, k);
        if (end !== undefined && end > current.start) return { start: current.start, end };
        if (end !== undefined) break;
      }
      // Within one turn: back to the first sentence of the selection.
      const first = map.sentenceAt(current.start);
      return first && first.end < current.end ? { start: current.start, end: first.end } : current;
    }
  }
}

function lastSentenceEnd(map: SentenceMap, i: number): number | undefined {
  return map.sentencesAt(i).at(-1)?.end;
}

/** The step a key press asks for, or undefined for a key the keyboard selection does not use. */
export function keyStep(event: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'altKey' | 'ctrlKey' | 'metaKey'>): KeyStep | undefined {
  if (event.altKey || event.ctrlKey || event.metaKey) return undefined;
  switch (event.key) {
    case 'ArrowRight':
      return event.shiftKey ? 'extend' : 'next';
    case 'ArrowLeft':
      return event.shiftKey ? 'shrink' : 'previous';
    case 'ArrowDown':
      return event.shiftKey ? 'extend-turn' : undefined;
    case 'ArrowUp':
      return event.shiftKey ? 'shrink-turn' : undefined;
    default:
      return undefined;
  }
}
