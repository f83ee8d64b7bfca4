import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, Suspense, useState } from 'react';
import type { Claim, EvidenceLink, Source } from '../../../shared/model.js';
import { computedFor } from '../../../shared/tableChecks/compareClaim.js';
import { formatNumber, resultFigure } from '../../../shared/tableChecks/describeComputation.js';
import { reproduceRun, tableChangedSince, type Reproduction } from '../../../shared/tableChecks/reproduceRun.js';
import { compareRun, primaryRun } from '../../../shared/tableChecks/suggestVerdict.js';
import { request } from '../../api/api.js';
import { db } from '../../db/database.js';
import { sourceTitle } from '../sources/sourceFilters.js';
import { ClaimedVsComputed } from './ClaimedVsComputed.js';
import { SuggestedVerdict } from './SuggestedVerdict.js';
import './tableChecks.css';

// The two dialogs read PDF tables, and the PDF reader is a large part of the window's code: they load when opened.
const TableCheckDialog = lazy(() => import('./TableCheckDialog.js').then((m) => ({ default: m.TableCheckDialog })));
const RerunEditionDialog = lazy(() => import('./RerunEditionDialog.js').then((m) => ({ default: m.RerunEditionDialog })));

/** The claim's table checks ("How we checked"): each computation's sentence, claimed against computed, every edition it ran on. */
export function ClaimChecks(props: { claim: Claim }) {
  const { claim } = props;
  const data = useLiveQuery(async () => {
    const links = (await db.evidence.where('claimId').equals(claim.id).toArray()).filter((l) => l.check).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    const sources = await db.sources.bulkGet(links.map((l) => l.sourceId));
    return links.map((link, i) => ({ link, source: sources[i] }));
  }, [claim.id]);
  const [checking, setChecking] = useState(false);
  const [rerun, setRerun] = useState<Source>();
  if (!data) return null;
  const latest = data[data.length - 1]?.link;

  return (
    <section aria-labelledby={`checks-${claim.id}`} className="claim-subsection claim-checks">
      <div className="section-head">
        <h4 id={`checks-${claim.id}`}>How we checked</h4>
        <button type="button" onClick={() => setChecking(true)}>
          Check against table…
        </button>
      </div>
      {data.length === 0 && <p className="muted small">Not checked against a table yet.</p>}
      <ol className="check-list" aria-label="Table checks">
        {data.map(({ link, source }) => (
          <CheckItem key={link.id} link={link} source={source} onRerun={source ? () => setRerun(source) : undefined} />
        ))}
      </ol>
      {latest && <SuggestedVerdict claim={claim} link={latest} />}
      <Suspense fallback={<p className="muted small" role="status">Opening…</p>}>
        {checking && <TableCheckDialog claim={claim} onClose={() => setChecking(false)} />}
        {rerun && <RerunEditionDialog source={rerun} onClose={() => setRerun(undefined)} />}
      </Suspense>
    </section>
  );
}

function CheckItem(props: { link: EvidenceLink; source: Source | undefined; onRerun: (() => void) | undefined }) {
  const check = props.link.check!;
  const run = primaryRun(check);
  const comparison = compareRun(check, run);
  const runs = check.runs;
  const figures = runs.filter((r) => r.result).map((r) => (check.claimed ? computedFor(check.claimed, check.computation.operation, r.result!) : r.result!.value));
  const changed = new Set(figures.map((f) => formatNumber(f))).size > 1;
  const [reproduction, setReproduction] = useState<Reproduction>();
  const [reproducing, setReproducing] = useState(false);
  const tableChanged = run && props.source ? tableChangedSince(run, props.source.attachments) : undefined;

  // Runs the stored computation again on the very bytes its run names (from the vault), and says what came of it.
  async function reproduce() {
    if (!run) return;
    setReproducing(true);
    setReproduction(undefined);
    try {
      const table = await request('sourcesReadTable', { hash: run.fileHash, fileName: run.fileName });
      setReproduction(reproduceRun(check.computation, run, table));
    } catch (error) {
      setReproduction({ outcome: 'failed', sentence: error instanceof Error ? error.message : String(error) });
    } finally {
      setReproducing(false);
    }
  }

  return (
    <li aria-label={run?.sentence ?? 'Table check'}>
      <p className="result-sentence">{run?.sentence ?? runs[0]?.sentence}</p>
      {check.claimed && comparison && <ClaimedVsComputed claimedText={check.claimed.text} comparison={comparison} computedLabel={run?.result ? resultFigure(check.computation, run.result) : undefined} />}
      {runs.length > 1 && (
        <div className={changed ? 'editions changed' : 'editions'}>
          <p className="small">
            <strong>{changed ? 'The answer changed between editions:' : 'Every edition gives the same answer:'}</strong>
          </p>
          <ul aria-label="Editions">
            {runs.map((r) => (
              <li key={`${r.fileHash}:${r.at}`}>
                {r.result ? <strong>{resultFigure(check.computation, r.result)}</strong> : <em>no answer</em>} — {r.edition ?? r.fileName}
                {r === runs[0] ? ' (checked on)' : ''}
                {r.error ? <span className="muted"> — {r.error}</span> : null}
                <span className="muted small"> · file {r.fileName}, sha256 {r.fileHash.slice(0, 12)}…</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {runs.length === 1 && run && <p className="muted small">Computed on {run.fileName} (sha256 {run.fileHash.slice(0, 12)}…){props.source ? ` from ${sourceTitle(props.source)}` : ''}.</p>}
      {tableChanged && (
        <p role="note" className="small table-changed">
          {tableChanged}
        </p>
      )}
      <div className="row-actions">
        {run && (
          <button type="button" onClick={() => void reproduce()} disabled={reproducing}>
            Re-run this check
          </button>
        )}
        {props.onRerun && (
          <button type="button" onClick={props.onRerun}>
            Re-run on another edition…
          </button>
        )}
      </div>
      <p role="status" className={reproduction && reproduction.outcome !== 'reproduced' ? 'small error' : 'small'}>
        {reproducing ? 'Running the check again on its own file…' : (reproduction?.sentence ?? '')}
      </p>
    </li>
  );
}
