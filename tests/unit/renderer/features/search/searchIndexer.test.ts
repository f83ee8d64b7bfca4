import 'fake-indexeddb/auto';
import { afterAll, describe, expect, it } from 'vitest';
import { db } from '../../../../../renderer/db/database.js';
import { SAVED_INDEX_KEY, currentSources, runSearchIndexer, type IndexerEvent } from '../../../../../renderer/features/search/searchIndexer.js';
import type { Appearance, Claim, EvidenceLink, Source, Verdict } from '../../../../../shared/model.js';
import { createSearchHost, fromHost } from '../../../../../shared/search/searchHost.js';

// The indexer against a real (fake-indexeddb) library: library sources, evidence links and verdicts are indexed when
// they are written and re-indexed when they change, as claims are.

const t = '2026-01-01T00:00:00.000Z';
const claim: Claim = { id: 'clm_1', text: 'Only five allies meet the guideline', topicIds: [], type: 'statistic', status: 'new', claimantId: 'per_smith', createdAt: t, updatedAt: t };
const appearance: Appearance = { id: 'app_1', claimId: 'clm_1', documentId: 'doc_1', anchor: { quote: { exact: 'x', prefix: '', suffix: '' }, position: { start: 10, end: 20 }, documentVersion: 1 }, state: 'anchored', createdAt: t, updatedAt: t };
const source: Source = { id: 'src_1', kind: 'report', csl: { id: 'src_1', type: 'report', title: 'Defence Expenditure of NATO Countries', author: [{ literal: 'Public Diplomacy Division' }], publisher: 'NATO' }, tags: [], attachments: [], createdAt: t, updatedAt: t };
const link: EvidenceLink = { id: 'evi_1', claimId: 'clm_1', sourceId: 'src_1', relation: 'supports', locator: {}, excerpt: 'Estonia 2.16, Poland 2.00', createdAt: t, updatedAt: t };
const verdict: Verdict = { id: 'ver_1', claimId: 'clm_1', scaleId: 'scale-six-step', stepId: 'true', conclusion: 'Agreed at the Wales summit.', reasoning: '', author: 'a', history: [], createdAt: t, updatedAt: t };

afterAll(() => db.close());

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('the search indexer and the library', () => {
  it('stamps every library source, evidence link and verdict beside claims and notes', async () => {
    await db.transaction('rw', [db.claims, db.appearances, db.sources, db.evidence, db.verdicts, db.documents], async () => {
      await db.documents.put({ id: 'doc_1', debateId: 'deb_1', title: 'Hustings', format: 'text', text: 'x'.repeat(40), version: 1, createdAt: t, updatedAt: t });
      await db.claims.put(claim);
      await db.appearances.put(appearance);
      await db.sources.put(source);
      await db.evidence.put(link);
      await db.verdicts.put(verdict);
    });
    const { stamps, built } = await currentSources();
    expect([...stamps.keys()].sort()).toEqual(['claim:clm_1', 'doc:doc_1', 'ev:evi_1', 'src:src_1', 'verdict:ver_1']);
    expect(built.get('ev:evi_1')![0]).toMatchObject({ kind: 'evidence', claimId: 'clm_1', documentId: 'doc_1', debateIds: ['deb_1'], personIds: ['per_smith'], start: 10, end: 20 });
    expect(built.get('verdict:ver_1')![0]).toMatchObject({ kind: 'verdict', claimId: 'clm_1', documentId: 'doc_1' });
    expect(built.get('src:src_1')![0]).toMatchObject({ kind: 'source', recordId: 'src_1' });
  });

  it('indexes them, re-indexes an edited excerpt, drops a deleted source, and saves the index for the next start', async () => {
    const host = createSearchHost();
    const events: IndexerEvent[] = [];
    const stop = runSearchIndexer(host, (e) => events.push(e), 10);
    const hits = async (query: string) => {
      const response = fromHost(await host({ op: 'search', query, filters: {}, limit: 10 }));
      return response.op === 'search' ? response.hits.map((h) => h.id) : [];
    };
    try {
      await until(async () => (await hits('Estonia')).length > 0, 'the excerpt to be indexed');
      expect(await hits('Estonia')).toEqual(['evidence:evi_1']);
      expect(await hits('Wales summit')).toEqual(['verdict:ver_1']);
      expect(await hits('Public Diplomacy')).toEqual(['source:src_1']);

      await db.evidence.update('evi_1', { excerpt: 'Latvia 2.10', updatedAt: '2026-01-02T00:00:00.000Z' });
      await until(async () => (await hits('Latvia')).length > 0, 'the edited excerpt');
      expect(await hits('Estonia')).toEqual([]);

      await db.verdicts.update('ver_1', { conclusion: 'Restated at the Vilnius summit.' });
      await until(async () => (await hits('Vilnius')).length > 0, 'the edited conclusion');
      expect(await hits('Wales')).toEqual([]);

      await db.sources.delete('src_1');
      await until(async () => (await hits('Public Diplomacy')).length === 0, 'the deleted source to go');

      await until(async () => events.some((e) => e.kind === 'saved'), 'a save');
      const saved = await db.settings.get(SAVED_INDEX_KEY);
      expect((saved?.value as { format: number }).format).toBe(3);
    } finally {
      stop();
    }
    // The next start loads what was saved, with the new kinds in it.
    const next = createSearchHost();
    await until(async () => {
      const saved = await db.settings.get(SAVED_INDEX_KEY);
      const loaded = await next({ op: 'load', saved: saved?.value });
      if (loaded.op !== 'load' || !loaded.loaded) return false;
      const found = fromHost(await next({ op: 'search', query: 'Latvia', filters: {}, limit: 10 }));
      return found.op === 'search' && found.hits.length === 1;
    }, 'the saved index with the edited excerpt');
  });
});
