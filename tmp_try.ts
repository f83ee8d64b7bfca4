import { readFileSync } from 'node:fs';
import { structureArticle } from '../work/main/electron/import/article.js';
const f = process.argv[2]!;
const doc = structureArticle(readFileSync(f, 'utf8'), { title: f.split('/').pop(), format: 'text' });
console.log(JSON.stringify({ title: doc.title, date: doc.date, speakers: doc.speakers }, null, 1));
doc.turns.forEach((t, i) => console.log(i, t.kind, t.speaker, t.metadata ? JSON.stringify(t.metadata) : '', t.text.slice(0, 70)));
for (const q of doc.quotes) console.log('Q', q.speaker, q.turn, q.text.slice(0, 70));
