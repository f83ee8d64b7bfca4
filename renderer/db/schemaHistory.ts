import type { Transaction } from 'dexie';
import { speakerColor } from '../../shared/speakerColors.js';

/**
 * The whole history of the Claimdesk database schema, oldest first. A released version is never edited: a change
 * is a new entry. `upgrade` only moves data. Each upgrade has a test in tests/unit/renderer/db/ that opens a database
 * at the old version, fills it, and checks the moved rows.
 */
export interface SchemaVersion {
  version: number;
  /** Dexie store definitions: primary key first, then indexes. `null` deletes a table. */
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
  /** Why this version exists. */
  why: string;
}


export const SCHEMA_HISTORY: SchemaVersion[] = [
  {
    version: 1,
    why: 'Debates and the people taking part in them.',
    stores: {
      debates: 'id, date, kind, updatedAt',
      people: 'id, name, *aliases',
      participants: 'id, debateId, personId',
      settings: 'key',
    },
  },
  {
    version: 2,
    why: 'Documents, claims, evidence, verdicts, topics and stances; every person gets a stable reader colour.',
    stores: {
      documents: 'id, debateId, fileHash, updatedAt',
      turns: 'id, documentId, personId, [documentId+index]',
      claims: 'id, claimantId, status, type, *topicIds, updatedAt',
      appearances: 'id, claimId, documentId, state',
      notes: 'id, documentId',
      sources: 'id, kind, *tags, updatedAt',
      evidence: 'id, claimId, sourceId',
      scales: 'id',
      verdicts: 'id, &claimId',
      topics: 'id, parentId',
      stances: 'id, personId, topicId',
    },
    upgrade: async (tx) => {
      let i = 0;
      await tx
        .table('people')
        .toCollection()
        .modify((person: { color?: string }) => {
          if (!person.color) person.color = speakerColor(i++);
        });
    },
  },
  {
    version: 3,
    why: 'Appearances and notes indexed by where they start in their document, so the reader can read the claims of the turns on screen first instead of all of them.',
    stores: {
      appearances: 'id, claimId, documentId, state, [documentId+anchor.position.start]',
      notes: 'id, documentId, [documentId+anchor.position.start]',
    },
  },
];

export const CURRENT_SCHEMA_VERSION = SCHEMA_HISTORY[SCHEMA_HISTORY.length - 1]!.version;
