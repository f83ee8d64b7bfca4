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

const texts = sentences.map((s) => s.text);
const time = (): number => {
  const t = performance.now();
  for (let r = 0; r < 20; r++) for (const text of texts) parseQuantities(text);
  return performance.now() - t;
};
time();
const runs = [time(), time(), time()].sort((a, b) => a - b);
line({ measure: 'quantities throughput', value: Math.round((texts.length * 20) / (runs[1]! / 1000)), unit: 'sentences/s' });
