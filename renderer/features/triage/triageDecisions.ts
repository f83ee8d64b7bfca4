import type { TriageRole } from '../../../shared/triage/model.js';
import { db } from '../../db/database.js';

/**
 * The analyst's accept/dismiss decisions on triaged sentences, kept with the library (one settings row each, so no
 * schema change) and exported as labelled data that `npm run train:triage -- --decisions FILE` reads.
 */

/** One decision on one sentence of one document version. */
export interface TriageDecision {
  documentId: string;
  documentVersion: number;
  start: number;
  end: number;
  text: string;
  decision: 'accept' | 'dismiss';
  speaker: string;
  role: TriageRole;
  /** The score the sentence had when decided. */
  score: number;
  decidedAt: string;
}

const PREFIX = 'triage:decision:';

/** The settings key of a sentence's decision. */
export function decisionKey(documentId: string, version: number, span: { start: number; end: number }): string {
  return `${PREFIX}${documentId}@${version}:${span.start}-${span.end}`;
}

/** Every decision in the library, oldest first (the order triage learns them in). */
export async function allDecisions(): Promise<TriageDecision[]> {
  const rows = await db.settings.where('key').startsWith(PREFIX).toArray();
  return rows.map((r) => r.value as TriageDecision).sort((a, b) => (a.decidedAt < b.decidedAt ? -1 : a.decidedAt > b.decidedAt ? 1 : 0));
}

/** Keeps a decision, replacing an earlier one on the same sentence. */
export async function keepDecision(decision: TriageDecision): Promise<void> {
  await db.settings.put({ key: decisionKey(decision.documentId, decision.documentVersion, decision), value: decision });
}

/** Forgets the decision on a sentence (Restore). */
export async function forgetDecision(documentId: string, version: number, span: { start: number; end: number }): Promise<void> {
  await db.settings.delete(decisionKey(documentId, version, span));
}

/** The decisions as a labelled-data file: what the training script reads with --decisions. */
export function decisionsExport(decisions: readonly TriageDecision[], exportedAt = new Date().toISOString()): string {
  return `${JSON.stringify({ format: 'claimdesk-triage-decisions', formatVersion: 1, exportedAt, triageDecisions: decisions }, null, 2)}\n`;
}
