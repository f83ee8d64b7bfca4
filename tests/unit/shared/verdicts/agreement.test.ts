import { describe, expect, it } from 'vitest';
import { rateBlind, requestBlindReview, waitingFor, isBlindFor } from '../../../../shared/domain/blindReview.js';
import { setVerdict } from '../../../../shared/domain/claims.js';
import { MemoryStore } from '../../../../shared/domain/memoryStore.js';
import { buildReport } from '../../../../shared/exports/reportModel.js';
import { reportHtml } from '../../../../shared/exports/reportHtml.js';
import { reportMarkdown } from '../../../../shared/exports/reportMarkdown.js';
import { normaliseSnapshot } from '../../../../shared/bundle/normaliseSnapshot.js';
import type { Claim } from '../../../../shared/model.js';
import { agreementByDebate, cohensKappa, formatKappa } from '../../../../shared/verdicts/agreement.js';
import { BUILT_IN_SCALES, CONCLUSION_ONLY_SCALE_ID, SIX_STEP_SCALE_ID } from '../../../../shared/verdicts/scales.js';

const repeat = (pair: [string, string], times: number): [string, string][] => Array.from({ length: times }, () => pair);

describe("Cohen's κ", () => {
  it('gives the textbook values', () => {
    // Wikipedia's worked example: 50 proposals, yes/yes 20, yes/no 5, no/yes 10, no/no 15 → p_o 0.7, p_e 0.5, κ 0.4.
    const a = cohensKappa([...repeat(['yes', 'yes'], 20), ...repeat(['yes', 'no'], 5), ...repeat(['no', 'yes'], 10), ...repeat(['no', 'no'], 15)]);
    expect(a.n).toBe(50);
    expect(a.observed).toBeCloseTo(0.7, 10);
    expect(a.expected).toBeCloseTo(0.5, 10);
    expect(a.kappa).toBeCloseTo(0.4, 10);
    // Its second example: 45/15/25/15 → p_o 0.6, p_e 0.54, κ 0.1304.
    const b = cohensKappa([...repeat(['yes', 'yes'], 45), ...repeat(['yes', 'no'], 15), ...repeat(['no', 'yes'], 25), ...repeat(['no', 'no'], 15)]);
    expect(b.kappa).toBeCloseTo(0.06 / 0.46, 10);
    // scikit-learn's three-category example (cohen_kappa_score) → 0.6875.
    const y1 = ['negative', 'positive', 'negative', 'neutral', 'positive'];
    const y2 = ['negative', 'positive', 'negative', 'neutral', 'negative'];
    expect(cohensKappa(y1.map((x, i) => [x, y2[i]!] as [string, string])).kappa).toBeCloseTo(0.6875, 10);
  });

  it('is 1 for perfect agreement, −1 for systematic disagreement, and undefined where the formula has no answer', () => {
    expect(cohensKappa([['a', 'a'], ['b', 'b'], ['c', 'c']]).kappa).toBe(1);
    expect(cohensKappa([['a', 'b'], ['b', 'a']]).kappa).toBeCloseTo(-1, 10);
    expect(cohensKappa([]).kappa).toBeUndefined();
    expect(cohensKappa([['a', 'a'], ['a', 'a']]).kappa).toBeUndefined();
    expect(formatKappa(cohensKappa([]))).toBe('not computable (no claim rated by both yet)');
    expect(formatKappa(cohensKappa([['a', 'a']]))).toBe('not computable (every rating the same step)');
    expect(formatKappa(cohensKappa([...repeat(['yes', 'yes'], 20), ...repeat(['yes', 'no'], 5), ...repeat(['no', 'yes'], 10), ...repeat(['no', 'no'], 15)]))).toBe('0.40 (fair)');
  });
});

const now = '2026-12-01T10:00:00.000Z';
function library(): MemoryStore {
  const claims: Claim[] = ['c1', 'c2', 'c3', 'c4'].map((id) => ({ id, text: `Claim ${id}`, topicIds: [], type: 'statistic', status: 'new', createdAt: now, updatedAt: now }));
  return new MemoryStore({
    debates: [{ id: 'deb_1', title: 'Leaders debate', kind: 'tv-debate', createdAt: now, updatedAt: now }],
    documents: [{ id: 'doc_1', debateId: 'deb_1', title: 'Transcript', format: 'text', text: 'x', version: 1, createdAt: now, updatedAt: now }],
    claims,
    appearances: claims.map((c) => ({ id: `app_${c.id}`, claimId: c.id, documentId: 'doc_1', state: 'anchored' as const, anchor: { quote: { exact: 'x', prefix: '', suffix: '' }, position: { start: 0, end: 1 }, documentVersion: 1 }, createdAt: now, updatedAt: now })),
    scales: [...BUILT_IN_SCALES],
  });
}

describe('blind second review', () => {
  it('asks a second analyst, keeps the first verdict out of their queue, and measures agreement per debate', async () => {
    const store = library();
    for (const [id, stepId] of [['c1', 'true'], ['c2', 'false'], ['c3', 'half-true']] as const) {
      await setVerdict(store, id, { scaleId: SIX_STEP_SCALE_ID, stepId, conclusion: '', reasoning: 'r', author: 'Alice', why: '' });
    }
    await expect(requestBlindReview(store, { claimIds: ['c1'], reviewer: 'alice ', requestedBy: 'Alice', scaleId: SIX_STEP_SCALE_ID })).rejects.toThrow('A blind review needs a second analyst, not the one who asks.');
    await expect(requestBlindReview(store, { claimIds: ['c1'], reviewer: 'Bob', requestedBy: 'Alice', scaleId: CONCLUSION_ONLY_SCALE_ID })).rejects.toThrow(/rating steps/);
    expect(await requestBlindReview(store, { claimIds: ['c1', 'c2', 'c3', 'c4'], reviewer: 'Bob', requestedBy: 'Alice', scaleId: SIX_STEP_SCALE_ID })).toBe(4);

    let claims = store.snapshot().claims;
    expect(waitingFor(claims, ' bob').map((c) => c.id)).toEqual(['c1', 'c2', 'c3', 'c4']);
    expect(isBlindFor(claims[0], 'Bob')).toBe(true);
    expect(isBlindFor(claims[0], 'Alice')).toBe(false);
    await expect(rateBlind(store, 'c1', { stepId: 'misleading', reasoning: '' })).rejects.toThrow('Choose a rating on the Six steps');

    await rateBlind(store, 'c1', { stepId: 'true', reasoning: 'Matches the table.' });
    await rateBlind(store, 'c2', { stepId: 'mostly-false', reasoning: 'Close, not exact.' });
    await rateBlind(store, 'c4', { stepId: 'false', reasoning: 'No first verdict yet.' });
    claims = store.snapshot().claims;
    expect(waitingFor(claims, 'Bob').map((c) => c.id)).toEqual(['c3']);
    expect(isBlindFor(claims[0], 'Bob')).toBe(false);
    // The first verdicts are untouched by the second rating.
    expect(store.snapshot().verdicts.map((v) => v.stepId).sort()).toEqual(['false', 'half-true', 'true']);

    const snapshot = store.snapshot();
    const [debate] = agreementByDebate(snapshot);
    expect(debate!.debateTitle).toBe('Leaders debate');
    expect(debate!.kappa.n).toBe(2);
    // Pairs (true,true) and (false,mostly-false): p_o 0.5, p_e 0.5·0.5 = 0.25 → κ (0.5 − 0.25) / 0.75 = 1/3.
    expect(debate!.kappa.kappa).toBeCloseTo(1 / 3, 10);
    expect(debate!.waitingForReviewer).toBe(1);
    expect(debate!.notComparable).toBe(1);
    expect(debate!.disagreements).toEqual([{ claimId: 'c2', claimText: 'Claim c2', firstAuthor: 'Alice', firstLabel: 'False', reviewer: 'Bob', secondLabel: 'Mostly false' }]);

    // The report's summary carries the same figure and the disagreement, escaped like every other text.
    const report = buildReport(snapshot, { title: 'R', filter: {}, sections: ['summary'], citationStyle: 'apa', organisation: { name: 'Desk' }, generatedAt: now });
    expect(report.agreement?.[0]?.kappa.kappa).toBeCloseTo(1 / 3, 10);
    const html = reportHtml(report);
    expect(html).toContain('<h3>Blind second review</h3>');
    expect(html).toContain('<td>Leaders debate</td><td>2</td><td>0.33 (fair)</td><td>1</td>');
    expect(html).toContain('<li>Claim c2: Alice False; Bob (blind) Mostly false</li>');
    expect(reportMarkdown(report)).toContain('| Leaders debate | 2 | 0.33 (fair) | 1 |');
  });

  it('keeps a blind review through a bundle, and drops a malformed one', () => {
    const good = { reviewer: 'Bob', requestedBy: 'Alice', requestedAt: now, scaleId: SIX_STEP_SCALE_ID, stepId: 'true', ratedAt: now, extra: '<script>' };
    const snapshot = normaliseSnapshot({
      claims: [
        { id: 'c1', text: 'a', topicIds: [], type: 'statistic', status: 'new', secondReview: good },
        { id: 'c2', text: 'b', topicIds: [], type: 'statistic', status: 'new', secondReview: { reviewer: 42, scaleId: 'x' } },
        { id: 'c3', text: 'c', topicIds: [], type: 'statistic', status: 'new', secondReview: 'yes' },
      ],
    });
    expect(snapshot.claims[0]!.secondReview).toEqual({ reviewer: 'Bob', requestedBy: 'Alice', requestedAt: now, scaleId: SIX_STEP_SCALE_ID, stepId: 'true', ratedAt: now });
    expect('secondReview' in snapshot.claims[1]!).toBe(false);
    expect('secondReview' in snapshot.claims[2]!).toBe(false);
  });
});
