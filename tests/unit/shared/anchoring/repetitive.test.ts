import { describe, expect, it } from 'vitest';
import { createAnchor } from '../../../../shared/anchoring/createAnchor.js';
import { diffText } from '../../../../shared/anchoring/diffText.js';
import { reanchorAll } from '../../../../shared/anchoring/reanchorAll.js';
import { captions, Corpus, transcript } from '../../../bench/support/anchoringCorpus.js';

/** Share of the words of `rendering` whose characters all lie in equal runs of the diff (on the new side). */
function wordsCovered(runs: ReturnType<typeof diffText>, text: string): number {
  const covered = new Uint8Array(text.length);
  for (const r of runs) covered.fill(1, r.newStart, r.newStart + r.length);
  let words = 0;
  let kept = 0;
  for (const m of text.matchAll(/[a-z0-9]+/gi)) {
    words++;
    if (covered.subarray(m.index, m.index + m[0].length).every((c) => c === 1)) kept++;
  }
  return kept / words;
}

describe('re-anchoring on long, repetitive text', () => {
  // A small vocabulary, no numbers, and a quarter of the sentences slogans said word for word: no word occurs once.
  const corpus = new Corpus('repetitive', 7, false);
  const words = corpus.debate(12_000);
  const live = captions(words, corpus, 3);
  const final = transcript(words);

  it('aligns live captions with their corrected transcript word by word, though no line and no single word is unique', () => {
    const runs = diffText(live.text, final.text);
    for (const r of runs) expect(final.text.slice(r.newStart, r.newStart + r.length)).toBe(live.text.slice(r.oldStart, r.oldStart + r.length));
    // Case, punctuation and line breaks differ all through; what is left are the words (3% of them misheard).
    expect(wordsCovered(runs, final.text)).toBeGreaterThan(0.85);
  });

  it('places every caption anchor on its own words in the transcript, and anchors none silently elsewhere', () => {
    const cases = corpus.anchors(words, live, final, 400);
    const results = reanchorAll(
      cases.map((c) => c.anchor),
      live.text,
      final.text,
      2,
    );
    let right = 0;
    results.forEach((r, i) => {
      const truth = cases[i]!.truth!;
      const at = r.anchor?.position;
      const ok = at !== undefined && Math.abs(at.start - truth[0]) <= 2 && Math.abs(at.end - truth[1]) <= 2;
      if (ok) right++;
      // Never silently wrong: an anchor that moves without review is exactly where its words went.
      if (r.state === 'anchored') expect(ok).toBe(true);
    });
    expect(right).toBeGreaterThanOrEqual(396);
    // Words that changed case or punctuation are proposed for review, not moved silently.
    expect(results.some((r) => r.state === 'review')).toBe(true);
  });

  it('sends an anchor whose stretch was rewritten to review or orphans it, however often its slogan recurs', () => {
    const slogan = 'we will build homes every year';
    const filler = (n: number) => Array.from({ length: n }, (_, i) => `the government voted ${i % 7} times against the deal`).join('. ');
    const before = `${filler(30)}. HOLT: ${slogan}. ${filler(30)}. SMITH: ${slogan}, said the minister. ${filler(30)}. JONES: ${slogan}. ${filler(30)}.`;
    const second = before.indexOf(slogan, before.indexOf('SMITH'));
    const anchor = createAnchor(before, second, second + slogan.length, 1);
    // The middle speech is rewritten: its slogan is gone, the two others stay word for word.
    const after = before.replace(`SMITH: ${slogan}, said the minister.`, 'SMITH: energy prices fell by nine percent in a year.');
    const [result] = reanchorAll([anchor], before, after, 2);
    expect(result!.state).not.toBe('anchored');
  });
});
