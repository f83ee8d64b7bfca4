import { describe, expect, it } from 'vitest';
import { detectTextFormat } from '../../../../electron/import/detectFormat.js';
import { isNumberedLines, structureNumberedLines } from '../../../../electron/import/numberedLines.js';
import { parseFile } from '../../../../electron/import/parseFile.js';

const WITH_LABELS = ['1\tHOLT\tGood evening from Hofstra University.\t0', '2\tSYSTEM\t(APPLAUSE)\t0', '3\tTRUMP\tOur jobs are fleeing the country, "they said.\t1', '4\tCLINTON\tThat is not true.\t0'].join('\n');
const WITHOUT_LABELS = WITH_LABELS.split('\n')
  .map((l) => l.replace(/\t[01]$/, ''))
  .join('\r\n');

describe('numbered lines (CLEF CheckThat! style)', () => {
  it('are recognised with or without a label column, whatever the file is called', () => {
    expect(isNumberedLines(WITH_LABELS)).toBe(true);
    expect(isNumberedLines(WITHOUT_LABELS)).toBe(true);
    expect(isNumberedLines('HOLT: Good evening.\nTRUMP: Thank you.')).toBe(false);
    expect(detectTextFormat('debate.txt', WITHOUT_LABELS)).toBe('csv');
  });

  it('make one turn per line: speakers, stage lines, line numbers and labels kept, quotes left as text', () => {
    const doc = structureNumberedLines(WITH_LABELS, { title: 'first debate' });
    expect(doc.turns).toHaveLength(4);
    expect(doc.speakers.map((s) => s.name)).toEqual(['Holt', 'Trump', 'Clinton']);
    expect(doc.turns[1]).toMatchObject({ speaker: null, kind: 'stage', text: '(APPLAUSE)', metadata: { line: '2', label: '0', speaker: 'SYSTEM' } });
    expect(doc.turns[2]).toMatchObject({ kind: 'speech', text: 'Our jobs are fleeing the country, "they said.', metadata: { line: '3', label: '1' } });
    const plain = structureNumberedLines(WITHOUT_LABELS, { title: 't' });
    expect(plain.turns[3]!.text).toBe('That is not true.');
    expect(plain.turns[3]!.metadata).toEqual({ line: '4' });
  });

  it('go through the import pipeline from a .tsv or .txt file', async () => {
    for (const name of ['debate.tsv', 'debate.txt']) {
      const parsed = await parseFile(name, new TextEncoder().encode(WITHOUT_LABELS));
      expect(parsed.documents[0]!.turns).toHaveLength(4);
    }
  });
});
