import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import type { SearchEntry } from '../../../../shared/search/searchEntries.js';
import { createSearchHost, fromHost } from '../../../../shared/search/searchHost.js';
import { FUZZY_BELOW, SearchIndex, matchesFilters, normaliseTerm, tokenize, type SearchFilters, type SearchHit } from '../../../../shared/search/searchIndex.js';
import { packHits, unpackHits } from '../../../../shared/search/packedHits.js';

const hit = (fields: Partial<SearchHit> & Pick<SearchHit, 'kind' | 'recordId'>): SearchHit => ({ id: `${fields.kind}:${fields.recordId}`, score: 1, terms: [], ...fields });

describe('search hits packed for the worker boundary', () => {
  it('come back equal, every field of every kind, absent fields absent, any character in a string', () => {
    const hits: SearchHit[] = [
      hit({ kind: 'turn', recordId: 'doc_1_t0', documentId: 'doc_1', start: 0, end: 512, score: 12.345678901234567, terms: ['nato', 'natos'] }),
      hit({ kind: 'claim', recordId: 'clm_1', documentId: 'doc_1', start: 40, end: 50, status: 'researching', verdict: 'mostly-true', score: 3.5e-7, terms: ['target'] }),
      hit({ kind: 'note', recordId: 'not_1', documentId: 'doc_1', start: 5, end: 9, terms: ['kremlin'] }),
      hit({ kind: 'source', recordId: 'src_1', score: 0.1 + 0.2, terms: ['öffentliche', '2.16'] }),
      hit({ kind: 'evidence', recordId: 'evi_1', claimId: 'clm_1', documentId: 'doc_1', start: 40, end: 50, terms: ['estonia'] }),
      hit({ kind: 'verdict', recordId: 'ver_1', claimId: 'clm_1', terms: [] }),
      // An id that is not `<kind>:<record id>` is sent as it is.
      hit({ kind: 'claim', recordId: 'clm_2', id: 'claim:clm_2:old', terms: ['nato'] }),
      hit({ kind: 'claim', recordId: 'clm_3', id: 'clm_3', terms: ['natos', 'nato'] }),
      // What an imported text may hold: separators, control characters, surrogate pairs, empty strings.
      hit({ kind: 'turn', recordId: 'a\u001fb\u001ec\u0000d', id: 'turn:a\u001fb\u001ec\u0000d', documentId: '', verdict: '', terms: ['x\u001fy', '🦊fox', '', 'ԁ'] }),
    ];
    const packed = packHits(hits);
    expect(unpackHits(packed)).toEqual(hits);
    // Terms shared by hits travel once.
    expect(packed.text.split('natos')).toHaveLength(2);
    // Absent stays absent (not a key holding undefined), so a hit reads exactly as the index gave it.
    const [turn, , , source] = unpackHits(packed);
    expect(Object.keys(turn!).sort()).toEqual(Object.keys(hits[0]!).sort());
    expect('claimId' in source! || 'documentId' in source! || 'start' in source!).toBe(false);
    // And it survives a structured clone, as it crosses postMessage.
    expect(unpackHits(structuredClone(packed))).toEqual(hits);
  });

  it('come back equal however many there are (the packer grows past its first buffer)', () => {
    const many = Array.from({ length: 300 }, (_, i) => hit({ kind: 'turn', recordId: `t${i}`, documentId: 'doc_1', start: i, end: i + 1, score: 1 / (i + 1), terms: Array.from({ length: i % 7 }, (_, k) => `w${k}`) }));
    expect(unpackHits(packHits(many))).toEqual(many);
    // And the next, smaller answer is cut to its own size: the term table (one term) and two hits of 11 + their terms.
    expect(packHits(many.slice(0, 2)).numbers.length).toBe(1 + 1 + (11 + 0) + (11 + 1));
  });

  it('pack no hits into an empty answer', () => {
    const packed = packHits([]);
    expect(packed.numbers).toEqual(new Float64Array([0]));
    expect(packed.text).toBe('');
    expect(unpackHits(packed)).toEqual([]);
  });

  it('refuse a packing that does not add up, with a sentence', () => {
    const packed = packHits([hit({ kind: 'claim', recordId: 'clm_1', terms: ['osce'] })]);
    expect(() => unpackHits({ numbers: packed.numbers.slice(0, 6), text: packed.text })).toThrow('The search results arrived damaged.');
    expect(() => unpackHits({ numbers: packed.numbers, text: `${packed.text}x` })).toThrow('The search results arrived damaged.');
    expect(() => unpackHits({ numbers: [99, ...packed.numbers.slice(1)], text: packed.text })).toThrow('The search results arrived damaged.');
  });
});

// A small library with repeated texts (equal scores, so ties must keep MiniSearch's order), speakers, debates,
// topics, statuses and verdicts to filter on.
const words = ['nato', 'spending', 'target', 'estonia', 'latvia', 'defence', 'budget', 'treaty', 'members', 'guarantee', 'military', 'support'];
let seed = 7;
const random = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const entries: SearchEntry[] = [];
for (let i = 0; i < 600; i++) {
  const kind = (['turn', 'turn', 'turn', 'claim', 'note', 'source', 'evidence', 'verdict'] as const)[i % 8]!;
  const text = i % 10 === 0 ? 'NATO spending target' : Array.from({ length: 3 + (i % 9) }, () => pick(words)).join(' ');
  entries.push({
    id: `${kind}:r${i}`,
    kind,
    recordId: `r${i}`,
    text,
    ...(kind === 'evidence' || kind === 'verdict' ? { claimId: `r${i - 1}` } : {}),
    ...(kind !== 'source' ? { documentId: `doc_${i % 5}`, start: i * 10, end: i * 10 + text.length } : {}),
    debateIds: [`deb_${i % 3}`],
    personIds: [`per_${i % 4}`],
    topicIds: kind === 'claim' ? [`top_${i % 2}`] : [],
    ...(kind === 'claim' ? { status: pick(['new', 'researching', 'checked'] as const), verdict: pick(['true', 'false', 'none']) } : {}),
  });
}
const index = SearchIndex.empty();
for (let i = 0; i < entries.length; i += 50) index.putSource(`doc:s${i}`, 'a', entries.slice(i, i + 50));
const queries = ['nato', 'nato spending', 'spe', 'tar', 'estonai', 'latvai budget', 'guarantee military', 'nothing', 'NATO target', 'def', 'membres'];
const filterSets: SearchFilters[] = [{}, { kinds: ['claim'] }, { kinds: ['turn', 'note'] }, { personId: 'per_1' }, { debateId: 'deb_2' }, { topicIds: ['top_1'] }, { verdict: 'true' }, { status: 'checked' }, { personId: 'per_2', kinds: ['turn'] }];

/** MiniSearch's own search with the same options and passes: the ranking the index must reproduce. */
const mini = new MiniSearch<SearchEntry>({ idField: 'id', fields: ['text'], tokenize, processTerm: normaliseTerm, searchOptions: { prefix: (term, i, terms) => i === terms.length - 1 && term.length >= 3, combineWith: 'AND' } });
mini.addAll(entries);
const entryById = new Map(entries.map((e) => [e.id, e]));
function reference(query: string, filters: SearchFilters, limit: number): { id: string; score: number; terms: string[] }[] {
  const filter = (r: { id: unknown }) => matchesFilters(entryById.get(r.id as string)!, filters);
  let results = mini.search(query, { filter, fuzzy: false });
  if (results.length < FUZZY_BELOW) {
    const fuzzy = mini.search(query, { filter, fuzzy: (term) => (term.length >= 5 ? 0.2 : false) });
    if (fuzzy.length > results.length) results = fuzzy;
  }
  return results.slice(0, limit).map((r) => ({ id: r.id as string, score: r.score, terms: r.terms }));
}

describe('the index answering for the worker', () => {
  it('ranks exactly as MiniSearch would (scores, order, ties, fuzzy pass, filters) without sorting every match', () => {
    let compared = 0;
    for (const query of queries) {
      for (const filters of filterSets) {
        for (const limit of [50, 7]) {
          const expected = reference(query, filters, limit);
          const hits = index.search(query, filters, limit);
          expect(hits.map((h) => ({ id: h.id, score: h.score, terms: h.terms })), `${query} ${JSON.stringify(filters)} ${limit}`).toEqual(expected);
          compared += expected.length;
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
    // Ties are exercised: "NATO spending target" is the text of 60 entries, which score alike.
    const scores = index.search('nato spending target', {}, 50).map((h) => h.score);
    expect(scores.length - new Set(scores).size).toBeGreaterThan(40);
  });

  it('packs the same hits it would give in the window, with every filter', () => {
    for (const query of queries) {
      for (const filters of filterSets) {
        const hits = index.search(query, filters, 50);
        expect(unpackHits(index.searchPacked(query, filters, 50)), `${query} ${JSON.stringify(filters)}`).toEqual(hits);
        for (const h of hits) expect(matchesFilters(entryById.get(h.id)!, filters)).toBe(true);
      }
    }
    expect(index.searchPacked('   ', {}, 50)).toEqual({ numbers: new Float64Array([0]), text: '' });
    expect(index.searchPacked('nato', { kinds: ['claim'], status: 'no-such-status' }, 50)).toEqual({ numbers: new Float64Array([0]), text: '' });
  });

  it('is what the host answers: packed across the boundary, hits again for the caller', async () => {
    const host = createSearchHost();
    await host({ op: 'apply', stamps: [['doc:all', 'a']], entries: [['doc:all', entries]] });
    const request = { op: 'search', query: 'nato spe', filters: { personId: 'per_1' }, limit: 50 } as const;
    const now = host.now(request);
    expect(now?.op === 'search' && now.packed.numbers instanceof Float64Array && typeof now.packed.text === 'string').toBe(true);
    const answer = fromHost(structuredClone(await host(request)));
    expect(answer).toEqual({ op: 'search', hits: index.search('nato spe', { personId: 'per_1' }, 50) });
    // Only 'apply' has to wait (it may read the library); the worker queues it.
    expect(host.now({ op: 'apply', stamps: [], entries: [] })).toBeUndefined();
  });
});
