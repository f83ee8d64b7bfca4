import { describe, expect, it } from 'vitest';
import { splitParagraphs, structureArticle } from '../../../../electron/import/article.js';
import { findQuotes } from '../../../../electron/import/articleQuotes.js';
import { MAX_SPEAKERS } from '../../../../electron/import/speakers.js';
import { structureTranscript } from '../../../../electron/import/transcript.js';

// Issue 12, item 10: hostile input has a bounded cost. Time and memory are measured by tests/bench/
// importWorstCases.bench.ts; these tests hold the behaviour that makes them bounded, and check it changes no answer.

// The closing single quote as the importer always looked for it: from each opener, a scan of the rest of the text
// (quadratic on a line of stray apostrophes). The linear search must give the same answer on every input.
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
function referenceCloser(text: string, from: number): number {
  for (let j = from; j < text.length; j++) {
    const c = text[j]!;
    if (c === '“' || c === '"') return -1;
    if (c !== '’' && c !== "'") continue;
    const before = text[j - 1] ?? ' ';
    const after = text[j + 1] ?? ' ';
    if (/\s/.test(before) || LETTER_OR_DIGIT.test(after)) continue;
    if (before === 's' && /\s/.test(after) && !/[.,!?;:]/.test(text[j - 2] ?? '')) {
      if (/^\s+\p{Ll}/u.test(text.slice(j + 1)) && referenceCloser(text, j + 1) !== -1) continue;
    }
    return j;
  }
  return -1;
}
function referenceQuotes(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const closers: Record<string, string> = { '“': '”', '"': '"', '„': '“”', '«': '»' };
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const prev = i > 0 ? text[i - 1]! : ' ';
    const next = text[i + 1] ?? '';
    const close = closers[c];
    if (close !== undefined && (c !== '"' || (next !== '' && !/\s/.test(next)))) {
      let j = i + 1;
      while (j < text.length && !close.includes(text[j]!)) j++;
      out.push([i, j < text.length ? j + 1 : text.length]);
      i = j < text.length ? j + 1 : text.length;
      continue;
    }
    if ((c === '‘' || c === "'") && /[\s([{—–\-/:;,]/u.test(prev) && LETTER_OR_DIGIT.test(next)) {
      const j = referenceCloser(text, i + 1);
      if (j !== -1) {
        out.push([i, j + 1]);
        i = j + 1;
        continue;
      }
    }
    i++;
  }
  return out;
}

describe('the quote finder', () => {
  it('finds the same quotations as a scan from every opener, on random mixes of quotes and apostrophes', () => {
    let seed = 1;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pieces = [' ', ' ', 'a', 's', 'members', '’', "'", '‘', '“', '”', '"', '.', ',', 'don’t', ' spending', ' The'];
    for (let n = 0; n < 3000; n++) {
      let text = '';
      for (let k = 0, len = 1 + Math.floor(rand() * 40); k < len; k++) text += pieces[Math.floor(rand() * pieces.length)];
      expect(findQuotes(text).map((q) => [q.start, q.end]), JSON.stringify(text)).toEqual(referenceQuotes(text));
    }
  });

  it('reads plural possessives and nested single quotes as before', () => {
    const text = `He said the members’ spending was 'not enough' and 'the ministers' plans' failed.`;
    expect(findQuotes(text).map((q) => text.slice(q.innerStart, q.innerEnd))).toEqual(['not enough', 'the ministers’ plans'.replace('’', "'")]);
  });
});

describe('an article of one enormous line', () => {
  it('still attributes quotations far into a paragraph longer than any real one, read in pieces', () => {
    const filler = 'The council met again on Tuesday and the debate went on for a long while. '.repeat(1500);
    const text = `${filler}“We will not cut the budget for schools,” said Priya Patel. ${filler}Ms Patel told reporters: “The money is there.” ${filler}`;
    expect(text.length).toBeGreaterThan(200_000);
    const doc = structureArticle(text, { format: 'text' });
    expect(doc.turns).toHaveLength(1);
    const patel = doc.speakers.find((s) => s.name === 'Priya Patel');
    expect(doc.quotes.map((q) => [q.speaker === patel?.id, q.text])).toEqual([
      [true, 'We will not cut the budget for schools'],
      [true, 'The money is there.'],
    ]);
  });

  it('reads paragraphs line by line with the same result: blank lines, carriage returns and odd spaces', () => {
    const paragraphs = splitParagraphs('one\n\n\n  two  \r\n\n three\u00a0 four ');
    expect(paragraphs).toEqual(['one', 'two', 'three four']);
  });
});

describe('a transcript of many distinct labels', () => {
  it('keeps the first 5,000 speakers and the text of the rest, with a warning, in one reading', () => {
    const lines = ['HOSTILE TRANSCRIPT', ''];
    const n = MAX_SPEAKERS + 1_000;
    for (let i = 0; i < n; i++) {
      let name = '';
      for (let v = i; name === '' || v > 0; v = Math.floor(v / 26)) name = String.fromCharCode(65 + (v % 26)) + name;
      lines.push(`SPEAKER ${name}: Yes, we did that again.`);
    }
    const doc = structureTranscript(lines.join('\n'), { format: 'text' });
    expect(doc.speakers).toHaveLength(MAX_SPEAKERS);
    expect(doc.warnings.join(' ')).toMatch(/more than 5,000 different speakers; 1,000 label\(s\)/);
    // Every line is still there: 5,000 as labelled turns, the rest with their label as text.
    const kept = doc.turns.map((t) => t.text).join('\n');
    expect(kept.match(/SPEAKER [A-Z]+: Yes/g)).toHaveLength(1_000);
    expect(kept.match(/Yes, we did that again\./g)).toHaveLength(n);
  });
});
