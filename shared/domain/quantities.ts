import { newId, nowIso } from '../ids.js';
import { QUANTITY_UNITS, type Claim, type ClaimQuantity, type Quantity, type QuantityUnit } from '../model.js';
import { parseQuantities } from '../quantities/parseQuantities.js';
import { ValidationError } from './debates.js';
import type { Store, StoreTx } from './store.js';

/** An ISO 4217 currency code. */
const CURRENCY_CODE = /^[A-Z]{3}$/i;

/** Reads a statement's quantities as they are kept on a claim: with ids and the words each was read from. */
export function readClaimQuantities(text: string, date?: string): ClaimQuantity[] {
  return parseQuantities(text, date ? { date } : {}).map((q) => ({ ...q, id: newId('qty_'), text: text.slice(q.start, q.end), origin: 'parsed' }));
}

/**
 * The date of the debate a claim first appears in. Every path awaits a store read: inside a Dexie transaction, an
 * async helper that awaits nothing of Dexie's loses the transaction (PrematureCommitError).
 */
async function debateDateOf(tx: StoreTx, claimId: string): Promise<string | undefined> {
  const [appearance] = await tx.where('appearances', 'claimId', claimId);
  const document = appearance ? await tx.get('documents', appearance.documentId) : undefined;
  const debate = document ? await tx.get('debates', document.debateId) : undefined;
  return debate?.date;
}

/** What the analyst types into a quantity chip's form. */
export interface QuantityDraft {
  value: number;
  unit: QuantityUnit;
  currency?: string;
  of?: number;
  what?: string;
  comparison?: string;
  time?: string;
  period?: { from?: number; to?: number };
  /** The words in the statement it stands for; defaults to the figure as typed. */
  text?: string;
}

function checkDraft(draft: QuantityDraft): void {
  if (typeof draft.value !== 'number' || !Number.isFinite(draft.value)) throw new ValidationError('A quantity needs a value that is a number, such as 5, 1.4 or 12000.');
  if (!QUANTITY_UNITS.includes(draft.unit)) throw new ValidationError(`Choose a unit: ${QUANTITY_UNITS.join(', ')}.`);
  if (draft.unit === 'money' && !(draft.currency && CURRENCY_CODE.test(draft.currency))) throw new ValidationError('Money needs its currency as a three-letter ISO code, such as USD, GBP or EUR.');
  if (draft.of !== undefined && !(Number.isFinite(draft.of) && draft.of > 0)) throw new ValidationError('“Out of” is a number above zero, such as 28.');
  for (const year of [draft.period?.from, draft.period?.to]) {
    if (year !== undefined && !(Number.isInteger(year) && year >= 1000 && year <= 3000)) throw new ValidationError('A year is written with four digits, such as 2015.');
  }
  if (draft.period?.from !== undefined && draft.period.to !== undefined && draft.period.from > draft.period.to) throw new ValidationError('The period must not end before it starts.');
}

/** A quantity the analyst made or corrected, with empty fields left out. */
function fromDraft(draft: QuantityDraft, existing: ClaimQuantity | undefined): ClaimQuantity {
  const q: ClaimQuantity = {
    id: existing?.id ?? newId('qty_'),
    value: draft.value,
    unit: draft.unit,
    start: existing?.start ?? 0,
    end: existing?.end ?? 0,
    text: draft.text?.trim() || existing?.text || String(draft.value),
    origin: 'analyst',
  };
  if (draft.unit === 'money' && draft.currency) q.currency = draft.currency.toUpperCase();
  if (draft.of !== undefined) q.of = draft.of;
  for (const key of ['what', 'comparison', 'time'] as const) {
    const v = draft[key]?.trim();
    if (v) q[key] = v;
  }
  const period: Quantity['period'] = {};
  if (draft.period?.from !== undefined) period.from = draft.period.from;
  if (draft.period?.to !== undefined) period.to = draft.period.to;
  if (period.from !== undefined || period.to !== undefined) q.period = period;
  return q;
}

async function claimFor(tx: StoreTx, claimId: string): Promise<Claim> {
  const claim = await tx.get('claims', claimId);
  if (!claim) throw new ValidationError('That claim no longer exists.');
  return claim;
}


/** Adds a quantity (no id) or corrects one (its id), as the analyst entered it; undo restores the list before. */
export async function saveClaimQuantity(store: Store, claimId: string, draft: QuantityDraft & { id?: string }): Promise<ClaimQuantity> {
  checkDraft(draft);
  return store.transaction(draft.id ? 'Correct quantity' : 'Add quantity', async (tx) => {
    const claim = await claimFor(tx, claimId);
    // Stored, or read from the statement ("last year" against the claim's or its debate's date) if never stored.
    const list = claim.quantities ?? readClaimQuantities(claim.text, claim.date ?? (await debateDateOf(tx, claim.id)));
    const index = draft.id ? list.findIndex((q) => q.id === draft.id) : -1;
    if (draft.id && index < 0) throw new ValidationError('That quantity is no longer on the claim.');
    const saved = fromDraft(draft, index >= 0 ? list[index] : undefined);
    const next = index >= 0 ? list.map((q, i) => (i === index ? saved : q)) : [...list, saved];
    await tx.put('claims', { ...claim, quantities: next, updatedAt: nowIso() });
    return saved;
  });
}

/** Removes a quantity the parser misread; the list is then the analyst's. */
export async function removeClaimQuantity(store: Store, claimId: string, quantityId: string): Promise<void> {
  await store.transaction('Remove quantity', async (tx) => {
    const claim = await claimFor(tx, claimId);
    const list = claim.quantities ?? readClaimQuantities(claim.text, claim.date ?? (await debateDateOf(tx, claim.id)));
    if (!list.some((q) => q.id === quantityId)) throw new ValidationError('That quantity is no longer on the claim.');
    await tx.put('claims', { ...claim, quantities: list.filter((q) => q.id !== quantityId), updatedAt: nowIso() });
  });
}

/** Reads the statement again (after an edit, or a newer parser), keeping what the analyst entered by hand. */
export async function rereadClaimQuantities(store: Store, claimId: string): Promise<ClaimQuantity[]> {
  return store.transaction('Read quantities again', async (tx) => {
    const claim = await claimFor(tx, claimId);
    const kept = (claim.quantities ?? []).filter((q) => q.origin === 'analyst');
    const parsed = readClaimQuantities(claim.text, claim.date ?? (await debateDateOf(tx, claim.id))).filter((p) => !kept.some((k) => k.value === p.value && k.unit === p.unit));
    const next = [...parsed, ...kept];
    await tx.put('claims', { ...claim, quantities: next, updatedAt: nowIso() });
    return next;
  });
}
