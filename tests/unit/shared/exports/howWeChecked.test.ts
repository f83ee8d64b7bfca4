import { describe, expect, it } from 'vitest';
import { claimReviews } from '../../../../shared/exports/claimReview.js';
import { computationSummary } from '../../../../shared/exports/howWeChecked.js';
import { reportHtml } from '../../../../shared/exports/reportHtml.js';
import { reportMarkdown } from '../../../../shared/exports/reportMarkdown.js';
import { buildReport } from '../../../../shared/exports/reportModel.js';
import type { ProjectSnapshot } from '../../../../shared/model.js';
import { SIX_STEP_SCALE } from '../../../../shared/verdicts/scales.js';

const STAMP = '2026-01-01T00:00:00.000Z';
const HOSTILE = '<script>alert(1)</script>';

/** A claim checked against a table whose names are hostile: the report must show them as text. */
function snapshot(): ProjectSnapshot {
  const empty = { debates: [], people: [], participants: [], documents: [], turns: [], appearances: [], notes: [], topics: [], stances: [] };
  return {
    ...empty,
    claims: [{ id: 'c1', text: 'Only five allies met it', topicIds: [], type: 'statistic', status: 'checked', createdAt: STAMP, updatedAt: STAMP }],
    sources: [{ id: 's1', kind: 'dataset', csl: { id: 's1', type: 'dataset', title: `Table ${HOSTILE}` }, tags: [], attachments: [], createdAt: STAMP, updatedAt: STAMP }],
    scales: [SIX_STEP_SCALE],
    verdicts: [{ id: 'v1', claimId: 'c1', scaleId: SIX_STEP_SCALE.id, stepId: 'half-true', conclusion: 'Four, not five.', reasoning: 'Counted.', author: 'A', history: [], createdAt: STAMP, updatedAt: STAMP }],
    evidence: [
      {
        id: 'e1',
        claimId: 'c1',
        sourceId: 's1',
        relation: 'contradicts',
        locator: {},
        createdAt: STAMP,
        updatedAt: STAMP,
        check: {
          computation: { operation: 'count', sheet: HOSTILE, labelColumn: 'Country', filter: { column: '2015', operator: '>=', value: '2.0' }, excludeRows: [HOSTILE] },
          claimed: { value: 5, unit: 'count', text: 'five' },
          runs: [
            { fileHash: 'a'.repeat(64), fileName: `${HOSTILE}.csv`, sheet: HOSTILE, edition: '2024', at: STAMP, result: { value: 4, of: 30 }, sentence: `4 of 30 rows had ≥ 2.0 in 2015 (leaving out ${HOSTILE}) — 2024` },
            { fileHash: 'b'.repeat(64), fileName: 'old.csv', sheet: HOSTILE, edition: '2016', at: STAMP, result: { value: 5, of: 28 }, sentence: '5 of 28 rows' },
          ],
        },
      },
    ],
  };
}

const options = { title: 'Report', filter: {}, sections: ['claim-cards' as const], citationStyle: 'apa' as const, organisation: { name: 'Desk', url: 'https://desk.example/' }, generatedAt: STAMP };

describe('How we checked in reports', () => {
  it('the model carries table, edition, file, computation, result, claimed vs computed and the other editions', () => {
    const [check] = buildReport(snapshot(), options).claims[0]!.checks;
    expect(check).toMatchObject({
      table: `Table ${HOSTILE}`,
      edition: '2024',
      fileHash: 'a'.repeat(64),
      result: '4 of 30',
      claimed: '“five” (5)',
      outcome: 'Outside the claim\'s precision (an exact number in words): computed 4 against claimed 5, a difference of −1.',
      editions: [{ edition: '2016', result: '5 of 28' }],
      editionsDiffer: true,
    });
    expect(check!.computation).toBe(`count of rows where 2015 ≥ 2.0 in sheet ${HOSTILE}; rows left out: ${HOSTILE}`);
  });

  it('HTML and Markdown show it, with every name from the table as text', () => {
    const report = buildReport(snapshot(), options);
    const html = reportHtml(report);
    expect(html).toContain('<h4>How we checked</h4>');
    expect(html).not.toContain(HOSTILE);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Other editions give a different answer: 5 of 28 in 2016.');
    const md = reportMarkdown(report);
    expect(md).toContain('How we checked:');
    expect(md).toContain('Other editions give a different answer: 5 of 28 in 2016.');
  });

  it('ClaimReview’s review text carries the sentence; a claim without a check has no reviewBody', () => {
    const [review] = claimReviews(snapshot(), { organisation: options.organisation });
    expect(review!.reviewBody).toBe(`Counted. How we checked: 4 of 30 rows had ≥ 2.0 in 2015 (leaving out ${HOSTILE}) — 2024. Claimed “five” (5); computed 4 of 30.`);
    const plain = snapshot();
    plain.evidence = [];
    expect(claimReviews(plain, { organisation: options.organisation })[0]).not.toHaveProperty('reviewBody');
  });

  it('summarises every operation in words', () => {
    const base = { sheet: 'S', labelColumn: 'C' };
    expect(computationSummary({ ...base, operation: 'change', row: 'UK', fromColumn: '2014', toColumn: '2015' })).toBe('change for UK from 2014 to 2015 (absolute and percent) in sheet S');
    expect(computationSummary({ ...base, operation: 'max', row: 'UK' })).toBe('maximum of UK across every column, and where it occurred in sheet S');
    expect(computationSummary({ ...base, operation: 'rank', row: 'UK', column: '2015', order: 'lowest-first', multiplier: 1000 })).toBe('rank of UK by 2015, lowest first in sheet S; figures multiplied by 1,000');
  });
});
