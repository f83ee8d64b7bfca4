import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../../../electron/import/parseFile.js';
import { structureTranscript } from '../../../../electron/import/transcript.js';
import type { ParsedDocument } from '../../../../shared/import/parsedDocument.js';

// Issue 12, items 8 and 9: what scraped network transcripts do to the importer.
const fixture = (name: string): string => readFileSync(path.join(import.meta.dirname, '../../../fixtures/import', name), 'utf8');
const rows = (doc: ParsedDocument) =>
  doc.turns.map((t) => {
    const s = doc.speakers.find((x) => x.id === t.speaker);
    return [t.kind, s ? `${s.name}${s.uncertain ? ' (uncertain)' : ''}` : null, t.text];
  });

describe('a scraped network transcript (CNN style, labels in capitals)', () => {
  const doc = structureTranscript(fixture('scraped-debate.txt'), { format: 'text', title: 'scraped-debate' });
  const turns = rows(doc);

  it('splits a line at every known speaker label into turns of their own', () => {
    expect(turns).toContainEqual(['speech', 'Bush', "It's a public use."]);
    expect(turns).toContainEqual(['speech', 'Trump', 'Real -- a public use?']);
    const i = turns.findIndex((t) => t[2]?.startsWith('What Donald Trump did'));
    expect(turns.slice(i, i + 4)).toEqual([
      ['speech', 'Bush', 'What Donald Trump did was use eminent domain to try to take the property of an elderly woman on the strip in Atlantic City. That is not public purpose, that is downright wrong.'],
      ['speech', 'Trump', 'Jeb wants to be a tough guy tonight.'],
      ['speech', 'Bush', 'How tough is it to take property from an elderly woman?'],
      ['speech', 'Trump', 'Let me talk. Quiet.'],
    ]);
  });

  it('never splits inside quoted speech, nor at an organisation in capitals', () => {
    expect(turns).toContainEqual(['speech', 'Raddatz', 'Senator Rubio, the same question. He told me, "BUSH: you will lose," but I want your answer.']);
    expect(turns).toContainEqual(['speech', 'Rubio', 'I\'ll finish, if I may. He says, and I quote, "TRUMP: we will build the wall." We will see.']);
    expect(turns).toContainEqual(['speech', 'Muir', 'Thank you, Senator. NATO: is it obsolete? Governor Christie?']);
    expect(doc.speakers.map((s) => s.name)).not.toContain('Nato');
  });

  it('makes uncertain labels speakers flagged uncertain, never text of the turn before nor the person they may name', () => {
    expect(turns).toContainEqual(['speech', 'Unidentified Male (uncertain)', 'Let him talk!']);
    expect(turns).toContainEqual(['speech', "Bush (?) (uncertain)", "That's not true."]);
    expect(turns.find((t) => t[2] === "We can't hear you.")).toEqual(['speech', expect.stringMatching(/uncertain/), "We can't hear you."]);
    const bush = doc.speakers.filter((s) => s.name.startsWith('Bush'));
    expect(bush.map((s) => Boolean(s.uncertain)).sort()).toEqual([false, true]);
    for (const t of turns) expect(t[2]).not.toMatch(/UNIDENTIFIED|UNKNOWN|\(\?\)/);
  });

  it('leaves no stage direction or label text inside a turn, at the start or the end of a line', () => {
    expect(turns).toContainEqual(['speech', 'Rubio', 'Thank you. Let me say this about the Constitution. The government does not create our rights, our rights come from God.']);
    const stages = turns.filter((t) => t[0] === 'stage').map((t) => t[2]);
    expect(stages).toEqual(['(APPLAUSE)', '(BOOING)', '(CROSSTALK)', '(APPLAUSE)', '(BELL RINGING)', '(LAUGHTER)', '(APPLAUSE)']);
    for (const t of turns.filter((x) => x[0] === 'speech')) {
      expect(t[2]).not.toMatch(/\((?:APPLAUSE|BOOING|CROSSTALK|BELL RINGING|LAUGHTER)\)/);
      expect(t[2]).not.toMatch(/^[A-Z]{3,}:/);
    }
  });

  it('is read as a transcript through the import route, with the flag kept', async () => {
    const parsed = await parseFile('scraped-debate.txt', new TextEncoder().encode(fixture('scraped-debate.txt')));
    const d = parsed.documents[0]!;
    expect(d.speakers.filter((s) => s.uncertain).length).toBe(3);
    expect(d.turns.filter((t) => t.kind === 'speech').length).toBeGreaterThan(15);
  });
});

describe('mid-line labels in a transcript with labels in ordinary case', () => {
  const doc = structureTranscript(fixture('midline-mixed-case.txt'), { format: 'text', title: 'midline' });
  const turns = rows(doc);

  it('splits at names the document uses as labels elsewhere, even before their first label at a line start', () => {
    expect(turns.slice(1, 5)).toEqual([
      ['speech', 'Clinton', 'Well, I will tell you what I want to do.'],
      ['speech', 'Trump', "She doesn't want to do anything."],
      ['speech', 'Clinton', 'I want to make the economy work for everyone.'],
      ['speech', 'Raddatz', 'Thank you.'],
    ]);
    expect(turns).toContainEqual(['speech', 'Cooper', 'Mr. Trump, thank you.']);
  });

  it('keeps a word with a colon that is no speaker of the document (Note:, Audience member:) in the speech', () => {
    expect(turns).toContainEqual(['speech', 'Trump', 'Look, the carried interest provision. Note: we will get to that.']);
    expect(turns).toContainEqual(['speech', 'Cooper', "Let's move on. Audience member: What about jobs?"]);
    expect(turns).toContainEqual(['speech', 'Clinton', 'My plan says, "Trump: pay your fair share." That\'s all.']);
    expect(doc.speakers.map((s) => s.name).sort()).toEqual(['Clinton', 'Cooper', 'Raddatz', 'Trump']);
  });
});
