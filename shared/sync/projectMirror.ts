import * as Y from 'yjs';
import { newId } from '../ids.js';
import { SNAPSHOT_TABLES, type TableName, type Verdict, type VerdictChange } from '../model.js';
import { recordsInScope, type ScopedRecord } from './scope.js';

/**
 * The shared, mergeable form of a team project: one Y.Doc. Each table is a top-level Y.Map of records, each record
 * a Y.Map of its fields, so concurrent edits to different fields merge and the same field is last-writer-wins.
 * Fields are copied generically (whatever a record holds travels, including fields added after this was written).
 * A deleted record stays as a tombstone (its fields plus `~deleted`), so it can be restored and an edit racing
 * the deletion is not lost. Verdicts are an append-only log of ratings per claim: two analysts rating the same
 * claim offline both stay in its history, and the later rating is current. Every change also lands in an
 * append-only history with the value it replaced, so a value that lost a last-writer-wins race is still on record.
 */
export const LOCAL_ORIGIN = 'claimdesk-local';
export const DELETED_KEY = '~deleted';
/** Bigger values are not copied into the history (a whole document text, say); the history says how big they were. */
const HISTORY_VALUE_LIMIT = 2000;
/** Turns are re-cut with every text edit; their history would be noise and bulk. */
const TABLES_WITHOUT_HISTORY = new Set<string>(['turns']);

export interface Tombstone {
  tx: string;
  by: string;
  at: string;
  label: string;
}

/** One rating (or removal) of a claim's verdict, as one analyst made it. */
export interface VerdictEvent {
  claimId: string;
  at: string;
  by: string;
  kind: 'rate' | 'delete';
  /** The verdict as it stood after this rating (without its history). */
  state?: Omit<Verdict, 'history'>;
  change?: VerdictChange;
  tx?: string;
  label?: string;
}

export interface HistoryEntry {
  table: string;
  id: string;
  at: string;
  by: string;
  label: string;
  op: 'create' | 'update' | 'delete' | 'restore';
  /** field → [value before, value after], as the writer saw them. */
  fields?: Record<string, [unknown, unknown]>;
}

/** A group of records deleted by one action, restorable together. */
export interface DeletedGroup {
  tx: string;
  label: string;
  by: string;
  at: string;
  records: { table: TableName; id: string; row: Record<string, unknown> }[];
}

export interface ProjectScope {
  kind: 'library' | 'debates';
  debateIds?: string[];
}

/** One committed change of the local store, to mirror. `row` undefined means deleted. */
export interface LocalChange {
  table: TableName;
  id: string;
  row: Record<string, unknown> | undefined;
}

export interface Author {
  memberId: string;
  name: string;
}

const GENERIC_TABLES = SNAPSHOT_TABLES.filter((t) => t !== 'verdicts');

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  return JSON.stringify(a) === JSON.stringify(b);
}

function forHistory(value: unknown): unknown {
  if (value === undefined) return null;
  const text = JSON.stringify(value);
  return text !== undefined && text.length > HISTORY_VALUE_LIMIT ? { '~omitted': text.length } : value;
}

/**
 * A record's fields, with its id from the key it is filed under: the record's map does not repeat the id (one Yjs
 * item less per record, on every laptop and in the server's memory). Maps written before still hold it; same value.
 */
function plain(id: string, map: Y.Map<unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { id };
  for (const [key, value] of map.entries()) if (!key.startsWith('~')) out[key] = value;
  return out;
}

function byTime(a: [string, VerdictEvent], b: [string, VerdictEvent]): number {
  return a[1].at < b[1].at ? -1 : a[1].at > b[1].at ? 1 : a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}

export class ProjectMirror {
  readonly meta: Y.Map<unknown>;
  readonly verdictEvents: Y.Map<VerdictEvent>;
  readonly history: Y.Array<HistoryEntry>;
  private readonly tables = new Map<TableName, Y.Map<Y.Map<unknown>>>();
  /** claimId → keys of its verdict events. */
  private verdictIndex: Map<string, string[]> | undefined;
  private listeners = new Set<(dirty: Map<TableName, Set<string>>) => void>();

  constructor(readonly doc: Y.Doc) {
    this.meta = doc.getMap('meta');
    this.verdictEvents = doc.getMap('verdictEvents');
    this.history = doc.getArray('history');
    for (const table of GENERIC_TABLES) this.tables.set(table, doc.getMap(`t:${table}`));
    doc.on('afterTransaction', this.onTransaction);
  }

  destroy(): void {
    this.doc.off('afterTransaction', this.onTransaction);
    this.listeners.clear();
  }

  /** Calls back with the records that changes from elsewhere (the server, IndexedDB) touched. */
  onRemoteChange(listener: (dirty: Map<TableName, Set<string>>) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private onTransaction = (tr: Y.Transaction) => {
    const dirty = new Map<TableName, Set<string>>();
    const mark = (table: TableName, id: string) => {
      if (!dirty.has(table)) dirty.set(table, new Set());
      dirty.get(table)!.add(id);
    };
    for (const [changedType, keys] of tr.changed) {
      const type = changedType as unknown;
      if (type === this.verdictEvents) {
        this.verdictIndex = undefined;
        for (const key of keys) {
          const event = this.verdictEvents.get(key as string);
          if (event) mark('verdicts', event.claimId);
        }
        continue;
      }
      for (const [table, map] of this.tables) {
        if (type === map) {
          for (const key of keys) if (key) mark(table, key);
        } else if (type instanceof Y.Map && (type.parent as unknown) === map) {
          const id = type._item?.parentSub;
          if (id) mark(table, id);
        }
      }
    }
    if (dirty.size === 0 || tr.origin === LOCAL_ORIGIN) return;
    for (const listener of this.listeners) listener(dirty);
  };

  table(table: TableName): Y.Map<Y.Map<unknown>> {
    const map = this.tables.get(table);
    if (!map) throw new Error(`no generic table ${table}`);
    return map;
  }

  /** Whether an id is in the project (any table, deleted or not). */
  knows(id: string): boolean {
    for (const map of this.tables.values()) if (map.has(id)) return true;
    return this.claimVerdictKeys(id).length > 0;
  }

  /** A record as the project holds it now; undefined when absent or deleted. */
  read(table: TableName, id: string): Record<string, unknown> | undefined {
    if (table === 'verdicts') return this.verdictOf(id) as Record<string, unknown> | undefined;
    const map = this.table(table).get(id);
    if (!map || map.get(DELETED_KEY)) return undefined;
    return plain(id, map);
  }

  /** Every live record of a table. */
  all(table: TableName): Record<string, unknown>[] {
    if (table === 'verdicts') {
      return [...this.index().keys()].map((claimId) => this.verdictOf(claimId)).filter((v): v is Verdict => !!v) as unknown as Record<string, unknown>[];
    }
    const out: Record<string, unknown>[] = [];
    for (const [id, map] of this.table(table).entries()) if (!map.get(DELETED_KEY)) out.push(plain(id, map));
    return out;
  }

  private index(): Map<string, string[]> {
    if (!this.verdictIndex) {
      const index = new Map<string, string[]>();
      for (const [key, event] of this.verdictEvents.entries()) {
        if (!index.has(event.claimId)) index.set(event.claimId, []);
        index.get(event.claimId)!.push(key);
      }
      this.verdictIndex = index;
    }
    return this.verdictIndex;
  }

  private claimVerdictKeys(claimId: string): string[] {
    return this.index().get(claimId) ?? [];
  }

  private sortedEvents(claimId: string): [string, VerdictEvent][] {
    return this.claimVerdictKeys(claimId)
      .map((key): [string, VerdictEvent] => [key, this.verdictEvents.get(key)!])
      .filter(([, e]) => !!e)
      .sort(byTime);
  }

  /**
   * The verdict on a claim, folded from its ratings: the latest rating is current, every rating's change stays in
   * the history in time order, and the verdict keeps the id of its first rating (so every copy agrees on it).
   */
  verdictOf(claimId: string): Verdict | undefined {
    const events = this.sortedEvents(claimId);
    if (events.length === 0) return undefined;
    const last = events[events.length - 1]![1];
    if (last.kind === 'delete') return undefined;
    const rated = events.filter(([, e]) => e.kind === 'rate' && e.state);
    const current = [...rated].reverse()[0]?.[1].state;
    const first = rated[0]?.[1].state;
    if (!current || !first) return undefined;
    const history: VerdictChange[] = [];
    const seen = new Set<string>();
    for (const [, e] of events) {
      if (!e.change) continue;
      const key = JSON.stringify(e.change);
      if (seen.has(key)) continue;
      seen.add(key);
      history.push(e.change);
    }
    return { ...current, id: first.id, createdAt: first.createdAt, history } as Verdict;
  }

  /** The history of one record, oldest first. */
  historyOf(table: string, id: string): HistoryEntry[] {
    return this.history.toArray().filter((h) => h.table === table && h.id === id);
  }

  /** Records deleted in the project, newest first, grouped by the action that deleted them. */
  deletedGroups(): DeletedGroup[] {
    const groups = new Map<string, DeletedGroup>();
    const add = (stone: Tombstone, table: TableName, id: string, row: Record<string, unknown>) => {
      if (!groups.has(stone.tx)) groups.set(stone.tx, { tx: stone.tx, label: stone.label, by: stone.by, at: stone.at, records: [] });
      groups.get(stone.tx)!.records.push({ table, id, row });
    };
    for (const [table, map] of this.tables) {
      for (const [id, record] of map.entries()) {
        const stone = record.get(DELETED_KEY) as Tombstone | undefined;
        if (stone) add(stone, table, id, plain(id, record));
      }
    }
    for (const claimId of this.index().keys()) {
      const events = this.sortedEvents(claimId);
      const last = events[events.length - 1]?.[1];
      if (last?.kind !== 'delete' || !last.tx) continue;
      const before = events.filter(([, e]) => e.kind === 'rate' && e.state);
      const state = before[before.length - 1]?.[1].state;
      if (!state) continue;
      const history = events.map(([, e]) => e.change).filter((c): c is VerdictChange => !!c);
      add({ tx: last.tx, by: last.by, at: last.at, label: last.label ?? 'Delete' }, 'verdicts', state.id, { ...state, history });
    }
    return [...groups.values()].sort((a, b) => (a.at < b.at ? 1 : -1));
  }

  /**
   * Mirrors one committed local transaction into the project, as one Yjs transaction. Records outside a partial
   * project's debates are left out. Returns how many records it wrote.
   */
  applyLocal(changes: readonly LocalChange[], label: string, author: Author, options: { at?: string; history?: boolean } = {}): number {
    const scope = this.meta.get('scope') as ProjectScope | undefined;
    let wanted = changes;
    if (scope?.kind === 'debates') {
      const candidates: ScopedRecord[] = changes.map((c) => ({ table: c.table, id: c.id, row: c.row ?? {} }));
      const keep = recordsInScope(candidates, (id) => this.knows(id), new Set(scope.debateIds ?? []));
      wanted = changes.filter((c) => keep.has(c.id));
    }
    if (wanted.length === 0) return 0;
    const at = options.at ?? new Date().toISOString();
    const tx = newId('tx-');
    const keepHistory = options.history !== false;
    const entries: HistoryEntry[] = [];
    this.doc.transact(() => {
      for (const change of wanted) {
        if (change.table === 'verdicts') this.writeVerdict(change, label, author, at, tx);
        else {
          const entry = change.row ? this.writeRecord(change.table, change.id, change.row, label, author, at) : this.deleteRecord(change.table, change.id, label, author, at, tx);
          if (entry && keepHistory && !TABLES_WITHOUT_HISTORY.has(change.table)) entries.push(entry);
        }
      }
      if (entries.length > 0) this.history.push(entries);
    }, LOCAL_ORIGIN);
    return wanted.length;
  }

  private writeRecord(table: TableName, id: string, row: Record<string, unknown>, label: string, author: Author, at: string): HistoryEntry | undefined {
    const map = this.table(table);
    let record = map.get(id);
    let op: HistoryEntry['op'] = 'update';
    if (!record) {
      record = new Y.Map<unknown>();
      map.set(id, record);
      op = 'create';
    } else if (record.get(DELETED_KEY)) {
      record.delete(DELETED_KEY);
      op = 'restore';
    }
    const fields: Record<string, [unknown, unknown]> = {};
    for (const [key, value] of Object.entries(row)) {
      if (key.startsWith('~') || key === 'id' || value === undefined) continue;
      const before = record.get(key);
      if (!same(before, value)) {
        if (op === 'update') fields[key] = [forHistory(before), forHistory(value)];
        record.set(key, value);
      }
    }
    for (const key of [...record.keys()]) {
      if (key.startsWith('~') || row[key] !== undefined) continue;
      if (op === 'update') fields[key] = [forHistory(record.get(key)), null];
      record.delete(key);
    }
    if (op === 'update' && Object.keys(fields).length === 0) return undefined;
    return { table, id, at, by: author.name, label, op, ...(op === 'update' ? { fields } : {}) };
  }

  private deleteRecord(table: TableName, id: string, label: string, author: Author, at: string, tx: string): HistoryEntry | undefined {
    const record = this.table(table).get(id);
    if (!record || record.get(DELETED_KEY)) return undefined;
    record.set(DELETED_KEY, { tx, by: author.name, at, label } satisfies Tombstone);
    return { table, id, at, by: author.name, label, op: 'delete' };
  }

  private writeVerdict(change: LocalChange, label: string, author: Author, at: string, tx: string): void {
    const row = change.row as unknown as Verdict | undefined;
    // A deleted verdict is named by its id; find its claim among the ratings.
    const claimId = row?.claimId ?? this.claimOfVerdict(change.id);
    if (!claimId) return;
    const current = this.verdictOf(claimId);
    const put = (event: VerdictEvent) => this.verdictEvents.set(`${event.at}|${newId('v')}`, event);
    if (!row) {
      if (current) put({ claimId, at, by: author.name, kind: 'delete', tx, label });
      return;
    }
    const { history, ...state } = row;
    // Changes any rating already carries (even one since deleted) are not appended twice: restoring a verdict
    // brings its state back without doubling its history.
    const known = new Set(this.sortedEvents(claimId).flatMap(([, e]) => (e.change ? [JSON.stringify(e.change)] : [])));
    const fresh = (history ?? []).filter((h) => !known.has(JSON.stringify(h)));
    if (fresh.length === 0) {
      if (current) {
        const { history: _h, ...currentState } = current;
        if (same(currentState, state)) return;
      }
      put({ claimId, at, by: author.name, kind: 'rate', state, label });
      return;
    }
    fresh.forEach((entry, i) => {
      const last = i === fresh.length - 1;
      put({ claimId, at: entry.at || at, by: author.name, kind: 'rate', change: entry, label, ...(last ? { state } : {}) });
    });
  }

  private claimOfVerdict(verdictId: string): string | undefined {
    for (const [claimId, keys] of this.index()) {
      for (const key of keys) if (this.verdictEvents.get(key)?.state?.id === verdictId) return claimId;
    }
    return undefined;
  }

  /** Puts a whole local library (or the chosen debates of it) into an empty project, as one transaction. */
  seed(snapshot: Record<TableName, Record<string, unknown>[]>, scope: ProjectScope, author: Author, projectName: string): number {
    const all: ScopedRecord[] = [];
    for (const table of SNAPSHOT_TABLES) for (const row of snapshot[table] ?? []) all.push({ table, id: String(row.id), row });
    const keep = scope.kind === 'debates' ? recordsInScope(all, () => false, new Set(scope.debateIds ?? [])) : undefined;
    // Built-in scales go everywhere: every copy has them and verdicts point at them.
    const chosen = keep ? all.filter((r) => keep.has(r.id) || (r.table === 'scales' && r.row.builtIn === true)) : all;
    this.doc.transact(() => {
      this.meta.set('scope', scope);
      this.meta.set('name', projectName);
      this.meta.set('sharedBy', author.name);
      this.meta.set('sharedAt', new Date().toISOString());
    }, LOCAL_ORIGIN);
    this.applyLocal(
      chosen.map((r) => ({ table: r.table as TableName, id: r.id, row: r.row })),
      'Share project',
      author,
      { history: false },
    );
    return chosen.length;
  }
}
