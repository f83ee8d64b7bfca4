import { describe, expect, it } from 'vitest';
import { SNAPSHOT_TABLES } from '../../../../shared/model.js';
import { PROJECT_JSON_FORMAT, projectJson } from '../../../../shared/exports/projectJson.js';
import { normaliseSnapshot } from '../../../../shared/bundle/normaliseSnapshot.js';
import { sampleSnapshot } from '../../../fixtures/exports/sampleSnapshot.js';

describe('projectJson', () => {
  it('holds every table with a format tag, and reads back through the normaliser unchanged', () => {
    const snapshot = sampleSnapshot();
    const parsed = JSON.parse(projectJson(snapshot, { exportedAt: '2016-09-01T00:00:00.000Z', schemaVersion: 3 }));
    expect(parsed).toMatchObject({ format: PROJECT_JSON_FORMAT, formatVersion: 1, schemaVersion: 3, exportedAt: '2016-09-01T00:00:00.000Z' });
    for (const table of SNAPSHOT_TABLES) expect(parsed[table]).toEqual(snapshot[table]);
    expect(normaliseSnapshot(parsed)).toEqual(snapshot);
  });
});
