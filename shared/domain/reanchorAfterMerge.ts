import { reanchor } from '../anchoring/reanchor.js';
import { nowIso } from '../ids.js';
import type { Anchor, DocumentRecord } from '../model.js';
import type { Store } from './store.js';

/** An anchor that no longer fits its document: made on another version, or its quote is not where it says. */
function isStale(anchor: Anchor, document: DocumentRecord): boolean {
  if (anchor.documentVersion !== document.version) return true;
  return document.text.slice(anchor.position.start, anchor.position.end) !== anchor.quote.exact;
}

/**
 * After a merge brought a document text and annotations made on another version of it together (a teammate edited
 * the text while this analyst marked claims offline), finds each stale annotation's place in the current text:
 * sure ones move, doubtful ones keep their anchor and wait in the review queue with a proposal, lost ones are
 * marked orphaned. One transaction per call; nothing is written when nothing is stale.
 */
export async function reanchorStale(store: Store, documentIds: readonly string[]): Promise<number> {
  return store.transaction('Re-anchor after merge', async (tx) => {
    let moved = 0;
    const now = nowIso();
    for (const documentId of documentIds) {
      const document = await tx.get('documents', documentId);
      if (!document) continue;
      const fix = <T extends { anchor: Anchor; state: string; proposed?: Anchor; updatedAt: string }>(row: T): T | undefined => {
        // Only annotations that claim to be anchored are judged: those in review already wait for the user, and
        // judging each only once keeps two laptops from re-anchoring each other's results back and forth.
        if (row.state !== 'anchored' || !isStale(row.anchor, document)) return undefined;
        const result = reanchor(row.anchor, document.text, document.version);
        const next = { ...row, updatedAt: now };
        delete next.proposed;
        if (result.state === 'anchored' && result.anchor) return { ...next, anchor: result.anchor, state: 'anchored' };
        if (result.state === 'review' && result.anchor) return { ...next, state: 'review', proposed: result.anchor };
        return { ...next, state: result.state === 'orphaned' ? 'orphaned' : 'review' };
      };
      for (const a of await tx.where('appearances', 'documentId', documentId)) {
        const next = fix(a);
        if (next) {
          await tx.put('appearances', next);
          moved += 1;
        }
      }
      for (const n of await tx.where('notes', 'documentId', documentId)) {
        const next = fix(n);
        if (next) {
          await tx.put('notes', next);
          moved += 1;
        }
      }
    }
    return moved;
  });
}
