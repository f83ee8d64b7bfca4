import type { SampleContext } from './sampleContext.js';
import type { Store } from './store.js';

/** The sample's stances on NATO Article 5 (issue 6 fills this in through the stance operations). */
export async function addSampleStances(_store: Store, _context: SampleContext): Promise<void> {}
