import { describe, expect, it } from 'vitest';
import type { Appearance, Claim, DocumentRecord, Note, Turn, Verdict } from '../../../../shared/model.js';
import { claimEntry, documentStamp, fingerprint, noteEntry, planUpdate, turnEntries, type SearchEntry } from '../../../../shared/search/searchEntries.js';
import { INDEX_FORMAT, SearchIndex, hitSpan, matchesFilters, tokenize } from '../../../../shared/search/searchIndex.js';
import { syncIndex } from '../../../../shared/search/syncIndex.js';

const t = '2026-01-01T00:00:00.000Z';
const texts = [
  'UK Labour leader Jeremy Corbyn has refused to guarantee military support.',
  '“That’s in the NATO treaty. I would hope that we could strengthen our relationship and activity within the OSCE.”',
  'We would have to come to the aid of a fellow member of NATO.',
];
function makeDocument(id = 'doc_1', debateId = 'deb_1'): { document: DocumentRecord; turns: Turn[] } {
  let offset = 0;
  const turns: Turn[] = texts.map((text, index) => {
    const turn: Turn = { id: `${id}_t${index}`, documentId: id, index, personId: index === 2 ? 'per_smith' : null, kind: index === 2 ? 'speech' : 'narration', text, offset };
    offset += text.length + 2;
    return turn;
  });
  const quoteStart = turns[1]!.offset + 1;
  const document: DocumentRecord = {
    id,
    debateId,
    title: 'Article',
    format: 'text',
    text: texts.join('\n\n'),
    version: 1,
    quotes: [{ personId: 'per_corbyn', start: quoteStart, end: quoteStart + 20, turnIndex: 1 }],
    createdAt: t,
    updatedAt: t,
  };
  return { document, turns };
}

const claim: Claim = { id: 'clm_1', text: 'Five out of 28 members met the target', topicIds: ['top_spending'], type: 'statistic', status: 'researching', notes: 'Check the NATO annual report', createdAt: t, updatedAt: t };
const appearance = (id: string, documentId: string, start: number, createdAt: string): Appearance => ({
  id,
  claimId: 'clm_1',
  documentId,
  anchor: { quote: { exact: 'x', prefix: '', suffix: '' }, position: { start, end: start + 10 }, documentVersion: 1 },
  state: 'anchored',
  createdAt,
  updatedAt: createdAt,
});
const verdict: Verdict = { id: 'ver_1', claimId: 'clm_1', scaleId: 'scale-six-step', stepId: 'mostly-true', conclusion: '', reasoning: '', author: 'a', history: [], createdAt: t, updatedAt: t };
const note: Note = { id: 'not_1', documentId: 'doc_1', anchor: { quote: { exact: 'x', prefix: '', suffix: '' }, position: { start: 5, end: 9 }, documentVersion: 1 }, state: 'anchored', kind: 'note', body: 'Ask the Kremlin press office', createdAt: t, updatedAt: t };

function buildIndex(): SearchIndex {
  const { document, turns } = makeDocument();
  const index = SearchIndex.empty();
  index.putSource('doc:doc_1', documentStamp(document), turnEntries(document, turns));
  index.putSource('claim:clm_1', 'a', [claimEntry(claim, [appearance('app_1', 'doc_1', 40, t)], verdict, () => 'deb_1')]);
  index.putSource('note:not_1', 'a', [noteEntry(note, 'deb_1')]);
  return index;
}

describe('records into index entries', () => {
  it('gives one entry per turn with its span in the document, and counts quoted people as speakers', () => {
    const { document, turns } = makeDocument();
    const entries = turnEntries(document, turns);
    expect(entries).toHaveLength(3);
    for (const [i, e] of entries.entries()) expect(document.text.slice(e.start, e.end)).toBe(texts[i]);
    expect(entries[1]!.personIds).toEqual(['per_corbyn']);
    expect(entries[2]!.personIds).toEqual(['per_smith']);
    expect(entries[0]!.personIds).toEqual([]);
    expect(entries.every((e) => e.debateIds[0] === 'deb_1')).toBe(true);
  });

  it('a claim entry searches statement and notes, opens at its first appearance, and knows debates, verdict and status', () => {
    const entry = claimEntry(claim, [appearance('app_2', 'doc_2', 300, '2026-02-01'), appearance('app_1', 'doc_1', 40, '2026-01-01')], verdict, (d) => (d === 'doc_1' ? 'deb_1' : 'deb_2'));
    expect(entry.text).toContain('NATO annual report');
    expect(entry).toMatchObject({ documentId: 'doc_1', start: 40, end: 50, verdict: 'mostly-true', status: 'researching', topicIds: ['top_spending'] });
    expect(entry.debateIds.sort()).toEqual(['deb_1', 'deb_2']);
    expect(claimEntry(claim, [], undefined, () => undefined).verdict).toBe('none');
  });

  it('a fingerprint changes when anything a filter sees changes', () => {
    const a = claimEntry(claim, [], verdict, () => undefined);
    const b = claimEntry({ ...claim, status: 'checked' }, [], verdict, () => undefined);
    expect(fingerprint(a)).toBe(fingerprint({ ...a }));
    expect(fingerprint(a)).not.toBe(fingerprint(b));
  });
});

describe('the differences to apply to a saved index', () => {
  it('removes the entries of gone and changed sources and builds only new and changed ones', () => {
    const saved = { 'doc:a': { stamp: '1', ids: ['turn:a1', 'turn:a2'] }, 'doc:b': { stamp: '1', ids: ['turn:b1'] }, 'claim:c': { stamp: 'x', ids: ['claim:c'] } };
    const plan = planUpdate(saved, new Map([['doc:a', '1'], ['doc:b', '2'], ['note:n', 'y']]));
    expect(plan.remove.sort()).toEqual(['claim:c', 'turn:b1']);
    expect(plan.build.sort()).toEqual(['doc:b', 'note:n']);
    expect(plan.unchanged).toBe(1);
  });

  it('syncIndex loads only what changed, and the index then finds the new text and not the old', async () => {
    const index = buildIndex();
    const current = new Map(Object.entries(index.manifest).map(([k, v]) => [k, v.stamp]));
    const loaded: string[][] = [];
    const nothing = await syncIndex(index, current, async (keys) => (loaded.push(keys), new Map()));
    expect(nothing).toEqual({ removedSources: 0, builtSources: 0, unchangedSources: 3 });
    expect(loaded).toEqual([]);

    current.set('claim:clm_1', 'b');
    current.delete('note:not_1');
    const changed: SearchEntry = { ...claimEntry({ ...claim, text: 'Twenty-three allies missed the guideline', notes: undefined }, [], verdict, () => 'deb_1') };
    const result = await syncIndex(index, current, async (keys) => (loaded.push(keys), new Map([['claim:clm_1', [changed]]])));
    expect(result).toEqual({ removedSources: 1, builtSources: 1, unchangedSources: 1 });
    expect(loaded).toEqual([['claim:clm_1']]);
    expect(index.search('guideline').map((h) => h.id)).toEqual(['claim:clm_1']);
    expect(index.search('annual report')).toEqual([]);
    expect(index.search('Kremlin')).toEqual([]);
    expect(index.size).toBe(4);
  });
});

describe('searching', () => {
  it('finds by prefix and with a typo, across turns, claims and notes', () => {
    const index = buildIndex();
    expect(index.search('OSCE').map((h) => h.id)).toEqual(['turn:doc_1_t1']);
    expect(index.search('strength').map((h) => h.id)).toEqual(['turn:doc_1_t1']);
    expect(index.search('relatoinship').map((h) => h.id)).toEqual(['turn:doc_1_t1']);
    expect(index.search('kremlin').map((h) => h.kind)).toEqual(['note']);
    expect(index.search('annual report').map((h) => h.kind)).toEqual(['claim']);
    expect(index.search('')).toEqual([]);
  });

  it('filters: speaker and debate narrow every kind; topic, verdict and status narrow to claims', () => {
    const index = buildIndex();
    expect(index.search('NATO').length).toBe(3);
    expect(index.search('NATO', { personId: 'per_smith' }).map((h) => h.id)).toEqual(['turn:doc_1_t2']);
    expect(index.search('NATO', { personId: 'per_corbyn' }).map((h) => h.id)).toEqual(['turn:doc_1_t1']);
    expect(index.search('NATO', { debateId: 'deb_2' })).toEqual([]);
    expect(index.search('NATO', { status: 'researching' }).map((h) => h.id)).toEqual(['claim:clm_1']);
    expect(index.search('NATO', { verdict: 'mostly-true' }).map((h) => h.id)).toEqual(['claim:clm_1']);
    expect(index.search('NATO', { verdict: 'false' })).toEqual([]);
    expect(index.search('NATO', { topicIds: ['top_other', 'top_spending'] }).map((h) => h.id)).toEqual(['claim:clm_1']);
    expect(index.search('NATO', { kinds: ['turn'] }).length).toBe(2);
  });

  it('matchesFilters treats an empty filter as no filter', () => {
    const entry = { id: 'turn:t', kind: 'turn' as const, recordId: 't', debateIds: ['d'], personIds: [], topicIds: [] };
    expect(matchesFilters(entry, {})).toBe(true);
    expect(matchesFilters(entry, { topicIds: [], kinds: [] })).toBe(true);
    expect(matchesFilters(entry, { personId: 'p' })).toBe(false);
  });

  it('survives saving and loading, and refuses a saved index of another format', () => {
    const index = buildIndex();
    const saved = JSON.parse(JSON.stringify(index.save())) as unknown;
    const loaded = SearchIndex.load(saved)!;
    expect(loaded.size).toBe(5);
    expect(loaded.search('OSCE', { personId: 'per_corbyn' })[0]).toMatchObject({ id: 'turn:doc_1_t1', documentId: 'doc_1', start: texts[0]!.length + 2 });
    expect(loaded.manifest).toEqual(index.manifest);
    expect(SearchIndex.load({ ...(saved as object), format: 99 })).toBeUndefined();
    expect(SearchIndex.load({ format: INDEX_FORMAT, json: '{not json', stored: {}, manifest: {} })).toBeUndefined();
    // An index saved before the stored fields moved out of MiniSearch's JSON is rebuilt, not half-read.
    expect(SearchIndex.load({ ...(saved as object), format: 1 })).toBeUndefined();
    expect(SearchIndex.load({ ...(saved as object), stored: undefined })).toBeUndefined();
    expect(SearchIndex.load(undefined)).toBeUndefined();
  });
});

describe('stored fields kept beside the index', () => {
  it('gives every hit its fields, applies filters before the limit, and forgets a replaced source', () => {
    const index = SearchIndex.empty();
    const entry = (i: number): SearchEntry => ({ id: `turn:t${i}`, kind: 'turn', recordId: `t${i}`, text: `budget line ${i}`, documentId: 'doc_9', debateIds: ['deb_9'], personIds: [i % 2 ? 'per_odd' : 'per_even'], topicIds: [], start: i * 10, end: i * 10 + 8 });
    index.putSource('doc:doc_9', 'a', Array.from({ length: 120 }, (_, i) => entry(i)));
    const hits = index.search('budget');
    expect(hits).toHaveLength(50);
    expect(hits[0]).toMatchObject({ kind: 'turn', documentId: 'doc_9', terms: ['budget'] });
    // The lists only filters read stay in the index: they are not copied into every hit sent to the window.
    expect(hits.some((h) => 'debateIds' in h || 'personIds' in h || 'topicIds' in h)).toBe(false);
    expect(hits.every((h) => h.end === h.start! + 8 && h.recordId === h.id.slice('turn:'.length))).toBe(true);
    // The filter sees every match, not only the first 50.
    const odd = index.search('budget', { personId: 'per_odd' }, 100);
    expect(odd).toHaveLength(60);
    expect(odd.every((h) => Number(h.recordId.slice(1)) % 2 === 1)).toBe(true);
    index.putSource('doc:doc_9', 'b', [{ ...entry(0), text: 'spending line', personIds: ['per_new'] }]);
    expect(index.search('budget')).toEqual([]);
    expect(index.search('spending')[0]).toMatchObject({ id: 'turn:t0' });
    expect(index.search('spending', { personId: 'per_new' }).map((h) => h.id)).toEqual(['turn:t0']);
    expect(index.save().stored).toEqual({ 'turn:t0': expect.objectContaining({ personIds: ['per_new'] }) });
  });
});

describe('claims sharing words with a selection', () => {
  it('offers claims with any of its words, most relevant first, and never turns or notes', () => {
    const index = buildIndex();
    const other: Claim = { ...claim, id: 'clm_2', text: 'Defence spending must reach 2% of GDP', notes: '' };
    index.putSource('claim:clm_2', 'a', [claimEntry(other, [], undefined, () => 'deb_1')]);
    // Any shared word is enough (not every word, as in search); the claim sharing more words comes first.
    // ("of" is a shared word too: findSimilarClaims, not this, decides what is similar enough.)
    expect(index.claimsSharingWords('only five out of 28 members met this target last year')).toEqual(['clm_1', 'clm_2']);
    expect(index.claimsSharingWords('five members met the target on defence')).toEqual(['clm_1', 'clm_2']);
    expect(index.claimsSharingWords('defence spending')).toEqual(['clm_2']);
    // These words are in a note and a turn, in no claim.
    expect(index.claimsSharingWords('Kremlin press office')).toEqual([]);
    expect(index.claimsSharingWords('   ')).toEqual([]);
    expect(index.claimsSharingWords('five members spending', 1)).toHaveLength(1);
  });
});

describe('exact hit offsets', () => {
  it('finds the matched term as a whole word, case-insensitively, past curly quotes', () => {
    const text = texts[1]!;
    const span = hitSpan(text, ['osce'])!;
    expect(text.slice(span.start, span.end)).toBe('OSCE');
    const nato = hitSpan(text, ['nato'])!;
    expect(text.slice(nato.start, nato.end)).toBe('NATO');
    // "that" is matched by the term "that", not inside "That’s" as a prefix of a longer word.
    const that = hitSpan('That’s what that means', ['that'])!;
    expect(that).toEqual({ start: 0, end: 4 });
    expect(hitSpan(text, ['missing'])).toBeUndefined();
  });

  it('uses the hit terms a prefix or fuzzy search returns, so the span is the word in the text', () => {
    const index = buildIndex();
    const [hit] = index.search('relatoinship');
    const span = hitSpan(texts[1]!, hit!.terms)!;
    expect(texts[1]!.slice(span.start, span.end)).toBe('relationship');
    expect(tokenize('2% of GDP, U.S.-led')).toEqual(['2', 'of', 'GDP', 'U', 'S', 'led']);
  });
});
