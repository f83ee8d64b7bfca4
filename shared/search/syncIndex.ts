import { planUpdate, type SearchEntry } from './searchEntries.js';
import type { SearchIndex } from './searchIndex.js';

/** How much a sync changed. */
export interface SyncResult {
  removedSources: number;
  builtSources: number;
  unchangedSources: number;
}

/**
 * Brings an index up to date with the records: sources gone are dropped, new or changed sources are built from
 * `load` (only those), the rest is left as it is.
 */
export async function syncIndex(
  index: SearchIndex,
  current: ReadonlyMap<string, string>,
  load: (keys: string[]) => Promise<Map<string, SearchEntry[]>>,
): Promise<SyncResult> {
  const plan = planUpdate(index.manifest, current);
  let removedSources = 0;
  for (const key of Object.keys(index.manifest)) {
    if (!current.has(key)) {
      index.dropSource(key);
      removedSources++;
    }
  }
  const built = plan.build.length > 0 ? await load(plan.build) : new Map<string, SearchEntry[]>();
  for (const key of plan.build) index.putSource(key, current.get(key)!, built.get(key) ?? []);
  return { removedSources, builtSources: plan.build.length, unchangedSources: plan.unchanged };
}
