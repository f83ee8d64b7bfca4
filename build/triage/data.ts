import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseFile } from '../../electron/import/parseFile.js';
import { triageInputFromParsed } from '../../shared/triage/triageInputs.js';
import type { TriageInput } from '../../shared/triage/triageDocument.js';

/**
 * The training script's data: ClaimBuster's labelled sentences (CC BY 4.0, what the shipped weights learn from),
 * sentences we labelled ourselves, decisions analysts made in the app (from an exported project), and the CLEF 2019
 * training documents, which are read only to validate and choose among models (research-use licence: no weights
 * are ever fitted to their labels).
 */

/** A sentence and whether it is check-worthy. */
export interface LabelledSentence {
  text: string;
  label: 0 | 1;
  /** Where it came from: "claimbuster", "own", "decisions:<file>". */
  source: string;
}

/** A CLEF document read through the app's own import pipeline, with the fact-checkers' label of each turn. */
export interface ValidationDocument {
  name: string;
  input: TriageInput;
  /** Label of turn i (1 = fact-checked by factcheck.org). */
  labels: number[];
}

export const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
/** shared/ beside the repository (the worktree layout and CI's fresh clone both have it there). */
export const SHARED_DATA = path.resolve(REPO, '../shared/data');
export const CLAIMBUSTER_FILE = path.join(SHARED_DATA, 'claimbuster-2.5xNCS.json');
export const CLEF_DIR = path.join(SHARED_DATA, 'clef2019-checkthat-task1-training');
export const OWN_LABELS_FILE = path.join(REPO, 'build/triage/own-labels.json');

export function loadClaimBuster(file = CLAIMBUSTER_FILE): LabelledSentence[] {
  const rows = JSON.parse(readFileSync(file, 'utf8')) as Array<{ sentence_id: number; label: number; text: string }>;
  return rows.map((r) => ({ text: r.text, label: r.label === 1 ? 1 : 0, source: 'claimbuster' }));
}

/** Sentences we labelled ourselves by our own judgement: `[{ "text": "…", "label": 0|1 }]`. */
export function loadOwnLabels(file = OWN_LABELS_FILE): LabelledSentence[] {
  const rows = JSON.parse(readFileSync(file, 'utf8')) as Array<{ text: string; label: number }>;
  return rows.map((r) => ({ text: r.text, label: r.label === 1 ? 1 : 0, source: 'own' }));
}

/**
 * Accept/dismiss decisions from a project exported by the app (project JSON, or the records of a `.claimdesk`
 * bundle unpacked into JSON): accepted sentences are check-worthy, dismissed ones are not.
 */
export function loadDecisions(file: string): LabelledSentence[] {
  const data = JSON.parse(readFileSync(file, 'utf8')) as { triageDecisions?: unknown };
  const rows = Array.isArray(data.triageDecisions) ? data.triageDecisions : [];
  const out: LabelledSentence[] = [];
  for (const row of rows) {
    const r = row as { text?: unknown; decision?: unknown };
    if (typeof r.text !== 'string' || !r.text.trim()) continue;
    if (r.decision !== 'accept' && r.decision !== 'dismiss') continue;
    out.push({ text: r.text, label: r.decision === 'accept' ? 1 : 0, source: `decisions:${path.basename(file)}` });
  }
  return out;
}

/** The CLEF documents, each imported exactly as `claimdesk triage FILE` imports it. */
export async function loadClefDocuments(dir = CLEF_DIR): Promise<ValidationDocument[]> {
  const docs: ValidationDocument[] = [];
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.tsv')).sort()) {
    const bytes = new Uint8Array(readFileSync(path.join(dir, name)));
    const parsed = await parseFile(name, bytes);
    const doc = parsed.documents[0]!;
    docs.push({ name, input: triageInputFromParsed(doc), labels: doc.turns.map((t) => (t.metadata?.label === '1' ? 1 : 0)) });
  }
  return docs;
}

/** Text folded for matching the same sentence across data sets. */
export function sentenceKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
