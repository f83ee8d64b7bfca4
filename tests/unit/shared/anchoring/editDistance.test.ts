import { expect, it } from 'vitest';
import { editDistance } from '../../../../shared/anchoring/similarity.js';
/** The textbook table, every cell. */
function reference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length]![b.length]!;
}
it('editDistance (banded, widening until exact) equals the full Levenshtein table on 5,000 random pairs, near and far', () => {
  let seed = 1;
  const rnd = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  for (let t = 0; t < 5000; t++) {
    const alpha = 'abcde '.slice(0, 2 + Math.floor(rnd() * 5));
    const la = Math.floor(rnd() * 60), lb = Math.floor(rnd() * 60);
    let a = ''; for (let i = 0; i < la; i++) a += alpha[Math.floor(rnd() * alpha.length)];
    let b = rnd() < 0.5 ? a : ''; if (b === '') for (let i = 0; i < lb; i++) b += alpha[Math.floor(rnd() * alpha.length)];
    else { const arr = [...b]; for (let e = Math.floor(rnd() * 12); e > 0; e--) { const k = Math.floor(rnd() * (arr.length + 1)); const r = rnd(); if (r < 0.33) arr.splice(k, 1); else if (r < 0.66) arr.splice(k, 0, 'x'); else arr[k] = 'y'; } b = arr.join(''); }
    expect(editDistance(a, b)).toBe(reference(a, b));
  }
});
