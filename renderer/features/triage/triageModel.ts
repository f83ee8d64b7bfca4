import type { ClaimType } from '../../../shared/model.js';
import type { ScoredSentence } from '../../../shared/triage/scoreSentence.js';

/** The settings key under which a document version's dismissed sentences are kept. */
export function dismissedKey(documentId: string, version: number): string {
  return `triage:dismissed:${documentId}@${version}`;
}

/** A sentence's identity within one document version: its span. */
export function spanKey(span: { start: number; end: number }): string {
  return `${span.start}-${span.end}`;
}

/** The claim type a triaged sentence most likely is: any figure makes it a statistic. */
export function guessClaimType(sentence: Pick<ScoredSentence, 'text' | 'reasons'>): ClaimType {
  // Reasons of the trained model ("a percentage") or of v0.1's patterns ("percentage: …").
  const has = (label: string, phrase: string) => sentence.reasons.some((r) => r.startsWith(`${label}:`) || r === phrase);
  if (has('percentage', 'a percentage') || has('amount of money', 'an amount of money') || has('proportion', 'a proportion or multiple') || has('number', 'a figure')) {
    return 'statistic';
  }
  if (has('comparison', 'a comparison')) return 'comparison';
  if (/^["“‘']/u.test(sentence.text)) return 'quotation';
  if (/\b(?:I|we) (?:will|shall|promise|pledge)\b|\b(?:I'll|we'll)\b/iu.test(sentence.text)) return 'promise';
  if (/\b(?:will|going to)\b/iu.test(sentence.text)) return 'prediction';
  return 'position';
}

/** Most check-worthy first; equal scores keep document order. */
export function rankSentences(sentences: ScoredSentence[]): ScoredSentence[] {
  return [...sentences].sort((a, b) => b.score - a.score || a.start - b.start);
}
