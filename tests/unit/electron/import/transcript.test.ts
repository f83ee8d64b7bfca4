import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSpeakerLabel, isTranscriptLike, structureTranscript } from '../../../../electron/import/transcript.js';

const fixture = (name: string): string => readFileSync(path.join(import.meta.dirname, '../../../fixtures/import', name), 'utf8');
const speakerName = (doc: ReturnType<typeof structureTranscript>, id: string | null): string | null =>
  id === null ? null : (doc.speakers.find((s) => s.id === id)?.name ?? '?');

describe('structureTranscript', () => {
  it('reads colon labels of every shape and merges the aliases of one person', () => {
    const doc = structureTranscript(fixture('labels-colon.txt'), { format: 'text', title: 'labels-colon' });
    expect(doc.title).toBe('LABOUR LEADERSHIP DEBATE');
    expect(doc.date).toBe('2016-08-04');
    expect(doc.speakers.map((s) => s.name)).toEqual(['Helen Marsh', 'Jeremy Corbyn', 'Owen Smith']);
    expect(doc.speakers[0]).toMatchObject({ role: 'moderator', aliases: ['MODERATOR (HELEN MARSH)', 'MARSH'] });
    expect(doc.turns.map((t) => [t.kind, speakerName(doc, t.speaker), t.text])).toEqual([
      ['narration', null, 'BBC Studios, London, 4 August 2016'],
      ['speech', 'Helen Marsh', 'Good evening and welcome. Mr Corbyn, would you defend a NATO ally?'],
      ['speech', 'Jeremy Corbyn', 'You would obviously try to avoid that happening in the first place.\n\nI would build up a good dialogue with Russia.'],
      ['speech', 'Helen Marsh', 'Mr Smith?'],
      ['speech', 'Owen Smith', 'We would have to come to the aid of a fellow member of NATO. That is the nature of the NATO accord.'],
      ['stage', null, '(APPLAUSE)'],
      ['speech', 'Owen Smith', 'And we must never see that happen.'],
      ['speech', 'Helen Marsh', 'Thank you both.'],
      ['stage', null, '[CROSSTALK]'],
      ['speech', 'Jeremy Corbyn', "I don't wish to go to war."],
      ['stage', null, '(LAUGHTER)'],
      ['speech', 'Jeremy Corbyn', 'That can be done.'],
    ]);
  });

  it('reads a name alone on its line as the speaker of the text below it', () => {
    const doc = structureTranscript(fixture('labels-alone.txt'), { format: 'text' });
    expect(doc.title).toBe('Hustings at the Town Hall');
    expect(doc.turns.map((t) => [speakerName(doc, t.speaker), t.text])).toEqual([
      [null, 'Venue: Town Hall, Leeds'],
      ['Jeremy Corbyn', "I don't wish to go to war."],
      ['Owen Smith', 'We would have to come to the aid of a fellow member.'],
      ['Jeremy Corbyn', "What I want to do is achieve a world where we don't need to go to war."],
    ]);
  });

  it('keeps a one-off heading in ordinary case as text', () => {
    const doc = structureTranscript('CORBYN: Hello.\n\nOpening Statements\nThe moderator then spoke.\n\nSMITH: Hi.', { format: 'text' });
    expect(doc.speakers.map((s) => s.name)).toEqual(['Corbyn', 'Smith']);
    expect(doc.turns[0]?.text).toBe('Hello.\n\nOpening Statements The moderator then spoke.');
  });

  it('turns bracketed timestamps into start seconds', () => {
    const doc = structureTranscript(fixture('timestamps.txt'), { format: 'text' });
    expect(doc.turns.map((t) => [speakerName(doc, t.speaker), t.start, t.text])).toEqual([
      ['Presenter', 5, 'Good morning.'],
      ['Corbyn', 751, 'Good morning to you.'],
      ['Smith', 3723, 'Thank you.'],
      ['Smith', 3900, 'And one more thing from me.'],
    ]);
    expect(doc.speakers[0]?.role).toBe('moderator');
  });

  it('reads timestamps between label and colon and after the colon', () => {
    const doc = structureTranscript('CORBYN [00:01:02]: One.\nSMITH: [1:00:00] Two.', { format: 'text' });
    expect(doc.turns.map((t) => t.start)).toEqual([62, 3600]);
    expect(doc.turns.map((t) => t.text)).toEqual(['One.', 'Two.']);
  });

  it('strips Markdown emphasis from labels and takes the heading as title', () => {
    const doc = structureTranscript(fixture('transcript.md'), { format: 'markdown' });
    expect(doc.title).toBe("Leaders' Debate");
    expect(doc.speakers.map((s) => [s.name, s.role])).toEqual([['Jane Doe', 'moderator'], ['Clinton', undefined], ['Trump', undefined]]);
    expect(doc.turns.at(-1)).toEqual({ speaker: null, kind: 'stage', text: '(APPLAUSE)' });
  });

  it('takes list markers, quote marks and rules off Markdown lines, and leaves bold labels to be read as labels', () => {
    const md = [
      '# Debate',
      '',
      '**CORBYN:** We would **not** go to war.',
      '',
      '- **SMITH:** Nor would I.',
      '',
      '***',
      '',
      '  * CORBYN: A list item, *indented*.',
      '',
      '> **SMITH:** Quoted.',
      '',
      '+ -minus in the text stays',
    ].join('\n');
    const doc = structureTranscript(md, { format: 'markdown' });
    expect(doc.title).toBe('Debate');
    expect(doc.turns.map((t) => [doc.speakers.find((s) => s.id === t.speaker)?.name ?? null, t.text])).toEqual([
      ['Corbyn', 'We would not go to war.'],
      ['Smith', 'Nor would I.'],
      ['Corbyn', 'A list item, *indented*.'],
      ['Smith', 'Quoted.\n\n-minus in the text stays'],
    ]);
  });

  it('falls back to the given title when the text starts with a speaker', () => {
    const doc = structureTranscript('A: no\nCORBYN: Yes.\nSMITH: No.', { format: 'text', title: 'debate.txt' });
    expect(doc.title).toBe('A: no');
    const doc2 = structureTranscript('CORBYN: Yes.\nSMITH: No.', { format: 'text', title: 'debate' });
    expect(doc2.title).toBe('debate');
  });
});

describe('isSpeakerLabel', () => {
  it.each(['CORBYN', 'Jeremy Corbyn', 'MR. SMITH', 'MODERATOR (JANE DOE)', 'Ursula von der Leyen', "O'BRIEN"])('accepts %s', (label) => {
    expect(isSpeakerLabel(label)).toBe(true);
  });
  it.each(['He said', 'Date', 'Venue', 'Transcript', 'Updated 10', 'Mr Corbyn was asked how he would react', 'http', 'A', 'London, 4 August'])(
    'refuses %s',
    (label) => {
      expect(isSpeakerLabel(label)).toBe(false);
    },
  );
});

describe('isTranscriptLike', () => {
  it('says yes to labelled transcripts of each shape', () => {
    for (const name of ['labels-colon.txt', 'labels-alone.txt', 'timestamps.txt', 'transcript.md']) expect(isTranscriptLike(fixture(name)), name).toBe(true);
  });
  it('says no to the seed news article, whose quotes follow "He said:"', () => {
    expect(isTranscriptLike(fixture('seed/corbyn-nato-article.txt'))).toBe(false);
  });
  it('says no to prose with a header line or two', () => {
    expect(isTranscriptLike('Date: 4 August\nVenue: Leeds\n\nThe debate was lively.\n\nNote: it ran late.')).toBe(false);
  });
});
