import { useEffect, useState } from 'react';
import type { HistoryEntry } from '../../../shared/sync/projectMirror.js';
import { currentMirror } from './teamSession.js';
import { useTeamStore } from './teamStore.js';

/** "Added by Alice · changed by Bob": who made or last changed a record, in a team project. */
export function Authorship(props: { record: { createdBy?: string; updatedBy?: string } | undefined; what?: string }) {
  const { createdBy, updatedBy } = props.record ?? {};
  if (!createdBy && !updatedBy) return null;
  const parts = [createdBy ? `Added by ${createdBy}` : undefined, updatedBy && updatedBy !== createdBy ? `last changed by ${updatedBy}` : undefined].filter(Boolean);
  if (parts.length === 1 && !createdBy && updatedBy) parts[0] = `Last changed by ${updatedBy}`;
  return (
    <p className="authorship muted small" aria-label={`${props.what ?? 'Record'} authorship`}>
      {parts.join(' · ')}
    </p>
  );
}

function describe(entry: HistoryEntry): string {
  if (entry.op !== 'update') return { create: 'created', delete: 'deleted', restore: 'restored' }[entry.op];
  const fields = Object.entries(entry.fields ?? {})
    .filter(([f]) => f !== 'updatedAt' && f !== 'updatedBy')
    .map(([field, [from, to]]) => `${field}: ${short(from)} → ${short(to)}`);
  return fields.length > 0 ? fields.join('; ') : 'touched';
}

function short(value: unknown): string {
  if (value === null || value === undefined) return '—';
  const text = typeof value === 'string' ? `“${value}”` : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

/** The team history of one record: every change, with the value it replaced (so a value that lost a race shows). */
export function RecordHistory(props: { table: string; id: string }) {
  const revision = useTeamStore((s) => s.revision);
  const [entries, setEntries] = useState<HistoryEntry[]>([]);
  useEffect(() => {
    setEntries(currentMirror()?.historyOf(props.table, props.id) ?? []);
  }, [props.table, props.id, revision]);
  if (entries.length === 0) return null;
  return (
    <details className="record-history">
      <summary>Team history ({entries.length})</summary>
      <ol>
        {entries.map((e, i) => (
          <li key={`${e.at}-${i}`}>
            <time dateTime={e.at}>{new Date(e.at).toLocaleString()}</time> · {e.by}: {describe(e)}
          </li>
        ))}
      </ol>
    </details>
  );
}
