import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ParsedDocument } from '../../../../shared/import/parsedDocument.js';
import { findComments, splitParagraphs, structureArticle } from '../../../../electron/import/article.js';
import { ImportError } from '../../../../electron/import/importError.js';

const seedPath = fileURLToPath(new URL('../../../fixtures/import/seed/corbyn-nato-article.txt', import.meta.url));
const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../../../../tests/fixtures/import/articles/${name}`, import.meta.url)), 'utf8');

function speakerId(doc: ParsedDocument, name: string): string {
  const speaker = doc.speakers.find((s) => s.name === name);
  expect(speaker, `speaker ${name}`).toBeDefined();
  return speaker!.id;
}

function quotesOf(doc: ParsedDocument, name: string): string[] {
  const id = speakerId(doc, name);
  return doc.quotes.filter((q) => q.speaker === id).map((q) => q.text);
}

function article(text: string, title = 'test.txt'): ParsedDocument {
  return structureArticle(text, { title, format: 'text' });
}

describe('structureArticle on the seed article', () => {
  const doc = structureArticle(readFileSync(seedPath, 'utf8'), { title: 'corbyn-nato-article.txt', format: 'text' });

  it('gives Jeremy Corbyn his three quotations, and merges his aliases into one person', () => {
    const corbyn = quotesOf(doc, 'Jeremy Corbyn');
    expect(corbyn).toHaveLength(3);
    expect(corbyn[0]).toMatch(/^You would obviously try to avoid that happening/);
    expect(corbyn[1]).toMatch(/^That’s in the NATO treaty/);
    expect(corbyn[2]).toMatch(/^I don’t wish to go to war/);
    const speaker = doc.speakers.find((s) => s.name === 'Jeremy Corbyn')!;
    expect(speaker.aliases).toEqual(expect.arrayContaining(['Mr Corbyn', 'The Labour leader']));
    expect(doc.speakers.filter((s) => /corbyn/i.test(s.name))).toHaveLength(1);
  });

  it('gives Owen Smith his quotation', () => {
    const smith = quotesOf(doc, 'Owen Smith');
    expect(smith).toHaveLength(1);
    expect(smith[0]).toMatch(/^We would have to come to the aid of a fellow member of NATO/);
  });

  it('lists Donald Trump as a person with reported speech but no quotation', () => {
    expect(quotesOf(doc, 'Donald Trump')).toEqual([]);
  });

  it('does not take the scare-quoted “collective defence” as anyone’s words', () => {
    expect(doc.quotes.some((q) => /collective defence/.test(q.text))).toBe(false);
    expect(doc.quotes).toHaveLength(4);
  });

  it('keeps the reader comment as nobody’s narration in the comments section', () => {
    const comment = doc.turns.find((t) => t.text.includes('Chamberlain?'))!;
    expect(comment).toMatchObject({ speaker: null, kind: 'narration', metadata: { section: 'comments' } });
    expect(doc.turns.at(-1)).toMatchObject({ text: 'Comments are closed.', metadata: { section: 'comments' } });
    expect(doc.quotes.some((q) => q.text.includes('Chamberlain'))).toBe(false);
  });

  it('makes block quotations speech turns and the rest narration, with each quote inside its turn', () => {
    const corbyn = speakerId(doc, 'Jeremy Corbyn');
    const speech = doc.turns.filter((t) => t.kind === 'speech');
    expect(speech).toHaveLength(4);
    expect(speech.filter((t) => t.speaker === corbyn)).toHaveLength(3);
    for (const turn of doc.turns.filter((t) => t.kind === 'narration')) expect(turn.speaker).toBeNull();
    for (const q of doc.quotes) expect(doc.turns[q.turn]!.text).toContain(q.text);
    expect(doc.turns[0]!.text).toMatch(/^UK Labour leader Jeremy Corbyn has refused/);
  });

  it('takes the title from the file name when the first line is a sentence, not a headline', () => {
    expect(doc.title).toBe('Corbyn nato article');
    expect(doc.format).toBe('text');
  });
});

describe('structureArticle on a local news story', () => {
  const doc = article(fixture('bypass-council.txt'));

  it('takes the headline as title and the dateline as date', () => {
    expect(doc.title).toBe('Council rejects plan for new bypass');
    expect(doc.date).toBe('2019-03-12');
    expect(doc.turns[0]!.text).toBe('Published 12 March 2019');
  });

  it('attributes `said Mr Green` after the quote, and the next sentence of the same paragraph, to him', () => {
    expect(quotesOf(doc, 'Tom Green')).toEqual([
      'This is a disaster for every family stuck in traffic on the high street',
      'We will keep fighting.',
      'ignored the evidence for a decade',
      'We have the lawyers ready',
    ]);
    expect(doc.speakers.find((s) => s.name === 'Tom Green')!.aliases).toContain('Mr Green');
  });

  it('attributes `Ms Patel told reporters:` before the quote, a partial quote and a she-pronoun to her', () => {
    expect(quotesOf(doc, 'Priya Patel')).toEqual([
      'The numbers simply do not add up, and we will not gamble with public money.',
      'the fastest way to cut congestion',
      'Every councillor had the papers for a month',
    ]);
    expect(doc.speakers.find((s) => s.name === 'Priya Patel')!.aliases).toEqual(expect.arrayContaining(['Ms Patel', 'The council leader']));
  });

  it('leaves quotes of unnamed people and scare quotes out', () => {
    const texts = doc.quotes.map((q) => q.text);
    expect(texts).not.toContain('white elephant');
    expect(texts).not.toContain('smart corridor');
    expect(texts.some((t) => t.startsWith('No further comment'))).toBe(false);
    expect(doc.speakers.map((s) => s.name).sort()).toEqual(['Priya Patel', 'Tom Green']);
  });

  it('marks a Comments section as comments, with no quotes taken from it', () => {
    const comments = doc.turns.filter((t) => t.metadata?.section === 'comments');
    expect(comments.map((t) => t.text.slice(0, 8))).toEqual(['Comments', 'Dave fro', 'Jenny R:']);
    const firstComment = doc.turns.indexOf(comments[0]!);
    expect(doc.quotes.every((q) => q.turn < firstComment)).toBe(true);
  });
});

describe('structureArticle on British and American styles', () => {
  const doc = article(fixture('resign-calls.txt'));

  it('keeps a headline with a quotation as the title, not as anyone’s words', () => {
    expect(doc.title).toBe("Johnson: 'We are not going anywhere'");
    expect(doc.turns[0]!.text).toMatch(/^Prime Minister Boris Johnson has rejected/);
  });

  it('attributes each quotation to the right person', () => {
    expect(quotesOf(doc, 'Boris Johnson')).toEqual([
      'We’re not going anywhere',
      'The public want us to get on with the job.',
      'I take full responsibility.',
      'We will',
      'never give up on this.',
      'This government will deliver.',
    ]);
    expect(quotesOf(doc, 'Nicola Sturgeon')).toEqual(['utterly unacceptable', 'People deserve the truth.']);
    expect(quotesOf(doc, 'Elizabeth Warren')).toEqual(['a gift to the banks', 'It is that simple']);
    expect(quotesOf(doc, 'Mr. Schumer')).toEqual(['Is this fair?']);
    expect(quotesOf(doc, 'Graham Brady')).toEqual(['The rules are clear and they apply to everyone.']);
    expect(doc.quotes.some((q) => q.text.startsWith('We do not comment'))).toBe(false);
  });

  it('merges a title used as a role (`The prime minister`) and a bare surname into the person', () => {
    const johnson = doc.speakers.find((s) => s.name === 'Boris Johnson')!;
    expect(johnson.aliases).toEqual(expect.arrayContaining(['Mr Johnson', 'The prime minister']));
    expect(doc.speakers.find((s) => s.name === 'Elizabeth Warren')!.aliases).toContain('Warren');
  });
});

describe('structureArticle attribution rules', () => {
  it('carries a quotation over paragraphs and resolves a title-less role to the person who holds it', () => {
    const doc = article(fixture('water-talks.txt'));
    expect(quotesOf(doc, 'Mary Jones')).toEqual([
      'We agreed on water, and on nothing else.',
      'The drought is the biggest threat this state has faced in fifty years. We need every county at the table.',
      'Nobody gets to sit this one out',
    ]);
    expect(quotesOf(doc, 'Bill Ross')).toEqual(['frank but useful', 'Not yet.', 'It was a long day']);
    expect(doc.quotes.map((q) => q.text)).not.toContain('tense');
  });

  it('resolves he and she to the most recent person they fit', () => {
    const doc = article('Mr Adams met Ms Baker on Monday.\n\nShe said: “We made progress.”\n\nHe said: “We made none.”');
    expect(quotesOf(doc, 'Ms Baker')).toEqual(['We made progress.']);
    expect(quotesOf(doc, 'Mr Adams')).toEqual(['We made none.']);
    // `She said: “…”` carries narration of its own, so only a paragraph that opens with the quotation is speech.
    expect(doc.turns.map((t) => t.kind)).toEqual(['narration', 'narration', 'narration']);
  });

  it('reads straight and curly quotes alike, before and after the attribution', () => {
    const doc = article(
      'Dr Sarah Khan, the chief medical officer, said the figures were "deeply worrying". ' +
        '“We are not there yet,” she warned. Her deputy disagreed.\n\n' +
        '"Cases are falling," said James Reid, the health secretary.',
    );
    expect(quotesOf(doc, 'Sarah Khan')).toEqual(['deeply worrying', 'We are not there yet']);
    expect(quotesOf(doc, 'James Reid')).toEqual(['Cases are falling']);
  });

  it('takes the person before `, who said` as the speaker', () => {
    const doc = article('The plan is “unworkable and unfair”, according to Anna Berg. Tom Wu, who said it was “a good start”, disagreed.');
    expect(quotesOf(doc, 'Anna Berg')).toEqual(['unworkable and unfair']);
    expect(quotesOf(doc, 'Tom Wu')).toEqual(['a good start']);
  });

  it('leaves a quotation without a speaker out of quotes and its paragraph as narration', () => {
    const doc = article('“Nobody expected this,” a spokesman said.\n\nThe vote was described as a “turning point”.');
    expect(doc.quotes).toEqual([]);
    expect(doc.speakers).toEqual([]);
    expect(doc.turns.every((t) => t.kind === 'narration' && t.speaker === null)).toBe(true);
  });

  it('splits paragraphs on blank lines, or on lines when there are none', () => {
    expect(splitParagraphs('One\nline.\n\n  Two.  \r\n\r\nThree.')).toEqual(['One line.', 'Two.', 'Three.']);
    expect(splitParagraphs('One.\nTwo.\nThree.')).toEqual(['One.', 'Two.', 'Three.']);
    expect(splitParagraphs('# Head\n\n> quoted', true)).toEqual(['Head', 'quoted']);
  });

  it('finds comments from a marker, with the numbered comments before it', () => {
    expect(findComments(['Body.', 'More body.', '1. First comment', '2. Second', 'Comments are closed.'])).toBe(2);
    expect(findComments(['Body.', '1. A numbered point', '2. Another'])).toBe(3);
  });

  it('refuses an empty article with one clear sentence', () => {
    expect(() => article('  \n\n ')).toThrow(ImportError);
    expect(() => article('')).toThrow('The article has no text to import.');
  });
});
