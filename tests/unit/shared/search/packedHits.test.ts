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
      // Lone surrogates, and characters that look like the packing's own marks.
      hit({ kind: 'claim', recordId: '\ud83e', id: 'x\udc00\u8000\uffff', claimId: '\u0000\u0001\u0002', terms: ['\udfff', '\u8001'] }),
      // Offsets past one code unit's reach (a long document), scores of every sort.
      hit({ kind: 'turn', recordId: 't_far', documentId: 'doc_1', start: 32_765, end: 5_000_000, score: Number.MAX_VALUE, terms: ['nato'] }),
      hit({ kind: 'turn', recordId: 't_near', documentId: 'doc_1', start: 32_766, end: 2 ** 30 - 3, score: Number.MIN_VALUE, terms: ['nato'] }),
      hit({ kind: 'note', recordId: 'n_zero', score: 0, terms: [] }),
    ];
    const packed = packHits(hits);
    expect(unpackHits(packed)).toEqual(hits);
    // Terms shared by hits travel once.
    expect(packed.split('natos')).toHaveLength(2);
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
    // Two hits: their number, the term table (one term, "w0"), then per hit its kind, 4 units of score, start, end, the id mark,
    // record id ("t0", "t1"), 3 absent strings, "doc_1", the number of its terms and their places.
    expect(packHits(many.slice(0, 2))).toHaveLength(1 + 1 + 3 + (1 + 4 + 2 + 1 + 3 + 3 + 6 + 1) * 2 + 1);
  });

  it('pack no hits into an empty answer', () => {
    const packed = packHits([]);
    expect(packed).toBe('\u0002\u0002');
    expect(unpackHits(packed)).toEqual([]);
  });

  it('refuse a number no hit can hold, with a sentence', () => {
    expect(() => packHits([hit({ kind: 'turn', recordId: 't', start: 2 ** 30, end: 2 ** 30 + 1 })])).toThrow('cannot be packed');
    expect(() => packHits([hit({ kind: 'turn', recordId: 't', start: 1.5, end: 3 })])).toThrow('cannot be packed');
  });

  it('refuse a packing that does not add up, with a sentence', () => {
    const packed = packHits([hit({ kind: 'claim', recordId: 'clm_1', terms: ['osce'] })]);
    for (let cut = 1; cut < packed.length; cut++) expect(() => unpackHits(packed.slice(0, cut)), `cut at ${cut}`).toThrow('The search results arrived damaged.');
    expect(() => unpackHits(`${packed}x`)).toThrow('The search results arrived damaged.');
    expect(() => unpackHits(`\u0063${packed.slice(1)}`)).toThrow('The search results arrived damaged.');
    expect(() => unpackHits(undefined as unknown as string)).toThrow('The search results arrived damaged.');
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
    expect(unpackHits(index.searchPacked('   ', {}, 50))).toEqual([]);
    expect(unpackHits(index.searchPacked('nato', { kinds: ['claim'], status: 'no-such-status' }, 50))).toEqual([]);
  });

  it('is what the host answers: packed across the boundary, hits again for the caller', async () => {
    const host = createSearchHost();
    await host({ op: 'apply', stamps: [['doc:all', 'a']], entries: [['doc:all', entries]] });
    const request = { op: 'search', query: 'nato spe', filters: { personId: 'per_1' }, limit: 50 } as const;
    const now = host.now(request);
    expect(now?.op === 'search' && typeof now.packed === 'string').toBe(true);
    const answer = fromHost(structuredClone(await host(request)));
    expect(answer).toEqual({ op: 'search', hits: index.search('nato spe', { personId: 'per_1' }, 50) });
    // Only 'apply' has to wait (it may read the library); the worker queues it.
    expect(host.now({ op: 'apply', stamps: [], entries: [] })).toBeUndefined();
  });
});
