import type { SampleContext } from './sampleContext.js';
import type { Store } from './store.js';

/** The sample's sources and evidence links (issue 5 fills this in through the sources operations). */
export async function addSampleEvidence(_store: Store, _context: SampleContext): Promise<void> {}
