import { describe, expect, it } from 'vitest';
import type { Appearance, Claim, EvidenceLink, Source, Verdict } from '../../../../shared/model.js';
import { claimEntry, evidenceEntry, fingerprint, sourceEntry, sourceText, verdictEntry } from '../../../../shared/search/searchEntries.js';
import { INDEX_FORMAT, SearchIndex, hitSpan } from '../../../../shared/search/searchIndex.js';

// Library sources, evidence links and verdicts in the index (issue 11): what each gives, what a hit opens, and how
// the filters treat them.

const t = '2026-01-01T00:00:00.000Z';
const claim: Claim = { id: 'clm_1', text: 'Only five of 28 members meet the 2% target', topicIds: ['top_spending'], type: 'statistic', status: 'checked', claimantId: 'per_smith', createdAt: t, updatedAt: t };
const appearance = (id: string, documentId: string, start: number, createdAt: string): Appearance => ({
  id,
  claimId: 'clm_1',
  documentId,
  anchor: { quote: { exact: 'x', prefix: '', suffix: '' }, position: { start, end: start + 12 }, documentVersion: 1 },
  state: 'anchored',
  createdAt,
  updatedAt: createdAt,
});
const appearances = [appearance('app_2', 'doc_2', 500, '2026-02-01'), appearance('app_1', 'doc_1', 40, '2026-01-01')];
const debateOf = (d: string) => (d === 'doc_1' ? 'deb_1' : 'deb_2');

const source: Source = {
  id: 'src_1',
  kind: 'dataset',
  csl: {
    id: 'src_1',
    type: 'dataset',
    title: 'Defence Expenditure of NATO Countries (2014-2024)',
    author: [{ literal: 'NATO Public Diplomacy Division' }, { given: 'Ada', family: 'Lovelace' }],
    publisher: 'North Atlantic Treaty Organization',
    note: 'Figures for 2024 are estimates (table 2).',
  },
  reliability: 'Official statistics, revised each June.',
  tags: ['nato'],
  attachments: [],
  createdAt: t,
  updatedAt: t,
};
const link: EvidenceLink = {
  id: 'evi_1',
  claimId: 'clm_1',
  sourceId: 'src_1',
  relation: 'supports',
  locator: { table: 'Table 3' },
  excerpt: '2016e, % of GDP: United States 3.61, Greece 2.38, Estonia 2.16',
  note: 'Compare with the Wales pledge',
  createdAt: t,
  updatedAt: t,
};
const verdict: Verdict = {
  id: 'ver_1',
  claimId: 'clm_1',
  scaleId: 'scale-six-step',
  stepId: 'true',
  conclusion: 'Allies agreed at the Wales summit to aim for 2% of GDP.',
  reasoning: 'The guideline is a target, not an obligation.',
  author: 'a',
  history: [],
  createdAt: t,
  updatedAt: t,
};

function buildIndex(): SearchIndex {
  const index = SearchIndex.empty();
  index.putSource('claim:clm_1', 'a', [claimEntry(claim, appearances, verdict, debateOf)]);
  index.putSource('src:src_1', 'a', sourceEntry(source));
  index.putSource('ev:evi_1', 'a', evidenceEntry(link, claim, appearances, debateOf));
  index.putSource('verdict:ver_1', 'a', verdictEntry(verdict, claim, appearances, debateOf));
  return index;
}

describe('library sources, evidence links and verdicts as index entries', () => {
  it('a source is searched by title, authors (literal and personal names), publisher and its notes', () => {
    const text = sourceText(source);
    for (const part of ['Defence Expenditure', 'NATO Public Diplomacy Division', 'Ada Lovelace', 'North Atlantic Treaty Organization', 'Figures for 2024 are estimates (table 2).', 'revised each June']) expect(text).toContain(part);
    const [entry] = sourceEntry(source);
    expect(entry).toMatchObject({ id: 'source:src_1', kind: 'source', recordId: 'src_1', debateIds: [], personIds: [], topicIds: [] });
    expect(entry!.documentId).toBeUndefined();
    // A source with nothing to search gives no entry (and hostile CSL values that are not text are skipped).
    expect(sourceEntry({ ...source, csl: { id: 'x', type: 'report', title: '  ', author: 'not a list' as never, publisher: 42 as never }, reliability: undefined })).toEqual([{ ...entry, text: '42' }]);
    expect(sourceEntry({ ...source, csl: { id: 'x', type: 'report' }, reliability: undefined })).toEqual([]);
  });

  it('an evidence link searches its excerpt and note, and opens its claim where the claim was first said', () => {
    const [entry] = evidenceEntry(link, claim, appearances, debateOf);
    expect(entry!.text).toContain('Estonia 2.16');
    expect(entry!.text).toContain('Wales pledge');
    expect(entry).toMatchObject({ id: 'evidence:evi_1', kind: 'evidence', recordId: 'evi_1', claimId: 'clm_1', documentId: 'doc_1', start: 40, end: 52, personIds: ['per_smith'] });
    expect(entry!.debateIds.sort()).toEqual(['deb_1', 'deb_2']);
    expect(evidenceEntry({ ...link, excerpt: '', note: undefined }, claim, appearances, debateOf)).toEqual([]);
    // A claim that is nowhere in a document still has its evidence found (it opens the claim alone).
    const [alone] = evidenceEntry(link, undefined, [], debateOf);
    expect(alone).toMatchObject({ claimId: 'clm_1', personIds: [], debateIds: [] });
    expect(alone!.documentId).toBeUndefined();
  });

  it('a verdict searches its conclusion and reasoning and opens its claim', () => {
    const [entry] = verdictEntry(verdict, claim, appearances, debateOf);
    expect(entry!.text).toBe('Allies agreed at the Wales summit to aim for 2% of GDP.\nThe guideline is a target, not an obligation.');
    expect(entry).toMatchObject({ id: 'verdict:ver_1', kind: 'verdict', recordId: 'ver_1', claimId: 'clm_1', documentId: 'doc_1', start: 40 });
    expect(verdictEntry({ ...verdict, conclusion: ' ', reasoning: '' }, claim, appearances, debateOf)).toEqual([]);
  });

  it('an edited excerpt, conclusion or source title changes the fingerprint, so the entry is rebuilt', () => {
    const [e] = evidenceEntry(link, claim, appearances, debateOf);
    const [e2] = evidenceEntry({ ...link, excerpt: 'Latvia 2.1' }, claim, appearances, debateOf);
    expect(fingerprint(e!)).not.toBe(fingerprint(e2!));
    const [v] = verdictEntry(verdict, claim, appearances, debateOf);
    const [v2] = verdictEntry({ ...verdict, conclusion: 'Changed.' }, claim, appearances, debateOf);
    expect(fingerprint(v!)).not.toBe(fingerprint(v2!));
    const [s] = sourceEntry(source);
    const [s2] = sourceEntry({ ...source, csl: { ...source.csl, title: 'Another title' } });
    expect(fingerprint(s!)).not.toBe(fingerprint(s2!));
    // The claimant of the claim is a filter fact of its evidence: changing it rebuilds the evidence entry too.
    const [e3] = evidenceEntry(link, { ...claim, claimantId: 'per_other' }, appearances, debateOf);
    expect(fingerprint(e!)).not.toBe(fingerprint(e3!));
  });
});

describe('searching library sources, evidence excerpts and verdict conclusions', () => {
  it('finds each kind by its own words, with what a hit needs to open it', () => {
    const index = buildIndex();
    expect(index.search('Public Diplomacy').map((h) => h.id)).toEqual(['source:src_1']);
    expect(index.search('Lovelace').map((h) => h.id)).toEqual(['source:src_1']);
    expect(index.search('estimates').map((h) => h.id)).toEqual(['source:src_1']);
    expect(index.search('Estonia')[0]).toMatchObject({ id: 'evidence:evi_1', kind: 'evidence', claimId: 'clm_1', documentId: 'doc_1', start: 40, end: 52 });
    expect(index.search('Wales pledge').map((h) => h.id)).toEqual(['evidence:evi_1']);
    expect(index.search('Wales summit')[0]).toMatchObject({ id: 'verdict:ver_1', kind: 'verdict', claimId: 'clm_1' });
    expect(index.search('obligation').map((h) => h.id)).toEqual(['verdict:ver_1']);
    // Prefix and typo rules are the same as for turns and claims.
    expect(index.search('Eston').map((h) => h.id)).toEqual(['evidence:evi_1']);
    expect(index.search('obligaton').map((h) => h.id)).toEqual(['verdict:ver_1']);
  });

  it('speaker and debate filters see the claim of evidence and verdicts; a library source belongs to neither', () => {
    const index = buildIndex();
    // "2" is a word of the claim, the excerpt, the verdict and the source's note.
    expect(index.search('2', {}).map((h) => h.kind).sort()).toEqual(['claim', 'evidence', 'source', 'verdict']);
    expect(index.search('2', { personId: 'per_smith' }).map((h) => h.kind).sort()).toEqual(['claim', 'evidence', 'verdict']);
    expect(index.search('2', { debateId: 'deb_2' }).map((h) => h.kind).sort()).toEqual(['claim', 'evidence', 'verdict']);
    expect(index.search('2', { personId: 'per_other' })).toEqual([]);
    // Topic, verdict and status are facts of claims: they narrow to claims, as the dialog says.
    expect(index.search('2', { status: 'checked' }).map((h) => h.kind)).toEqual(['claim']);
    expect(index.search('2', { verdict: 'true' }).map((h) => h.kind)).toEqual(['claim']);
    expect(index.search('2', { kinds: ['source', 'verdict'] }).map((h) => h.kind).sort()).toEqual(['source', 'verdict']);
  });

  it('keeps the new kinds through save and load, forgets a deleted one, and never offers them as similar claims', () => {
    const index = buildIndex();
    const loaded = SearchIndex.load(JSON.parse(JSON.stringify(index.save())) as unknown)!;
    expect(loaded.size).toBe(4);
    expect(loaded.search('Estonia')[0]).toMatchObject({ claimId: 'clm_1', documentId: 'doc_1' });
    loaded.dropSource('ev:evi_1');
    expect(loaded.search('Estonia')).toEqual([]);
    expect(loaded.claimsSharingWords('Wales summit Estonia Public Diplomacy')).toEqual([]);
  });

  it('an index saved in the format before these kinds (2) is rebuilt, not read without them', () => {
    expect(INDEX_FORMAT).toBe(3);
    const saved = buildIndex().save();
    expect(SearchIndex.load({ ...saved, format: 2 })).toBeUndefined();
    expect(SearchIndex.load(saved)).toBeDefined();
  });
});

describe('the word a snippet marks', () => {
  it('is the longest matched term, so "Estonia 2.16" marks Estonia rather than the first 2 of the text', () => {
    const text = '2016e, % of GDP: United States 3.61, Greece 2.38, Estonia 2.16';
    const span = hitSpan(text, ['2', 'estonia', '16'])!;
    expect(text.slice(span.start, span.end)).toBe('Estonia');
    // Among terms of one length, the first occurrence.
    const two = hitSpan('a NATO b OSCE', ['osce', 'nato'])!;
    expect(two).toEqual({ start: 2, end: 6 });
  });
});
