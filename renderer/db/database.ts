import { Dexie, liveQuery, type Table } from 'dexie';
import type {
  Appearance,
  Claim,
  Debate,
  DocumentRecord,
  EvidenceLink,
  Note,
  Participant,
  Person,
  Source,
  Stance,
  TableName,
  Topic,
  Turn,
  Verdict,
  VerdictScale,
} from '../../shared/model.js';
import { SCHEMA_HISTORY } from './schemaHistory.js';

/** A key/value pair of app settings kept with the records (last open debate, organisation name, …). */
export interface Setting {
  key: string;
  value: unknown;
}

/**
 * The Claimdesk database. The only module (with its siblings in renderer/db/) that imports Dexie; everyone else
 * uses `db` and the Store in dexieStore.ts.
 */
export class ClaimdeskDb extends Dexie {
  debates!: Table<Debate, string>;
  people!: Table<Person, string>;
  participants!: Table<Participant, string>;
  documents!: Table<DocumentRecord, string>;
  turns!: Table<Turn, string>;
  claims!: Table<Claim, string>;
  appearances!: Table<Appearance, string>;
  notes!: Table<Note, string>;
  sources!: Table<Source, string>;
  evidence!: Table<EvidenceLink, string>;
  scales!: Table<VerdictScale, string>;
  verdicts!: Table<Verdict, string>;
  topics!: Table<Topic, string>;
  stances!: Table<Stance, string>;
  settings!: Table<Setting, string>;

  /** `upTo` opens the schema as it was at an older version: the upgrade tests use it. */
  constructor(name = 'claimdesk', options: { upTo?: number; indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {}) {
    super(name, options.indexedDB ? { indexedDB: options.indexedDB, IDBKeyRange: options.IDBKeyRange! } : undefined);
    for (const step of SCHEMA_HISTORY) {
      if (options.upTo !== undefined && step.version > options.upTo) break;
      const version = this.version(step.version).stores(step.stores);
      if (step.upgrade) version.upgrade(step.upgrade);
    }
  }

  tableOf(name: TableName): Table<unknown, string> {
    return this.table(name);
  }
}

export const db = new ClaimdeskDb();

/**
 * Runs `querier` now, and again whenever a write may have changed its answer: writes in this window, and in any
 * other window or worker of the app (Dexie tells them apart by BroadcastChannel). Returns the unsubscribe function.
 * For code outside React (the search worker); components use useLiveQuery.
 */
export function observeQuery<T>(querier: () => Promise<T>, onValue: (value: T) => void, onError: (error: unknown) => void): () => void {
  const subscription = liveQuery(querier).subscribe({ next: onValue, error: onError });
  return () => subscription.unsubscribe();
}
