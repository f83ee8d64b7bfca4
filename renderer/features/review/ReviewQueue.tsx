import { useLiveQuery } from 'dexie-react-hooks';
import { acceptProposal, discardAnnotation, reanchorToSpan, type AnnotationRef } from '../../../shared/domain/documentEdits.js';
import type { Anchor } from '../../../shared/model.js';
import { db } from '../../db/database.js';
import { store } from '../../db/store.js';
import { useUiStore } from '../../state/uiStore.js';
import './review.css';

interface Item {
  ref: AnnotationRef;
  title: string;
  state: 'review' | 'orphaned';
  anchor: Anchor;
  proposed?: Anchor;
}

function Context(props: { prefix: string; exact: string; suffix: string }) {
  return (
    <q className="review-context">
      …{props.prefix}
      <mark>{props.exact}</mark>
      {props.suffix}…
    </q>
  );
}

/**
 * The annotations re-anchoring was not sure about after a document's text changed: the old context beside the
 * proposed new one, to accept, to pick again by selecting text in the reader, or to discard.
 */
export function ReviewQueue(props: { documentId: string; selection: { start: number; end: number } | undefined; onShow: (start: number, end: number) => void }) {
  const notify = useUiStore((s) => s.notify);
  const data = useLiveQuery(async () => {
    const [document, appearances, notes] = await Promise.all([
      db.documents.get(props.documentId),
      db.appearances.where('documentId').equals(props.documentId).toArray(),
      db.notes.where('documentId').equals(props.documentId).toArray(),
    ]);
    const claims = await db.claims.bulkGet(appearances.map((a) => a.claimId));
    const items: Item[] = [];
    appearances.forEach((a, i) => {
      if (a.state === 'anchored') return;
      const item: Item = { ref: { kind: 'appearance', id: a.id }, title: `Claim: ${claims[i]?.text ?? a.anchor.quote.exact}`, state: a.state, anchor: a.anchor };
      if (a.proposed) item.proposed = a.proposed;
      items.push(item);
    });
    for (const n of notes) {
      if (n.state === 'anchored') continue;
      const item: Item = { ref: { kind: 'note', id: n.id }, title: `${n.kind === 'tag' ? 'Tag' : 'Note'}: ${n.body}`, state: n.state, anchor: n.anchor };
      if (n.proposed) item.proposed = n.proposed;
      items.push(item);
    }
    return { text: document?.text ?? '', version: document?.version ?? 0, items };
  }, [props.documentId]);

  const run = async (work: () => Promise<void>, done: string) => {
    try {
      await work();
      notify(done);
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), 'error');
    }
  };

  if (!data) return null;
  return (
    <section className="review-queue" aria-labelledby="review-queue-title">
      <h3 id="review-queue-title">Review anchors</h3>
      {data.items.length === 0 ? (
        <p className="muted small">Every claim and note in this document is anchored.</p>
      ) : (
        <ul aria-label="Anchors to review">
          {data.items.map((item) => {
            const p = item.proposed && item.proposed.documentVersion === data.version ? item.proposed : undefined;
            return (
              <li key={item.ref.id} aria-label={item.title}>
                <p className="review-title">
                  <strong>{item.title}</strong> <span className="muted small">{item.state === 'review' ? 'moved with doubt' : 'text no longer found'}</span>
                </p>
                <dl className="review-contexts">
                  <dt>Before</dt>
                  <dd>
                    <Context prefix={item.anchor.quote.prefix} exact={item.anchor.quote.exact} suffix={item.anchor.quote.suffix} />
                  </dd>
                  <dt>Proposed</dt>
                  <dd>
                    {p ? (
                      <Context prefix={data.text.slice(Math.max(0, p.position.start - 32), p.position.start)} exact={data.text.slice(p.position.start, p.position.end)} suffix={data.text.slice(p.position.end, p.position.end + 32)} />
                    ) : (
                      <span className="muted">No proposal: select the right words in the text and choose “Use selected text”.</span>
                    )}
                  </dd>
                </dl>
                <div className="review-actions">
                  {p && (
                    <button type="button" onClick={() => props.onShow(p.position.start, p.position.end)}>
                      Show proposal
                    </button>
                  )}
                  {p && (
                    <button type="button" onClick={() => void run(() => acceptProposal(store, item.ref), 'Proposal accepted.')}>
                      Accept proposal
                    </button>
                  )}
                  <button
                    type="button"
                    disabled={!props.selection}
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={() => {
                      const sel = props.selection;
                      if (sel) void run(() => reanchorToSpan(store, item.ref, sel.start, sel.end), 'Anchored on the selected text.');
                    }}
                  >
                    Use selected text
                  </button>
                  <button type="button" onClick={() => void run(() => discardAnnotation(store, item.ref), item.ref.kind === 'appearance' ? 'Appearance discarded; the claim stays.' : 'Note discarded.')}>
                    Discard
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
