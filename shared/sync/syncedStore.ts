import type { TableName } from '../model.js';
import { ValidationError } from '../domain/debates.js';
import type { Row, Store, StoreTx } from '../domain/store.js';
import { reanchorStale } from '../domain/reanchorAfterMerge.js';
import type { SyncRole } from './serverApi.js';
import type { LocalChange, ProjectMirror } from './projectMirror.js';

/**
 * The synced Store: a decorator of the local Store (Dexie in the window, memory in tests) that mirrors every
 * committed transaction into the project's Y.Doc, and applies changes that arrive in the Y.Doc (from teammates,
 * from IndexedDB after a restart) to the local store in transactions of their own, so live queries update. The
 * domain code does not know it is shared: there is one write path. Records are stamped with who made and who last
 * changed them. With no project attached it is the local store, unchanged.
 */
export const REMOTE_LABEL = 'Changes from the team';
/** Labels of transactions the undo history must not offer (another analyst's work, repairs after a merge). */
export const SYNC_LABELS: ReadonlySet<string> = new Set([REMOTE_LABEL, 'Re-anchor after merge']);

export interface SyncMember {
  memberId: string;
  name: string;
  role: SyncRole;
}

export interface SyncedStoreEvents {
  /** A local transaction was mirrored (n records): the count of changes waiting to be sent goes up. */
  onLocalMirror?(records: number): void;
  /** Remote changes were written to the local store. */
  onRemoteApplied?(tables: ReadonlySet<TableName>, records: number): void;
  onError?(error: unknown): void;
}

interface Session {
  mirror: ProjectMirror;
  member: SyncMember;
  events: SyncedStoreEvents;
  stop: () => void;
}

export class SyncedStore implements Store {
  private session: Session | undefined;
  private localInFlight = 0;
  private idle: Array<() => void> = [];
  private remoteRunning: Promise<void> | undefined;
  private pending = new Map<TableName, Set<string>>();
  private scheduled: Promise<void> | undefined;

  constructor(readonly inner: Store) {}

  get attached(): boolean {
    return this.session !== undefined;
  }

  /** Starts mirroring into `mirror`; changes already in it (and not yet local) are applied first. */
  async attach(mirror: ProjectMirror, member: SyncMember, events: SyncedStoreEvents = {}): Promise<void> {
    this.detach();
    const stop = mirror.onRemoteChange((dirty) => this.queueRemote(dirty));
    this.session = { mirror, member, events, stop };
    await this.applyEverything();
  }

  detach(): void {
    this.session?.stop();
    this.session = undefined;
    this.pending.clear();
  }

  setRole(role: SyncRole): void {
    if (this.session) this.session.member = { ...this.session.member, role };
  }

  async transaction<R>(label: string, work: (tx: StoreTx) => Promise<R>): Promise<R> {
    const session = this.session;
    if (!session) return this.inner.transaction(label, work);
    if (session.member.role === 'viewer') {
      throw new ValidationError('You are a viewer in this team project: ask its owner to make you an editor to change it.');
    }
    while (this.remoteRunning) await this.remoteRunning;
    this.localInFlight += 1;
    try {
      const changes = new Map<string, LocalChange>();
      const me = session.member.name;
      const result = await this.inner.transaction(label, (tx) =>
        work({
          get: (table, id) => tx.get(table, id),
          where: (table, field, value) => tx.where(table, field, value),
          all: (table) => tx.all(table),
          // No async functions here: an extra native await between a domain operation and IndexedDB can let the
          // transaction commit early (Dexie follows its own promises), so these return the store's promises as is.
          put(table, record) {
            const row = record as unknown as Record<string, unknown>;
            const id = String(row.id);
            // Who made it and who changed it last travel with the record, so every copy can show them. The project
            // already knows the record's maker, which spares a read of the local store on every write.
            const before = table === 'verdicts' ? session.mirror.verdictOf(String(row.claimId)) : session.mirror.read(table, id);
            const known = before !== undefined || session.mirror.knows(id);
            const stamped = { ...row, createdBy: known ? (before as { createdBy?: string } | undefined)?.createdBy : me, updatedBy: me };
            if (stamped.createdBy === undefined) delete stamped.createdBy;
            changes.set(`${table}\u0000${id}`, { table, id, row: stamped });
            return tx.put(table, stamped as unknown as Row<typeof table>);
          },
          delete(table, id) {
            changes.set(`${table}\u0000${id}`, { table, id, row: undefined });
            return tx.delete(table, id);
          },
        }),
      );
      // Committed locally: now into the shared document, in one Yjs transaction.
      if (this.session === session && changes.size > 0) {
        const n = session.mirror.applyLocal([...changes.values()], label, session.member);
        if (n > 0) session.events.onLocalMirror?.(n);
      }
      return result;
    } finally {
      this.localInFlight -= 1;
      if (this.localInFlight === 0) for (const resolve of this.idle.splice(0)) resolve();
    }
  }

  private queueRemote(dirty: Map<TableName, Set<string>>): void {
    for (const [table, ids] of dirty) {
      if (!this.pending.has(table)) this.pending.set(table, new Set());
      for (const id of ids) this.pending.get(table)!.add(id);
    }
    if (!this.scheduled) {
      // A macrotask, not a microtask: it batches a burst of updates, and it runs outside whatever IndexedDB
      // transaction was open when the update arrived (Dexie follows promises, not timers).
      this.scheduled = new Promise<void>((resolve) => setTimeout(resolve, 0)).then(async () => {
        this.scheduled = undefined;
        await this.flushRemote();
      });
    }
  }

  /** Resolves once every remote change seen so far is in the local store. */
  async settled(): Promise<void> {
    while (this.scheduled || this.remoteRunning) {
      await this.scheduled;
      await this.remoteRunning;
    }
  }

  private async flushRemote(): Promise<void> {
    // Remote changes wait for local transactions in flight (and the reverse), so a local write committed but not
    // yet mirrored is never overwritten in the local store by an older state of the project.
    while (this.remoteRunning || this.localInFlight > 0) {
      if (this.remoteRunning) await this.remoteRunning;
      else await new Promise<void>((resolve) => this.idle.push(resolve));
    }
    const session = this.session;
    if (!session || this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    let touched: string[] = [];
    const run = this.applyRemote(session, batch)
      .then((docs) => {
        touched = docs;
      })
      .catch((error: unknown) => session.events.onError?.(error));
    this.remoteRunning = run;
    await run;
    this.remoteRunning = undefined;
    // After a merge that changed a document's text, annotations made on another version find their place again;
    // doubtful ones wait in the review queue. A viewer cannot write, so it leaves that to the editors.
    if (touched.length > 0 && session.member.role !== 'viewer' && this.session === session) {
      await reanchorStale(this, touched).catch((error: unknown) => session.events.onError?.(error));
    }
    if (this.pending.size > 0) await this.flushRemote();
  }

  private async applyEverything(): Promise<void> {
    const session = this.session;
    if (!session) return;
    const all = new Map<TableName, Set<string>>();
    for (const table of ['debates', 'people', 'participants', 'documents', 'turns', 'claims', 'appearances', 'notes', 'sources', 'evidence', 'scales', 'topics', 'stances'] as TableName[]) {
      try {
        all.set(table, new Set(session.mirror.table(table).keys()));
      } catch {
        // a table the project does not carry
      }
    }
    all.set('verdicts', new Set(session.mirror.all('verdicts').map((v) => String(v.claimId))));
    for (const [table, ids] of [...all]) if (ids.size === 0) all.delete(table);
    this.queueRemote(all);
    await this.settled();
  }

  /** Writes what the project now holds for these records into the local store, in one transaction. */
  private async applyRemote(session: Session, dirty: Map<TableName, Set<string>>): Promise<string[]> {
    const { mirror } = session;
    const touchedDocuments = new Set<string>();
    let count = 0;
    await this.inner.transaction(REMOTE_LABEL, async (tx) => {
      for (const [table, ids] of dirty) {
        for (const id of ids) {
          if (table === 'verdicts') {
            const verdict = mirror.verdictOf(id);
            // The merged verdict may have another id than the local one (claimId is unique): the local one goes.
            for (const old of await tx.where('verdicts', 'claimId', id)) {
              if (!verdict || old.id !== verdict.id) await tx.delete('verdicts', old.id);
            }
            if (verdict) await tx.put('verdicts', verdict);
            count += 1;
            continue;
          }
          const row = mirror.read(table, id);
          const local = await tx.get(table, id);
          if (row) {
            if (JSON.stringify(local) !== JSON.stringify(row)) {
              await tx.put(table, row as unknown as Row<typeof table>);
              count += 1;
            }
          } else if (local) {
            await tx.delete(table, id);
            count += 1;
          }
          const docId = table === 'documents' ? id : table === 'appearances' || table === 'notes' ? (row?.documentId as string | undefined) : undefined;
          if (docId) touchedDocuments.add(docId);
        }
      }
    });
    session.events.onRemoteApplied?.(new Set(dirty.keys()), count);
    return [...touchedDocuments];
  }
}
