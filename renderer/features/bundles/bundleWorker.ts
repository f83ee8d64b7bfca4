import { readBundle, type ReadBundle } from '../../../shared/bundle/bundle.js';

/** What the window asks: read these bytes as a bundle, refusing one from a schema newer than it knows. */
export interface BundleReadJob {
  bytes: Uint8Array;
  maxSchemaVersion: number;
}

export type BundleReadResult = { ok: true; bundle: ReadBundle } | { ok: false; message: string };

// A bundle comes from outside: it is unzipped, checked and normalised here, off the window's thread, so a hostile
// or huge one costs this worker (bounded by readBundle's limits) and never freezes the window.
self.addEventListener('message', (event: MessageEvent<BundleReadJob>) => {
  const post = (result: BundleReadResult, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(result, transfer);
  try {
    const bundle = readBundle(event.data.bytes, { maxSchemaVersion: event.data.maxSchemaVersion });
    post({ ok: true, bundle }, [...bundle.files.values()].map((data) => data.buffer as ArrayBuffer));
  } catch (error) {
    post({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
});
