import { QUANTITY_UNITS } from '../model.js';

/**
 * The issue 15 fields of claims and evidence links, as they come in from a bundle, project JSON or backup: claim
 * quantities and table checks. Entries that cannot be used are left out (a quantity without a numeric value, a run
 * without its file's hash); fields we do not know are kept, as everywhere in normaliseSnapshot.
 */
type Rec = Record<string, unknown>;
const isRecord = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const str = (v: unknown, fallback: string): string => (typeof v === 'string' ? v : fallback);

/** A claim's `quantities`: undefined stays undefined (not read yet); bad entries are dropped. */
export function normaliseClaimQuantities(raw: unknown): Rec[] | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!Array.isArray(raw)) return [];
  return raw
    .filter((q): q is Rec => isRecord(q) && finite(q.value) && QUANTITY_UNITS.includes(q.unit as never))
    .map((q, i) => ({
      ...q,
      id: str(q.id, `qty_imported_${i + 1}`),
      start: finite(q.start) ? q.start : 0,
      end: finite(q.end) ? q.end : 0,
      text: str(q.text, String(q.value)),
      origin: q.origin === 'analyst' ? 'analyst' : 'parsed',
    }));
}

function normaliseRun(run: Rec): Rec {
  const out: Rec = { ...run, fileName: str(run.fileName, 'table'), sheet: str(run.sheet, ''), at: str(run.at, '1970-01-01T00:00:00.000Z'), sentence: str(run.sentence, '') };
  if (run.result !== undefined && !(isRecord(run.result) && finite(run.result.value))) delete out.result;
  return out;
}

/** An evidence link's `check`: kept when it names a computation and its runs, dropped when it cannot be read. */
export function normaliseTableCheck(raw: unknown): Rec | undefined {
  if (!isRecord(raw) || !isRecord(raw.computation)) return undefined;
  const computation = raw.computation;
  if (typeof computation.operation !== 'string' || typeof computation.sheet !== 'string') return undefined;
  const runs = Array.isArray(raw.runs) ? raw.runs.filter((r): r is Rec => isRecord(r) && typeof r.fileHash === 'string').map(normaliseRun) : [];
  const out: Rec = { ...raw, computation: { ...computation, labelColumn: str(computation.labelColumn, '') }, runs };
  if (raw.claimed !== undefined && !(isRecord(raw.claimed) && finite(raw.claimed.value))) delete out.claimed;
  return out;
}
