import { strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { REPORT_SECTIONS, type ReportOptions } from '../../../../../shared/exports/reportModel.js';
import { exportBytes, ExportRefused, fileNameFor } from '../../../../../renderer/features/reports/exportFormats.js';
import { sampleSnapshot } from '../../../../fixtures/exports/sampleSnapshot.js';

const options: ReportOptions = {
  title: 'NATO check',
  filter: {},
  sections: [...REPORT_SECTIONS],
  citationStyle: 'apa',
  organisation: { name: 'Fact Desk' },
  generatedAt: '2016-09-01T00:00:00Z',
};

describe('the Reports section exports', () => {
  it('names files after the report title, safely', () => {
    expect(fileNameFor('NATO <Article 5> check', 'html')).toBe('nato-article-5-check.html');
    expect(fileNameFor('../../etc/passwd', 'csv')).toBe('etcpasswd-claims.csv');
    expect(fileNameFor('   ', 'claimreview')).toBe('claimdesk-report-claimreview.jsonld');
    expect(fileNameFor('Débat télévisé', 'qdpx')).toBe('debat-televise.qdpx');
  });

  it('refuses ClaimReview with a sentence that says what to fix: no organisation URL, or no checked claim', async () => {
    await expect(exportBytes(sampleSnapshot(), 'claimreview', options)).rejects.toThrow(ExportRefused);
    await expect(exportBytes(sampleSnapshot(), 'claimreview', options)).rejects.toThrow(/enter the organisation URL/);
    const unchecked = sampleSnapshot();
    for (const claim of unchecked.claims) claim.status = 'new';
    const withUrl = { ...options, organisation: { name: 'Fact Desk', url: 'https://factdesk.example/' } };
    await expect(exportBytes(unchecked, 'claimreview', withUrl)).rejects.toThrow(/only claims marked checked or published/);
    const reviews = JSON.parse(strFromU8(await exportBytes(sampleSnapshot(), 'claimreview', withUrl)));
    expect(reviews.length).toBeGreaterThan(0);
  });

  it('narrows the claims CSV like the report, and makes HTML without script', async () => {
    const snapshot = sampleSnapshot();
    const smith = snapshot.people.find((p) => p.name === 'Owen Smith')!;
    const csv = strFromU8(await exportBytes(snapshot, 'csv', { ...options, filter: { speakerIds: [smith.id] } }));
    const rows = csv.trim().split('\r\n');
    expect(rows.length).toBe(1 + snapshot.claims.filter((c) => c.claimantId === smith.id).length);
    const html = strFromU8(await exportBytes(snapshot, 'html', options));
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('<h1>NATO check</h1>');
  });
});
