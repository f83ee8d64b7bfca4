import type { BackupEntry } from '../../../shared/contract.js';
import { SNAPSHOT_TABLES } from '../../../shared/model.js';
import { formatDateTime } from '../../format/format.js';

/** What each table is called in a sentence: singular and plural. */
export const TABLE_LABELS: Record<(typeof SNAPSHOT_TABLES)[number], [string, string]> = {
  debates: ['debate', 'debates'],
  people: ['person', 'people'],
  participants: ['participant', 'participants'],
  documents: ['document', 'documents'],
  turns: ['turn', 'turns'],
  claims: ['claim', 'claims'],
  appearances: ['appearance', 'appearances'],
  notes: ['note', 'notes'],
  sources: ['source', 'sources'],
  evidence: ['evidence link', 'evidence links'],
  scales: ['verdict scale', 'verdict scales'],
  verdicts: ['verdict', 'verdicts'],
  topics: ['topic', 'topics'],
  stances: ['stance', 'stances'],
};

/** "2 debates, 14 claims, 3 sources": the tables a reader cares about first, zeros left out. */
export function describeCounts(counts: Record<string, number>): string {
  const parts = SNAPSHOT_TABLES.filter((t) => (counts[t] ?? 0) > 0 && t !== 'turns' && t !== 'scales').map((t) => {
    const n = counts[t] ?? 0;
    return `${n} ${TABLE_LABELS[t][n === 1 ? 0 : 1]}`;
  });
  return parts.length ? parts.join(', ') : 'empty';
}

export const REASON_LABELS: Record<BackupEntry['reason'], string> = {
  quit: 'On closing',
  interval: 'Automatic',
  'before-import': 'Before an import',
  'before-upgrade': 'Before a database upgrade',
  'before-restore': 'Before a restore',
  manual: 'Backed up by hand',
  damaged: 'Copy of a damaged database',
};

export function formatWhen(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : formatDateTime(iso);
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
