import { describe, expect, it } from 'vitest';
import {
  buildComparison,
  commonBin,
  NO_TOPIC_ID,
  type Comparison,
  type ComparisonCell,
  type ComparisonOptions,
} from '../../../../shared/compare/buildComparison.js';
import { appearance, appearances, claims, library, sixStep, threeStep, verdict, verdicts } from './compareFixture.js';

const both: ComparisonOptions = { speakerIds: ['corbyn', 'smith'], scope: {} };

function cell(result: Comparison, topicId: string, personId: string): ComparisonCell {
  const row = result.rows.find((r) => r.topic.id === topicId);
  const found = row?.cells.find((c) => c.personId === personId);
  if (!found) throw new Error(`no cell ${topicId}/${personId}`);
  return found;
}
const counts = (c: { byVerdict: { key: string; count: number }[] }): Record<string, number> =>
  Object.fromEntries(c.byVerdict.map((b) => [b.key, b.count]));
const totals = (result: Comparison, personId: string) => {
  const found = result.speakers.find((s) => s.personId === personId);
  if (!found) throw new Error(`no speaker ${personId}`);
  return found;
};

describe('buildComparison: rows and cells', () => {
  const result = buildComparison(library(), both);

  it('lists topics in tree order with their depth and path, speakers in the order picked', () => {
    expect(result.rows.map((r) => [r.topic.id, r.depth])).toEqual([
      ['defence', 0],
      ['nato', 1],
      ['art5', 2],
      ['economy', 0],
    ]);
    expect(result.rows[2]?.path).toBe('Defence › NATO › Article 5');
    expect(result.rows[0]?.cells.map((c) => c.personId)).toEqual(['corbyn', 'smith']);
  });

  it('puts claims without a topic in a "No topic" row at the end, unless topics are filtered', () => {
    const untopical = { ...claims[0]!, id: 'c-none', topicIds: [] };
    const input = library({ claims: [...claims, untopical], appearances: [...appearances, { ...appearances.find((a) => a.claimId === 'c1')!, id: 'a-none', claimId: 'c-none' }] });
    const withRow = buildComparison(input, both);
    expect(withRow.rows.at(-1)?.topic.id).toBe(NO_TOPIC_ID);
    expect(withRow.rows.at(-1)?.path).toBe('No topic');
    expect(cell(withRow, NO_TOPIC_ID, 'corbyn').claimCount).toBe(1);
    expect(totals(withRow, 'corbyn').claimCount).toBe(totals(result, 'corbyn').claimCount + 1);
    const filtered = buildComparison(input, { ...both, filters: { topicIds: ['economy'] } });
    expect(filtered.rows.some((r) => r.topic.id === NO_TOPIC_ID)).toBe(false);
    expect(result.rows.some((r) => r.topic.id === NO_TOPIC_ID)).toBe(false);
  });

  it('counts a topic’s own claims by verdict, across scales', () => {
    const corbyn = cell(result, 'art5', 'corbyn');
    expect(corbyn.claimCount).toBe(3);
    expect(corbyn.checked).toBe(3);
    expect(corbyn.rated).toBe(2);
    expect(corbyn.meanCommonValue).toBeCloseTo(0.5, 10);
    expect(corbyn.tooFewChecked).toBe(false);
    // Scales in the order given, the conclusion-only bucket after them.
    expect(corbyn.byVerdict.map((b) => b.key)).toEqual(['six:true', 'three:false', 'conclusion-only']);
    expect(corbyn.byVerdict[0]).toMatchObject({ stepId: 'true', scaleId: 'six', label: 'True', color: '#0a0', value: 1, count: 1 });

    const smith = cell(result, 'art5', 'smith');
    expect(smith.claimCount).toBe(3);
    expect(smith.checked).toBe(1);
    expect(counts(smith)).toEqual({ 'three:true': 1, unrated: 2 });
    expect(smith.byVerdict.at(-1)?.label).toBe('No verdict');
    expect(smith.tooFewChecked).toBe(true);
    expect(smith.meanCommonValue).toBe(1);
  });

  it('rolls subtopic claims up into every ancestor row, once each', () => {
    const nato = cell(result, 'nato', 'corbyn');
    expect(nato.claimCount).toBe(4);
    expect(counts(nato)).toEqual({ 'six:true': 1, 'six:half-true': 1, 'three:false': 1, 'conclusion-only': 1 });
    expect(nato.meanCommonValue).toBeCloseTo(1.6 / 3, 10);
    expect(cell(result, 'defence', 'corbyn').claimCount).toBe(4);
    const defence = cell(result, 'defence', 'smith');
    expect(defence.claimCount).toBe(5);
    expect(defence.checked).toBe(2);
    expect(counts(defence)).toEqual({ 'three:true': 1, 'three:misleading': 1, unrated: 3 });
  });

  it('does not roll up when includeSubtopics is off', () => {
    const flat = buildComparison(library(), { ...both, includeSubtopics: false });
    expect(cell(flat, 'defence', 'corbyn').claimCount).toBe(0);
    expect(cell(flat, 'defence', 'smith').claimCount).toBe(1);
    expect(cell(flat, 'nato', 'corbyn').claimCount).toBe(1);
    expect(cell(flat, 'nato', 'smith').claimCount).toBe(1);
    expect(cell(flat, 'art5', 'corbyn').claimCount).toBe(3);
  });

  it('does not count a status of "checked" without a verdict as checked', () => {
    const economy = cell(result, 'economy', 'corbyn');
    expect(economy.claimCount).toBe(1);
    expect(economy.checked).toBe(0);
    expect(economy.meanCommonValue).toBeUndefined();
    expect(economy.tooFewChecked).toBe(true);
  });

  it('takes the latest stance, keeps the history oldest first, and does not roll stances up', () => {
    const corbyn = cell(result, 'art5', 'corbyn');
    expect(corbyn.stance?.id).toBe('s1');
    expect(corbyn.stanceHistory.map((s) => s.id)).toEqual(['s0', 's1']);
    expect(cell(result, 'nato', 'corbyn').stance).toBeUndefined();
    expect(cell(result, 'defence', 'smith').stanceHistory).toEqual([]);
  });

  it('quotes the stance’s appearances, else the first appearance of the first three claims', () => {
    expect(cell(result, 'art5', 'corbyn').keyQuotes).toEqual([
      { appearanceId: 'a2', claimId: 'c2', documentId: 'doc2', quote: 'quote a2', start: 10, end: 18 },
    ]);
    // c1 appears in debates 3 and 1; its first appearance is the earlier debate's.
    expect(cell(result, 'nato', 'corbyn').keyQuotes.map((q) => q.appearanceId)).toEqual(['a1', 'a2', 'a3']);
    // Smith's NATO stances have no appearances, so the claims speak instead.
    expect(cell(result, 'nato', 'smith').keyQuotes.map((q) => q.appearanceId)).toEqual(['a6', 'a7', 'a11']);
    expect(cell(result, 'economy', 'smith').keyQuotes.map((q) => q.quote)).toEqual(['quote a9']);
  });

  it('skips orphaned appearances when quoting', () => {
    const orphaned = appearances.map((a) => (a.id === 'a1' ? { ...a, state: 'orphaned' as const } : a));
    const r = buildComparison(library({ appearances: orphaned }), both);
    expect(cell(r, 'nato', 'corbyn').keyQuotes.map((q) => q.appearanceId)).toEqual(['a1b', 'a2', 'a3']);
    // s0 is backed only by a1; with no usable quote it falls back to the claims.
    const early = buildComparison(library({ appearances: orphaned }), { ...both, scope: { debateIds: ['d1'] } });
    expect(cell(early, 'art5', 'corbyn').stance?.id).toBe('s0');
    expect(cell(early, 'art5', 'corbyn').keyQuotes).toEqual([]);
  });

  it('marks rows without claims or stances as empty', () => {
    // In debate 2 neither has a statistic, and Smith's stances are backed elsewhere or not at all.
    const r = buildComparison(library(), {
      speakerIds: ['trump', 'smith'],
      scope: { debateIds: ['d2'] },
      filters: { types: ['statistic'] },
    });
    expect(r.rows.every((row) => row.empty)).toBe(true);
    expect(result.rows.some((row) => row.empty)).toBe(false);
  });
});

describe('buildComparison: speaker totals', () => {
  const result = buildComparison(library(), both);

  it('counts each claim once with shares of the checked claims', () => {
    const corbyn = totals(result, 'corbyn');
    expect(corbyn).toMatchObject({ name: 'Jeremy Corbyn', party: 'Labour', color: '#d00' });
    expect([corbyn.claimCount, corbyn.checked, corbyn.rated, corbyn.unchecked]).toEqual([5, 4, 3, 1]);
    expect(corbyn.byVerdict.map((b) => [b.key, b.count, b.share])).toEqual([
      ['six:true', 1, 0.25],
      ['six:half-true', 1, 0.25],
      ['three:false', 1, 0.25],
      ['conclusion-only', 1, 0.25],
    ]);
    const smith = totals(result, 'smith');
    expect([smith.claimCount, smith.checked, smith.rated, smith.unchecked]).toEqual([6, 3, 3, 3]);
    expect(smith.byVerdict.map((b) => b.key)).toEqual(['six:mostly-false', 'three:true', 'three:misleading']);
    expect(smith.byVerdict.reduce((sum, b) => sum + b.share, 0)).toBeCloseTo(1, 10);
    expect(smith.tooFewChecked).toBe(false);
    expect(smith.meanCommonValue).toBeCloseTo(1.9 / 3, 10);
  });

  it('maps a 6-step and a 3-step scale onto the same five common bins', () => {
    expect(sixStep.steps.map((s) => commonBin(s.value))).toEqual([4, 4, 3, 2, 1, 0]);
    expect(threeStep.steps.map((s) => commonBin(s.value))).toEqual([4, 2, 0]);
    // Corbyn: six:true (1), six:half-true (0.6), three:false (0). Smith: three:true (1), three:misleading (0.5),
    // six:mostly-false (0.4). "True" on either scale lands in the same bin.
    expect(totals(result, 'corbyn').distribution.map((b) => b.count)).toEqual([1, 0, 0, 1, 1]);
    expect(totals(result, 'smith').distribution.map((b) => b.count)).toEqual([0, 0, 2, 0, 1]);
    expect(totals(result, 'smith').distribution.map((b) => b.share)).toEqual([0, 0, 2 / 3, 0, 1 / 3]);
    expect(totals(result, 'smith').distribution[4]).toMatchObject({ from: 0.8, to: 1, label: 'True' });
  });

  it('gives zero shares, not NaN, to a speaker with nothing checked', () => {
    const r = buildComparison(library(), { ...both, filters: { statuses: ['checked'] } });
    const corbyn = totals(r, 'corbyn');
    expect(corbyn.claimCount).toBe(1);
    expect(corbyn.distribution.every((b) => b.share === 0)).toBe(true);
    expect(corbyn.meanCommonValue).toBeUndefined();
    expect(totals(r, 'smith').claimCount).toBe(0);
  });

  it('builds a legend of every bucket in display order with total counts', () => {
    expect(result.legend.map((b) => [b.key, b.count])).toEqual([
      ['six:true', 1],
      ['six:half-true', 1],
      ['six:mostly-false', 1],
      ['three:true', 1],
      ['three:misleading', 1],
      ['three:false', 1],
      ['conclusion-only', 1],
      ['unrated', 4],
    ]);
  });
});

describe('buildComparison: verdicts', () => {
  it('flips too-few-checked off as verdicts are added', () => {
    const before = buildComparison(library(), both);
    expect(cell(before, 'art5', 'smith').tooFewChecked).toBe(true);
    const more = [...verdicts, verdict('c11', 'six', 'true')];
    expect(cell(buildComparison(library({ verdicts: more }), both), 'art5', 'smith').tooFewChecked).toBe(true);
    const enough = [...more, verdict('c12', 'note')];
    const after = buildComparison(library({ verdicts: enough }), both);
    expect(cell(after, 'art5', 'smith').checked).toBe(3);
    expect(cell(after, 'art5', 'smith').tooFewChecked).toBe(false);
    // The threshold is the caller's.
    expect(cell(buildComparison(library(), { ...both, minChecked: 1 }), 'art5', 'smith').tooFewChecked).toBe(false);
  });

  it('judges a claim by its latest verdict', () => {
    const changed = [...verdicts, verdict('c1', 'six', 'pants', '2016-10-01T00:00:00.000Z')];
    const r = buildComparison(library({ verdicts: changed }), both);
    expect(counts(cell(r, 'art5', 'corbyn'))).toEqual({ 'six:pants': 1, 'three:false': 1, 'conclusion-only': 1 });
    expect(totals(r, 'corbyn').checked).toBe(4);
  });

  it('counts a rated-scale verdict without a step as checked, without a rating', () => {
    const stepless = [...verdicts, verdict('c4', 'three')];
    const economy = cell(buildComparison(library({ verdicts: stepless }), both), 'economy', 'corbyn');
    expect(counts(economy)).toEqual({ 'conclusion-only': 1 });
    expect([economy.checked, economy.rated]).toEqual([1, 0]);
  });

  it('counts a claim under the topics its appearances carry', () => {
    const tagged = appearances.map((a) => (a.id === 'a9' ? { ...a, topicIds: ['nato'] } : a));
    const r = buildComparison(library({ appearances: tagged }), both);
    expect(cell(r, 'nato', 'smith').claimCount).toBe(5);
    expect(cell(r, 'defence', 'smith').claimCount).toBe(6);
    expect(cell(r, 'economy', 'smith').claimCount).toBe(1);
    expect(totals(r, 'smith').claimCount).toBe(6);
  });
});

describe('buildComparison: scope and filters', () => {
  it('keeps claims with an appearance in the scoped debates', () => {
    const r = buildComparison(library(), { ...both, scope: { debateIds: ['d1'] } });
    expect(totals(r, 'corbyn').claimCount).toBe(1);
    expect(totals(r, 'smith').claimCount).toBe(2);
    expect(cell(r, 'art5', 'corbyn').stanceHistory.map((s) => s.id)).toEqual(['s0']);
    expect(cell(r, 'nato', 'smith').stanceHistory).toEqual([]);
    expect(r.flags).toEqual([]);
  });

  it('quotes only from appearances in scope', () => {
    const r = buildComparison(library(), { ...both, scope: { debateIds: ['d3'] } });
    expect(totals(r, 'corbyn').claimCount).toBe(3);
    expect(cell(r, 'nato', 'corbyn').keyQuotes.map((q) => q.appearanceId)).toEqual(['a1b', 'a5']);
  });

  it('places claims in a date range by their own date, else by a debate they appear in', () => {
    const r = buildComparison(library(), { ...both, scope: { from: '2016-08-01', to: '2016-09-30' } });
    // c1 counts through debate 3; c5 is dated 2016-06-30 itself, though it appears in debate 3.
    expect(totals(r, 'corbyn').claimCount).toBe(4);
    expect(cell(r, 'art5', 'corbyn').claimCount).toBe(2);
    expect(totals(r, 'smith').claimCount).toBe(4);
    expect(cell(r, 'art5', 'corbyn').stanceHistory.map((s) => s.id)).toEqual(['s1']);
  });

  it('treats range ends as inclusive and leaves undated claims out without debate dates', () => {
    const june = { ...both, scope: { from: '2016-06-01', to: '2016-06-30' } };
    expect(totals(buildComparison(library(), june), 'corbyn').claimCount).toBe(1);
    const noDebates = buildComparison(library({ debates: [] }), { ...both, scope: { from: '2016-07-01' } });
    expect(totals(noDebates, 'corbyn').claimCount).toBe(0);
    const sameDay = buildComparison(library(), { ...both, scope: { from: '2016-07-01', to: '2016-07-01' } });
    expect(totals(sameDay, 'smith').claimCount).toBe(2);
  });

  it('combines debates and dates', () => {
    const r = buildComparison(library(), { ...both, scope: { debateIds: ['d1', 'd3'], from: '2016-09-01' } });
    // Corbyn: c1 (via debate 3), c4; c5 is dated June. Smith: c9, c12.
    expect(totals(r, 'corbyn').claimCount).toBe(2);
    expect(totals(r, 'smith').claimCount).toBe(2);
  });

  it('restricts rows and totals to the picked topics and, by default, their subtopics', () => {
    const r = buildComparison(library(), { ...both, filters: { topicIds: ['nato'] } });
    expect(r.rows.map((row) => row.topic.id)).toEqual(['nato', 'art5']);
    expect(totals(r, 'corbyn').claimCount).toBe(4);
    expect(totals(r, 'smith').claimCount).toBe(4);
    const own = buildComparison(library(), { ...both, filters: { topicIds: ['nato'] }, includeSubtopics: false });
    expect(own.rows.map((row) => row.topic.id)).toEqual(['nato']);
    expect(totals(own, 'corbyn').claimCount).toBe(1);
  });

  it('filters by type and status; an empty list filters nothing', () => {
    const stats = buildComparison(library(), { ...both, filters: { types: ['statistic'] } });
    expect(totals(stats, 'corbyn').claimCount).toBe(1);
    expect(cell(stats, 'nato', 'corbyn').claimCount).toBe(1);
    expect(totals(stats, 'smith').claimCount).toBe(0);
    const open = buildComparison(library(), { ...both, filters: { types: [], statuses: [], topicIds: [] }, scope: { debateIds: [] } });
    expect(totals(open, 'corbyn').claimCount).toBe(5);
  });

  it('ignores claims of speakers not compared', () => {
    const r = buildComparison(library(), both);
    expect(r.legend.some((b) => b.key === 'six:pants')).toBe(false);
    const withTrump = buildComparison(library(), { speakerIds: ['corbyn', 'trump'], scope: {} });
    expect(counts(cell(withTrump, 'art5', 'trump'))).toEqual({ 'six:pants': 1 });
  });

  it('takes 2 to 6 distinct speakers', () => {
    expect(() => buildComparison(library(), { speakerIds: ['corbyn'], scope: {} })).toThrow(RangeError);
    expect(() => buildComparison(library(), { speakerIds: ['corbyn', 'corbyn'], scope: {} })).toThrow(RangeError);
    const seven = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    expect(() => buildComparison(library(), { speakerIds: seven, scope: {} })).toThrow(RangeError);
    expect(buildComparison(library(), { speakerIds: seven.slice(0, 6), scope: {} }).speakers).toHaveLength(6);
  });
});

describe('buildComparison: flags', () => {
  it('flags stance changes, disagreeing undated stances and opposite verdicts, in table order', () => {
    const r = buildComparison(library(), both);
    expect(r.flags.map((f) => [f.kind, f.reason, f.personId, f.topicId, f.ids])).toEqual([
      ['contradiction', 'stances-disagree', 'smith', 'nato', ['s4', 's5']],
      ['stance-change', 'stance-change', 'corbyn', 'art5', ['s0', 's1']],
      ['contradiction', 'verdicts-opposite', 'corbyn', 'art5', ['c1', 'c2']],
    ]);
    expect(r.flags[1]?.detail).toBe('On Article 5: “commits” (2016-07-01) → “will not commit” (2016-08-15)');
    expect(r.flags[2]?.detail).toBe('Claims on Article 5 rated at opposite ends: “True” and “False”');
  });

  it('does not flag a relabel that only changes case or spacing, nor ratings short of the ends', () => {
    const base = library();
    const stances = base.stances.map((s) => (s.id === 's1' ? { ...s, label: '  Commits ' } : s));
    const softer = base.verdicts.map((v) => (v.claimId === 'c1' ? { ...v, stepId: 'half-true' } : v));
    const r = buildComparison(library({ stances, verdicts: softer }), both);
    expect(r.flags.filter((f) => f.personId === 'corbyn')).toEqual([]);
  });

  it('flags two stances on the same date that disagree as a contradiction, not a change', () => {
    const base = library();
    const stances = base.stances.map((s) => (s.id === 's1' ? { ...s, date: '2016-07-01' } : s));
    const r = buildComparison(library({ stances }), both);
    const corbyn = r.flags.filter((f) => f.personId === 'corbyn');
    expect(corbyn.map((f) => [f.reason, f.ids])).toEqual([
      ['stances-disagree', ['s0', 's1']],
      ['verdicts-opposite', ['c1', 'c2']],
    ]);
  });

  it('reads verdict ends on the common scale, across scales', () => {
    // A 6-step "Mostly true" (0.8) against a 3-step "False" (0): opposite ends.
    const extra = [
      ...claims,
      { ...claims[0]!, id: 'c20', claimantId: 'smith' },
      { ...claims[0]!, id: 'c21', claimantId: 'smith' },
    ];
    const apps = [...appearances, appearance('a20', 'c20', 'doc1', 900), appearance('a21', 'c21', 'doc1', 950)];
    const vs = [...verdicts, verdict('c20', 'six', 'mostly-true'), verdict('c21', 'three', 'false')];
    const r = buildComparison(library({ claims: extra, appearances: apps, verdicts: vs }), both);
    const smith = r.flags.filter((f) => f.personId === 'smith' && f.reason === 'verdicts-opposite');
    // c6 (three:true, 1) is the highest; c21 the lowest.
    expect(smith.map((f) => [f.topicId, f.ids])).toEqual([['art5', ['c6', 'c21']]]);
  });
});
