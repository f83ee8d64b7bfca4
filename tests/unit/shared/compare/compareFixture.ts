import type {
  Appearance,
  Claim,
  ClaimType,
  Debate,
  DocumentRecord,
  Person,
  Stance,
  Topic,
  Verdict,
  VerdictScale,
} from '../../../../shared/model.js';
import type { ComparisonInput } from '../../../../shared/compare/buildComparison.js';

/**
 * A small library whose every count is worked out by hand in the tests:
 * Defence › NATO › Article 5, and Economy; three debates; a 6-step, a 3-step and a conclusion-only scale.
 */
const stamp = { createdAt: '2016-01-01T00:00:00.000Z', updatedAt: '2016-01-01T00:00:00.000Z' };

export const topics: Topic[] = [
  { id: 'economy', name: 'Economy', ...stamp },
  { id: 'art5', name: 'Article 5', parentId: 'nato', ...stamp },
  { id: 'defence', name: 'Defence', ...stamp },
  { id: 'nato', name: 'NATO', parentId: 'defence', ...stamp },
];

export const sixStep: VerdictScale = {
  id: 'six',
  name: 'Six-step',
  kind: 'rated',
  builtIn: true,
  steps: [
    { id: 'true', label: 'True', color: '#0a0', value: 1 },
    { id: 'mostly-true', label: 'Mostly true', color: '#6c0', value: 0.8 },
    { id: 'half-true', label: 'Half true', color: '#cc0', value: 0.6 },
    { id: 'mostly-false', label: 'Mostly false', color: '#f90', value: 0.4 },
    { id: 'false', label: 'False', color: '#f00', value: 0.2 },
    { id: 'pants', label: 'Pants on fire', color: '#900', value: 0 },
  ],
  ...stamp,
};
export const threeStep: VerdictScale = {
  id: 'three',
  name: 'Three-step',
  kind: 'rated',
  builtIn: true,
  steps: [
    { id: 'true', label: 'True', color: '#080', value: 1 },
    { id: 'misleading', label: 'Misleading', color: '#fa0', value: 0.5 },
    { id: 'false', label: 'False', color: '#c00', value: 0 },
  ],
  ...stamp,
};
export const conclusionScale: VerdictScale = {
  id: 'note',
  name: 'Conclusion',
  kind: 'conclusion-only',
  builtIn: true,
  steps: [],
  ...stamp,
};

export const people: Person[] = [
  { id: 'corbyn', name: 'Jeremy Corbyn', aliases: [], party: 'Labour', color: '#d00', ...stamp },
  { id: 'smith', name: 'Owen Smith', aliases: [], party: 'Labour', ...stamp },
  { id: 'trump', name: 'Donald Trump', aliases: [], ...stamp },
];

export const debates: Debate[] = [
  { id: 'd1', title: 'Hustings 1', date: '2016-07-01', kind: 'hustings', ...stamp },
  { id: 'd2', title: 'Hustings 2', date: '2016-08-15', kind: 'hustings', ...stamp },
  { id: 'd3', title: 'Hustings 3', date: '2016-09-20', kind: 'hustings', ...stamp },
];

export const documents: Pick<DocumentRecord, 'id' | 'debateId'>[] = [
  { id: 'doc1', debateId: 'd1' },
  { id: 'doc2', debateId: 'd2' },
  { id: 'doc3', debateId: 'd3' },
];

function claim(id: string, claimantId: string, topicIds: string[], extra: Partial<Claim> = {}): Claim {
  return { id, text: `text of ${id}`, claimantId, topicIds, type: 'position' as ClaimType, status: 'new', ...stamp, ...extra };
}

export const claims: Claim[] = [
  claim('c1', 'corbyn', ['art5']),
  claim('c2', 'corbyn', ['art5']),
  claim('c3', 'corbyn', ['nato'], { type: 'statistic' }),
  claim('c4', 'corbyn', ['economy'], { status: 'checked' }),
  claim('c5', 'corbyn', ['art5'], { date: '2016-06-30' }),
  claim('c6', 'smith', ['art5']),
  claim('c7', 'smith', ['nato']),
  claim('c8', 'smith', ['defence']),
  claim('c9', 'smith', ['economy']),
  claim('c10', 'trump', ['art5']),
  claim('c11', 'smith', ['art5']),
  claim('c12', 'smith', ['art5']),
];

export function appearance(id: string, claimId: string, documentId: string, start: number, extra: Partial<Appearance> = {}): Appearance {
  const exact = `quote ${id}`;
  return {
    id,
    claimId,
    documentId,
    anchor: { quote: { exact, prefix: '', suffix: '' }, position: { start, end: start + exact.length }, documentVersion: 1 },
    state: 'anchored',
    ...stamp,
    ...extra,
  };
}

export const appearances: Appearance[] = [
  // c1 is made again later; its first appearance is the one in the earlier debate, though listed second.
  appearance('a1b', 'c1', 'doc3', 5),
  appearance('a1', 'c1', 'doc1', 100),
  appearance('a2', 'c2', 'doc2', 10),
  appearance('a3', 'c3', 'doc2', 50),
  appearance('a4', 'c4', 'doc3', 20),
  appearance('a5', 'c5', 'doc3', 30),
  appearance('a6', 'c6', 'doc1', 200),
  appearance('a7', 'c7', 'doc1', 300),
  appearance('a8', 'c8', 'doc2', 400),
  appearance('a9', 'c9', 'doc3', 500),
  appearance('a10', 'c10', 'doc3', 600),
  appearance('a11', 'c11', 'doc2', 700),
  appearance('a12', 'c12', 'doc3', 800),
];

export function verdict(claimId: string, scaleId: string, stepId?: string, updatedAt = stamp.updatedAt): Verdict {
  return {
    id: `v-${claimId}-${updatedAt}`,
    claimId,
    scaleId,
    ...(stepId === undefined ? {} : { stepId }),
    conclusion: 'because',
    reasoning: '',
    author: 'tester',
    history: [],
    createdAt: stamp.createdAt,
    updatedAt,
  };
}

export const verdicts: Verdict[] = [
  verdict('c1', 'six', 'true'),
  verdict('c2', 'three', 'false'),
  verdict('c3', 'six', 'half-true'),
  verdict('c5', 'note'),
  verdict('c6', 'three', 'true'),
  verdict('c7', 'three', 'misleading'),
  verdict('c9', 'six', 'mostly-false'),
  verdict('c10', 'six', 'pants'),
];

function stance(id: string, personId: string, topicId: string, label: string, date: string | undefined, appearanceIds: string[]): Stance {
  return { id, personId, topicId, label, ...(date === undefined ? {} : { date }), appearanceIds, ...stamp };
}

export const stances: Stance[] = [
  stance('s1', 'corbyn', 'art5', 'will not commit', '2016-08-15', ['a2']),
  stance('s0', 'corbyn', 'art5', 'commits', '2016-07-01', ['a1']),
  stance('s3', 'smith', 'art5', 'commits unconditionally', '2016-07-01', ['a6']),
  stance('s4', 'smith', 'nato', 'supports NATO', undefined, []),
  stance('s5', 'smith', 'nato', 'sceptical of NATO', undefined, []),
];

export function library(overrides: Partial<ComparisonInput> = {}): ComparisonInput {
  return {
    claims,
    appearances,
    verdicts,
    scales: [sixStep, threeStep, conclusionScale],
    topics,
    stances,
    documents,
    people,
    debates,
    ...overrides,
  };
}
