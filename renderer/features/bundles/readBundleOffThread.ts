import { BundleError, type ReadBundle } from '../../../shared/bundle/bundle.js';
import { CURRENT_SCHEMA_VERSION } from '../../db/schemaHistory.js';
import type { BundleReadJob, BundleReadResult } from './bundleWorker.js';

/** Reading a bundle is stopped after this long; a real one takes seconds. */
const READ_TIMEOUT_MS = 120_000;

/**
 * Reads a bundle (an import, a backup being restored) in a fresh Web Worker: the window stays responsive whatever
 * the file holds, and the worker is gone afterwards, with everything it inflated. Failures come back as a
 * BundleError carrying the sentence for the user.
 */
export function readBundleOffThread(bytes: Uint8Array): Promise<ReadBundle> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./bundleWorker.ts', import.meta.url), { type: 'module', name: 'bundle-reader' });
    const finish = (outcome: () => void) => {
      clearTimeout(timer);
      worker.terminate();
      outcome();
    };
    const timer = setTimeout(() => finish(() => reject(new BundleError('Reading the bundle took too long, so it was stopped.'))), READ_TIMEOUT_MS);
    worker.addEventListener('message', (event: MessageEvent<BundleReadResult>) => {
      const result = event.data;
      finish(() => (result.ok ? resolve(result.bundle) : reject(new BundleError(result.message))));
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      finish(() => reject(new BundleError('The bundle could not be read: its reader stopped unexpectedly.')));
    });
    const job: BundleReadJob = { bytes, maxSchemaVersion: CURRENT_SCHEMA_VERSION };
    worker.postMessage(job);
  });
}
