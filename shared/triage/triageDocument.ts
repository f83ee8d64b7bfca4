import { scoreText, sigmoid, textReasons, type TextScore, type TriageDocumentKind, type TriageModel, type TriageRole } from './model.js';
import { inferRoles, type RoleSpeaker } from './roles.js';
import { splitSentences } from './splitSentences.js';

/**
 * Triage of one whole document: its turns cut into sentences (kept whole where the source already gives one
 * sentence per line), each scored by the model, then weighed by who says it (a moderator's question, a stage
 * direction, article narration rank below a candidate's claim) and by its neighbours in the same turn.
 */

/** A turn as triage needs it; `offset` is where its text starts in the document's text. */
export interface TriageTurn {
  index: number;
  speaker: string | null;
  kind: 'speech' | 'narration' | 'stage';
  text: string;
  offset: number;
}

/** A document to triage: its turns, speakers, attributed quotes (articles) and, if known, its kind. */
export interface TriageInput {
  turns: readonly TriageTurn[];
  speakers: readonly RoleSpeaker[];
  /** Direct quotations inside narration, as [start, end) in the document text, with who said them. */
  quotes?: ReadonlyArray<{ start: number; end: number; speaker: string }>;
  kind?: TriageDocumentKind;
}

/** One ranked sentence: where it is, who said it, its score 0..1 and the reasons in an analyst's words. */
export interface TriageSentence {
  turn: number;
  speaker: string;
  /** The speaker's key in the input (person id, parsed speaker id), or null for narration and stage lines. */
  speakerKey: string | null;
  role: TriageRole;
  start: number;
  end: number;
  text: string;
  score: number;
  reasons: string[];
}

export interface TriageResult {
  kind: TriageDocumentKind;
  sentences: TriageSentence[];
}

const ROLE_REASONS: Partial<Record<TriageRole, string>> = {
  moderator: 'said by the moderator: ranked down',
  host: 'said by the host: ranked down',
  audience: 'a question from the floor: ranked down',
  panelist: 'said by a panelist',
  narrator: "the reporter's narration, not a quote: ranked down",
};

/** One sentence to score, with its turn and who says it. */
export interface Unit {
  turn: TriageTurn;
  start: number;
  end: number;
  text: string;
  role: TriageRole;
  speaker: string;
  speakerKey: string | null;
}

/** A document cut into sentences with their roles: what scoring needs, computed once. */
export interface PreparedDocument {
  kind: TriageDocumentKind;
  units: Unit[];
}

/** Cuts a document into sentences and infers who plays which part. */
export function prepareDocument(input: TriageInput): PreparedDocument {
  const { roles, kind } = inferRoles(input.turns, input.speakers, input.kind);
  const names = new Map(input.speakers.map((s) => [s.key, s.name]));
  return { kind, units: segment(input, roles, names) };
}

/** Every sentence of the document, in document order, scored. Stage lines are listed with score 0, never ranked. */
export function triageDocument(model: TriageModel, input: TriageInput): TriageResult {
  const prepared = prepareDocument(input);
  return { kind: prepared.kind, sentences: scorePrepared(model, prepared, (text) => scoreText(model, text, true)) };
}

/**
 * Scores prepared sentences: text log-odds, plus the role's prior, plus a share of the neighbours' log-odds in the
 * same turn. `scorer` lets validation reuse text scores while it tries context weights; `reasons: false` skips them.
 */
export function scorePrepared(model: TriageModel, prepared: PreparedDocument, scorer: (text: string) => TextScore, reasons = true): TriageSentence[] {
  const { units } = prepared;
  const logits = units.map((u) => (u.role === 'system' ? undefined : scorer(u.text)));
  const { rolePrior, neighbour } = model.context;
  return units.map((u, i) => {
    const own = logits[i];
    if (!own) return { ...out(u), score: 0, reasons: ['stage direction: never ranked'] };
    let z = own.logit + (rolePrior[u.role] ?? 0) + (model.context.patternWeight ?? 0) * own.pattern;
    if (neighbour !== 0) {
      let sum = 0;
      let n = 0;
      for (const j of [i - 1, i + 1]) {
        const other = logits[j];
        if (other && units[j]!.turn === u.turn) {
          sum += other.logit;
          n++;
        }
      }
      if (n > 0) z += neighbour * (sum / n - model.bias);
    }
    const why = reasons ? textReasons(own.contributions) : [];
    const roleReason = ROLE_REASONS[u.role];
    if (reasons && roleReason && (rolePrior[u.role] ?? 0) < 0) why.push(roleReason);
    return { ...out(u), score: Math.round(sigmoid(z) * 1e6) / 1e6, reasons: why };
  });
}

function out(u: Unit): Omit<TriageSentence, 'score' | 'reasons'> {
  return { turn: u.turn.index, speaker: u.speaker, speakerKey: u.speakerKey, role: u.role, start: u.start, end: u.end, text: u.text };
}

/**
 * Sentences of each turn. A document whose turns are nearly all one sentence (one sentence per line, as CLEF-style
 * files and line-by-line transcripts give them) keeps each turn whole, so the ranking is per line as the source has it.
 */
function segment(input: TriageInput, roles: Map<string, TriageRole>, names: Map<string, string>): Unit[] {
  const split = input.turns.map((t) => (t.kind === 'stage' ? [{ text: t.text.trim(), start: 0, end: t.text.length }] : splitSentences(t.text)));
  const speech = input.turns.map((t, i) => ({ t, n: split[i]!.length })).filter(({ t }) => t.kind === 'speech');
  const perLine = speech.length >= 10 && speech.filter(({ n }) => n <= 1).length >= speech.length * 0.9;
  const units: Unit[] = [];
  input.turns.forEach((turn, i) => {
    const pieces = perLine && turn.kind === 'speech' ? wholeTurn(turn.text) : split[i]!;
    for (const p of pieces) {
      if (!p.text) continue;
      const start = turn.offset + p.start;
      const end = turn.offset + p.end;
      let role: TriageRole;
      let speakerKey = turn.speaker;
      if (turn.kind === 'stage') role = 'system';
      else if (turn.kind === 'narration') {
        const quote = input.quotes?.find((q) => q.start < end && q.end > start);
        speakerKey = quote ? quote.speaker : null;
        role = quote ? (roles.get(quote.speaker) ?? 'candidate') : 'narrator';
      } else role = turn.speaker === null ? 'candidate' : (roles.get(turn.speaker) ?? 'candidate');
      const speaker = speakerKey === null ? (turn.kind === 'stage' ? 'SYSTEM' : '') : (names.get(speakerKey) ?? '');
      units.push({ turn, start, end, text: p.text, role, speaker, speakerKey });
    }
  });
  return units;
}

function wholeTurn(text: string): Array<{ text: string; start: number; end: number }> {
  const start = text.length - text.trimStart().length;
  const trimmed = text.trim();
  return trimmed ? [{ text: trimmed, start, end: start + trimmed.length }] : [];
}
