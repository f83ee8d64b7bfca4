import { describe, expect, it } from 'vitest';
import { buildReport, REPORT_SECTIONS, type ReportOptions } from '../../../../shared/exports/reportModel.js';
import { ARTICLE_TEXT, sampleSnapshot } from '../../../fixtures/exports/sampleSnapshot.js';

const options = (over: Partial<ReportOptions> = {}): ReportOptions => ({
  title: 'NATO claims',
  filter: {},
  sections: [...REPORT_SECTIONS],
  citationStyle: 'apa',
  organisation: { name: 'Fact Desk', url: 'https://factdesk.example' },
  generatedAt: '2016-09-01T12:00:00.000Z',
  ...over,
});

describe('buildReport', () => {
  it('fixture anchors sit on the exact text they quote', () => {
    for (const a of sampleSnapshot().appearances) {
      expect(ARTICLE_TEXT.slice(a.anchor.position.start, a.anchor.position.end)).toBe(a.anchor.quote.exact);
    }
  });

  it('numbers claims in reading order and builds full cards', () => {
    const report = buildReport(sampleSnapshot(), options());
    expect(report.claims.map((c) => c.number)).toEqual([1, 2, 3, 4, 5]);
    expect(report.claims.map((c) => c.id)).toEqual(['claim-dialogue', 'claim-osce', 'claim-aid', 'claim-trump-2pc', 'claim-five-of-28']);
    const five = report.claims.find((c) => c.id === 'claim-five-of-28');
    expect(five?.quote?.exact).toBe('only five out of 28 members met this target last year');
    expect(five?.quote?.before).toMatch(/supposed to amount to 2% of GDP, but $/);
    expect(five?.quote?.after).toMatch(/^, according to a NATO report\./);
    expect(five?.verdict).toMatchObject({ label: 'Mostly true', value: 0.75, color: '#91cf60' });
    expect(five?.evidence[0]).toMatchObject({ locator: 'p. 8, Table 3, column 2015e', edition: 'July 2016', figureYear: '2015' });
    expect(five?.evidence[0]?.citation).toMatch(/^NATO Public Diplomacy Division\. \(2016\)\./);
    expect(report.claims.find((c) => c.id === 'claim-aid')?.claimant?.name).toBe('Owen Smith');
    expect(report.claims.find((c) => c.id === 'claim-dialogue')?.verdict?.label).toBe('A prediction that cannot be checked.');
  });

  it('counts verdicts per speaker and compares speakers by topic', () => {
    const report = buildReport(sampleSnapshot(), options());
    const smith = report.verdictBreakdown.rows.find((r) => r.speaker?.name === 'Owen Smith');
    expect(smith?.counts).toEqual({ 'scale-five/true': 1 });
    const corbyn = report.verdictBreakdown.rows.find((r) => r.speaker?.name === 'Jeremy Corbyn');
    expect(corbyn).toMatchObject({ total: 2, counts: { unrated: 2 } });
    expect(report.verdictBreakdown.rows.at(-1)?.speaker).toBeNull(); // the article's own claim
    expect(report.comparison.topics.map((t) => t.name)).toEqual(['Defence › Defence spending', 'Defence › NATO › Article 5', 'Russia']);
    const trump = report.comparison.rows.find((r) => r.speaker.name === 'Donald Trump');
    expect(trump?.cells.map((c) => c.claimNumbers)).toEqual([[4], [4], []]);
    const smithRow = report.comparison.rows.find((r) => r.speaker.name === 'Owen Smith');
    expect(smithRow?.cells[1]).toMatchObject({ claimNumbers: [3], meanValue: 1, verdictLabels: ['True'] });
  });

  it('excerpts highlight numbered spans taken from the document text', () => {
    const report = buildReport(sampleSnapshot(), options());
    const excerpt = report.excerpts[0];
    expect(excerpt?.documentTitle).toContain('Corbyn');
    const highlighted = excerpt?.passages.flatMap((p) => p.segments.filter((s) => s.claimNumber !== undefined)) ?? [];
    expect(highlighted.map((s) => s.claimNumber)).toEqual([1, 2, 3, 4, 5]);
    expect(highlighted[4]?.text).toBe('only five out of 28 members met this target last year');
    const smithPassage = excerpt?.passages.find((p) => p.speaker === 'Owen Smith');
    expect(smithPassage?.segments.map((s) => s.text).join('')).toMatch(/^“We would have to come.*never see that happen”\.$/s);
  });

  it('filters by speaker, topic (with sub-topics), verdict step, status and document', () => {
    const snap = sampleSnapshot();
    const ids = (o: Partial<ReportOptions>) => buildReport(snap, options(o)).claims.map((c) => c.id).sort();
    expect(ids({ filter: { speakerIds: ['person-corbyn'] } })).toEqual(['claim-dialogue', 'claim-osce']);
    expect(ids({ filter: { topicIds: ['topic-defence'] } })).toEqual(['claim-aid', 'claim-five-of-28', 'claim-trump-2pc']);
    expect(ids({ filter: { verdictStepIds: ['true', 'mostly-true'] } })).toEqual(['claim-aid', 'claim-five-of-28']);
    expect(ids({ filter: { statuses: ['checked', 'published'], speakerIds: ['person-smith'] } })).toEqual(['claim-aid']);
    expect(ids({ documentIds: ['no-such-doc'] })).toEqual([]);
    const filtered = buildReport(snap, options({ filter: { speakerIds: ['person-smith'] } }));
    expect(filtered.claims[0]?.number).toBe(1);
    expect(filtered.bibliography.map((b) => b.sourceId)).toEqual(['source-nato-treaty']);
  });

  it('leaves orphaned or stale anchors out of quotes and excerpts', () => {
    const snap = sampleSnapshot();
    const app = snap.appearances.find((a) => a.id === 'app-five');
    if (!app) throw new Error('fixture');
    app.anchor.position = { start: 0, end: 10 }; // no longer matches the quote
    const report = buildReport(snap, options());
    expect(report.claims.find((c) => c.id === 'claim-five-of-28')?.quote).toBeUndefined();
    expect(report.excerpts[0]?.passages.flatMap((p) => p.segments).some((s) => s.claimNumber === 5)).toBe(false);
  });
});
