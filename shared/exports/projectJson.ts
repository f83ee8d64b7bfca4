import type { ProjectSnapshot } from '../model.js';
import { SNAPSHOT_TABLES } from '../model.js';

/** The format tag of a whole-project JSON export, so an importer can tell it from other JSON. */
export const PROJECT_JSON_FORMAT = 'claimdesk-project';
export const PROJECT_JSON_VERSION = 1;

/** The whole project as one JSON document; read it back through normaliseSnapshot. */
export function projectJson(snapshot: ProjectSnapshot, options: { exportedAt?: string; schemaVersion?: number } = {}): string {
  const tables: Record<string, unknown[]> = {};
  for (const table of SNAPSHOT_TABLES) tables[table] = snapshot[table];
  return (
    JSON.stringify(
      {
        format: PROJECT_JSON_FORMAT,
        formatVersion: PROJECT_JSON_VERSION,
        ...(options.schemaVersion !== undefined ? { schemaVersion: options.schemaVersion } : {}),
        exportedAt: options.exportedAt ?? new Date().toISOString(),
        ...tables,
      },
      null,
      2,
    ) + '\n'
  );
}
