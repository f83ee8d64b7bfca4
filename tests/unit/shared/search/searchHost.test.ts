import { describe, expect, it } from 'vitest';
import type { Claim } from '../../../../shared/model.js';
import { claimEntry, fingerprint } from '../../../../shared/search/searchEntries.js';
import { createSearchHost, fromHost } from '../../../../shared/search/searchHost.js';

const t = '2026-01-01T00:00:00.000Z';
const claim = (id: string, text: string): Claim => ({ id, text, topicIds: [], type: 'position', status: 'new', createdAt: t, updatedAt: t });

describe('the search host behind the worker boundary', () => {
  it('plans, applies, searches, saves, and loads what it saved in a fresh host', async () => {
    const host = createSearchHost();
    const a = claimEntry(claim('clm_a', 'Strengthen activity within the OSCE'), [], undefined, () => undefined);
    const stamps: [string, string][] = [['claim:clm_a', fingerprint(a)]];
    expect(await host({ op: 'load', saved: undefined })).toEqual({ op: 'load', loaded: false, entries: 0 });
    expect(await host({ op: 'plan', stamps })).toEqual({ op: 'plan', build: ['claim:clm_a'] });
    const applied = await host({ op: 'apply', stamps, entries: [['claim:clm_a', [a]]] });
    expect(applied).toMatchObject({ op: 'apply', entries: 1, result: { builtSources: 1 } });
    expect(await host({ op: 'plan', stamps })).toEqual({ op: 'plan', build: [] });
    const found = fromHost(await host({ op: 'search', query: 'osce', filters: {}, limit: 10 }));
    expect(found.op === 'search' && found.hits.map((h) => h.recordId)).toEqual(['clm_a']);

    const saved = await host({ op: 'save' });
    const other = createSearchHost();
    // What crosses the boundary is plain data: a structured clone of it loads.
    expect(await other({ op: 'load', saved: structuredClone(saved.op === 'save' ? saved.saved : undefined) })).toEqual({ op: 'load', loaded: true, entries: 1 });
    expect(await other({ op: 'plan', stamps })).toEqual({ op: 'plan', build: [] });
    const removed = await other({ op: 'apply', stamps: [], entries: [] });
    expect(removed).toMatchObject({ entries: 0, result: { removedSources: 1 } });
  });
});
