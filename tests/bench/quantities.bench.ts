/**
 * The quantity parser on the labelled claim sentences (tests/fixtures/quantities/claim-sentences.jsonl): precision
 * and recall of value+unit, for the part the parser was tuned on ("dev") and the part held apart ("held-out"),
 * and its speed. A predicted quantity is right when a labelled one in the same sentence has the same unit (and
 * currency) and the same value (to one part in a million); each label is matched once.
 */
import { readFileSync } from 'node:fs';
import { parseQuantities } from '../../shared/quantities/parseQuantities.js';
import { loadLabelledSentences, scoreValueUnit } from './quantityScoring.js';

const sentences = loadLabelledSentences(readFileSync(new URL('../fixtures/quantities/claim-sentences.jsonl', import.meta.url), 'utf8'));
const line = (o: Record<string, unknown>): void => console.log(JSON.stringify(o));

for (const split of ['dev', 'held-out', 'all'] as const) {
  const part = sentences.filter((s) => split === 'all' || s.split === split);
  const score = scoreValueUnit(part, (text) => parseQuantities(text));
  line({ measure: `quantities ${split} precision (value+unit)`, value: score.precision, unit: 'ratio', sentences: part.length, predicted: score.predicted, correct: score.correct });
  line({ measure: `quantities ${split} recall (value+unit)`, value: score.recall, unit: 'ratio', sentences: part.length, labelled: score.labelled, found: score.correct });
  if (process.env.QUANTITY_ERRORS && split === process.env.QUANTITY_ERRORS) for (const e of score.errors) console.error(JSON.stringify(e));
}

/**
 * The peer: what a plain regular expression finds (digits with separators, a $ or £ before, %/percent after, a
 * scale word) with no reading of words, years, labels or context. Measured on the same sentences, in the same run.
 */
function digitsBaseline(text: string) {
  const scales: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, bn: 1e9, m: 1e6 };
  const out: Array<{ value: number; unit: 'count' | 'percent' | 'money'; currency?: string }> = [];
  for (const m of text.matchAll(/([$£])?(\d[\d,]*(?:\.\d+)?)\s*(thousand|million|billion|trillion|bn|m\b)?\s*(%|percent)?/gi)) {
    let value = Number(m[2]!.replace(/,/g, ''));
    if (m[3]) value *= scales[m[3].toLowerCase()] ?? 1;
    if (m[1]) out.push({ value, unit: 'money', currency: m[1] === '$' ? 'USD' : 'GBP' });
    else out.push({ value, unit: m[4] ? 'percent' : 'count' });
  }
  return out;
}
const heldOut = sentences.filter((s) => s.split === 'held-out');
const ours = scoreValueUnit(heldOut, (text) => parseQuantities(text));
const peer = scoreValueUnit(heldOut, digitsBaseline);
line({ measure: 'quantities held-out precision, digits-regex peer', value: peer.precision, unit: 'ratio' });
line({ measure: 'quantities held-out recall, digits-regex peer', value: peer.recall, unit: 'ratio' });
const f1 = (x: { precision: number; recall: number }) => (x.precision + x.recall ? (2 * x.precision * x.recall) / (x.precision + x.recall) : 0);
line({ measure: 'quantities held-out F1, parser / digits-regex peer', value: Math.round((f1(ours) / f1(peer)) * 100) / 100, unit: 'ratio', goal: '> 1' });

const texts = sentences.map((s) => s.text);
const time = (): number => {
  const t = performance.now();
  for (let r = 0; r < 20; r++) for (const text of texts) parseQuantities(text);
  return performance.now() - t;
};
time();
const runs = [time(), time(), time()].sort((a, b) => a - b);
line({ measure: 'quantities throughput', value: Math.round((texts.length * 20) / (runs[1]! / 1000)), unit: 'sentences/s' });
