import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scoreSentences, scoreSentence } from '../../../../../shared/triage/scoreSentence.js';
import { dismissedKey, guessClaimType, rankSentences, spanKey } from '../../../../../renderer/features/triage/triageModel.js';

const seed = readFileSync(new URL('../../../../fixtures/annotate/corbyn-nato-article.txt', import.meta.url), 'utf8');
const guess = (text: string) => guessClaimType({ text, ...scoreSentence(text) });

describe('triage model', () => {
  it('guesses a statistic for any figure, then comparison, quotation, promise, prediction, position', () => {
    expect(guess('Only five out of 28 members met this target last year.')).toBe('statistic');
    expect(guess('Spending is supposed to amount to 2% of GDP.')).toBe('statistic');
    expect(guess('Crime is higher than it was under the last government.')).toBe('comparison');
    expect(guess('“That is in the treaty,” he said.')).toBe('quotation');
    expect(guess('We will build strong diplomatic relations.')).toBe('promise');
    expect(guess('The alliance is going to collapse.')).toBe('prediction');
    expect(guess('He stressed the importance of diplomacy with Moscow.')).toBe('position');
  });

  it('ranks by score, ties in document order, with the NATO statistic first on the seed', () => {
    const ranked = rankSentences(scoreSentences(seed));
    expect(ranked[0]!.text).toContain('only five out of 28 members');
    for (let i = 1; i < ranked.length; i++) {
      const [a, b] = [ranked[i - 1]!, ranked[i]!];
      expect(a.score > b.score || (a.score === b.score && a.start < b.start)).toBe(true);
    }
  });

  it('keys dismissals by document and version, sentences by span', () => {
    expect(dismissedKey('doc_1', 3)).toBe('triage:dismissed:doc_1@3');
    expect(dismissedKey('doc_1', 3)).not.toBe(dismissedKey('doc_1', 4));
    expect(spanKey({ start: 10, end: 42 })).toBe('10-42');
  });
});
