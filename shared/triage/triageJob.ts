import { correctionFor, learnFromDecisions, type LearnedDecision } from './adapt.js';
import type { TriageModel } from './model.js';
import { triageDocument, type TriageInput, type TriageSentence } from './triageDocument.js';

/**
 * One triage run over several documents, as the app's worker does it: each document triaged by the model, then
 * every score moved by what the analyst's decisions taught (adapt.ts), with a reason when that moved it visibly.
 */

/** A document to triage, named so the answer can be matched to it. */
export interface TriageJobDocument {
  documentId: string;
  input: TriageInput;
}

export interface TriageJobResult {
  documentId: string;
  kind: string;
  sentences: TriageSentence[];
}

const VISIBLE = 0.3;

export function runTriageJob(model: TriageModel, documents: readonly TriageJobDocument[], decisions: readonly LearnedDecision[] = []): TriageJobResult[] {
  const correction = learnFromDecisions(model, decisions);
  return documents.map(({ documentId, input }) => {
    const { kind, sentences } = triageDocument(model, input);
    if (correction.size > 0) {
      for (const s of sentences) {
        if (s.role === 'system') continue;
        const delta = correctionFor(model, correction, s.text);
        if (delta === 0) continue;
        const p = Math.min(1 - 1e-9, Math.max(1e-9, s.score));
        s.score = Math.round((1 / (1 + Math.exp(-(Math.log(p / (1 - p)) + delta)))) * 1e6) / 1e6;
        if (delta > VISIBLE) s.reasons.push('like sentences you accepted');
        else if (delta < -VISIBLE) s.reasons.push('like sentences you dismissed');
      }
    }
    return { documentId, kind, sentences };
  });
}
