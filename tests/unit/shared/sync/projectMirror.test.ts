import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { emptySnapshot } from '../../../../shared/domain/snapshot.js';
import { ProjectMirror } from '../../../../shared/sync/projectMirror.js';

const STAMP = '2026-01-01T00:00:00.000Z';
const alice = { memberId: 'mem_a', name: 'Alice' };

describe('ProjectMirror: records', () => {
  it('files a record under its id without repeating the id in its fields, and reads it back whole', () => {
    const snapshot = emptySnapshot();
    snapshot.people.push({ id: 'per_1', name: 'Owen Smith', aliases: [], createdAt: STAMP, updatedAt: STAMP });
    const mirror = new ProjectMirror(new Y.Doc());
    mirror.seed(snapshot as never, { kind: 'library' }, alice, 'Desk');
    expect(mirror.table('people').get('per_1')!.has('id')).toBe(false);
    expect(mirror.read('people', 'per_1')).toEqual(snapshot.people[0]);
    expect(mirror.all('people')).toEqual(snapshot.people);

    mirror.applyLocal([{ table: 'people', id: 'per_1', row: { ...snapshot.people[0]!, name: 'Owen Smith MP' } }], 'Rename', alice);
    expect(mirror.read('people', 'per_1')).toMatchObject({ id: 'per_1', name: 'Owen Smith MP' });
    mirror.applyLocal([{ table: 'people', id: 'per_1', row: undefined }], 'Delete', alice);
    expect(mirror.read('people', 'per_1')).toBeUndefined();
    expect(mirror.deletedGroups()[0]!.records[0]).toMatchObject({ table: 'people', id: 'per_1', row: { id: 'per_1', name: 'Owen Smith MP' } });
  });

  it('still reads and updates a record written with its id among its fields', () => {
    const doc = new Y.Doc();
    const record = new Y.Map<unknown>();
    doc.getMap<Y.Map<unknown>>('t:people').set('per_1', record);
    for (const [key, value] of Object.entries({ id: 'per_1', name: 'Owen Smith', aliases: [], createdAt: STAMP, updatedAt: STAMP })) record.set(key, value);
    const mirror = new ProjectMirror(doc);
    expect(mirror.read('people', 'per_1')).toMatchObject({ id: 'per_1', name: 'Owen Smith' });
    mirror.applyLocal([{ table: 'people', id: 'per_1', row: { id: 'per_1', name: 'Jeremy Corbyn', aliases: [], createdAt: STAMP, updatedAt: STAMP } }], 'Rename', alice);
    expect(mirror.read('people', 'per_1')).toEqual({ id: 'per_1', name: 'Jeremy Corbyn', aliases: [], createdAt: STAMP, updatedAt: STAMP });
  });
});
