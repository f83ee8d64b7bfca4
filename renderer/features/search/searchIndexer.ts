import type { Appearance, Claim, Verdict } from '../../../shared/model.js';
import { claimEntry, documentStamp, evidenceEntry, fingerprint, noteEntry, sourceEntry, turnEntries, verdictEntry, type SearchEntry } from '../../../shared/search/searchEntries.js';
import type { HostResponse, SearchRequest } from '../../../shared/search/searchHost.js';
import { db, observeQuery } from '../../db/database.js';

/** Where the saved index lives in the settings table. */
export const SAVED_INDEX_KEY = 'search:index';

/** What the indexer tells the window, for the status line (and the tests). */
export type IndexerEvent =
  | { kind: 'loaded'; fromDisk: boolean; entries: number }
  /** After every sync with the library, even one that changed nothing: the index is then in step with it. */
  | { kind: 'updated'; changedSources: number; entries: number }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'failed'; message: string };

type Host = (request: SearchRequest) => Promise<HostResponse>;
type ResponseOf<Op extends SearchRequest['op']> = Extract<HostResponse, { op: Op }>;

/**
 * The sources of entries as the records are now; every entry but the turns (claims, notes, library sources, evidence
 * links, verdicts) comes along since they are cheap, each stamped with its fingerprint. Reading these tables here is
 * also what makes a change to any of them re-index (the live query watches what it read).
 */
export interface CurrentSources {
  stamps: Map<string, string>;
  built: Map<string, SearchEntry[]>;
}

export async function currentSources(): Promise<CurrentSources> {
  // Document ids and updatedAt from the index alone, without reading the texts.
  const [docIds, docStamps, byDebateIds, debateKeys] = await Promise.all([
    db.documents.orderBy('updatedAt').primaryKeys(),
    db.documents.orderBy('updatedAt').keys(),
    db.documents.orderBy('debateId').primaryKeys(),
    db.documents.orderBy('debateId').keys(),
  ]);
  const stamps = new Map<string, string>();
  docIds.forEach((id, i) => stamps.set(`doc:${id}`, documentStamp({ updatedAt: String(docStamps[i]) })));
  const debateOfDoc = new Map<string, string>();
  byDebateIds.forEach((id, i) => debateOfDoc.set(id, String(debateKeys[i])));

  const [claims, appearances, verdicts, notes, sources, evidence] = await Promise.all([
    db.claims.toArray(),
    db.appearances.toArray(),
    db.verdicts.toArray(),
    db.notes.toArray(),
    db.sources.toArray(),
    db.evidence.toArray(),
  ]);
  const appearancesOf = new Map<string, Appearance[]>();
  for (const a of appearances) {
    const list = appearancesOf.get(a.claimId);
    if (list) list.push(a);
    else appearancesOf.set(a.claimId, [a]);
  }
  const verdictOf = new Map<string, Verdict>(verdicts.map((v) => [v.claimId, v]));
  const claimById = new Map<string, Claim>(claims.map((c) => [c.id, c]));
  const debateOf = (d: string) => debateOfDoc.get(d);
  const built = new Map<string, SearchEntry[]>();
  const put = (key: string, entries: SearchEntry[]) => {
    stamps.set(key, entries.length === 1 ? fingerprint(entries[0]!) : entries.map(fingerprint).join('|'));
    built.set(key, entries);
  };
  for (const claim of claims) put(`claim:${claim.id}`, [claimEntry(claim, appearancesOf.get(claim.id) ?? [], verdictOf.get(claim.id), debateOf)]);
  for (const note of notes) put(`note:${note.id}`, [noteEntry(note, debateOfDoc.get(note.documentId))]);
  for (const source of sources) put(`src:${source.id}`, sourceEntry(source));
  for (const link of evidence) put(`ev:${link.id}`, evidenceEntry(link, claimById.get(link.claimId), appearancesOf.get(link.claimId) ?? [], debateOf));
  for (const verdict of verdicts) put(`verdict:${verdict.id}`, verdictEntry(verdict, claimById.get(verdict.claimId), appearancesOf.get(verdict.claimId) ?? [], debateOf));
  return { stamps, built };
}

/** Entries for the sources the index lacks: document texts are read only here, one changed document at a time. */
async function loadEntries(keys: string[], built: Map<string, SearchEntry[]>): Promise<Map<string, SearchEntry[]>> {
  const out = new Map<string, SearchEntry[]>();
  for (const key of keys) {
    if (key.startsWith('doc:')) {
      const id = key.slice(4);
      const document = await db.documents.get(id);
      if (!document) continue;
      const turns = await db.turns.where('[documentId+index]').between([id, -Infinity], [id, Infinity]).toArray();
      out.set(key, turnEntries(document, turns));
    } else {
      out.set(key, built.get(key) ?? []);
    }
  }
  return out;
}

/**
 * Keeps the index in step with the records, where the index lives (in the search worker, so none of this reading
 * and building touches the window's main thread): loads the saved index, then, each time a write anywhere in the
 * app may have changed the searchable records, reads them, asks the index which sources it lacks, builds only those,
 * and saves the index after a pause. Returns a function that stops it.
 */
export function runSearchIndexer(host: Host, report: (event: IndexerEvent) => void, saveDelayMs = 400): () => void {
  const call = <R extends SearchRequest>(request: R) => host(request) as Promise<ResponseOf<R['op']>>;
  let queue: Promise<void> = Promise.resolve();
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  let saved = false;
  let stopped = false;
  let unsubscribe = () => {};

  const enqueue = (work: () => Promise<void>) => {
    queue = queue.then(work).catch((error: unknown) => report({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }));
  };
  const scheduleSave = () => {
    saved = false;
    report({ kind: 'saving' });
    clearTimeout(saveTimer);
    // Saving serialises the whole index: wait for a burst of changes (an import, the sample) to settle first.
    saveTimer = setTimeout(
      () =>
        enqueue(async () => {
          const response = await call({ op: 'save' });
          await db.settings.put({ key: SAVED_INDEX_KEY, value: response.saved });
          saved = true;
          report({ kind: 'saved' });
        }),
      saveDelayMs,
    );
  };

  enqueue(async () => {
    const stored = await db.settings.get(SAVED_INDEX_KEY);
    const { loaded, entries } = await call({ op: 'load', saved: stored?.value });
    saved = loaded;
    report({ kind: 'loaded', fromDisk: loaded, entries });
    if (stopped) return;
    unsubscribe = observeQuery(
      currentSources,
      (current) =>
        enqueue(async () => {
          const stamps = [...current.stamps];
          const { build } = await call({ op: 'plan', stamps });
          const entriesToBuild = await loadEntries(build, current.built);
          const { result, entries: size } = await call({ op: 'apply', stamps, entries: [...entriesToBuild] });
          const changed = result.builtSources + result.removedSources;
          report({ kind: 'updated', changedSources: changed, entries: size });
          if (changed > 0 || !saved) scheduleSave();
        }),
      (error) => report({ kind: 'failed', message: `The search index could not read the library: ${error instanceof Error ? error.message : String(error)}` }),
    );
  });

  return () => {
    stopped = true;
    clearTimeout(saveTimer);
    unsubscribe();
  };
}
