import type { Quantity } from '../../shared/model.js';

/** One labelled sentence: the quantities a reader finds in it, by value and unit (and currency for money). */
export interface LabelledSentence {
  id: string;
  split: 'dev' | 'held-out';
  source: string;
  text: string;
  quantities: Array<{ value: number; unit: string; currency?: string }>;
}

export function loadLabelledSentences(jsonl: string): LabelledSentence[] {
  return jsonl
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as LabelledSentence);
}

const same = (a: number, b: number): boolean => (a === b ? true : Math.abs(a - b) <= 1e-6 * Math.max(Math.abs(a), Math.abs(b)));

/** Precision and recall of value+unit over the sentences, matching each label at most once. */
export function scoreValueUnit(sentences: LabelledSentence[], parse: (text: string) => Pick<Quantity, 'value' | 'unit' | 'currency'>[]) {
  let predicted = 0;
  let labelled = 0;
  let correct = 0;
  const errors: Array<{ id: string; text: string; missed: unknown[]; wrong: unknown[] }> = [];
  for (const s of sentences) {
    const got = parse(s.text);
    const open = [...s.quantities];
    const wrong: unknown[] = [];
    predicted += got.length;
    labelled += s.quantities.length;
    for (const q of got) {
      const k = open.findIndex((l) => l.unit === q.unit && same(l.value, q.value) && (q.unit !== 'money' || l.currency === q.currency));
      if (k >= 0) {
        correct++;
        open.splice(k, 1);
      } else wrong.push({ value: q.value, unit: q.unit, ...(q.currency ? { currency: q.currency } : {}) });
    }
    if (open.length || wrong.length) errors.push({ id: s.id, text: s.text, missed: open, wrong });
  }
  const r3 = (x: number) => Math.round(x * 1000) / 1000;
  return { predicted, labelled, correct, precision: r3(predicted ? correct / predicted : 1), recall: r3(labelled ? correct / labelled : 1), errors };
}
