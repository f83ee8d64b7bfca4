import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readBundle, writeBundle } from '../../../../shared/bundle/bundle.js';
import type { ProjectSnapshot } from '../../../../shared/model.js';
import { REPORT_HASH, sampleFiles, sampleSnapshot } from '../../../fixtures/exports/sampleSnapshot.js';

/** A real bundle of the sample, with its manifest or records edited the way a hostile or broken writer would. */
function edited(edit: (manifest: Record<string, unknown>, snapshot: ProjectSnapshot) => void): Uint8Array {
  const entries = unzipSync(writeBundle(sampleSnapshot(), sampleFiles()));
  const manifest = JSON.parse(new TextDecoder().decode(entries['manifest.json'])) as Record<string, unknown>;
  const snapshot = sampleSnapshot();
  edit(manifest, snapshot);
  const out: Record<string, Uint8Array> = { ...entries, 'manifest.json': strToU8(JSON.stringify(manifest)) };
  for (const table of Object.keys(snapshot) as (keyof ProjectSnapshot)[]) out[`records/${table}.json`] = strToU8(JSON.stringify(snapshot[table]));
  return zipSync(out);
}
const counted = (manifest: Record<string, unknown>, snapshot: ProjectSnapshot) => {
  manifest.counts = Object.fromEntries(Object.entries(snapshot).map(([t, rows]) => [t, (rows as unknown[]).length]));
};

describe('bundles are validated, not trusted: refused in one sentence', () => {
  it('a schema newer than this app knows', () => {
    const bundle = edited((m) => (m.schemaVersion = 99));
    expect(() => readBundle(bundle, { maxSchemaVersion: 3 })).toThrow(
      'This bundle was written by a newer Claimdesk (database schema 99; this version knows up to 3). Update Claimdesk to open it.',
    );
  });

  it.each(['__proto__', 'constructor', 'prototype'])('a record whose id is %s', (id) => {
    const bundle = edited((m, s) => {
      s.topics[0]!.id = id;
      counted(m, s);
    });
    expect(() => readBundle(bundle)).toThrow(`The bundle's records are damaged: Record 1 of "topics" has the id "${id}", which no Claimdesk record can have.`);
  });

  it('a cycle of topic parents, and a topic that is its own parent', () => {
    const cycle = edited((_m, s) => {
      s.topics[0]!.parentId = s.topics[1]!.id;
      s.topics[1]!.parentId = s.topics[0]!.id;
    });
    expect(() => readBundle(cycle)).toThrow(/The bundle's records are damaged: The topics “.+”, “.+” are each other's parents \(a cycle\)\./);
    const self = edited((_m, s) => (s.topics[2]!.parentId = s.topics[2]!.id));
    expect(() => readBundle(self)).toThrow(/The topic “.+” is its own parent\./);
  });

  it('a manifest whose file list is not a list of hashes', () => {
    expect(() => readBundle(edited((m) => (m.files = ['../../etc/passwd'])))).toThrow(/The bundle's manifest is damaged: its "files.0" is not what a Claimdesk bundle holds\./);
  });
});

describe('bundles are validated, not trusted: repaired, and the repairs said', () => {
  it('a manifest without counts (which blanked the window) gets counts derived from the records', () => {
    const bundle = readBundle(edited((m) => delete m.counts));
    expect(bundle.manifest.counts.claims).toBe(5);
    expect(bundle.manifest.counts.debates).toBe(1);
    expect(bundle.repairs).toContain('The manifest had no record counts; they were counted from the records.');
    expect(bundle.snapshot).toEqual(sampleSnapshot());
  });

  it('links to records that are not there are dropped, and counted', () => {
    const bundle = readBundle(
      edited((m, s) => {
        s.evidence[0]!.claimId = 'claim-nowhere';
        s.participants[0]!.personId = 'person-nowhere';
        s.appearances[0]!.documentId = 'doc-nowhere';
        s.claims[1]!.topicIds = [...s.claims[1]!.topicIds, 'topic-nowhere'];
        s.turns[0]!.personId = 'person-nowhere';
        counted(m, s);
      }),
    );
    const sample = sampleSnapshot();
    expect(bundle.snapshot.evidence).toHaveLength(sample.evidence.length - 1);
    expect(bundle.snapshot.participants).toHaveLength(sample.participants.length - 1);
    expect(bundle.snapshot.appearances).toHaveLength(sample.appearances.length - 1);
    expect(bundle.snapshot.claims[1]!.topicIds).toEqual(sample.claims[1]!.topicIds);
    expect(bundle.snapshot.turns[0]!.personId).toBeNull();
    expect(bundle.repairs).toEqual([
      '6 links pointed at records that are not there and were dropped (1 participant, 1 speaker of a turn, 1 claim topic, 1 appearance, 1 evidence link, 1 stance appearance).',
    ]);
    // The counts shown for the bundle are what it now holds.
    expect(bundle.manifest.counts.evidence).toBe(sample.evidence.length - 1);
  });

  it('values of the wrong type are replaced by defaults instead of reaching the window', () => {
    const bundle = readBundle(
      edited((_m, s) => {
        (s.debates[0] as unknown as Record<string, unknown>).title = { toString: 'x' };
        (s.debates[0] as unknown as Record<string, unknown>).date = 20160818;
        (s.claims[0] as unknown as Record<string, unknown>).text = ['not', 'text'];
        (s.claims[0] as unknown as Record<string, unknown>).status = 'hacked';
      }),
    );
    expect(bundle.snapshot.debates[0]!.title).toBe('Untitled debate');
    expect(bundle.snapshot.debates[0]).not.toHaveProperty('date');
    expect(bundle.snapshot.claims[0]!.text).toBe('');
    expect(bundle.snapshot.claims[0]!.status).toBe('new');
    expect(bundle.repairs).toContain('4 values of the wrong type were replaced by the default.');
  });

  it('source URLs that are not web addresses are removed, and said', () => {
    const bundle = readBundle(
      edited((_m, s) => {
        s.sources[0]!.csl.URL = 'javascript:alert(document.cookie)';
        s.sources[1]!.csl.URL = 'data:text/html,<script>alert(1)</script>';
      }),
    );
    expect(bundle.snapshot.sources.map((x) => x.csl.URL)).toEqual([undefined, undefined]);
    expect(bundle.repairs).toContain('2 source URLs that were not web addresses were removed (only http and https links are kept).');
  });

  it('format characters are removed from attachment names, so a .desktop file cannot pass as a .pdf', () => {
    const bundle = readBundle(
      edited((_m, s) => {
        s.sources[0]!.attachments[0]!.name = 'NATO-figures-2024\u202Efdp.desktop';
      }),
    );
    const attachment = bundle.snapshot.sources[0]!.attachments[0]!;
    expect(attachment.hash).toBe(REPORT_HASH);
    expect(attachment.name).toBe('NATO-figures-2024fdp.desktop');
    expect(bundle.repairs).toContain('Hidden formatting characters were removed from 1 file name.');
  });

  it('a clean bundle reads with no repairs', () => {
    expect(readBundle(writeBundle(sampleSnapshot(), sampleFiles())).repairs).toEqual([]);
  });
});
