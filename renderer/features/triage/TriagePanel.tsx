import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { createClaim } from '../../../shared/domain/claims.js';
import type { DocumentRecord } from '../../../shared/model.js';
import type { TriageJobDocument } from '../../../shared/triage/triageJob.js';
import { triageInputFromRecords } from '../../../shared/triage/triageInputs.js';
import type { TriageSentence } from '../../../shared/triage/triageDocument.js';
import { db } from '../../db/database.js';
import { store } from '../../db/store.js';
import { useUiStore } from '../../state/uiStore.js';
import { SentenceQuantities } from '../quantities/QuantityChips.js';
import { saveFile } from '../sources/saveFile.js';
import { allDecisions, decisionKey, decisionsExport, forgetDecision, keepDecision, type TriageDecision } from './triageDecisions.js';
import { triageInWorker } from './triageClient.js';
import { dismissedKey, guessClaimType, spanKey } from './triageModel.js';
import { TriageSentenceRow, type RowState } from './TriageSentenceRow.js';
import './triage.css';
import { DebateChecklist } from '../debates/DebateChecklist.js';

const PAGE = 100;

type Scope = 'document' | 'debate' | 'all' | 'chosen';

/** A scored sentence with the document it belongs to. */
interface Ranked extends TriageSentence {
  documentId: string;
  debateId: string;
  version: number;
}

interface Scored {
  sentences: Ranked[];
  /** Document id → version scored, to tell when the text has changed since. */
  versions: Map<string, number>;
  titles: Map<string, string>;
}

/** The documents a scope covers, with what triage needs of each (turns, people and their roles in the debate). */
async function gatherDocuments(documents: DocumentRecord[]): Promise<TriageJobDocument[]> {
  const out: TriageJobDocument[] = [];
  for (const document of documents) {
    const [turns, participants, debate] = await Promise.all([
      db.turns.where('documentId').equals(document.id).toArray(),
      db.participants.where('debateId').equals(document.debateId).toArray(),
      db.debates.get(document.debateId),
    ]);
    const personIds = [...new Set([...turns.flatMap((t) => (t.personId ? [t.personId] : [])), ...(document.quotes ?? []).map((q) => q.personId)])];
    const people = (await db.people.bulkGet(personIds)).filter((p) => p !== undefined);
    out.push({ documentId: document.id, input: triageInputFromRecords(document, turns, people, participants, debate?.kind) });
  }
  return out;
}

/**
 * Check-worthiness triage: every sentence of a document, a whole debate, chosen debates or the whole library,
 * scored on this device by the trained model (in a worker), most check-worthy first, with the reasons in words.
 * Filters by speaker and a minimum score. Accepting makes a claim anchored on the sentence; accept and dismiss
 * decisions are kept, teach the next scoring, and export as labelled data for the training script.
 */
export function TriagePanel({ documentId }: { documentId: string }) {
  const document = useLiveQuery(() => db.documents.get(documentId), [documentId]);
  const debates = useLiveQuery(() => db.debates.orderBy('date').toArray(), []);
  // "Last year" in a sentence's quantities is read against the date of its debate.
  const debateDates = useMemo(() => new Map((debates ?? []).flatMap((d) => (d.date ? [[d.id, d.date] as const] : []))), [debates]);
  const [scope, setScope] = useState<Scope>('document');
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [scored, setScored] = useState<Scored | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [shown, setShown] = useState(PAGE);
  const [showDismissed, setShowDismissed] = useState(false);
  const [speaker, setSpeaker] = useState('');
  const [threshold, setThreshold] = useState(0);
  const decisions = useLiveQuery(allDecisions, []);
  // Dismissals made before decisions were kept per sentence (v0.1) still count.
  const legacyKey = document ? dismissedKey(document.id, document.version) : undefined;
  const legacy = useLiveQuery(() => (legacyKey ? db.settings.get(legacyKey) : undefined), [legacyKey]);
  const scopeIds = useMemo(() => [...(scored?.versions.keys() ?? [])], [scored]);
  const appearances = useLiveQuery(() => (scopeIds.length ? db.appearances.where('documentId').anyOf(scopeIds).toArray() : []), [scopeIds.join(',')]);
  const liveVersions = useLiveQuery(async () => new Map((await db.documents.bulkGet(scopeIds)).flatMap((d) => (d ? [[d.id, d.version] as const] : []))), [scopeIds.join(',')]);
  const { revealSpan, selectClaim, notify } = useUiStore.getState();

  const byKey = useMemo(() => new Map((decisions ?? []).map((d) => [decisionKey(d.documentId, d.documentVersion, d), d])), [decisions]);
  const accepted = useMemo(() => {
    const map = new Map<string, string>();
    for (const a of appearances ?? []) map.set(`${a.documentId}@${a.anchor.documentVersion}:${spanKey(a.anchor.position)}`, a.claimId);
    return map;
  }, [appearances]);
  const legacyDismissed = useMemo(() => new Set(Array.isArray(legacy?.value) ? (legacy.value as string[]) : []), [legacy]);

  if (!document) return null;

  const stateOf = (s: Ranked): RowState => {
    const claimId = accepted.get(`${s.documentId}@${s.version}:${spanKey(s)}`);
    if (claimId) return { kind: 'accepted', claimId };
    const decision = byKey.get(decisionKey(s.documentId, s.version, s));
    if (decision?.decision === 'dismiss') return { kind: 'dismissed' };
    if (s.documentId === document.id && s.version === document.version && legacyDismissed.has(spanKey(s))) return { kind: 'dismissed' };
    return { kind: 'open' };
  };
  const staleOf = (s: Ranked): boolean => (liveVersions?.get(s.documentId) ?? s.version) !== s.version;

  const ranked = scored?.sentences ?? [];
  const speakers = [...new Map(ranked.filter((s) => s.speakerKey).map((s) => [s.speakerKey!, s.speaker])).entries()].sort((a, b) => a[1].localeCompare(b[1]));
  const states = new Map(ranked.map((s) => [s, stateOf(s)]));
  const filtered = ranked.filter((s) => (!speaker || s.speakerKey === speaker) && s.score >= threshold);
  const visible = filtered.filter((s) => showDismissed || states.get(s)!.kind !== 'dismissed');
  const dismissedCount = ranked.filter((s) => states.get(s)!.kind === 'dismissed').length;
  const acceptedCount = ranked.filter((s) => states.get(s)!.kind === 'accepted').length;
  const anyStale = ranked.some(staleOf);
  const several = (scored?.versions.size ?? 0) > 1;

  const score = async () => {
    setBusy(true);
    setError(undefined);
    try {
      let docs: DocumentRecord[];
      if (scope === 'document') docs = [document];
      else if (scope === 'debate') docs = await db.documents.where('debateId').equals(document.debateId).toArray();
      else if (scope === 'chosen') docs = chosen.size ? await db.documents.where('debateId').anyOf([...chosen]).toArray() : [];
      else docs = await db.documents.toArray();
      if (docs.length === 0) {
        setError('Choose at least one debate with documents to triage.');
        return;
      }
      const jobs = await gatherDocuments(docs);
      const learned = (await allDecisions()).map((d) => ({ text: d.text, decision: d.decision }));
      const results = await triageInWorker(jobs, learned);
      const info = new Map(docs.map((d) => [d.id, d]));
      const sentences: Ranked[] = results.flatMap((r) =>
        r.sentences
          // Stage directions are never ranked.
          .filter((s) => s.role !== 'system')
          .map((s) => ({ ...s, documentId: r.documentId, debateId: info.get(r.documentId)!.debateId, version: info.get(r.documentId)!.version })),
      );
      const order = new Map(docs.map((d, i) => [d.id, i]));
      sentences.sort((a, b) => b.score - a.score || order.get(a.documentId)! - order.get(b.documentId)! || a.start - b.start);
      setScored({ sentences, versions: new Map(docs.map((d) => [d.id, d.version])), titles: new Map(docs.map((d) => [d.id, d.title])) });
      setShown(PAGE);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const decide = async (s: Ranked, decision: 'accept' | 'dismiss') => {
    const record: TriageDecision = {
      documentId: s.documentId,
      documentVersion: s.version,
      start: s.start,
      end: s.end,
      text: s.text,
      decision,
      speaker: s.speaker,
      role: s.role,
      score: s.score,
      decidedAt: new Date().toISOString(),
    };
    await keepDecision(record);
  };

  const accept = async (s: Ranked) => {
    try {
      const { claim } = await createClaim(store, { text: s.text, type: guessClaimType(s) }, { documentId: s.documentId, start: s.start, end: s.end });
      await decide(s, 'accept');
      selectClaim(claim.id);
      notify(`Claim created: “${claim.text.slice(0, 60)}${claim.text.length > 60 ? '…' : ''}”`);
    } catch (e) {
      notify(e instanceof Error ? e.message : String(e), 'error');
    }
  };

  const restore = async (s: Ranked) => {
    await forgetDecision(s.documentId, s.version, s);
    if (s.documentId === document.id && legacyKey && legacyDismissed.has(spanKey(s))) {
      await db.settings.put({ key: legacyKey, value: [...legacyDismissed].filter((k) => k !== spanKey(s)) });
    }
  };

  const exportDecisions = async () => {
    const all = await allDecisions();
    if (all.length === 0) {
      notify('No accept or dismiss decisions to export yet.');
      return;
    }
    try {
      const saved = await saveFile('claimdesk-triage-decisions.json', new TextEncoder().encode(decisionsExport(all)), 'application/json');
      if (saved) notify(`Exported ${all.length} triage decisions as labelled data.`);
    } catch (e) {
      notify(e instanceof Error ? e.message : String(e), 'error');
    }
  };

  return (
    <section className="triage" aria-labelledby="triage-heading">
      <div className="triage-head">
        <h3 id="triage-heading">Check-worthiness triage</h3>
        <label>
          Scope{' '}
          <select value={scope} onChange={(e) => setScope(e.target.value as Scope)}>
            <option value="document">this document</option>
            <option value="debate">the whole debate</option>
            <option value="chosen">chosen debates</option>
            <option value="all">every debate</option>
          </select>
        </label>
        <button type="button" className="primary" onClick={() => void score()} disabled={busy}>
          {busy ? 'Scoring…' : scored ? 'Score again' : 'Score sentences'}
        </button>
        <button type="button" onClick={() => void exportDecisions()}>
          Export decisions
        </button>
      </div>
      {scope === 'chosen' && (
        <DebateChecklist legend="Debates to triage" className="triage-debates" debates={debates ?? []} chosen={chosen} onChange={setChosen} />
      )}
      {scored && (
        <div className="triage-filters">
          <label>
            Speaker{' '}
            <select value={speaker} onChange={(e) => setSpeaker(e.target.value)}>
              <option value="">All speakers</option>
              {speakers.map(([key, name]) => (
                <option key={key} value={key}>
                  {name}
                </option>
              ))}
            </select>
          </label>
          <label>
            Minimum score{' '}
            <input type="range" min={0} max={0.95} step={0.05} value={threshold} onChange={(e) => setThreshold(Number(e.target.value))} />{' '}
            <span aria-hidden="true">{threshold.toFixed(2)}</span>
          </label>
          <label className="small">
            <input type="checkbox" checked={showDismissed} onChange={(e) => setShowDismissed(e.target.checked)} /> Show dismissed ({dismissedCount})
          </label>
        </div>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <p role="status" className="small muted">
        {scored
          ? `${ranked.length} sentences scored${several ? ` in ${scored.versions.size} documents` : ''}, ${acceptedCount > 0 ? `${acceptedCount} accepted, ` : ''}${dismissedCount} dismissed.${
              filtered.length !== ranked.length ? ` ${filtered.length} match the filters.` : ''
            }${anyStale ? ' The text has changed since: score again.' : ''}`
          : busy
            ? 'Scoring…'
            : 'Scores every sentence on this device with the trained check-worthiness model, and says why.'}
      </p>
      {scored && (
        <ol className="triage-list" aria-label="Sentences by check-worthiness">
          {visible.slice(0, shown).map((s) => (
            <TriageSentenceRow
              key={`${s.documentId}:${spanKey(s)}`}
              sentence={s}
              state={states.get(s)!}
              stale={staleOf(s)}
              {...(several ? { documentTitle: scored.titles.get(s.documentId) ?? '' } : {})}
              onAccept={() => void accept(s)}
              onDismiss={() => void decide(s, 'dismiss')}
              onRestore={() => void restore(s)}
              onOpenClaim={(id) => selectClaim(id)}
              onShow={() => revealSpan({ documentId: s.documentId, debateId: s.debateId, start: s.start, end: s.end })}
            >
              <SentenceQuantities text={s.text} date={debateDates.get(s.debateId)} />
            </TriageSentenceRow>
          ))}
        </ol>
      )}
      {scored && visible.length > shown && (
        <button type="button" onClick={() => setShown((n) => n + PAGE)}>
          Show {Math.min(PAGE, visible.length - shown)} more
        </button>
      )}
    </section>
  );
}
