import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useState } from 'react';
import { deleteClaim, removeAppearance, setVerdict, updateClaim } from '../../../shared/domain/claims.js';
import { createTopic } from '../../../shared/domain/topics.js';
import { CLAIM_STATUSES, CLAIM_TYPES, type Claim, type ClaimStatus, type ClaimType, type Verdict, type VerdictScale } from '../../../shared/model.js';
import { db } from '../../db/database.js';
import { store } from '../../db/store.js';
import { Authorship, RecordHistory } from '../team/Authorship.js';
import { isBlindFor } from '../../../shared/domain/blindReview.js';
import { BlindRatingForm } from '../blindReview/BlindRatingForm.js';
import { useAnalystName } from '../blindReview/analystName.js';
import { useUiStore } from '../../state/uiStore.js';
import { ClaimEvidence } from '../evidence/ClaimEvidence.js';
import { ClaimQuantities } from '../quantities/QuantityChips.js';
import { ClaimChecks } from '../tableChecks/ClaimChecks.js';
import { ScaleEditor } from './ScaleEditor.js';
import { RecordGone } from '../shell/RecordGone.js';
import './claims.css';
import { formatDateTime } from '../../format/format.js';
import { rememberAuthor, useLastAuthor } from './lastAuthor.js';


const STATUS_LABELS: Record<ClaimStatus, string> = { new: 'New', researching: 'Researching', checked: 'Checked', published: 'Published' };

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The selected claim in the side panel: its statement and details, where it appears, and its verdict. */
export function ClaimPanel(props: { claimId: string }) {
  // null once the claim is known to be gone, so loading (undefined) never flashes "no longer exists".
  const claim = useLiveQuery(async () => (await db.claims.get(props.claimId)) ?? null, [props.claimId]);
  const selectClaim = useUiStore((s) => s.selectClaim);
  if (claim === undefined) return null;
  if (claim === null) return <RecordGone label="Claim" what="claim" onClose={() => selectClaim(undefined)} />;
  return (
    <section aria-labelledby="claim-panel-title" className="claim-panel">
      <div className="claim-panel-head">
        <h3 id="claim-panel-title">Claim</h3>
        <button type="button" onClick={() => selectClaim(undefined)} aria-label="Close claim">
          ×
        </button>
      </div>
      <Authorship record={claim} what="Claim" />
      {/* Keyed on the whole record: a merge from the team can change fields without moving updatedAt. */}
      <ClaimDetails key={`${claim.id}:${JSON.stringify(claim)}`} claim={claim} />
      <ClaimQuantities claim={claim} />
      <RecordHistory table="claims" id={claim.id} />
      <ClaimTopics claim={claim} />
      <Appearances claimId={claim.id} />
      <VerdictSection claimId={claim.id} />
      {claim.status === 'checked' && <PublishClaim claim={claim} />}
      <ClaimChecks claim={claim} />
      <ClaimEvidence claimId={claim.id} />
      <DeleteClaim claim={claim} />
    </section>
  );
}

function ClaimDetails(props: { claim: Claim }) {
  const { claim } = props;
  const notify = useUiStore((s) => s.notify);
  const people = useLiveQuery(() => db.people.orderBy('name').toArray(), []);
  const [text, setText] = useState(claim.text);
  const [claimantId, setClaimantId] = useState(claim.claimantId ?? '');
  const [date, setDate] = useState(claim.date ?? '');
  const [type, setType] = useState<ClaimType>(claim.type);
  const [status, setStatus] = useState<ClaimStatus>(claim.status);
  const [notes, setNotes] = useState(claim.notes ?? '');
  const changed = text !== claim.text || claimantId !== (claim.claimantId ?? '') || date !== (claim.date ?? '') || type !== claim.type || status !== claim.status || notes !== (claim.notes ?? '');
  return (
    <form
      aria-label="Claim details"
      className="claim-form"
      onSubmit={async (event) => {
        event.preventDefault();
        try {
          await updateClaim(store, claim.id, { text: text.replace(/\s+/g, ' ').trim(), claimantId: claimantId || undefined, date: date || undefined, type, status, notes: notes.trim() || undefined });
          notify('Claim saved.');
        } catch (error) {
          notify(message(error), 'error');
        }
      }}
    >
      <label>
        Statement
        <textarea value={text} rows={3} onChange={(e) => setText(e.target.value)} />
      </label>
      <label>
        Claimant
        <select aria-label="Claimant" value={claimantId} onChange={(e) => setClaimantId(e.target.value)}>
          <option value="">(nobody in particular)</option>
          {people?.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <div className="claim-form-row">
        <label>
          Date
          <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </label>
        <label>
          Type
          <select aria-label="Type" value={type} onChange={(e) => setType(e.target.value as ClaimType)}>
            {CLAIM_TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label>
        Status
        <select aria-label="Status" value={status} onChange={(e) => setStatus(e.target.value as ClaimStatus)}>
          {CLAIM_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Notes
        <textarea value={notes} rows={2} onChange={(e) => setNotes(e.target.value)} />
      </label>
      <button type="submit" className="primary" disabled={!changed}>
        Save claim
      </button>
    </form>
  );
}

function ClaimTopics(props: { claim: Claim }) {
  const { claim } = props;
  const notify = useUiStore((s) => s.notify);
  const topics = useLiveQuery(() => db.topics.toArray(), []);
  const [newTopic, setNewTopic] = useState('');
  if (!topics) return null;
  const byId = new Map(topics.map((t) => [t.id, t]));
  const path = (id: string): string => {
    const names: string[] = [];
    let t = byId.get(id);
    const seen = new Set<string>();
    while (t && !seen.has(t.id)) {
      seen.add(t.id);
      names.unshift(t.name);
      t = t.parentId ? byId.get(t.parentId) : undefined;
    }
    return names.join(' › ');
  };
  const setTopics = async (topicIds: string[]) => {
    try {
      await updateClaim(store, claim.id, { topicIds });
    } catch (error) {
      notify(message(error), 'error');
    }
  };
  const others = topics.filter((t) => !claim.topicIds.includes(t.id)).sort((a, b) => path(a.id).localeCompare(path(b.id)));
  return (
    <section aria-labelledby="claim-topics-title" className="claim-subsection">
      <h4 id="claim-topics-title">Topics</h4>
      <ul aria-label="Claim topics" className="chips">
        {claim.topicIds.map((id) => (
          <li key={id}>
            {path(id) || 'Unknown topic'}{' '}
            <button type="button" aria-label={`Remove topic ${path(id)}`} onClick={() => void setTopics(claim.topicIds.filter((t) => t !== id))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <label>
        Add topic{' '}
        <select
          aria-label="Add topic"
          value=""
          onChange={(e) => {
            if (e.target.value) void setTopics([...claim.topicIds, e.target.value]);
          }}
        >
          <option value="">Choose…</option>
          {others.map((t) => (
            <option key={t.id} value={t.id}>
              {path(t.id)}
            </option>
          ))}
        </select>
      </label>
      <form
        aria-label="New topic"
        className="inline-form"
        onSubmit={async (event) => {
          event.preventDefault();
          try {
            const topic = await createTopic(store, newTopic);
            setNewTopic('');
            if (!claim.topicIds.includes(topic.id)) await setTopics([...claim.topicIds, topic.id]);
          } catch (error) {
            notify(message(error), 'error');
          }
        }}
      >
        <label>
          New topic <input value={newTopic} onChange={(e) => setNewTopic(e.target.value)} />
        </label>
        <button type="submit" disabled={!newTopic.trim()}>
          Create topic
        </button>
      </form>
    </section>
  );
}

function Appearances(props: { claimId: string }) {
  const revealSpan = useUiStore((s) => s.revealSpan);
  const notify = useUiStore((s) => s.notify);
  const data = useLiveQuery(async () => {
    const appearances = (await db.appearances.where('claimId').equals(props.claimId).toArray()).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    const documents = await db.documents.bulkGet([...new Set(appearances.map((a) => a.documentId))]);
    const titles = new Map(documents.filter((d) => d !== undefined).map((d) => [d.id, { title: d.title, debateId: d.debateId }]));
    return appearances.map((a) => ({ appearance: a, document: titles.get(a.documentId) }));
  }, [props.claimId]);
  if (!data) return null;
  return (
    <section aria-labelledby="claim-appearances-title" className="claim-subsection">
      <h4 id="claim-appearances-title">Appearances ({data.length})</h4>
      {data.length === 0 && <p className="muted small">Not yet marked in any document.</p>}
      <ol aria-label="Appearances" className="appearance-list">
        {data.map(({ appearance: a, document: d }) => (
          <li key={a.id} aria-label={`In ${d?.title ?? 'a deleted document'}`}>
            <q>{a.anchor.quote.exact.length > 140 ? `${a.anchor.quote.exact.slice(0, 140)}…` : a.anchor.quote.exact}</q>
            <span className="muted small">
              {' '}
              — {d?.title ?? 'deleted document'}
              {a.state !== 'anchored' ? ` (${a.state === 'review' ? 'needs review' : 'text no longer found'})` : ''}
            </span>
            <div className="row-actions">
              {d && a.state === 'anchored' && (
                <button type="button" onClick={() => revealSpan({ documentId: a.documentId, debateId: d.debateId, start: a.anchor.position.start, end: a.anchor.position.end })}>
                  Show in text
                </button>
              )}
              <button
                type="button"
                onClick={async () => {
                  try {
                    await removeAppearance(store, a.id);
                  } catch (error) {
                    notify(message(error), 'error');
                  }
                }}
              >
                Remove appearance
              </button>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

function stepLabel(scales: Map<string, VerdictScale>, scaleId: string | undefined, stepId: string | undefined): string | undefined {
  if (!stepId) return undefined;
  const scale = scaleId ? scales.get(scaleId) : undefined;
  return scale?.steps.find((s) => s.id === stepId)?.label ?? stepId;
}

function VerdictSection(props: { claimId: string }) {
  const verdict = useLiveQuery(async () => (await db.verdicts.where('claimId').equals(props.claimId).first()) ?? null, [props.claimId]);
  const scales = useLiveQuery(() => db.scales.toArray(), []);
  const claim = useLiveQuery(() => db.claims.get(props.claimId), [props.claimId]);
  const analyst = useAnalystName();
  const lastAuthor = useLastAuthor();
  if (verdict === undefined || !scales || lastAuthor === undefined) return null;
  const byId = new Map(scales.map((s) => [s.id, s]));
  // Waiting for this analyst's blind rating: the first verdict stays hidden until they have rated.
  if (claim && isBlindFor(claim, analyst)) {
    return (
      <section aria-labelledby="claim-verdict-title" className="claim-subsection">
        <h4 id="claim-verdict-title">Verdict</h4>
        <p className="muted small" role="note">
          Blind review: the first verdict is hidden until you have rated this claim.
        </p>
        <BlindRatingForm claim={claim} scale={byId.get(claim.secondReview?.scaleId ?? '')} />
      </section>
    );
  }
  return (
    <section aria-labelledby="claim-verdict-title" className="claim-subsection">
      <h4 id="claim-verdict-title">Verdict</h4>
      {verdict ? (
        <p className="verdict-now" aria-label="Current verdict">
          <strong>{stepLabel(byId, verdict.scaleId, verdict.stepId) ?? 'Conclusion'}</strong>
          {verdict.conclusion ? ` — ${verdict.conclusion}` : ''} <span className="muted small">by {verdict.author}</span>
        </p>
      ) : (
        <p className="muted small">No verdict yet.</p>
      )}
      {verdict && <Authorship record={verdict} what="Verdict" />}
      <VerdictForm key={verdict ? `${verdict.id}:${verdict.updatedAt}` : 'new'} claimId={props.claimId} verdict={verdict ?? undefined} scales={scales} lastAuthor={lastAuthor} />
      {verdict && <VerdictHistory verdict={verdict} scales={byId} />}
    </section>
  );
}

function VerdictForm(props: { claimId: string; verdict: Verdict | undefined; scales: VerdictScale[]; lastAuthor: string }) {
  const { verdict, scales } = props;
  const notify = useUiStore((s) => s.notify);
  const [scaleId, setScaleId] = useState(verdict?.scaleId ?? 'scale-six-step');
  const [stepId, setStepId] = useState(verdict?.stepId ?? '');
  const [conclusion, setConclusion] = useState(verdict?.conclusion ?? '');
  const [reasoning, setReasoning] = useState(verdict?.reasoning ?? '');
  const [author, setAuthor] = useState(verdict?.author ?? props.lastAuthor);
  const [why, setWhy] = useState('');
  const [editingScale, setEditingScale] = useState(false);
  const scaleSelectId = useId();
  useEffect(() => {
    if (!author && props.lastAuthor) setAuthor(props.lastAuthor);
  }, [props.lastAuthor]);
  const scale = scales.find((s) => s.id === scaleId);
  return (
    <>
      <form
        aria-label="Set verdict"
        className="claim-form"
        onSubmit={async (event) => {
          event.preventDefault();
          try {
            const before = (await db.claims.get(props.claimId))?.status;
            await setVerdict(store, props.claimId, { scaleId, ...(scale?.kind === 'rated' && stepId ? { stepId } : {}), conclusion: conclusion.trim(), reasoning: reasoning.trim(), author: author.trim(), why: why.trim() || (verdict ? '' : 'First verdict.') });
            await rememberAuthor(author);
            const after = (await db.claims.get(props.claimId))?.status;
            notify(before && after && before !== after ? `Verdict saved; the claim is now ${STATUS_LABELS[after]} (Ctrl+Z undoes both).` : 'Verdict saved.');
          } catch (error) {
            notify(message(error), 'error');
          }
        }}
      >
        <div className="claim-form-row">
          {/* Its own label, tied by id: the select shares its row with "New scale…", which is no part of its name. */}
          <div className="claim-form-field">
            <label htmlFor={scaleSelectId}>Scale</label>
            <select
              id={scaleSelectId}
              value={scaleId}
              onChange={(e) => {
                setScaleId(e.target.value);
                setStepId('');
              }}
            >
              {scales.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
          <button type="button" onClick={() => setEditingScale(true)}>
            New scale…
          </button>
        </div>
        {scale?.kind === 'rated' && (
          <label>
            Rating
            <select aria-label="Rating" value={stepId} onChange={(e) => setStepId(e.target.value)}>
              <option value="">Choose…</option>
              {scale.steps.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          Conclusion
          <textarea rows={2} value={conclusion} onChange={(e) => setConclusion(e.target.value)} />
        </label>
        <label>
          Reasoning
          <textarea rows={3} value={reasoning} onChange={(e) => setReasoning(e.target.value)} />
        </label>
        <label>
          Author
          <input value={author} onChange={(e) => setAuthor(e.target.value)} />
        </label>
        {verdict && (
          <label>
            Why it changed
            <input value={why} onChange={(e) => setWhy(e.target.value)} />
          </label>
        )}
        <button type="submit" className="primary">
          {verdict ? 'Change verdict' : 'Save verdict'}
        </button>
      </form>
      {editingScale && (
        <ScaleEditor
          onClose={(saved) => {
            setEditingScale(false);
            if (saved) {
              setScaleId(saved.id);
              setStepId('');
            }
          }}
        />
      )}
    </>
  );
}

function VerdictHistory(props: { verdict: Verdict; scales: Map<string, VerdictScale> }) {
  const { verdict, scales } = props;
  let scaleId: string | undefined;
  const entries = verdict.history.map((change) => {
    const fromScale = change.fromScaleId ?? scaleId;
    scaleId = change.toScaleId ?? scaleId ?? verdict.scaleId;
    const from = stepLabel(scales, fromScale, change.fromStepId) ?? change.fromConclusion;
    const to = stepLabel(scales, scaleId, change.toStepId) ?? change.toConclusion;
    return { change, from, to };
  });
  return (
    <>
      <h5 className="history-title">History</h5>
      <ol aria-label="Verdict history" className="verdict-history">
        {entries
          .map(({ change, from, to }, i) => (
            <li key={i}>
              <time dateTime={change.at}>{formatDateTime(change.at)}</time> · {change.author}: {from ? `${from} → ` : ''}
              {to ?? 'reasoning changed'}
              {change.why ? <span className="muted"> — why: {change.why}</span> : null}
            </li>
          ))
          .reverse()}
      </ol>
    </>
  );
}

/** Publishing is a step of its own: a verdict makes a claim checked, an editor decides when it goes out. */
function PublishClaim(props: { claim: Claim }) {
  const notify = useUiStore((s) => s.notify);
  return (
    <button
      type="button"
      className="publish-claim"
      onClick={async () => {
        try {
          await updateClaim(store, props.claim.id, { status: 'published' });
          notify('The claim is now Published. Undo (Ctrl+Z) takes it back.');
        } catch (error) {
          notify(message(error), 'error');
        }
      }}
    >
      Mark as published
    </button>
  );
}

function DeleteClaim(props: { claim: Claim }) {
  const [confirming, setConfirming] = useState(false);
  const selectClaim = useUiStore((s) => s.selectClaim);
  const notify = useUiStore((s) => s.notify);
  if (!confirming) {
    return (
      <button type="button" className="danger delete-claim" onClick={() => setConfirming(true)}>
        Delete claim
      </button>
    );
  }
  return (
    <div role="group" aria-label="Confirm delete" className="row-actions">
      <span>Delete this claim, its appearances and verdict?</span>
      <button
        type="button"
        className="danger"
        onClick={async () => {
          try {
            await deleteClaim(store, props.claim.id);
            selectClaim(undefined);
            notify('Claim deleted. Undo (Ctrl+Z) brings it back.');
          } catch (error) {
            notify(message(error), 'error');
          }
        }}
      >
        Delete for good
      </button>
      <button type="button" onClick={() => setConfirming(false)}>
        Keep it
      </button>
    </div>
  );
}
