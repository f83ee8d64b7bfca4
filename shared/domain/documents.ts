import { newId, nowIso } from '../ids.js';
import type { ParsedDocument } from '../import/parsedDocument.js';
import type { AttributedQuote, Debate, DebateKind, DocumentFormat, DocumentRecord, Participant, ParticipantRole, Person, Turn } from '../model.js';
import { speakerColor } from '../speakerColors.js';
import { ValidationError, normaliseName } from './debates.js';
import type { Store } from './store.js';

/** What the user decided for one detected speaker on the review screen. */
export interface SpeakerDecision {
  /** The parse-local speaker id (ParsedSpeaker.id). */
  parsedId: string;
  name: string;
  aliases: string[];
  role: ParticipantRole;
  party?: string;
  /** An existing person this speaker is, or undefined to create a new person. */
  personId?: string;
  /** Merge this speaker into another parsed speaker (its turns are reassigned). */
  mergeInto?: string;
}

export interface SaveImportInput {
  parsed: ParsedDocument;
  /** The file in the vault. */
  fileHash: string;
  fileName: string;
  /** Into an existing debate, or a new one described here. */
  target: { debateId: string } | { newDebate: { title: string; date?: string; venue?: string; kind: DebateKind } };
  speakers: SpeakerDecision[];
  title?: string;
}

export interface SavedImport {
  debate: Debate;
  document: DocumentRecord;
  people: Person[];
  turnCount: number;
}

/** Separates turns in a document's text; anchors count characters in this text. */
export const TURN_SEPARATOR = '\n\n';

/**
 * Saves a reviewed import in ONE transaction: the debate (if new), new people, participants, the document and all
 * its turns. If anything fails, nothing is stored.
 */
export async function saveImportedDocument(store: Store, input: SaveImportInput): Promise<SavedImport> {
  const { parsed } = input;
  if (parsed.turns.length === 0) throw new ValidationError('The document has no text to save.');
  return store.transaction(`Import “${input.title ?? parsed.title}”`, async (tx) => {
    const now = nowIso();
    let debate: Debate;
    if ('debateId' in input.target) {
      const existing = await tx.get('debates', input.target.debateId);
      if (!existing) throw new ValidationError('The debate chosen for this document no longer exists.');
      debate = existing;
    } else {
      const d = input.target.newDebate;
      if (!d.title.trim()) throw new ValidationError('The new debate needs a title.');
      debate = { id: newId('deb_'), title: d.title.trim(), kind: d.kind, createdAt: now, updatedAt: now };
      if (d.date) debate.date = d.date;
      if (d.venue) debate.venue = d.venue;
      await tx.put('debates', debate);
    }

    // Resolve merges: a speaker merged into another takes that one's decision.
    const byParsed = new Map(input.speakers.map((s) => [s.parsedId, s]));
    const finalOf = (id: string): SpeakerDecision | undefined => {
      let decision = byParsed.get(id);
      const seen = new Set<string>();
      while (decision?.mergeInto && !seen.has(decision.parsedId)) {
        seen.add(decision.parsedId);
        decision = byParsed.get(decision.mergeInto) ?? decision;
        if (!decision.mergeInto) break;
      }
      return decision;
    };

    const people: Person[] = [];
    const personFor = new Map<string, string>(); // parsedId of a final decision → personId
    const participants = await tx.where('participants', 'debateId', debate.id);
    let peopleCount = (await tx.all('people')).length;
    for (const decision of input.speakers.filter((s) => !s.mergeInto)) {
      const mergedAliases = input.speakers.filter((s) => s.mergeInto && finalOf(s.parsedId) === decision).flatMap((s) => [s.name, ...s.aliases]);
      const aliases = unique([...decision.aliases, ...mergedAliases].filter((a) => normaliseName(a) !== normaliseName(decision.name)));
      let person = decision.personId ? await tx.get('people', decision.personId) : undefined;
      if (decision.personId && !person) throw new ValidationError(`The person chosen for ${decision.name} no longer exists.`);
      if (person) {
        const known = new Set([person.name, ...person.aliases].map(normaliseName));
        const extra = [decision.name, ...aliases].filter((a) => !known.has(normaliseName(a)));
        if (extra.length > 0 || (decision.party && !person.party)) {
          person = { ...person, aliases: unique([...person.aliases, ...extra]), updatedAt: now };
          if (decision.party && !person.party) person.party = decision.party;
          await tx.put('people', person);
        }
      } else {
        person = { id: newId('per_'), name: decision.name.trim(), aliases, color: speakerColor(peopleCount++), createdAt: now, updatedAt: now };
        if (decision.party) person.party = decision.party;
        await tx.put('people', person);
      }
      people.push(person);
      personFor.set(decision.parsedId, person.id);
      if (!participants.some((p) => p.personId === person.id)) {
        const participant: Participant = { id: newId('par_'), debateId: debate.id, personId: person.id, role: decision.role, createdAt: now, updatedAt: now };
        if (decision.party) participant.party = decision.party;
        participants.push(participant);
        await tx.put('participants', participant);
      }
    }
    const personOf = (parsedId: string | null): string | null => {
      if (parsedId === null) return null;
      const decision = finalOf(parsedId);
      return decision ? (personFor.get(decision.parsedId) ?? null) : null;
    };

    const documentId = newId('doc_');
    const turns: Turn[] = [];
    let offset = 0;
    parsed.turns.forEach((t, index) => {
      const turn: Turn = { id: newId('trn_'), documentId, index, personId: t.kind === 'speech' ? personOf(t.speaker) : null, kind: t.kind, text: t.text, offset };
      if (t.start !== undefined) turn.start = t.start;
      if (t.end !== undefined) turn.end = t.end;
      if (t.metadata && Object.keys(t.metadata).length > 0) turn.metadata = t.metadata;
      turns.push(turn);
      offset += t.text.length + TURN_SEPARATOR.length;
    });
    const text = parsed.turns.map((t) => t.text).join(TURN_SEPARATOR);

    const quotes: AttributedQuote[] = [];
    for (const q of parsed.quotes) {
      const turn = turns[q.turn];
      const personId = personOf(q.speaker);
      if (!turn || !personId) continue;
      const at = turn.text.indexOf(q.text);
      if (at < 0) continue;
      quotes.push({ personId, start: turn.offset + at, end: turn.offset + at + q.text.length, turnIndex: q.turn });
    }

    const document: DocumentRecord = {
      id: documentId,
      debateId: debate.id,
      title: (input.title ?? parsed.title).trim() || input.fileName,
      format: parsed.format as DocumentFormat,
      fileHash: input.fileHash,
      fileName: input.fileName,
      text,
      version: 1,
      quotes,
      createdAt: now,
      updatedAt: now,
    };
    if (parsed.date) document.metadata = { date: parsed.date };
    await tx.put('documents', document);
    for (const turn of turns) await tx.put('turns', turn);
    return { debate, document, people, turnCount: turns.length };
  });
}

/** Suggests, for each parsed speaker, an existing person with the same name or alias (the user confirms). */
export function suggestPeople(parsedNames: { id: string; name: string; aliases: string[] }[], people: Person[]): Map<string, Person> {
  const index = new Map<string, Person>();
  for (const person of people) for (const n of [person.name, ...person.aliases]) index.set(normaliseName(n), person);
  const out = new Map<string, Person>();
  for (const s of parsedNames) {
    const hit = [s.name, ...s.aliases].map((n) => index.get(normaliseName(n))).find(Boolean);
    if (hit) out.set(s.id, hit);
  }
  return out;
}

function unique(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = normaliseName(v);
    if (!v.trim() || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
