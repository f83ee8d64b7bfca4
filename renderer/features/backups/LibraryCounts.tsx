import { useLiveQuery } from 'dexie-react-hooks';
import { SNAPSHOT_TABLES } from '../../../shared/model.js';
import { db } from '../../db/database.js';
import { TABLE_LABELS } from './describe.js';

/** Rows per table in the library now: what a backup would hold, and how a restore can be checked. */
export function LibraryCounts() {
  const counts = useLiveQuery(() => Promise.all(SNAPSHOT_TABLES.map((t) => db.tableOf(t).count())));
  return (
    <table className="library-counts" aria-label="Library contents">
      <thead>
        <tr>
          <th scope="col">Records</th>
          <th scope="col">Count</th>
        </tr>
      </thead>
      <tbody>
        {SNAPSHOT_TABLES.map((t, i) => (
          <tr key={t}>
            <th scope="row">{TABLE_LABELS[t][1]}</th>
            <td>{counts?.[i] ?? '…'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
