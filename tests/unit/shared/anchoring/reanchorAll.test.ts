import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createAnchor } from '../../../../shared/anchoring/createAnchor.js';
import { reanchorAll } from '../../../../shared/anchoring/reanchorAll.js';
import type { Anchor } from '../../../../shared/model.js';
import { Corpus, transcript } from '../../../bench/support/anchoringCorpus.js';

const fixture = (name: string): string => readFileSync(new URL(`../../../fixtures/annotate/${name}`, import.meta.url), 'utf8');

function anchorOn(text: string, quote: string, occurrence = 0, version = 1): Anchor {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(quote, at + 1);
    if (at < 0) throw new Error(`fixture lacks occurrence ${occurrence} of "${quote}"`);
  }
  return createAnchor(text, at, at + quote.length, version);
}

function spanOf(text: string, anchor: Anchor | undefined): string | undefined {
  return anchor ? text.slice(anchor.position.start, anchor.position.end) : undefined;
}

const DEBATE =
  'HOLT: Let us talk about the economy tonight.\n' +
  'TRUMP: Our jobs are fleeing the country. We will make America great again. Unemployment is at 5 percent.\n' +
  'CLINTON: I have a plan for jobs. We will make America great again, together. Trade is an important issue.\n' +
  'TRUMP: Wrong. We will make America great again. NAFTA was the worst trade deal ever signed.\n';

describe('reanchorAll', () => {
  it('moves every anchor silently when text is inserted before them', () => {
    const anchors = [anchorOn(DEBATE, 'Unemployment is at 5 percent'), anchorOn(DEBATE, 'NAFTA was the worst trade deal')];
    const inserted = 'MODERATOR: Welcome to the first debate.\n';
    const next = inserted + DEBATE;
    const results = reanchorAll(anchors, DEBATE, next, 2);
    results.forEach((r, i) => {
      expect(r.state).toBe('anchored');
      expect(r.anchor?.position.start).toBe(anchors[i]!.position.start + inserted.length);
      expect(spanOf(next, r.anchor)).toBe(anchors[i]!.quote.exact);
      expect(r.anchor?.documentVersion).toBe(2);
      expect(r.confidence).toBe(1);
    });
  });

  it('keeps each copy of a repeated phrase on its own occurrence', () => {
    const phrase = 'We will make America great again';
    const anchors = [0, 1, 2].map((n) => anchorOn(DEBATE, phrase, n));
    // Text inserted between the first and second copies shifts only the later ones.
    const cut = DEBATE.indexOf('CLINTON:');
    const next = DEBATE.slice(0, cut) + 'HOLT: Please let her answer.\n' + DEBATE.slice(cut);
    const results = reanchorAll(anchors, DEBATE, next, 2);
    const starts = results.map((r) => r.anchor?.position.start);
    expect(results.map((r) => r.state)).toEqual(['anchored', 'anchored', 'anchored']);
    expect(starts).toEqual([0, 1, 2].map((n) => next.split(phrase, n + 1).join(phrase).length));
    expect(new Set(starts).size).toBe(3);
  });

  it('never lets a repeated phrase elsewhere capture an anchor whose own sentence was deleted', () => {
    const phrase = 'We will make America great again';
    const second = anchorOn(DEBATE, phrase, 1);
    const sentence = 'We will make America great again, together. ';
    const next = DEBATE.replace(sentence, '');
    const [result] = reanchorAll([second], DEBATE, next, 2);
    expect(result!.state).not.toBe('anchored');
    // The other copies are still in the text; at most one may be offered for review, with low confidence.
    if (result!.state === 'review') expect(result!.confidence).toBeLessThan(0.75);
  });

  it('sends an anchor to review when its phrase is deleted and an identical sentence remains', () => {
    const text = 'Thank you. Next question. Thank you. Next question.';
    const first = createAnchor(text, 0, 'Thank you. Next question.'.length, 1);
    const next = text.slice('Thank you. Next question. '.length);
    const [result] = reanchorAll([first], text, next, 2);
    expect(result!.state).not.toBe('anchored');
  });

  it('keeps an anchor when a word right next to it changes, and moves it exactly', () => {
    const anchor = anchorOn(DEBATE, 'Unemployment is at 5 percent');
    const next = DEBATE.replace('great again. Unemployment', 'great again! Sadly, unemployment'.replace('unemployment', 'Unemployment'));
    const [result] = reanchorAll([anchor], DEBATE, next, 2);
    expect(result!.state).toBe('anchored');
    expect(spanOf(next, result!.anchor)).toBe('Unemployment is at 5 percent');
    expect(result!.anchor!.position.start).toBe(next.indexOf('Unemployment is at 5 percent'));
    expect(result!.anchor!.quote.prefix).toBe(next.slice(result!.anchor!.position.start - 32, result!.anchor!.position.start));
  });

  it('sends an anchor to review when the text on both sides of it was rewritten', () => {
    const anchor = anchorOn(DEBATE, 'Trade is an important issue');
    const next = DEBATE.replace('I have a plan for jobs. We will make America great again, together. Trade is an important issue.\n', 'Ok fine whatever you say Donald. Trade is an important issue, believe me, very very.\n');
    const [result] = reanchorAll([anchor], DEBATE, next, 2);
    expect(result!.state).toBe('review');
    expect(spanOf(next, result!.anchor)).toBe('Trade is an important issue');
    expect(result!.reason).toMatch(/around it changed/);
  });

  it('proposes the edited words for review when the span itself was edited', () => {
    const anchor = anchorOn(DEBATE, 'Unemployment is at 5 percent');
    const next = DEBATE.replace('Unemployment is at 5 percent', 'Unemployment is at 4.9 percent');
    const [result] = reanchorAll([anchor], DEBATE, next, 2);
    expect(result!.state).toBe('review');
    expect(spanOf(next, result!.anchor)).toBe('Unemployment is at 4.9 percent');
    expect(result!.confidence).toBeGreaterThan(0.5);
    expect(result!.confidence).toBeLessThan(1);
  });

  it('proposes the new ending when the last word of the span was replaced', () => {
    const anchor = anchorOn(DEBATE, 'NAFTA was the worst trade deal');
    const next = DEBATE.replace('worst trade deal', 'worst trade agreement');
    const [result] = reanchorAll([anchor], DEBATE, next, 2);
    expect(result!.state).toBe('review');
    expect(spanOf(next, result!.anchor)).toBe('NAFTA was the worst trade agreement');
  });

  it('orphans an anchor whose span was deleted', () => {
    const anchor = anchorOn(DEBATE, 'Our jobs are fleeing the country.');
    const next = DEBATE.replace('Our jobs are fleeing the country. ', '');
    const [result] = reanchorAll([anchor], DEBATE, next, 2);
    expect(result!.state).toBe('orphaned');
    expect(result!.anchor).toBeUndefined();
    expect(result!.confidence).toBe(0);
  });

  it('orphans an anchor whose span was replaced by unrelated words', () => {
    const anchor = anchorOn(DEBATE, 'Our jobs are fleeing the country.');
    const next = DEBATE.replace('Our jobs are fleeing the country.', 'Look, I know more than the generals.');
    const [result] = reanchorAll([anchor], DEBATE, next, 2);
    expect(result!.state).toBe('orphaned');
  });

  it('keeps anchors through white-space-only changes', () => {
    const anchors = [anchorOn(DEBATE, 'Our jobs are fleeing the country'), anchorOn(DEBATE, 'NAFTA was the worst trade deal')];
    const next = DEBATE.replace('jobs are fleeing', 'jobs  are\nfleeing').replace(/\n/g, '\n\n').replace('NAFTA was', 'NAFTA   was');
    const results = reanchorAll(anchors, DEBATE, next, 2);
    expect(results.map((r) => r.state)).toEqual(['anchored', 'anchored']);
    expect(spanOf(next, results[0]!.anchor)).toBe('Our jobs  are\n\nfleeing the country');
    expect(spanOf(next, results[1]!.anchor)).toBe('NAFTA   was the worst trade deal');
    expect(results[0]!.reason).toMatch(/white space/);
  });

  it('handles many scattered edits in one pass', () => {
    const text = Array.from({ length: 400 }, (_, i) => `Speaker ${i % 7}: sentence number ${i} says the figure is ${i * 3} percent.`).join('\n');
    const anchors = Array.from({ length: 400 }, (_, i) => anchorOn(text, `sentence number ${i} says`));
    // Every 10th line gains words in front; every 50th line is deleted.
    const lines = text.split('\n');
    const edited = lines.filter((_, i) => i % 50 !== 25).map((line, i) => (i % 10 === 3 ? `Indeed, ${line}` : line));
    const next = edited.join('\n');
    const results = reanchorAll(anchors, text, next, 2);
    results.forEach((r, i) => {
      if (i % 50 === 25) {
        expect(r.state).not.toBe('anchored');
      } else {
        expect(r.state).toBe('anchored');
        expect(spanOf(next, r.anchor)).toBe(`sentence number ${i} says`);
      }
    });
  });

  it('re-anchors live captions onto the corrected transcript', () => {
    const captions = fixture('captions.txt');
    const transcript = fixture('transcript.txt');
    const anchors = [
      anchorOn(captions, 'fleeing the country'),
      anchorOn(captions, 'devaluing\ntheir currency'),
      anchorOn(captions, 'five\npercent of the world'),
      anchorOn(captions, 'ninety five percent'),
      anchorOn(captions, 'uh you know um'),
      anchorOn(captions, 'good evening from hofstra university'),
    ];
    const results = reanchorAll(anchors, captions, transcript, 2);
    const summary = results.map((r) => [r.state, spanOf(transcript, r.anchor)]);
    expect(summary).toEqual([
      ['anchored', 'fleeing the country'],
      ['anchored', 'devaluing their currency'],
      ['review', '5 percent of the world'],
      ['review', '95 percent'],
      ['orphaned', undefined],
      ['review', 'Good evening from Hofstra University'],
    ]);
  });

  it('falls back to searching when an anchor was not made on the old text', () => {
    const stale: Anchor = { ...anchorOn(DEBATE, 'NAFTA was the worst trade deal'), position: { start: 3, end: 33 } };
    const next = 'Intro.\n' + DEBATE;
    const [result] = reanchorAll([stale], DEBATE, next, 2);
    expect(result!.state).toBe('anchored');
    expect(spanOf(next, result!.anchor)).toBe('NAFTA was the worst trade deal');
  });

  it('returns anchors unchanged but re-versioned when the text did not change', () => {
    const anchor = anchorOn(DEBATE, 'Trade is an important issue');
    const [result] = reanchorAll([anchor], DEBATE, DEBATE, 5);
    expect(result).toMatchObject({ state: 'anchored', confidence: 1 });
    expect(result!.anchor).toEqual({ ...anchor, documentVersion: 5 });
  });
});

describe('reanchorAll with text inserted inside a span', () => {
  it('proposes the widened span for review rather than losing it', () => {
    const anchor = anchorOn(DEBATE, 'Our jobs are fleeing the country. We will make America great again.');
    const next = DEBATE.replace('country. We will', 'country. Mexico, China, everywhere — they are all taking our jobs, believe me, it is a disaster. We will');
    const [result] = reanchorAll([anchor], DEBATE, next, 2);
    expect(result!.state).toBe('review');
    expect(spanOf(next, result!.anchor)).toMatch(/^Our jobs are fleeing the country\. Mexico.*great again\.$/);
  });
});

describe('reanchorAll fast path (quotes found intact with their surroundings)', () => {
  const line = (i: number) => `SPEAKER ${i % 5}: point ${i} is that the rate rose by ${(i * 7) % 97} percent. Thank you very much.`;
  const text = Array.from({ length: 300 }, (_, i) => line(i)).join('\n');

  it('places an intact repeated quote by its surroundings, not on its first occurrence', () => {
    const phrase = 'Thank you very much.';
    const [second, third, hundredth] = [1, 2, 99].map((n) => anchorOn(text, phrase, n));
    // A long passage inserted at the start (further than the place is looked for nearby) and a line cut before them.
    const intro = 'HOLT: ' + 'Good evening and welcome to the debate. '.repeat(200) + '\n';
    const next = intro + text.replace(`${line(1)}\n`, '');
    const results = reanchorAll([hundredth!, third!, second!], text, next, 2);
    const nth = (n: number) => next.split(phrase, n + 1).join(phrase).length;
    expect(results.map((r) => r.state)).toEqual(['anchored', 'anchored', 'anchored']);
    expect(results.map((r) => r.anchor!.position.start)).toEqual([nth(98), nth(1), nth(0)]);
  });

  it('moves every intact anchor exactly when passages are inserted and cut all through the text', () => {
    const anchors = Array.from({ length: 300 }, (_, i) => anchorOn(text, `point ${i} is that`));
    const lines = text.split('\n');
    const edited = lines.flatMap((l, i) => (i % 37 === 5 ? [] : i % 23 === 9 ? ['HOLT: Let me follow up on that, if I may, for one moment.', l] : [l]));
    const next = edited.join('\n');
    const results = reanchorAll(anchors, text, next, 2);
    results.forEach((r, i) => {
      if (i % 37 === 5) {
        expect(r.state).not.toBe('anchored');
      } else {
        expect(r.state).toBe('anchored');
        expect(r.anchor!.position.start).toBe(next.indexOf(`point ${i} is that`));
      }
    });
  });

  it('never trusts places found out of order: two swapped passages are each placed on their own words', () => {
    const lines = text.split('\n');
    const swapped = [...lines];
    [swapped[100], swapped[200]] = [swapped[200]!, swapped[100]!];
    const next = swapped.join('\n');
    const anchors = [anchorOn(text, 'point 100 is that'), anchorOn(text, 'point 200 is that')];
    const results = reanchorAll(anchors, text, next, 2);
    results.forEach((r, k) => {
      const quote = k === 0 ? 'point 100 is that' : 'point 200 is that';
      expect(r.anchor?.position.start).toBe(next.indexOf(quote));
    });
    expect(results.some((r) => r.state === 'anchored')).toBe(true);
  });

  it('places generated anchors after scattered edits as the diff alone would, and none silently wrong', () => {
    const corpus = new Corpus('repetitive', 11);
    const words = corpus.debate(20_000);
    const before = transcript(words);
    const after = transcript(corpus.scatteredEdits(words, 150));
    const cases = corpus.anchors(words, before, after, 400);
    const results = reanchorAll(
      cases.map((c) => c.anchor),
      before.text,
      after.text,
      2,
    );
    let right = 0;
    results.forEach((r, i) => {
      const c = cases[i]!;
      const at = r.anchor?.position;
      const slack = c.intact ? 0 : 2;
      const ok = c.truth ? at !== undefined && Math.abs(at.start - c.truth[0]) <= slack && Math.abs(at.end - c.truth[1]) <= slack : at === undefined;
      if (ok) right++;
      if (r.state === 'anchored') expect(ok).toBe(true);
    });
    expect(right).toBeGreaterThanOrEqual(392);
  });
});
