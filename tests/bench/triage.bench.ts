/**
 * Triage quality and speed. Quality comes from the training script's held-apart folds (build/triage/validation.json,
 * written by `npm run train:triage` and checked here to belong to the current data and code): ClaimBuster 5-fold
 * precision/recall/F1 of the check-worthy class and leave-one-document-out MAP on the CLEF 2019 training documents,
 * for the shipped model, v0.1's hand-set patterns and a TF-IDF n-gram SVM, side by side with the goal. Speed is
 * measured here: the shipped model against the patterns, interleaved, on a real 2h40 debate. One JSON object a line.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FIGURES_FILE, MODEL_FILE, hashInputs, inputFiles } from '../../build/triage/trainTriage.js';
import { CLEF_DIR, loadClefDocuments } from '../../build/triage/data.js';
import { scoreSentence } from '../../shared/triage/scoreSentence.js';
import { shippedModel } from '../../shared/triage/shippedModel.js';
import { triageDocument } from '../../shared/triage/triageDocument.js';
import type { TriageModel } from '../../shared/triage/model.js';

const line = (o: Record<string, unknown>): void => console.log(JSON.stringify(o));
const r3 = (x: number): number => Math.round(x * 1000) / 1000;

interface Prf {
  precision: number;
  recall: number;
  f1: number;
}
interface Clef {
  map: number;
  offRoleTop10: number;
}
const figures = JSON.parse(readFileSync(FIGURES_FILE, 'utf8')) as {
  inputsHash: string;
  trainedAt: string;
  claimbuster: Record<'model' | 'patterns' | 'tfidf', Prf>;
  clef: Record<'model' | 'textOnly' | 'patterns' | 'tfidf', Clef>;
};
const model = JSON.parse(readFileSync(MODEL_FILE, 'utf8')) as TriageModel;
const fresh = hashInputs(inputFiles()) === figures.inputsHash && model.inputsHash === figures.inputsHash;
line({ measure: 'triage figures are current', value: fresh ? 1 : 0, unit: 'bool', trainedAt: figures.trainedAt, goal: '== 1', ifNot: 'run npm run train:triage' });

const names = { model: 'shipped model', textOnly: 'shipped text model without speakers', tfidf: 'TF-IDF n-gram SVM baseline', patterns: 'hand-set patterns (v0.1)' } as const;
for (const k of ['model', 'tfidf', 'patterns'] as const) {
  const f = figures.claimbuster[k];
  line({ measure: 'triage ClaimBuster 5-fold precision', model: names[k], value: r3(f.precision), unit: 'precision' });
  line({ measure: 'triage ClaimBuster 5-fold recall', model: names[k], value: r3(f.recall), unit: 'recall' });
  line({ measure: 'triage ClaimBuster 5-fold F1', model: names[k], value: r3(f.f1), unit: 'F1' });
}
line({ measure: 'triage ClaimBuster F1 ratio shipped / TF-IDF', value: r3(figures.claimbuster.model.f1 / figures.claimbuster.tfidf.f1), unit: 'ratio', goal: '>= 1' });
for (const k of ['model', 'textOnly', 'tfidf', 'patterns'] as const) {
  line({ measure: 'triage CLEF 2019 leave-one-document-out MAP', model: names[k], value: r3(figures.clef[k].map), unit: 'MAP' });
  line({ measure: 'triage off-role lines in top 10 (19 documents)', model: names[k], value: figures.clef[k].offRoleTop10, unit: 'lines' });
}
line({ measure: 'triage MAP ratio shipped / TF-IDF', value: r3(figures.clef.model.map / figures.clef.tfidf.map), unit: 'ratio', goal: '>= 1' });
line({ measure: 'triage MAP ratio shipped / patterns', value: r3(figures.clef.model.map / figures.clef.patterns.map), unit: 'ratio', goal: '>= 1' });
line({ measure: 'triage MAP goal', value: r3(figures.clef.model.map), unit: 'MAP', goal: '>= 0.17', on: 'held-out documents (leave one document out)' });
line({ measure: 'triage off-role lines (moderator, stage) in any top 10, shipped model', value: figures.clef.model.offRoleTop10, unit: 'lines', goal: '== 0' });

// Speed: the longest CLEF document (the 10th GOP debate, 2,136 lines, about 2 h 40 min) through the whole triage
// (roles, sentences, scores, reasons) against the patterns alone on the same sentences, interleaved.
const docs = await loadClefDocuments(CLEF_DIR);
const longest = docs.reduce((a, b) => (b.input.turns.length > a.input.turns.length ? b : a));
const shipped = shippedModel();
const texts = triageDocument(shipped, longest.input).sentences.map((s) => s.text);
const timesModel: number[] = [];
const timesPatterns: number[] = [];
for (let r = 0; r < 6; r++) {
  let t = performance.now();
  triageDocument(shipped, longest.input);
  timesModel.push(performance.now() - t);
  t = performance.now();
  for (const text of texts) scoreSentence(text);
  timesPatterns.push(performance.now() - t);
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = median(timesModel.slice(1));
const msPatterns = median(timesPatterns.slice(1));
line({ measure: 'triage a 2h40 debate (shipped model, whole pipeline)', value: Math.round(ms), unit: 'ms', sentences: texts.length, document: path.basename(longest.name), goal: '< 1000' });
line({ measure: 'triage throughput (shipped model)', value: Math.round(texts.length / (ms / 1000)), unit: 'sentences/s' });
line({ measure: 'triage throughput (hand-set patterns)', value: Math.round(texts.length / (msPatterns / 1000)), unit: 'sentences/s' });
line({ measure: 'triage time ratio model / patterns', value: r3(ms / msPatterns), unit: 'ratio' });
