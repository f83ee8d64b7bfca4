import type { ParsedDocument } from '../import/parsedDocument.js';
import type { DebateKind, DocumentRecord, Participant, Person, Turn } from '../model.js';
import type { TriageDocumentKind } from './model.js';
import type { RoleSpeaker } from './roles.js';
import type { TriageInput, TriageTurn } from './triageDocument.js';

/**
 * What triage reads, from the two places documents live: a fresh parse (the command line, before anything is
 * stored) and the library's records (the app). Both lay the turns out exactly as the stored document text does
 * (turns joined by a blank line), so offsets from either point at the same characters.
 */

const SEPARATOR = '\n\n';

/** A parsed document as triage input; offsets are those the document will have once saved. */
export function triageInputFromParsed(doc: ParsedDocument): TriageInput {
  let offset = 0;
  const turns: TriageTurn[] = doc.turns.map((t, index) => {
    const turn: TriageTurn = { index, speaker: t.kind === 'speech' ? t.speaker : null, kind: t.kind, text: t.text, offset };
    offset += t.text.length + SEPARATOR.length;
    return turn;
  });
  const speakers: RoleSpeaker[] = doc.speakers.map((s) => {
    const speaker: RoleSpeaker = { key: s.id, name: s.name, aliases: s.aliases };
    if (s.role) speaker.role = s.role;
    return speaker;
  });
  const quotes = doc.quotes.flatMap((q) => {
    const turn = turns[q.turn];
    const at = turn ? turn.text.indexOf(q.text) : -1;
    return turn && at >= 0 ? [{ start: turn.offset + at, end: turn.offset + at + q.text.length, speaker: q.speaker }] : [];
  });
  const input: TriageInput = { turns, speakers, quotes };
  if (doc.turns.some((t) => t.kind === 'narration') && doc.format === 'html') input.kind = 'article';
  return input;
}

/** The kind of document a debate record's kind implies, when it implies one. */
export function kindOfDebate(kind: DebateKind | undefined): TriageDocumentKind | undefined {
  if (kind === 'interview') return 'interview';
  if (kind === 'article') return 'article';
  return undefined;
}

/** A stored document, its turns and the debate's participants as triage input. */
export function triageInputFromRecords(
  document: Pick<DocumentRecord, 'quotes'>,
  turns: readonly Turn[],
  people: readonly Person[],
  participants: readonly Participant[],
  debateKind?: DebateKind,
): TriageInput {
  const ordered = [...turns].sort((a, b) => a.index - b.index);
  const roleOf = new Map(participants.map((p) => [p.personId, p.role]));
  const used = new Set(ordered.flatMap((t) => (t.personId ? [t.personId] : [])));
  for (const q of document.quotes ?? []) used.add(q.personId);
  const speakers: RoleSpeaker[] = people
    .filter((p) => used.has(p.id))
    .map((p) => {
      const speaker: RoleSpeaker = { key: p.id, name: p.name, aliases: p.aliases };
      const role = roleOf.get(p.id);
      // A participant saved as "candidate" may only be the import's default; structure decides unless the role says more.
      if (role && role !== 'candidate') speaker.role = role;
      return speaker;
    });
  const input: TriageInput = {
    turns: ordered.map((t) => ({ index: t.index, speaker: t.kind === 'speech' ? t.personId : null, kind: t.kind, text: t.text, offset: t.offset })),
    speakers,
    quotes: (document.quotes ?? []).map((q) => ({ start: q.start, end: q.end, speaker: q.personId })),
  };
  const kind = kindOfDebate(debateKind);
  if (kind) input.kind = kind;
  return input;
}
