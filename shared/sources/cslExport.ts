import type { CslItem, Source } from '../model.js';
import { cslFieldProblem, isCslField } from './cslItemCheck.js';
import { isCslType } from './cslFields.js';
import { cslTypeForKind } from './sourceKind.js';
import { webAddress } from './webAddress.js';

/**
 * The library as CSL-JSON that passes the CSL 1.0.2 schema: every item gets a type and a unique id, and any field
 * the schema does not allow (or whose value it would reject) moves into `custom` rather than being lost.
 */
export function exportCslJson(sources: readonly Source[]): CslItem[] {
  const usedIds = new Set<string>();
  return sources.map((source) => {
    const wanted = typeof source.csl.id === 'string' && source.csl.id !== '' ? source.csl.id : source.id;
    const id = usedIds.has(wanted) ? source.id : wanted;
    usedIds.add(id);
    const type = isCslType(source.csl.type) ? source.csl.type : cslTypeForKind(source.kind);
    const item: CslItem = { id, type };
    const ownCustom = source.csl.custom;
    const custom: Record<string, unknown> =
      typeof ownCustom === 'object' && ownCustom !== null && !Array.isArray(ownCustom) ? { ...ownCustom } : {};
    for (const [field, value] of Object.entries(source.csl)) {
      if (field === 'id' || field === 'type' || field === 'custom' || value === undefined) continue;
      // Only web addresses leave the app as a source's URL; javascript: or data: would be a live link elsewhere.
      if (field === 'URL' && !webAddress(value)) continue;
      if (isCslField(field) && cslFieldProblem(field, value) === undefined) item[field] = value;
      else custom[field] = value;
    }
    if (source.csl.type !== type && source.csl.type !== undefined) custom['original-type'] = source.csl.type;
    if (Object.keys(custom).length > 0) item.custom = custom;
    return item;
  });
}
