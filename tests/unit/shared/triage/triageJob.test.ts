import { describe, expect, it } from 'vitest';
import { learnFromDecisions } from '../../../../shared/triage/adapt.js';
import { shippedModel } from '../../../../shared/triage/shippedModel.js';
import { runTriageJob } from '../../../../shared/triage/triageJob.js';
import type { TriageInput } from '../../../../shared/triage/triageDocument.js';

function speech(lines: string[]): TriageInput {
  let offset = 0;
  const turns = lines.map((text, index) => {
    const t = { index, speaker: 'a', kind: 'speech' as const, text, offset };
    offset += text.length + 2;
    return t;
  });
  return { turns, speakers: [{ key: 'a', name: 'Osei' }] };
}

describe('triage learns from decisions', () => {
  const model = shippedModel();
  const lines = ['The harbour tunnel will open next spring.', 'The harbour tunnel cost the city nothing extra.', 'We built the harbour tunnel together.'];

  it('is the model alone when there are no decisions', () => {
    expect(learnFromDecisions(model, []).size).toBe(0);
    const [plain] = runTriageJob(model, [{ documentId: 'd', input: speech(lines) }]);
    expect(plain!.sentences.every((s) => !s.reasons.some((r) => r.startsWith('like sentences you')))).toBe(true);
  });

  it('raises sentences like the accepted ones and lowers those like the dismissed, saying so', () => {
    const [before] = runTriageJob(model, [{ documentId: 'd', input: speech(lines) }]);
    const accepted = runTriageJob(model, [{ documentId: 'd', input: speech(lines) }], [
      { text: 'The harbour tunnel was finished two years late.', decision: 'accept' },
      { text: 'Everyone loves the harbour tunnel.', decision: 'accept' },
    ])[0]!;
    const dismissed = runTriageJob(model, [{ documentId: 'd', input: speech(lines) }], [
      { text: 'The harbour tunnel was finished two years late.', decision: 'dismiss' },
      { text: 'Everyone loves the harbour tunnel.', decision: 'dismiss' },
    ])[0]!;
    before!.sentences.forEach((s, i) => {
      expect(accepted.sentences[i]!.score).toBeGreaterThan(s.score);
      expect(dismissed.sentences[i]!.score).toBeLessThan(s.score);
    });
    expect(accepted.sentences[0]!.reasons).toContain('like sentences you accepted');
    expect(dismissed.sentences[0]!.reasons).toContain('like sentences you dismissed');
  });
});
