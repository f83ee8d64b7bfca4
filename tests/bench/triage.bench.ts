/**
 * Triage speed and quality on the 2016 US debates: every sentence of every turn scored, sentences per second as a
 * figure, and the 15 top-ranked sentences as "top-sentence" lines so they can be quoted. One JSON object per line.
 */
import { existsSync, readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { scoreSentences, type ScoredSentence } from '../../shared/triage/scoreSentence.js';

interface Row {
  Line: string;
  Speaker: string;
  Text: string;
  Date: string;
}

// The shared samples beside the repository, or the copy the import tests keep in a fresh clone.
const csv = [new URL('../../../shared/samples/us2016-general-debates.csv', import.meta.url), new URL('../fixtures/import/seed/us2016-general-debates.csv', import.meta.url)]
  .filter((url) => existsSync(url))
  .map((url) => readFileSync(url, 'utf8'))[0];
if (csv === undefined) throw new Error('us2016-general-debates.csv not found beside the repository or in tests/fixtures/import/seed');
const rows = Papa.parse<Row>(csv, { header: true, skipEmptyLines: true }).data.filter((r) => typeof r.Text === 'string' && r.Text.trim());

function scoreAll(): Array<ScoredSentence & { speaker: string; date: string }> {
  const out: Array<ScoredSentence & { speaker: string; date: string }> = [];
  for (const row of rows) for (const s of scoreSentences(row.Text)) out.push({ ...s, speaker: row.Speaker, date: row.Date });
  return out;
}

scoreAll(); // warm-up
const times: number[] = [];
let scored = scoreAll();
for (let r = 0; r < 5; r++) {
  const t = performance.now();
  scored = scoreAll();
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
const ms = times[Math.floor(times.length / 2)]!;

const line = (o: Record<string, unknown>): void => console.log(JSON.stringify(o));
line({ measure: 'triage sentences', value: scored.length, unit: 'sentences', turns: rows.length });
line({ measure: 'triage time', value: Math.round(ms * 10) / 10, unit: 'ms' });
line({ measure: 'triage throughput', value: Math.round(scored.length / (ms / 1000)), unit: 'sentences/s' });

const ranked = [...scored].sort((a, b) => b.score - a.score);
const share = (min: number): number => Math.round((1000 * scored.filter((s) => s.score >= min).length) / scored.length) / 10;
line({ measure: 'share scoring >= 0.5', value: share(0.5), unit: '%' });
line({ measure: 'share scoring >= 0.8', value: share(0.8), unit: '%' });
ranked.slice(0, 15).forEach((s, i) => {
  line({ measure: 'top-sentence', value: s.score, unit: 'score', rank: i + 1, speaker: s.speaker, date: s.date, text: s.text, reasons: s.reasons });
});
