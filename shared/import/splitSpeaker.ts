import type { ParsedDocument } from './parsedDocument.js';

/** The labels a parsed speaker's turns were written under (turn.metadata.label), with how many turns each. */
export function speakerLabels(doc: ParsedDocument, speakerId: string): { label: string; turns: number }[] {
  const counts = new Map<string, number>();
  for (const turn of doc.turns) {
    const label = turn.metadata?.label;
    if (turn.speaker === speakerId && label) counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return [...counts].map(([label, turns]) => ({ label, turns }));
}

/**
 * Splits the turns written under one label off a speaker into a new speaker, for when the importer merged two
 * people (MARSH the moderator and MARSH the panelist). Returns the new document and the new speaker's id.
 */
export function splitSpeaker(doc: ParsedDocument, speakerId: string, label: string): { doc: ParsedDocument; newId: string } {
  const source = doc.speakers.find((s) => s.id === speakerId);
  if (!source) throw new Error(`No speaker ${speakerId} to split.`);
  let n = doc.speakers.length + 1;
  while (doc.speakers.some((s) => s.id === `s${n}`)) n += 1;
  const newId = `s${n}`;
  const moved = new Set<number>();
  const turns = doc.turns.map((turn, index) => {
    if (turn.speaker !== speakerId || turn.metadata?.label !== label) return turn;
    moved.add(index);
    return { ...turn, speaker: newId };
  });
  if (moved.size === 0) return { doc, newId: speakerId };
  const speakers = [
    ...doc.speakers.map((s) => (s.id === speakerId ? { ...s, aliases: s.aliases.filter((a) => a !== label) } : s)),
    { id: newId, name: label, aliases: [] },
  ];
  const quotes = doc.quotes.map((q) => (q.speaker === speakerId && moved.has(q.turn) ? { ...q, speaker: newId } : q));
  return { doc: { ...doc, speakers, turns, quotes }, newId };
}
