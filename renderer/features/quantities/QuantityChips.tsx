import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState, type FormEvent } from 'react';
import { readClaimQuantities, removeClaimQuantity, rereadClaimQuantities, saveClaimQuantity, type QuantityDraft } from '../../../shared/domain/quantities.js';
import { QUANTITY_UNITS, type Claim, type ClaimQuantity, type Quantity, type QuantityUnit } from '../../../shared/model.js';
import { parseQuantities } from '../../../shared/quantities/parseQuantities.js';
import { QUANTITY_UNIT_LABELS, formatQuantity } from '../../../shared/quantities/formatQuantity.js';
import { db } from '../../db/database.js';
import { store } from '../../db/store.js';
import { useUiStore } from '../../state/uiStore.js';
import './quantities.css';

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The date a claim's "last year" is read against: its own date, else the date of the debate it appears in. */
export function useClaimReferenceDate(claim: Claim): string | undefined {
  return useLiveQuery(async () => {
    if (claim.date) return claim.date;
    const appearance = await db.appearances.where('claimId').equals(claim.id).first();
    const document = appearance ? await db.documents.get(appearance.documentId) : undefined;
    const debate = document ? await db.debates.get(document.debateId) : undefined;
    return debate?.date ?? '';
  }, [claim.id, claim.date]) || undefined;
}

/** The quantities a claim holds: stored ones, or read from the statement until the analyst first corrects them. */
export function useClaimQuantities(claim: Claim): ClaimQuantity[] {
  const date = useClaimReferenceDate(claim);
  return claim.quantities ?? readClaimQuantities(claim.text, date);
}

/**
 * The quantities of a claim as chips: value, unit, what is counted, comparison and time, each correctable by the
 * analyst (and undoable, like every edit). Until the analyst changes something they are read from the statement.
 */
export function ClaimQuantities(props: { claim: Claim }) {
  const { claim } = props;
  const quantities = useClaimQuantities(claim);
  const notify = useUiStore((s) => s.notify);
  const [editing, setEditing] = useState<ClaimQuantity | 'new'>();
  const stored = claim.quantities !== undefined;

  const remove = async (q: ClaimQuantity) => {
    try {
      await removeClaimQuantity(store, claim.id, q.id);
      notify(`Quantity removed: ${formatQuantity(q)}. Undo (Ctrl+Z) brings it back.`);
    } catch (error) {
      notify(message(error), 'error');
    }
  };
  const reread = async () => {
    try {
      const list = await rereadClaimQuantities(store, claim.id);
      notify(list.length ? `Read ${list.length} quantit${list.length === 1 ? 'y' : 'ies'} from the statement.` : 'The statement holds no quantities the parser can read.');
    } catch (error) {
      notify(message(error), 'error');
    }
  };

  return (
    <section aria-labelledby={`quantities-${claim.id}`} className="claim-subsection claim-quantities">
      <h4 id={`quantities-${claim.id}`}>Quantities</h4>
      {quantities.length === 0 && <p className="muted small">No quantities read in the statement.</p>}
      <ul aria-label="Quantities" className="quantity-chips">
        {quantities.map((q) => {
          const label = formatQuantity(q);
          return (
            <li key={q.id} className={`quantity-chip quantity-${q.unit}`} aria-label={label}>
              <span className="quantity-figure">{label}</span>
              {q.origin === 'analyst' && <span className="muted small"> (corrected)</span>}
              <button type="button" className="chip-action" aria-label={`Correct quantity ${label}`} onClick={() => setEditing(q)}>
                Edit
              </button>
              <button type="button" className="chip-action" aria-label={`Remove quantity ${label}`} onClick={() => void remove(q)}>
                ×
              </button>
            </li>
          );
        })}
      </ul>
      {!stored && quantities.length > 0 && <p className="muted small">Read from the statement; correct any that are wrong.</p>}
      <div className="row-actions">
        <button type="button" onClick={() => setEditing('new')}>
          Add quantity
        </button>
        <button type="button" onClick={() => void reread()}>
          Read quantities again
        </button>
      </div>
      {editing && <QuantityForm claimId={claim.id} quantity={editing === 'new' ? undefined : editing} onDone={() => setEditing(undefined)} />}
    </section>
  );
}

const numberOrUndefined = (text: string): number | undefined => {
  const t = text.replace(/[,\s]/g, '');
  return t === '' ? undefined : Number(t);
};

/** The form that adds or corrects one quantity; every field is named for a screen reader. */
function QuantityForm(props: { claimId: string; quantity: ClaimQuantity | undefined; onDone: () => void }) {
  const q = props.quantity;
  const notify = useUiStore((s) => s.notify);
  const [value, setValue] = useState(q ? String(q.value) : '');
  const [unit, setUnit] = useState<QuantityUnit>(q?.unit ?? 'count');
  const [currency, setCurrency] = useState(q?.currency ?? 'USD');
  const [of, setOf] = useState(q?.of === undefined ? '' : String(q.of));
  const [what, setWhat] = useState(q?.what ?? '');
  const [comparison, setComparison] = useState(q?.comparison ?? '');
  const [time, setTime] = useState(q?.time ?? '');
  const [from, setFrom] = useState(q?.period?.from === undefined ? '' : String(q.period.from));
  const [to, setTo] = useState(q?.period?.to === undefined ? '' : String(q.period.to));
  const [words, setWords] = useState(q?.text ?? '');
  const [error, setError] = useState<string>();
  const title = q ? 'Correct quantity' : 'Add quantity';

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    const number = numberOrUndefined(value);
    if (number === undefined || !Number.isFinite(number)) {
      setError('A quantity needs a value that is a number, such as 5, 1.4 or 12000.');
      return;
    }
    const draft: QuantityDraft & { id?: string } = { value: number, unit, text: words };
    if (q) draft.id = q.id;
    if (unit === 'money') draft.currency = currency.trim().toUpperCase();
    const ofNumber = numberOrUndefined(of);
    if (ofNumber !== undefined) draft.of = ofNumber;
    if (what.trim()) draft.what = what;
    if (comparison.trim()) draft.comparison = comparison;
    if (time.trim()) draft.time = time;
    const period: { from?: number; to?: number } = {};
    const fromYear = numberOrUndefined(from);
    const toYear = numberOrUndefined(to);
    if (fromYear !== undefined) period.from = fromYear;
    if (toYear !== undefined) period.to = toYear;
    if (fromYear !== undefined || toYear !== undefined) draft.period = period;
    try {
      const saved = await saveClaimQuantity(store, props.claimId, draft);
      notify(`Quantity saved: ${formatQuantity(saved)}.`);
      props.onDone();
    } catch (e) {
      setError(message(e));
    }
  }

  return (
    <form aria-label={title} className="quantity-form claim-form" onSubmit={submit} noValidate>
      <div className="claim-form-row">
        <label>
          Value
          <input value={value} inputMode="decimal" onChange={(e) => setValue(e.target.value)} />
        </label>
        <label>
          Unit
          <select aria-label="Unit" value={unit} onChange={(e) => setUnit(e.target.value as QuantityUnit)}>
            {QUANTITY_UNITS.map((u) => (
              <option key={u} value={u}>
                {QUANTITY_UNIT_LABELS[u]}
              </option>
            ))}
          </select>
        </label>
        {unit === 'money' && (
          <label>
            Currency
            <input value={currency} maxLength={3} onChange={(e) => setCurrency(e.target.value)} />
          </label>
        )}
        <label>
          Out of
          <input value={of} inputMode="decimal" onChange={(e) => setOf(e.target.value)} />
        </label>
      </div>
      <div className="claim-form-row">
        <label>
          What is counted
          <input value={what} onChange={(e) => setWhat(e.target.value)} />
        </label>
        <label>
          Comparison
          <input value={comparison} onChange={(e) => setComparison(e.target.value)} placeholder="only, at least, more than…" />
        </label>
      </div>
      <div className="claim-form-row">
        <label>
          Time
          <input value={time} onChange={(e) => setTime(e.target.value)} placeholder="last year, in 2015…" />
        </label>
        <label>
          From year
          <input value={from} inputMode="numeric" onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          To year
          <input value={to} inputMode="numeric" onChange={(e) => setTo(e.target.value)} />
        </label>
      </div>
      <label>
        Words in the statement
        <input value={words} onChange={(e) => setWords(e.target.value)} />
      </label>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div className="row-actions">
        <button type="submit" className="primary">
          Save quantity
        </button>
        <button type="button" onClick={props.onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/**
 * Read-only chips for any sentence (triage shows them under each sentence); nothing is stored. A group of plain
 * chips rather than a list, so a list of sentences stays a list of sentences to a screen reader.
 */
export function SentenceQuantities(props: { text: string; date?: string | undefined }) {
  const { text, date } = props;
  const quantities: Quantity[] = useMemo(() => parseQuantities(text, date ? { date } : {}), [text, date]);
  if (quantities.length === 0) return null;
  return (
    <div role="group" aria-label="Quantities in this sentence" className="quantity-chips quantity-chips-small">
      {quantities.map((q) => (
        <span key={`${q.start}:${q.end}`} className={`quantity-chip quantity-${q.unit}`}>
          {formatQuantity(q)}
        </span>
      ))}
    </div>
  );
}
