import { describe, expect, it } from 'vitest';
import { contract, methodForChannel, type MethodName } from '../../../shared/contract.js';
import { decodeWire, encodeWire } from '../../../shared/wire.js';

const HASH = 'a'.repeat(64);

// For each channel: one good request and malformed ones that must be refused.
const cases: { [M in MethodName]: { good: unknown; bad: unknown[] } } = {
  appInfo: { good: {}, bad: [null, 'x', { extra: 1 }] },
  vaultPut: { good: { bytes: new Uint8Array([1, 2]) }, bad: [{}, { bytes: 'text' }, { bytes: [1, 2] }, { bytes: new Uint8Array(), path: '/etc/passwd' }] },
  vaultGet: { good: { hash: HASH }, bad: [{}, { hash: '../../etc/passwd' }, { hash: 'A'.repeat(64) }, { hash: 'a'.repeat(63) }, { hash: `${'a'.repeat(62)}/x` }] },
  vaultHas: { good: { hash: HASH }, bad: [{ hash: 42 }, { hash: '..%2F..%2Fetc' }] },
  linksOpenExternal: { good: { url: 'https://www.nato.int/' }, bad: [{}, { url: '' }, { url: 'x'.repeat(5000) }] },
  filesPick: { good: { purpose: 'import' }, bad: [{ purpose: 'anything' }, { purpose: 'import', path: '/tmp' }] },
  sampleFiles: { good: {}, bad: [{ name: '../../etc/passwd' }] },
  documentsParse: { good: { fileName: 'a.txt', bytes: new Uint8Array([65]) }, bad: [{ fileName: '', bytes: new Uint8Array() }, { fileName: 'a.txt' }, { fileName: 'a.txt', bytes: new Uint8Array(), path: '/etc/passwd' }] },
  documentsCancelParse: { good: { jobId: 'job-1' }, bad: [{}, { jobId: '' }] },
  sourcesImportCitations: {
    good: { fileName: 'lib.bib', bytes: new Uint8Array([64]), existing: [{ id: 'src_1', csl: { title: 'NATO' } }] },
    bad: [{ fileName: 'lib.bib', bytes: new Uint8Array([64]) }, { fileName: 'lib.bib', bytes: 'x', existing: [] }, { fileName: 'lib.bib', bytes: new Uint8Array(), existing: [{ id: 'x' }] }],
  },
  sourcesReadTable: { good: { hash: HASH, fileName: 'nato.csv' }, bad: [{ hash: HASH }, { hash: '../x', fileName: 'a.csv' }, { hash: HASH, fileName: 'a.csv', path: '/etc' }] },
  filesOpenInOs: { good: { hash: HASH, fileName: 'report.pdf' }, bad: [{ hash: HASH, fileName: '../../etc/passwd' }, { hash: HASH, fileName: 'a/b.pdf' }, { hash: 'x', fileName: 'a.pdf' }, { path: '/etc/passwd' }] },
  filesShowInFolder: { good: { hash: HASH, fileName: 'NATO-figures.desktop' }, bad: [{ hash: HASH, fileName: '../x' }, { hash: HASH, fileName: '\u202E\u200B' }, { hash: HASH }] },
  backupsWrite: { good: { bytes: new Uint8Array([1]), reason: 'manual' }, bad: [{ bytes: new Uint8Array([1]) }, { bytes: new Uint8Array([1]), reason: 'whenever' }, { bytes: new Uint8Array([1]), reason: 'quit', path: '/tmp/x' }, { bytes: new Uint8Array([1]), reason: 'quit', profileId: '../x' }] },
  backupsList: { good: {}, bad: [{ dir: '/tmp' }] },
  backupsSetBudget: { good: { budgetBytes: 500 * 1024 * 1024 }, bad: [{}, { budgetBytes: 1024 }, { budgetBytes: 'lots' }, { budgetBytes: 1.5e9 + 0.5 }] },
  backupsRead: { good: { id: 'backup-20261128T101500000Z-manual-0123abcd' }, bad: [{}, { id: '../../etc/passwd' }, { id: 'backup-20261128T101500000Z-manual-0123abcd/../x' }] },
  backupsQuitDone: { good: { written: true }, bad: [{}, { written: 'yes' }] },
  filesSave: {
    good: { suggestedName: 'report.html', bytes: new Uint8Array([60]), filters: [{ name: 'HTML', extensions: ['html'] }] },
    bad: [
      { suggestedName: 'report.html' },
      { suggestedName: '../../etc/passwd', bytes: new Uint8Array() },
      { suggestedName: 'C:\\x.html', bytes: new Uint8Array() },
      { suggestedName: 'a.html', bytes: new Uint8Array(), path: '/tmp/a.html' },
      { suggestedName: 'a.html', bytes: new Uint8Array(), filters: [{ name: 'x', extensions: ['*'] }] },
    ],
  },
  reportsPrintPdf: { good: { html: '<!DOCTYPE html><p>x</p>' }, bad: [{}, { html: '' }, { html: 42 }, { html: '<p>', url: 'file:///etc/passwd' }] },
  menuSetState: {
    good: { canUndo: true, undoLabel: 'Add claim', canRedo: false, libraryEmpty: false, modalOpen: false, editingText: false },
    bad: [
      {},
      { canUndo: 'yes', canRedo: false, libraryEmpty: false, modalOpen: false, editingText: false },
      { canUndo: true, undoLabel: 'x'.repeat(81), canRedo: false, libraryEmpty: false, modalOpen: false, editingText: false },
      { canUndo: true, canRedo: false, libraryEmpty: false, modalOpen: false, editingText: false, items: [{ label: 'Run', click: 'x' }] },
    ],
  },
  filesTakeOpened: { good: {}, bad: [{ path: '/etc/passwd' }, null] },
  teamAllowServer: { good: { url: 'https://sync.example.org' }, bad: [{}, { url: 'javascript:alert(1)' }, { url: 'file:///etc/passwd' }, { url: 42 }] },
};

describe('the contract', () => {
  it('names every channel domain:verb in kebab-case, once', () => {
    const names = Object.values(contract).map((c) => c.channel);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z]+(-[a-z]+)*:[a-z]+(-[a-z]+)*$/);
  });

  it('has test cases for every channel', () => {
    expect(Object.keys(cases).sort()).toEqual(Object.keys(contract).sort());
  });

  for (const [method, { good, bad }] of Object.entries(cases) as [MethodName, { good: unknown; bad: unknown[] }][]) {
    it(`${contract[method].channel} accepts a good request and rejects malformed ones`, () => {
      expect(contract[method].request.safeParse(good).success).toBe(true);
      for (const request of bad) expect(contract[method].request.safeParse(request).success, JSON.stringify(request)).toBe(false);
    });
  }

  it('routes channel names back to methods', () => {
    expect(methodForChannel('vault:get')).toBe('vaultGet');
    expect(methodForChannel('nope:nope')).toBeUndefined();
  });

  it('carries bytes through the HTTP wire format unchanged', () => {
    const bytes = new Uint8Array(70000).map((_, i) => i % 256);
    const decoded = decodeWire(encodeWire({ fileName: 'x', bytes })) as { bytes: Uint8Array };
    expect(decoded.bytes).toBeInstanceOf(Uint8Array);
    expect([...decoded.bytes]).toEqual([...bytes]);
  });
});
