import { describe, expect, it } from 'vitest';
import { inferRoles, roleFromName } from '../../../../shared/triage/roles.js';
import { shippedModel } from '../../../../shared/triage/shippedModel.js';
import { triageDocument, type TriageInput, type TriageTurn } from '../../../../shared/triage/triageDocument.js';

/** A document from `[speaker, text]` lines, one turn each, laid out as the app stores it. */
function doc(lines: Array<[string | null, string]>, extra: Partial<TriageInput> = {}): TriageInput {
  let offset = 0;
  const turns: TriageTurn[] = lines.map(([speaker, text], index) => {
    const stage = /^\(.*\)$/.test(text);
    const turn: TriageTurn = { index, speaker: stage ? null : speaker, kind: stage ? 'stage' : speaker === null ? 'narration' : 'speech', text, offset };
    offset += text.length + 2;
    return turn;
  });
  const names = [...new Set(lines.flatMap(([s]) => (s ? [s] : [])))];
  return { turns, speakers: names.map((n) => ({ key: n, name: n })), ...extra };
}

const DEBATE: Array<[string, string]> = [
  ['Harper', 'Good evening and welcome to the debate for governor.'],
  ['Harper', 'Ms. Lindqvist, the first question is for you. What would you do about housing?'],
  ['Lindqvist', 'Rents in this state have risen by 38 percent since 2015, according to the state housing report.'],
  ['Lindqvist', 'I think we can do better.'],
  ['Harper', 'Mr. Osei, your response?'],
  ['Osei', 'Under my plan we built 12,000 homes last year, more than in any year since 1990.'],
  ['Osei', 'We will keep going.'],
  ['Harper', 'Mr. Osei, you said last week that taxes would not rise by 5 percent. Is that still your promise?'],
  ['Osei', 'Unemployment fell to 3.9 percent in March, the lowest rate in two decades.'],
  ['Harper', 'Ms. Lindqvist, thirty seconds. Go ahead?'],
  ['Lindqvist', 'The state debt doubled to $4 billion while he was treasurer.'],
  ['Harper', 'That is all the time we have. Thank you both.'],
];

describe('roles', () => {
  it('reads roles from names: SYSTEM, QUESTION, AUDIENCE, MODERATOR (JANE DOE)', () => {
    expect(roleFromName('SYSTEM')).toBe('system');
    expect(roleFromName('QUESTION')).toBe('audience');
    expect(roleFromName('Audience member')).toBe('audience');
    expect(roleFromName('MODERATOR (JANE DOE)')).toBe('moderator');
    expect(roleFromName('Host')).toBe('moderator');
    expect(roleFromName('Clinton')).toBeUndefined();
  });

  it('infers the moderator of an unlabelled debate from who asks, names the others and speaks short turns', () => {
    const input = doc(DEBATE);
    const { roles, kind } = inferRoles(input.turns, input.speakers);
    expect(roles.get('Harper')).toBe('moderator');
    expect(roles.get('Lindqvist')).toBe('candidate');
    expect(roles.get('Osei')).toBe('candidate');
    expect(kind).toBe('debate');
  });

  it('calls a one-speaker document a speech, and the questioner of a two-person one a host', () => {
    const speech = doc(DEBATE.filter(([s]) => s === 'Osei').concat(DEBATE.filter(([s]) => s === 'Osei')));
    expect(inferRoles(speech.turns, speech.speakers).kind).toBe('speech');
    const interview = doc(DEBATE.filter(([s]) => s !== 'Lindqvist'));
    const result = inferRoles(interview.turns, interview.speakers);
    expect(result.kind).toBe('interview');
    expect(result.roles.get('Harper')).toBe('host');
  });

  it('lets a role the library knows win over the structure', () => {
    const input = doc(DEBATE);
    const speakers = input.speakers.map((s) => (s.key === 'Osei' ? { ...s, role: 'moderator' as const } : s));
    expect(inferRoles(input.turns, speakers, 'debate').roles.get('Osei')).toBe('moderator');
  });
});

describe('triageDocument with the shipped model', () => {
  const model = shippedModel();

  it('lists every sentence in document order with offsets into the stored text, stage lines at score 0', () => {
    const input = doc([...DEBATE.slice(0, 3), ['SYSTEM', '(APPLAUSE)'], ...DEBATE.slice(3)]);
    const text = input.turns.map((t) => t.text).join('\n\n');
    const { sentences } = triageDocument(model, input);
    for (let i = 1; i < sentences.length; i++) expect(sentences[i]!.start).toBeGreaterThan(sentences[i - 1]!.start);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
    const stage = sentences.find((s) => s.text === '(APPLAUSE)')!;
    expect(stage).toMatchObject({ role: 'system', score: 0, reasons: ['stage direction: never ranked'] });
  });

  it("ranks candidates' figures first and keeps the moderator's lines out of the top, with reasons in words", () => {
    const { sentences } = triageDocument(model, doc(DEBATE));
    const ranked = [...sentences].sort((a, b) => b.score - a.score);
    expect(ranked.slice(0, 4).every((s) => s.role === 'candidate')).toBe(true);
    // The moderator's one factual line ("you said last week …") is ranked below the candidates' claims.
    const moderatorBest = ranked.findIndex((s) => s.role === 'moderator');
    expect(moderatorBest).toBeGreaterThanOrEqual(4);
    const rents = sentences.find((s) => s.text.startsWith('Rents'))!;
    expect(rents.reasons).toContain('a percentage');
    expect(rents.reasons).toEqual(expect.arrayContaining([expect.stringMatching(/report/)]));
    const moderator = sentences.find((s) => s.text.startsWith('Mr. Osei, you said'))!;
    expect(moderator.reasons).toContain('said by the moderator: ranked down');
    const opinion = sentences.find((s) => s.text === 'I think we can do better.')!;
    expect(opinion.score).toBeLessThan(rents.score);
    expect(opinion.reasons).toContain('an opinion or belief');
    for (const s of sentences) {
      expect(s.score).toBeGreaterThanOrEqual(0);
      expect(s.score).toBeLessThanOrEqual(1);
    }
  });

  it('keeps each line whole when the source gives one sentence per line', () => {
    const lines: Array<[string, string]> = [];
    for (let i = 0; i < 12; i++) lines.push(['Osei', `We cut the deficit by ${i + 2} percent in year ${i + 1}.`]);
    lines.push(['Osei', '... And then. We won.']);
    const { sentences } = triageDocument(model, doc(lines));
    expect(sentences).toHaveLength(13);
    expect(sentences[12]!.text).toBe('... And then. We won.');
  });

  it("ranks an article's attributed quotes above the reporter's narration of the same weight", () => {
    const narration = 'The minister said unemployment fell to 4 percent last year.';
    const quoted = '“Unemployment fell to 4 percent last year,” the minister said.';
    const input = doc([
      [null, narration],
      [null, quoted],
    ]);
    input.speakers = [{ key: 'min', name: 'The Minister' }];
    const at = input.turns[1]!.offset;
    input.quotes = [{ start: at, end: at + quoted.indexOf('”') + 1, speaker: 'min' }];
    input.kind = 'article';
    const { sentences, kind } = triageDocument(model, input);
    expect(kind).toBe('article');
    expect(sentences[0]!.role).toBe('narrator');
    expect(sentences[1]).toMatchObject({ role: 'candidate', speaker: 'The Minister' });
    expect(sentences[1]!.score).toBeGreaterThan(sentences[0]!.score);
  });
});
