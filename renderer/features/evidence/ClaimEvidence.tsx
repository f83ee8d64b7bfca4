import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { createSource, removeEvidence } from '../../../shared/domain/sources.js';
import type { EvidenceLink, Turn } from '../../../shared/model.js';
import { findCitationHints, type CitationHint } from '../../../shared/sources/citationHints.js';
import { db } from '../../db/database.js';
import { store } from '../../db/store.js';
import { Authorship } from '../team/Authorship.js';
import { useUiStore } from '../../state/uiStore.js';
import { sourceTitle } from '../sources/sourceFilters.js';
import { useSourcesUi } from '../sources/sourcesUi.js';
import { EvidenceDialog, RELATION_LABELS } from './EvidenceDialog.js';
import '../sources/sources.css';
import { EvidenceDetails } from './EvidenceDetails.js';

/** How far either side of an appearance the document is read for phrases such as "according to a NATO report". */
const HINT_CONTEXT = 200;

/** The turn an appearance starts in: its own turn when that still holds the position, else the one that does. */
async function turnHolding(documentId: string, turnId: string | undefined, position: number): Promise<Turn | undefined> {
  const own = turnId ? await db.turns.get(turnId) : undefined;
  if (own && own.documentId === documentId && own.offset <= position && position < own.offset + own.text.length) return own;
  const before = await db.turns.where('[documentId+index]').between([documentId, -Infinity], [documentId, Infinity]).filter((t) => t.offset <= position).last();
  return before && position < before.offset + before.text.length ? before : undefined;
}

/** The evidence linked to a claim, shown in the claim panel: each link opens its source's file at the cited place. */
export function ClaimEvidence({ claimId }: { claimId: string }) {
  const data = useLiveQuery(async () => {
    const links = await db.evidence.where('claimId').equals(claimId).toArray();
    const sources = await db.sources.bulkGet(links.map((l) => l.sourceId));
    const appearances = await db.appearances.where('claimId').equals(claimId).toArray();
    const hints: CitationHint[] = [];
    for (const appearance of appearances) {
      const document = await db.documents.get(appearance.documentId);
      if (!document) continue;
      const { start, end } = appearance.anchor.position;
      // Only the claim's own turn: a phrase in the next speaker's turn ("according to the Treasury's") is theirs.
      const turn = await turnHolding(appearance.documentId, appearance.turnId, start);
      const lower = turn ? turn.offset : 0;
      const upper = turn ? turn.offset + turn.text.length : document.text.length;
      const from = Math.max(lower, start - HINT_CONTEXT);
      for (const hint of findCitationHints(document.text.slice(from, Math.min(upper, end + HINT_CONTEXT)))) {
        if (!hints.some((h) => h.suggestedTitle === hint.suggestedTitle)) hints.push(hint);
      }
    }
    return { items: links.map((link, i) => ({ link, source: sources[i] })), hints };
  }, [claimId]);
  const [dialog, setDialog] = useState<{ link?: EvidenceLink; sourceId?: string }>();

  if (!data) return null;

  function openLink(link: EvidenceLink) {
    useUiStore.getState().setSection('sources');
    const ui = useSourcesUi.getState();
    if (link.locator.attachmentHash) ui.openAttachment(link.sourceId, link.locator.attachmentHash, link.locator);
    else ui.selectSource(link.sourceId);
  }

  async function createFromHint(hint: CitationHint) {
    try {
      const source = await createSource(store, { kind: 'report', csl: { title: hint.suggestedTitle, ...(hint.institution ? { author: [{ literal: hint.institution }] } : {}) } });
      setDialog({ sourceId: source.id });
    } catch (e) {
      useUiStore.getState().notify(e instanceof Error ? e.message : String(e), 'error');
    }
  }

  return (
    <section className="claim-evidence" aria-labelledby={`evidence-${claimId}`}>
      <div className="section-head">
        <h3 id={`evidence-${claimId}`}>Evidence</h3>
        <button type="button" onClick={() => setDialog({})}>
          Add evidence…
        </button>
      </div>
      {data.items.length === 0 && <p className="muted">No evidence linked yet.</p>}
      <ul className="evidence-list" aria-label="Evidence for this claim">
        {data.items.map(({ link, source }) => (
          <li key={link.id} aria-label={source ? sourceTitle(source) : 'A deleted source'}>
            <div>
              <span className={`relation relation-${link.relation}`}>{RELATION_LABELS[link.relation]}</span>{' '}
              <button type="button" className="link-button" onClick={() => openLink(link)}>
                {source ? sourceTitle(source) : 'A deleted source'}
              </button>
            </div>
            <EvidenceDetails link={link} />
            <Authorship record={link} what="Evidence link" />
            <span className="row-actions">
              <button type="button" onClick={() => setDialog({ link })}>
                Edit
              </button>
              <button type="button" onClick={() => void removeEvidence(store, link.id)}>
                Remove
              </button>
            </span>
          </li>
        ))}
      </ul>
      {data.hints.length > 0 && (
        <div className="citation-hints" role="group" aria-label="Citation hints">
          {data.hints.map((hint) => (
            <div key={hint.suggestedTitle} className="small">
              <span>
                The text cites <q>{hint.phrase}</q>.
              </span>{' '}
              <button type="button" onClick={() => void createFromHint(hint)}>
                Create source “{hint.suggestedTitle}”
              </button>{' '}
              <button type="button" onClick={() => setDialog({})}>
                Link to existing source
              </button>
            </div>
          ))}
        </div>
      )}
      {dialog && <EvidenceDialog claimId={claimId} {...(dialog.link ? { link: dialog.link } : {})} {...(dialog.sourceId ? { sourceId: dialog.sourceId } : {})} onClose={() => setDialog(undefined)} />}
    </section>
  );
}
