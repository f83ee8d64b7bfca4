import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { rawVersion, readRawDatabase } from '../../../../../renderer/features/backups/rawDatabase.js';
import { ClaimdeskDb } from '../../../../../renderer/db/database.js';

function createBroken(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name, 20);
    req.onupgradeneeded = () => {
      req.result.createObjectStore('debates', { keyPath: 'key' }).put({ key: 'k1', id: 'd1', title: 'Left behind' });
      req.result.createObjectStore('claims', { keyPath: 'id' }).put({ id: 'c1', text: 'A claim' });
    };
    req.onsuccess = () => {
      req.result.close();
      resolve();
    };
    req.onerror = () => reject(req.error);
  });
}

describe('reading a database without Dexie', () => {
  it('never creates a database that is not there', async () => {
    expect(await readRawDatabase('nothing-here')).toBeUndefined();
    expect(await rawVersion('nothing-here')).toBeUndefined();
  });

  it('reads every store of a database Dexie refuses to open', async () => {
    await createBroken('broken');
    await expect(new ClaimdeskDb('broken').open()).rejects.toThrow();
    const raw = await readRawDatabase('broken');
    expect(raw?.version).toBe(20);
    expect(raw?.failed).toEqual([]);
    expect(raw?.tables.debates).toEqual([{ key: 'k1', id: 'd1', title: 'Left behind' }]);
    expect(raw?.tables.claims).toHaveLength(1);
    expect(await rawVersion('broken')).toBe(20);
  });
});
