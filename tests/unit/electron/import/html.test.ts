import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ParsedDocument } from '../../../../shared/import/parsedDocument.js';
import { blockText, parseHtml } from '../../../../electron/import/html.js';
import { ImportError } from '../../../../electron/import/importError.js';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../../../../tests/fixtures/import/articles/${name}`, import.meta.url)), 'utf8');

function quotesOf(doc: ParsedDocument, name: string): string[] {
  const id = doc.speakers.find((s) => s.name === name)?.id;
  expect(id, `speaker ${name}`).toBeDefined();
  return doc.quotes.filter((q) => q.speaker === id).map((q) => q.text);
}

describe('parseHtml on a news page', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    delete (globalThis as Record<string, unknown>).__pwned;
  });

  it('keeps the article body only: no navigation, scripts, styles, captions, related links or comments', () => {
    const doc = parseHtml(fixture('guardian-style.html'), 'guardian-style.html');
    const all = doc.turns.map((t) => t.text).join('\n');
    for (const noise of ['Politics', 'Sport', 'font-family', 'alert(', 'Related stories', 'TrainFan99', 'Huddersfield', 'All rights reserved', 'Photograph', 'tracker']) {
      expect(all).not.toContain(noise);
    }
    expect(doc.turns[0]!.text).toMatch(/^The transport secretary, Helen Marsh, has defended/);
    expect(doc.turns.at(-1)!.text).toMatch(/^Passenger groups said the so-called/);
    expect(doc.turns).toHaveLength(8);
  });

  it('takes the headline from the page’s h1 and the date from its metadata', () => {
    const doc = parseHtml(fixture('guardian-style.html'), 'guardian-style.html');
    expect(doc.title).toBe('Minister defends rail fares rise');
    expect(doc.date).toBe('2023-01-04');
    expect(doc.format).toBe('html');
  });

  it('attributes block, inline and partial quotes, curly and straight, before and after the speaker', () => {
    const doc = parseHtml(fixture('guardian-style.html'), 'guardian-style.html');
    expect(quotesOf(doc, 'Helen Marsh')).toEqual([
      'real improvements within a year',
      'Nobody likes paying more. But every penny of this goes back into the railway, into new trains and better signalling.',
      'We have frozen fares for two years. This is the price of keeping the network running.',
    ]);
    expect(quotesOf(doc, 'Daniel Price')).toEqual([
      'a kick in the teeth for commuters',
      'Fares have gone up three times faster than wages',
      'Families are paying the price for years of failure.',
    ]);
    expect(doc.speakers.find((s) => s.name === 'Helen Marsh')!.aliases).toEqual(expect.arrayContaining(['Ms Marsh', 'The transport secretary']));
    const texts = doc.quotes.map((q) => q.text);
    expect(texts).not.toContain('daylight robbery');
    expect(texts).not.toContain('flexible season ticket');
    const speech = doc.turns.filter((t) => t.kind === 'speech');
    expect(speech.map((t) => doc.speakers.find((s) => s.id === t.speaker)!.name)).toEqual(['Helen Marsh', 'Daniel Price']);
  });

  it('never runs the page’s scripts or fetches what it refers to', () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    parseHtml(fixture('guardian-style.html'), 'guardian-style.html');
    expect((globalThis as Record<string, unknown>).__pwned).toBeUndefined();
    expect(fetchSpy).not.toHaveBeenCalled();
  });
});

describe('parseHtml on a transcript page', () => {
  it('structures a transcript body as speakers and turns, not as an article', () => {
    const doc = parseHtml(fixture('debate-transcript.html'), 'debate-transcript.html');
    expect(doc.title).toBe('Transcript: Labour leadership hustings, Cardiff');
    const names = doc.speakers.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['Helen Marsh']));
    expect(names.some((n) => /corbyn/i.test(n))).toBe(true);
    expect(doc.turns.some((t) => t.kind === 'stage' && t.text === '(APPLAUSE)')).toBe(true);
    expect(doc.turns.map((t) => t.text).join(' ')).not.toContain('Great debate');
    const marsh = doc.speakers.find((s) => s.name === 'Helen Marsh')!.id;
    expect(doc.turns.filter((t) => t.speaker === marsh)).toHaveLength(2);
  });
});

describe('parseHtml on bad input', () => {
  it('refuses a page without text with one clear sentence', () => {
    expect(() => parseHtml('<html><head><script>x()</script></head><body><nav>Home</nav></body></html>', 'empty.html')).toThrow(ImportError);
    expect(() => parseHtml('', 'empty.html')).toThrow('The web page has no article text to import.');
  });

  it('falls back to the file name for a title and reads a bare fragment', () => {
    const doc = parseHtml('<p>Ms Jones said: “We will win.”</p><p>Her rival disagreed.</p>', 'jones-win.html');
    expect(doc.title).toBe('Jones win');
    expect(doc.quotes).toEqual([{ speaker: 's1', text: 'We will win.', turn: 0 }]);
  });
});

describe('parseHtml titles', () => {
  it('drops the section and site name from a <title> when there is no single h1', () => {
    const doc = parseHtml('<html><head><title>Rail fares to rise by 6% | Politics | The Daily Record</title></head><body><p>Fares will rise in March, the operator said.</p></body></html>', 'x.html');
    expect(doc.title).toBe('Rail fares to rise by 6%');
  });
});

describe('blockText', () => {
  it('puts a blank line between blocks and a line break for <br>', async () => {
    const { parseHTML } = await import('linkedom');
    const { document } = parseHTML('<div><h2>Head</h2><p>One <b>two</b>\n three</p><p>a<br>b</p><ul><li>x</li><li>y</li></ul></div>');
    expect(blockText(document)).toBe('Head\n\nOne two three\n\na\nb\n\nx\n\ny');
  });
});
