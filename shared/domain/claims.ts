import { createAnchor } from '../anchoring/createAnchor.js';
import { newId, nowIso } from '../ids.js';
import type { Appearance, Claim, ClaimStatus, ClaimType, Note, Verdict, VerdictScale, VerdictStep } from '../model.js';
import { BUILT_IN_SCALES, applyVerdictChange, validateScale } from '../verdicts/scales.js';
import { ValidationError } from './debates.js';
import { readClaimQuantities } from './quantities.js';
import type { Store, StoreTx } from './store.js';

/** What a new claim starts from; the text defaults to the selection. */
export interface ClaimDraft {
  text: string;
  type: ClaimType;
  claimantId?: string;
  date?: string;
  topicIds?: string[];
  status?: ClaimStatus;
  notes?: string;
}

/** A span of a document: [start, end) in DocumentRecord.text. */
export interface Span {
  documentId: string;
  start: number;
  end: number;
}

async function appearanceFor(tx: StoreTx, claimId: string, span: Span, now: string): Promise<Appearance> {
  const document = await tx.get('documents', span.documentId);
  if (!document) throw new ValidationError('That document no longer exists.');
  if (!(span.start >= 0 && span.end > span.start && span.end <= document.text.length)) throw new ValidationError('Select some text in the document first.');
  const turns = await tx.where('turns', 'documentId', span.documentId);
  const turn = turns.find((t) => span.start >= t.offset && span.start < t.offset + t.text.length);
  const appearance: Appearance = {
    id: newId('app_'),
    claimId,
    documentId: span.documentId,
    anchor: createAnchor(document.text, span.start, span.end, document.version),
    state: 'anchored',
    createdAt: now,
    updatedAt: now,
  };
  if (turn) appearance.turnId = turn.id;
  return appearance;
}

/** The claimant a span implies: the speaker of its turn, or the person an attributed quote there belongs to. */
export async function defaultClaimant(tx: StoreTx, span: Span): Promise<string | undefined> {
  const document = await tx.get('documents', span.documentId);
  const quote = document?.quotes?.find((q) => span.start < q.end && span.end > q.start);
  if (quote) return quote.personId;
  const turns = await tx.where('turns', 'documentId', span.documentId);
  return turns.find((t) => span.start >= t.offset && span.start < t.offset + t.text.length)?.personId ?? undefined;
}

/** Creates a claim, and its first appearance when a span is given, in one transaction. */
export async function createClaim(store: Store, draft: ClaimDraft, span?: Span): Promise<{ claim: Claim; appearance?: Appearance }> {
  const text = draft.text.replace(/\s+/g, ' ').trim();
  if (!text) throw new ValidationError('A claim needs a statement.');
  return store.transaction(`Create claim “${text.slice(0, 40)}”`, async (tx) => {
    const now = nowIso();
    const claim: Claim = { id: newId('clm_'), text, type: draft.type, status: draft.status ?? 'new', topicIds: draft.topicIds ?? [], createdAt: now, updatedAt: now };
    const claimant = draft.claimantId ?? (span ? await defaultClaimant(tx, span) : undefined);
    if (claimant) claim.claimantId = claimant;
    if (draft.date) claim.date = draft.date;
    if (draft.notes) claim.notes = draft.notes;
    let debateDate: string | undefined;
    if (span) {
      const document = await tx.get('documents', span.documentId);
      debateDate = (document ? await tx.get('debates', document.debateId) : undefined)?.date;
      if (!claim.date && debateDate) claim.date = debateDate;
    }
    // Every claim has its quantities read when it is made, "last year" against the claim's (or debate's) date.
    claim.quantities = readClaimQuantities(text, claim.date ?? debateDate);
    await tx.put('claims', claim);
    if (!span) return { claim };
    const appearance = await appearanceFor(tx, claim.id, span, now);
    await tx.put('appearances', appearance);
    return { claim, appearance };
  });
}

/** Links another place the same claim appears (later in the debate, or in another document). */
export async function addAppearance(store: Store, claimId: string, span: Span): Promise<Appearance> {
  return store.transaction('Add appearance', async (tx) => {
    if (!(await tx.get('claims', claimId))) throw new ValidationError('That claim no longer exists.');
    const appearance = await appearanceFor(tx, claimId, span, nowIso());
    await tx.put('appearances', appearance);
    return appearance;
  });
}

export type ClaimPatch = Partial<Pick<Claim, 'text' | 'type' | 'status' | 'claimantId' | 'date' | 'topicIds' | 'notes'>>;

export async function updateClaim(store: Store, claimId: string, patch: ClaimPatch): Promise<Claim> {
  if (patch.text !== undefined && !patch.text.trim()) throw new ValidationError('A claim needs a statement.');
  return store.transaction('Edit claim', async (tx) => {
    const claim = await tx.get('claims', claimId);
    if (!claim) throw new ValidationError('That claim no longer exists.');
    const updated: Claim = { ...claim, ...patch, updatedAt: nowIso() };
    for (const key of Object.keys(updated) as (keyof Claim)[]) if (updated[key] === undefined || updated[key] === '') delete updated[key];
    if ((patch.text !== undefined && patch.text !== claim.text) || (patch.date !== undefined && patch.date !== claim.date)) {
      // A new statement (or date) is read again; quantities the analyst entered by hand stay.
      const kept = (claim.quantities ?? []).filter((q) => q.origin === 'analyst');
      const parsed = readClaimQuantities(updated.text, updated.date).filter((p) => !kept.some((k) => k.value === p.value && k.unit === p.unit));
      updated.quantities = [...parsed, ...kept];
    }
    await tx.put('claims', updated);
    return updated;
  });
}

/** Deletes a claim with its appearances, verdict and evidence; stances lose the quotes that were its appearances. */
export async function deleteClaim(store: Store, claimId: string): Promise<void> {
  await store.transaction('Delete claim', async (tx) => {
    const appearances = await tx.where('appearances', 'claimId', claimId);
    const gone = new Set(appearances.map((a) => a.id));
    for (const a of appearances) await tx.delete('appearances', a.id);
    for (const v of await tx.where('verdicts', 'claimId', claimId)) await tx.delete('verdicts', v.id);
    for (const e of await tx.where('evidence', 'claimId', claimId)) await tx.delete('evidence', e.id);
    for (const stance of await tx.all('stances')) {
      if (stance.appearanceIds.some((id) => gone.has(id))) await tx.put('stances', { ...stance, appearanceIds: stance.appearanceIds.filter((id) => !gone.has(id)) });
    }
    await tx.delete('claims', claimId);
  });
}

export async function removeAppearance(store: Store, appearanceId: string): Promise<void> {
  await store.transaction('Remove appearance', (tx) => tx.delete('appearances', appearanceId));
}

/** What the user sets on the verdict form. */
export interface VerdictInput {
  scaleId: string;
  stepId?: string;
  conclusion: string;
  reasoning: string;
  author: string;
  /** Why it changed (required when a verdict already exists). */
  why: string;
}

/** The status a claim moves to when it is given a verdict: work in progress becomes checked; published stays. */
export function statusAfterVerdict(status: ClaimStatus): ClaimStatus {
  return status === 'new' || status === 'researching' ? 'checked' : status;
}

/**
 * Writes a verdict inside a transaction (with its checks and history), for setVerdict and the operations that save a
 * verdict together with something else. A claim still `new` or `researching` becomes `checked` in the same step (one
 * undo takes back both); publishing stays an explicit step.
 */
export async function writeVerdict(tx: StoreTx, claimId: string, input: VerdictInput): Promise<Verdict> {
  if (!input.author.trim()) throw new ValidationError('A verdict needs its author.');
  const claim = await tx.get('claims', claimId);
  if (!claim) throw new ValidationError('That claim no longer exists.');
  const scale = await tx.get('scales', input.scaleId);
  if (!scale) throw new ValidationError('That verdict scale no longer exists.');
  if (scale.kind === 'rated' && !input.stepId) throw new ValidationError(`Choose a rating on the ${scale.name} scale.`);
  if (scale.kind === 'conclusion-only' && !input.conclusion.trim()) throw new ValidationError('Write the conclusion.');
  const [existing] = await tx.where('verdicts', 'claimId', claimId);
  if (existing && !input.why.trim()) throw new ValidationError('Say why the verdict changes.');
  const at = nowIso();
  const verdict = applyVerdictChange(existing, { ...input, claimId, at }, scale);
  await tx.put('verdicts', verdict);
  const status = statusAfterVerdict(claim.status);
  if (status !== claim.status) await tx.put('claims', { ...claim, status, updatedAt: at });
  return verdict;
}

/** Sets or changes a claim's verdict, keeping the history of who changed what, when and why. */
export async function setVerdict(store: Store, claimId: string, input: VerdictInput): Promise<Verdict> {
  if (!input.author.trim()) throw new ValidationError('A verdict needs its author.');
  return store.transaction('Set verdict', (tx) => writeVerdict(tx, claimId, input));
}

/** Puts the built-in verdict scales into the library if they are missing (first start, old libraries). */
export async function ensureBuiltInScales(store: Store): Promise<void> {
  await store.transaction('Add built-in scales', async (tx) => {
    for (const scale of BUILT_IN_SCALES) if (!(await tx.get('scales', scale.id))) await tx.put('scales', scale);
  });
}

/** A user-defined scale as the scale editor describes it; an id edits that scale. */
export interface ScaleDraft {
  id?: string;
  name: string;
  kind: 'rated' | 'conclusion-only';
  steps: VerdictStep[];
}

/** Saves a user-defined verdict scale after validateScale accepts it; built-in scales cannot be changed. */
export async function saveScale(store: Store, draft: ScaleDraft): Promise<VerdictScale> {
  return store.transaction(`Save scale ${draft.name.trim()}`, async (tx) => {
    const existing = draft.id ? await tx.get('scales', draft.id) : undefined;
    if (draft.id && !existing) throw new ValidationError('That scale no longer exists.');
    if (existing?.builtIn) throw new ValidationError('Built-in scales cannot be changed; make a new scale instead.');
    const now = nowIso();
    const checked = validateScale({ id: existing?.id ?? newId('scl_'), name: draft.name, kind: draft.kind, steps: draft.steps, builtIn: false, createdAt: existing?.createdAt ?? now, updatedAt: now });
    if (!checked.ok) throw new ValidationError(`The scale is not valid: ${checked.errors.join('; ')}.`);
    await tx.put('scales', checked.scale);
    return checked.scale;
  });
}

function emptyBodyMessage(kind: Note['kind']): string {
  return kind === 'tag' ? 'A tag needs a name.' : 'A note needs some text.';
}

/** Adds a note or a tag on a span. */
export async function createNote(store: Store, span: Span, kind: Note['kind'], body: string): Promise<Note> {
  if (!body.trim()) throw new ValidationError(emptyBodyMessage(kind));
  return store.transaction(`Add ${kind}`, async (tx) => {
    const document = await tx.get('documents', span.documentId);
    if (!document) throw new ValidationError('That document no longer exists.');
    const now = nowIso();
    const note: Note = { id: newId('not_'), documentId: span.documentId, anchor: createAnchor(document.text, span.start, span.end, document.version), state: 'anchored', kind, body: body.trim(), createdAt: now, updatedAt: now };
    await tx.put('notes', note);
    return note;
  });
}

/** What the note panel can change; the span stays where it was anchored. */
export type NotePatch = Partial<Pick<Note, 'body' | 'kind'>>;

/**
 * The kind of a note as stored, read first so validation and the undo label ("Edit tag", "Delete note") name what
 * the user is looking at. A read-only transaction records no undo step.
 */
async function storedKind(store: Store, noteId: string): Promise<Note['kind']> {
  const kind = await store.transaction('Read note', async (tx) => (await tx.get('notes', noteId))?.kind);
  if (!kind) throw new ValidationError('That note no longer exists.');
  return kind;
}

/** Changes a note's text or turns a note into a tag (and back); saving what is already there writes nothing. */
export async function updateNote(store: Store, noteId: string, patch: NotePatch): Promise<Note> {
  const kind = await storedKind(store, noteId);
  if (patch.body !== undefined && !patch.body.trim()) throw new ValidationError(emptyBodyMessage(patch.kind ?? kind));
  return store.transaction(`Edit ${kind}`, async (tx) => {
    const note = await tx.get('notes', noteId);
    if (!note) throw new ValidationError('That note no longer exists.');
    const body = patch.body?.trim() ?? note.body;
    const nextKind = patch.kind ?? note.kind;
    if (body === note.body && nextKind === note.kind) return note;
    const updated: Note = { ...note, body, kind: nextKind, updatedAt: nowIso() };
    await tx.put('notes', updated);
    return updated;
  });
}

/** Deletes a note or tag; undo brings it back with its anchor. */
export async function deleteNote(store: Store, noteId: string): Promise<void> {
  const kind = await storedKind(store, noteId);
  await store.transaction(`Delete ${kind}`, async (tx) => {
    if (!(await tx.get('notes', noteId))) throw new ValidationError('That note no longer exists.');
    await tx.delete('notes', noteId);
  });
}

/** Words of a statement, for spotting the same claim made again. */
function words(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}%]+/gu)?.filter((w) => w.length > 2) ?? []);
}

/**
 * Existing claims that look like the same claim again (similar wording, same speaker first), so a repeat can share
 * the first one's verdict. Jaccard overlap of words; 0.5 and above is suggested.
 */
export function findSimilarClaims(claims: Claim[], text: string, claimantId?: string, threshold = 0.5): { claim: Claim; similarity: number }[] {
  const target = words(text);
  if (target.size === 0) return [];
  return claims
    .map((claim) => {
      const other = words(claim.text);
      let shared = 0;
      for (const w of target) if (other.has(w)) shared += 1;
      const similarity = shared / (target.size + other.size - shared);
      return { claim, similarity: claimantId && claim.claimantId === claimantId ? Math.min(1, similarity + 0.1) : similarity };
    })
    .filter((s) => s.similarity >= threshold)
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, 5);
}
