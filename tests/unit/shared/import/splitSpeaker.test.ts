import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { structureTranscript } from '../../../../electron/import/transcript.js';
import { speakerLabels, splitSpeaker } from '../../../../shared/import/splitSpeaker.js';

const transcript = readFileSync(path.resolve(import.meta.dirname, '../../../fixtures/import/labels-colon.txt'), 'utf8');

describe('splitting a merged speaker on the review screen', () => {
  const doc = structureTranscript(transcript, { format: 'text' });
  const marsh = doc.speakers.find((s) => s.name === 'Helen Marsh')!;

  it('knows which labels each speaker’s turns were written under', () => {
    expect(speakerLabels(doc, marsh.id).map((l) => l.label).sort()).toEqual(['HELEN MARSH', 'MARSH', 'MODERATOR (HELEN MARSH)']);
  });

  it('moves the turns of one label to a new speaker and leaves the rest', () => {
    const { doc: split, newId } = splitSpeaker(doc, marsh.id, 'MARSH');
    expect(newId).not.toBe(marsh.id);
    expect(split.speakers.find((s) => s.id === newId)).toEqual({ id: newId, name: 'MARSH', aliases: [] });
    expect(split.speakers.find((s) => s.id === marsh.id)!.aliases).not.toContain('MARSH');
    const moved = split.turns.filter((t) => t.speaker === newId);
    expect(moved.map((t) => t.text)).toEqual(['Mr Smith?']);
    expect(split.turns.filter((t) => t.speaker === marsh.id).map((t) => t.text)).toEqual([expect.stringContaining('Good evening'), 'Thank you both.']);
    expect(split.turns).toHaveLength(doc.turns.length);
  });

  it('does nothing for a label the speaker never used', () => {
    expect(splitSpeaker(doc, marsh.id, 'CORBYN')).toEqual({ doc, newId: marsh.id });
  });
});
