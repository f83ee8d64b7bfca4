/**
 * Which records belong to a team project that shares only some debates. Records point at each other through fields
 * named `…Id` and `…Ids`; the first of debateId, documentId, claimId, reviewId says what a record belongs to (a
 * document's debate, an appearance's document, an evidence link's claim). A record is in the project when what it
 * belongs to is, and whatever an in-project record points at comes along (an appearance's claim, a claim's
 * claimant and topics, a link's source). Generic over fields, so tables and fields added later follow the rule.
 */
/** The fields that say what a record belongs to, most specific last: the first one present is its owner. */
const OWNER_FIELDS = ['debateId', 'documentId', 'claimId', 'reviewId'] as const;

export interface ScopedRecord {
  table: string;
  id: string;
  row: Record<string, unknown>;
}

/** What a record belongs to: its debate, document, claim or review; a stance belongs to its appearances. */
function owners(row: Record<string, unknown>): string[] {
  for (const field of OWNER_FIELDS) if (typeof row[field] === 'string') return [row[field] as string];
  const ids = row.appearanceIds;
  return Array.isArray(ids) ? ids.filter((v): v is string => typeof v === 'string') : [];
}

/** Every id a record points at, through fields named `…Id` or `…Ids`. */
export function referencedIds(row: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const [field, value] of Object.entries(row)) {
    if (field === 'id') continue;
    if (field.endsWith('Id') && typeof value === 'string') out.push(value);
    else if (field.endsWith('Ids') && Array.isArray(value)) for (const v of value) if (typeof v === 'string') out.push(v);
  }
  return out;
}

/**
 * The records of `candidates` that are in the project, given `known` (ids already in it) and `seeds` (ids put in it
 * by hand, such as the debates chosen when sharing). Runs to a fixpoint.
 */
export function recordsInScope(candidates: readonly ScopedRecord[], known: (id: string) => boolean, seeds: ReadonlySet<string> = new Set()): Set<string> {
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const inScope = new Set<string>();
  const has = (id: string) => inScope.has(id) || known(id) || seeds.has(id);
  let grew = true;
  while (grew) {
    grew = false;
    for (const c of candidates) {
      if (inScope.has(c.id)) continue;
      if (known(c.id) || seeds.has(c.id) || owners(c.row).some(has)) {
        inScope.add(c.id);
        grew = true;
      }
    }
    for (const id of [...inScope]) {
      for (const ref of referencedIds(byId.get(id)!.row)) {
        if (byId.has(ref) && !inScope.has(ref)) {
          inScope.add(ref);
          grew = true;
        }
      }
    }
  }
  return inScope;
}
