import { describe, expect, it } from 'vitest';
import { addAppearance, createClaim, createNote, saveScale, setVerdict, ensureBuiltInScales } from '../../../../shared/domain/claims.js';
import { acceptProposal, discardAnnotation, reanchorToSpan, replaceDocumentText } from '../../../../shared/domain/documentEdits.js';
import { MemoryStore } from '../../../../shared/domain/memoryStore.js';
import type { DocumentRecord, Turn } from '../../../../shared/model.js';

const STAMP = '2026-01-01T00:00:00.000Z';

/** A small transcript: three turns by two speakers, joined the way the importer joins them. */
function transcript(texts: { person: string | null; text: string; start?: number }[]): MemoryStore {
  let offset = 0;
  const turns: Turn[] = texts.map((t, index) => {
    const turn: Turn = { id: `trn_${index}`, documentId: 'doc_1', index, personId: t.person, kind: t.person ? 'speech' : 'narration', text: t.text, offset };
    if (t.start !== undefined) turn.start = t.start;
    offset += t.text.length + 2;
    return turn;
  });
  const text = texts.map((t) => t.text).join('\n\n');
  const document: DocumentRecord = { id: 'doc_1', debateId: 'deb_1', title: 'Debate', format: 'text', text, version: 1, createdAt: STAMP, updatedAt: STAMP };
  return new MemoryStore({
    debates: [{ id: 'deb_1', title: 'Debate', kind: 'tv-debate', createdAt: STAMP, updatedAt: STAMP }],
    documents: [document],
    turns,
    people: ['per_a', 'per_b'].map((id) => ({ id, name: id, aliases: [], createdAt: STAMP, updatedAt: STAMP })),
  });
}

const TURNS = [
  { person: 'per_a', text: 'Good evening. Unemployment fell by 40,000 last quarter, the fastest fall in a decade.', start: 10 },
  { person: 'per_b', text: 'That is simply not true. Crime has doubled since 2010 and the police are cut.', start: 40 },
  { person: 'per_a', text: 'We will build 300,000 homes a year by the end of the parliament.', start: 70 },
];

function span(store: MemoryStore, words: string) {
  const text = store.snapshot().documents[0]!.text;
  const start = text.indexOf(words);
  if (start < 0) throw new Error(`not in the text: ${words}`);
  return { documentId: 'doc_1', start, end: start + words.length };
}

describe('replaceDocumentText', () => {
  it('moves exact anchors silently, keeps unchanged turns and their speakers, and bumps the version', async () => {
    const store = transcript(TURNS);
    const { appearance } = await createClaim(store, { text: 'Crime has doubled since 2010', type: 'statistic' }, span(store, 'Crime has doubled since 2010'));
    expect(appearance!.turnId).toBe('trn_1');
    const oldText = store.snapshot().documents[0]!.text;
    const newText = oldText.replace('Good evening.', 'Good evening, everyone, and thank you for having me.');
    const summary = await replaceDocumentText(store, 'doc_1', newText);
    expect(summary).toMatchObject({ anchored: 1, review: 0, orphaned: 0, turnCount: 3 });
    const snap = store.snapshot();
    expect(snap.documents[0]!.version).toBe(2);
    const moved = snap.appearances[0]!;
    expect(moved.state).toBe('anchored');
    expect(moved.anchor.documentVersion).toBe(2);
    expect(snap.documents[0]!.text.slice(moved.anchor.position.start, moved.anchor.position.end)).toBe('Crime has doubled since 2010');
    expect(moved.anchor.position.start).toBeGreaterThan(appearance!.anchor.position.start);
    const turns = snap.turns.sort((a, b) => a.index - b.index);
    // The edited turn is new, the others keep their ids; every turn keeps its speaker and time.
    expect(turns.map((t) => t.id).slice(1)).toEqual(['trn_1', 'trn_2']);
    expect(turns.map((t) => t.personId)).toEqual(['per_a', 'per_b', 'per_a']);
    expect(turns[0]!.start).toBe(10);
    for (const t of turns) expect(snap.documents[0]!.text.slice(t.offset, t.offset + t.text.length)).toBe(t.text);
    expect(moved.turnId).toBe('trn_1');
  });

  it('puts a reworded span in review with the proposal, keeps the old anchor, and orphans a deleted one', async () => {
    const store = transcript(TURNS);
    const homes = await createClaim(store, { text: 'homes', type: 'promise' }, span(store, 'We will build 300,000 homes a year'));
    const jobs = await createClaim(store, { text: 'jobs', type: 'statistic' }, span(store, 'Unemployment fell by 40,000 last quarter'));
    const note = await createNote(store, span(store, 'the police are cut'), 'note', 'check police numbers');
    const oldText = store.snapshot().documents[0]!.text;
    const newText = oldText
      .replace('We will build 300,000 homes a year', 'We will build 250,000 new homes every year')
      .replace('Good evening. Unemployment fell by 40,000 last quarter, the fastest fall in a decade.', 'Good evening.')
      .replace('the police are cut', 'the police are cut back');
    const summary = await replaceDocumentText(store, 'doc_1', newText);
    const snap = store.snapshot();
    const byClaim = new Map(snap.appearances.map((a) => [a.claimId, a]));
    const h = byClaim.get(homes.claim.id)!;
    expect(h.state).toBe('review');
    expect(h.anchor).toEqual(homes.appearance!.anchor); // the old anchor stays until the user decides
    expect(h.proposed?.documentVersion).toBe(2);
    expect(newText.slice(h.proposed!.position.start, h.proposed!.position.end)).toContain('homes');
    expect(byClaim.get(jobs.claim.id)!.state).toBe('orphaned');
    expect(snap.notes[0]!.id).toBe(note.id);
    expect(summary.review + summary.anchored + summary.orphaned).toBe(3);

    await acceptProposal(store, { kind: 'appearance', id: h.id });
    const accepted = store.snapshot().appearances.find((a) => a.id === h.id)!;
    expect(accepted.state).toBe('anchored');
    expect(accepted.proposed).toBeUndefined();
    expect(accepted.anchor.documentVersion).toBe(2);

    const orphan = byClaim.get(jobs.claim.id)!;
    const at = newText.indexOf('Good evening.');
    await reanchorToSpan(store, { kind: 'appearance', id: orphan.id }, at, at + 'Good evening.'.length);
    expect(store.snapshot().appearances.find((a) => a.id === orphan.id)).toMatchObject({ state: 'anchored', anchor: { quote: { exact: 'Good evening.' } } });
    await discardAnnotation(store, { kind: 'appearance', id: orphan.id });
    expect(store.snapshot().appearances.some((a) => a.id === orphan.id)).toBe(false);
    expect(store.snapshot().claims).toHaveLength(2); // the claim stays
  });

  it('does not attach a deleted sentence to a look-alike elsewhere', async () => {
    const store = transcript([
      { person: 'per_a', text: 'Taxes went up under them. That is a fact.' },
      { person: 'per_b', text: 'Taxes went up under them, he says. Wrong.' },
    ]);
    await createClaim(store, { text: 'taxes', type: 'statistic' }, span(store, 'Taxes went up under them. That is a fact.'));
    const oldText = store.snapshot().documents[0]!.text;
    await replaceDocumentText(store, 'doc_1', oldText.replace('Taxes went up under them. That is a fact.', 'I have nothing to add.'));
    expect(store.snapshot().appearances[0]!.state).not.toBe('anchored');
  });

  it('writes nothing when the document is missing or the text is empty', async () => {
    const store = transcript(TURNS);
    await expect(replaceDocumentText(store, 'doc_1', '  \n ')).rejects.toThrow('needs some text');
    await expect(replaceDocumentText(store, 'nope', 'x')).rejects.toThrow('no longer exists');
    expect(store.snapshot().documents[0]!.version).toBe(1);
  });
});

describe('claims across documents and scales', () => {
  it('a repeat added as an appearance shares the claim and its verdict', async () => {
    const store = transcript(TURNS);
    await ensureBuiltInScales(store);
    const { claim } = await createClaim(store, { text: 'Crime has doubled', type: 'statistic' }, span(store, 'Crime has doubled since 2010'));
    expect(claim.claimantId).toBe('per_b');
    await addAppearance(store, claim.id, span(store, 'Crime has doubled'));
    await setVerdict(store, claim.id, { scaleId: 'scale-three-step', stepId: 'false', conclusion: '', reasoning: 'ONS figures', author: 'A', why: '' });
    const snap = store.snapshot();
    expect(snap.appearances.filter((a) => a.claimId === claim.id)).toHaveLength(2);
    expect(snap.verdicts).toHaveLength(1);
  });

  it('a verdict moves a new or researching claim to checked in the same step; a published claim stays published', async () => {
    const store = transcript(TURNS);
    await ensureBuiltInScales(store);
    const { claim } = await createClaim(store, { text: 'Unemployment fell by 40,000', type: 'statistic', status: 'researching' }, span(store, 'Unemployment fell by 40,000'));
    await setVerdict(store, claim.id, { scaleId: 'scale-three-step', stepId: 'true', conclusion: '', reasoning: 'ONS', author: 'A', why: '' });
    expect(store.snapshot().claims.find((c) => c.id === claim.id)?.status).toBe('checked');
    const { claim: published } = await createClaim(store, { text: 'Crime has doubled since 2010', type: 'statistic', status: 'published' }, span(store, 'Crime has doubled since 2010'));
    await setVerdict(store, published.id, { scaleId: 'scale-three-step', stepId: 'false', conclusion: '', reasoning: 'ONS', author: 'A', why: '' });
    expect(store.snapshot().claims.find((c) => c.id === published.id)?.status).toBe('published');
  });

  it('saves a valid user-defined scale and refuses an invalid one or a built-in edit', async () => {
    const store = transcript(TURNS);
    await ensureBuiltInScales(store);
    const scale = await saveScale(store, {
      name: 'Traffic',
      kind: 'rated',
      steps: [
        { id: 'right', label: 'Right', color: '#2166ac', value: 1 },
        { id: 'wrong', label: 'Wrong', color: '#b2182b', value: 0 },
      ],
    });
    expect(scale.builtIn).toBe(false);
    await expect(
      saveScale(store, { name: 'Bad', kind: 'rated', steps: [{ id: 'a', label: 'A', color: 'red', value: 1 }] }),
    ).rejects.toThrow('not valid');
    await expect(saveScale(store, { id: 'scale-six-step', name: 'X', kind: 'conclusion-only', steps: [] })).rejects.toThrow('Built-in');
    expect(store.snapshot().scales).toHaveLength(4);
  });
});
