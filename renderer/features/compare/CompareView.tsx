import { useEffect, useMemo } from 'react';
import { buildComparison, MAX_SPEAKERS, MIN_SPEAKERS, NO_TOPIC_ID, type Comparison, type ComparisonCell, type ComparisonFlag, type ComparisonRow } from '../../../shared/compare/buildComparison.js';
import { compareCsv } from '../../../shared/compare/compareCsv.js';
import { CLAIM_STATUSES, CLAIM_TYPES } from '../../../shared/model.js';
import { useUiStore } from '../../state/uiStore.js';
import { StanceDialog } from '../stances/StanceDialog.js';
import { TopicsDialog } from '../topics/TopicsDialog.js';
import { selectActiveFilterCount, selectComparisonOptions, useCompareStore } from './compareStore.js';
import { SideBySide } from './SideBySide.js';
import { useCompareData, type CompareData } from './useCompareInput.js';
import { restoreCompareChoices } from './compareChoices.js';

const ROLE_ORDER = { candidate: 0, panelist: 1, audience: 2, moderator: 3 } as const;

/**
 * The speakers the debates in scope suggest: their participants, candidates first, moderators only if there is
 * nobody else. With no debate in scope, the debate open in the library.
 */
export function suggestedSpeakers(data: Pick<CompareData, 'participants'>, debateIds: readonly string[], openDebateId: string | undefined): string[] {
  const scope = new Set(debateIds.length > 0 ? debateIds : openDebateId ? [openDebateId] : []);
  const picked = data.participants.filter((p) => scope.has(p.debateId)).sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role]);
  const speakers = picked.filter((p) => p.role !== 'moderator');
  return [...new Set((speakers.length >= MIN_SPEAKERS ? speakers : picked).map((p) => p.personId))].slice(0, MAX_SPEAKERS);
}
import { SpeakerCharts, VerdictBar } from './VerdictCharts.js';
import { BlindReviewSection } from '../blindReview/BlindReviewSection.js';
import './compare.css';

/** Offers the CSV as a download; the window has no file system, so the browser's download does the saving. */
function downloadCsv(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Candidates side by side: topics as rows, speakers as columns, each cell a stance, its quotes and the verdicts. */
export function CompareView() {
  const data = useCompareData();
  const state = useCompareStore();
  const options = selectComparisonOptions(state);
  // The options object is new on every render; its JSON says whether anything the comparison reads changed.
  const optionsKey = JSON.stringify(options);
  const comparison = useMemo(() => (data && options ? buildComparison(data.input, options) : undefined), [data, optionsKey]); // options is covered by optionsKey
  const openDebateId = useUiStore((s) => s.selectedDebateId);
  // The last choices come back (per project); until speakers are picked by hand, they follow the debates in scope.
  useEffect(() => void restoreCompareChoices(), []);
  const suggestion = data ? suggestedSpeakers(data, state.debateIds, openDebateId).join(' ') : '';
  useEffect(() => {
    if (state.speakersAuto && suggestion) useCompareStore.getState().suggestSpeakers(suggestion.split(' '));
  }, [suggestion, state.speakersAuto]);

  if (!data) return <p className="muted">Loading the library…</p>;
  return (
    <section className="compare" aria-labelledby="compare-heading">
      <header className="compare-head">
        <h2 id="compare-heading">Compare candidates</h2>
        <div className="header-actions">
          <button type="button" onClick={state.openTopics}>
            Topics…
          </button>
          <button
            type="button"
            disabled={data.documents.length === 0}
            onClick={() => state.openReading({ kind: 'documents', documentIds: [data.documents[0]?.id ?? '', data.documents[1]?.id ?? data.documents[0]?.id ?? ''] })}
          >
            Two documents side by side…
          </button>
          <button type="button" disabled={!comparison} onClick={() => comparison && downloadCsv(compareCsv(comparison), 'claimdesk-comparison.csv')}>
            Export CSV
          </button>
        </div>
      </header>
      <Pickers data={data} />
      {!options ? (
        <p className="muted" role="note">
          Pick {MIN_SPEAKERS} to {MAX_SPEAKERS} speakers to compare.
        </p>
      ) : comparison ? (
        <ComparisonTable data={data} comparison={comparison} />
      ) : null}
      <BlindReviewSection data={data} />
      {state.topicsOpen && <TopicsDialog />}
      {state.stanceTarget && <StanceDialog personId={state.stanceTarget.personId} topicId={state.stanceTarget.topicId} />}
      {state.reading && <SideBySide target={state.reading} />}
    </section>
  );
}

function Pickers(props: { data: CompareData }) {
  const { data } = props;
  const state = useCompareStore();
  const active = selectActiveFilterCount(state);
  return (
    <div className="compare-pickers">
      <fieldset>
        <legend>Speakers ({state.speakerIds.length} of at most {MAX_SPEAKERS})</legend>
        {data.people.length === 0 && <p className="muted small">No people in the library yet.</p>}
        {data.people.map((person) => {
          const checked = state.speakerIds.includes(person.id);
          return (
            <label key={person.id} className="check">
              <input type="checkbox" checked={checked} disabled={!checked && state.speakerIds.length >= MAX_SPEAKERS} onChange={() => state.toggleSpeaker(person.id)} />
              <span className="swatch" style={{ background: person.color ?? '#888' }} aria-hidden="true" />
              {person.name}
            </label>
          );
        })}
      </fieldset>
      <fieldset>
        <legend>Scope</legend>
        {data.debates.map((debate) => (
          <label key={debate.id} className="check">
            <input type="checkbox" checked={state.debateIds.includes(debate.id)} onChange={() => state.toggleDebate(debate.id)} />
            {debate.title}
            {debate.date ? <span className="muted small"> · {debate.date}</span> : null}
          </label>
        ))}
        <p className="muted small">No debate ticked means every debate.</p>
        <label>
          From <input type="date" value={state.from} onChange={(e) => state.setDateRange(e.target.value, state.to)} />
        </label>{' '}
        <label>
          To <input type="date" value={state.to} onChange={(e) => state.setDateRange(state.from, e.target.value)} />
        </label>
      </fieldset>
      <fieldset>
        <legend>Filters</legend>
        <div className="filter-group" role="group" aria-label="Claim type">
          <span className="muted small">Type:</span>
          {CLAIM_TYPES.map((type) => (
            <label key={type} className="check">
              <input type="checkbox" checked={state.types.includes(type)} onChange={() => state.toggleType(type)} />
              {type}
            </label>
          ))}
        </div>
        <div className="filter-group" role="group" aria-label="Claim status">
          <span className="muted small">Status:</span>
          {CLAIM_STATUSES.map((status) => (
            <label key={status} className="check">
              <input type="checkbox" checked={state.statuses.includes(status)} onChange={() => state.toggleStatus(status)} />
              {status}
            </label>
          ))}
        </div>
        <div className="filter-group" role="group" aria-label="Topic">
          <span className="muted small">Topic:</span>
          {data.input.topics.length === 0 && <span className="muted small">no topics yet</span>}
          {[...data.input.topics]
            .sort((a, b) => a.name.localeCompare(b.name))
            .map((topic) => (
              <label key={topic.id} className="check">
                <input type="checkbox" checked={state.topicIds.includes(topic.id)} onChange={() => state.toggleTopicFilter(topic.id)} />
                {topic.name}
              </label>
            ))}
        </div>
        <label>
          Minimum checked{' '}
          <input type="number" min={0} max={99} value={state.minChecked} onChange={(e) => state.setMinChecked(e.target.valueAsNumber)} className="narrow" />
        </label>{' '}
        <label className="check">
          <input type="checkbox" checked={state.includeSubtopics} onChange={(e) => state.setIncludeSubtopics(e.target.checked)} />
          Count subtopics in their parent rows
        </label>{' '}
        <label className="check">
          <input type="checkbox" checked={state.hideEmptyRows} onChange={(e) => state.setHideEmptyRows(e.target.checked)} />
          Hide empty rows
        </label>{' '}
        <button type="button" disabled={active === 0} onClick={state.clearFilters}>
          Clear scope and filters
        </button>
      </fieldset>
    </div>
  );
}

function ComparisonTable(props: { data: CompareData; comparison: Comparison }) {
  const { comparison } = props;
  const hideEmpty = useCompareStore((s) => s.hideEmptyRows);
  const rows = hideEmpty ? comparison.rows.filter((r) => !r.empty) : comparison.rows;
  const names = new Map(comparison.speakers.map((s) => [s.personId, s.name]));
  return (
    <>
      <div className="compare-table-wrap">
        <table className="table compare-table" aria-label="Comparison">
          <thead>
            <tr>
              <th scope="col">Topic</th>
              {comparison.speakers.map((s) => (
                <th scope="col" key={s.personId}>
                  <span className="swatch" style={{ background: s.color ?? '#888' }} aria-hidden="true" />
                  {s.name}
                  {s.party ? <span className="muted small"> · {s.party}</span> : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && (
              <tr>
                <td colSpan={comparison.speakers.length + 1} className="muted">
                  No claims or stances of these speakers in this scope. Untick “Hide empty rows” to see every topic.
                </td>
              </tr>
            )}
            {rows.map((row) => (
              <Row key={row.topic.id} row={row} comparison={comparison} names={names} data={props.data} />
            ))}
          </tbody>
        </table>
      </div>
      {comparison.flags.length > 0 && (
        <section aria-labelledby="compare-flags" className="compare-flags">
          <h3 id="compare-flags">Flags</h3>
          <ul>
            {comparison.flags.map((f) => (
              <li key={`${f.kind}-${f.personId}-${f.topicId}-${f.ids.join()}`}>
                <FlagText flag={f} name={names.get(f.personId)} />
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="compare-totals" className="compare-totals">
        <h3 id="compare-totals">Verdicts per speaker</h3>
        <p className="muted small">Shares are of checked claims. The common scale puts every rating between 0 (false) and 1 (true), so speakers rated on different scales compare.</p>
        <div className="speaker-totals-grid">
          {comparison.speakers.map((s) => (
            <SpeakerCharts key={s.personId} speaker={s} minChecked={comparison.minChecked} />
          ))}
        </div>
      </section>
    </>
  );
}

function FlagText(props: { flag: ComparisonFlag; name: string | undefined }) {
  const kind = props.flag.kind === 'stance-change' ? 'Stance changed' : 'Contradiction';
  return (
    <span className={`flag flag-${props.flag.kind}`}>
      <strong>
        {kind}
        {props.name ? ` (${props.name})` : ''}:
      </strong>{' '}
      {props.flag.detail}
    </span>
  );
}

function Row(props: { row: ComparisonRow; comparison: Comparison; names: Map<string, string>; data: CompareData }) {
  const { row, comparison } = props;
  const openReading = useCompareStore((s) => s.openReading);
  const withClaims = row.cells.filter((c) => c.keyQuotes.length > 0);
  return (
    <tr>
      <th scope="row" className="topic-cell" style={{ paddingLeft: `${0.5 + row.depth * 1.1}rem` }}>
        <span title={row.path}>{row.topic.name}</span>
        {withClaims.length >= 2 && row.topic.id !== NO_TOPIC_ID && (
          <button
            type="button"
            className="link-button small"
            aria-label={`Read side by side on ${row.topic.name}`}
            onClick={() => openReading({ kind: 'speakers', topicId: row.topic.id, personIds: [withClaims[0]!.personId, withClaims[1]!.personId] })}
          >
            Read side by side
          </button>
        )}
      </th>
      {row.cells.map((cell) => (
        <Cell
          key={cell.personId}
          cell={cell}
          row={row}
          name={props.names.get(cell.personId) ?? ''}
          minChecked={comparison.minChecked}
          flags={comparison.flags.filter((f) => f.personId === cell.personId && f.topicId === row.topic.id)}
          data={props.data}
        />
      ))}
    </tr>
  );
}

function Cell(props: { cell: ComparisonCell; row: ComparisonRow; name: string; minChecked: number; flags: ComparisonFlag[]; data: CompareData }) {
  const { cell, row, name } = props;
  const revealSpan = useUiStore((s) => s.revealSpan);
  const selectClaim = useUiStore((s) => s.selectClaim);
  const openStance = useCompareStore((s) => s.openStance);
  const debateOf = (documentId: string) => props.data.documents.find((d) => d.id === documentId)?.debateId;
  return (
    <td className="compare-cell" aria-label={`${name} on ${row.topic.name}`}>
      {cell.stance ? (
        <p className="stance">
          <strong>{cell.stance.label}</strong>
          {cell.stance.date ? <span className="muted small"> · {cell.stance.date}</span> : null}
        </p>
      ) : (
        <p className="muted small">No stance recorded.</p>
      )}
      {cell.keyQuotes.length > 0 && (
        <ul className="key-quotes" aria-label={`Quotes of ${name} on ${row.topic.name}`}>
          {cell.keyQuotes.map((q) => (
            <li key={q.appearanceId}>
              <button
                type="button"
                className="quote-link"
                title="Open the document at this quote"
                onClick={() => {
                  const debateId = debateOf(q.documentId);
                  if (!debateId) return;
                  revealSpan({ documentId: q.documentId, debateId, start: q.start, end: q.end });
                  // The claim behind the quote opens in the side panel, where its verdict is given.
                  selectClaim(q.claimId);
                }}
              >
                “{q.quote}”
              </button>
            </li>
          ))}
        </ul>
      )}
      {cell.claimCount > 0 && <VerdictBar buckets={cell.byVerdict} label={`Claims of ${name} on ${row.topic.name} by verdict`} />}
      <p className="small checked-count">
        {cell.checked} of {cell.claimCount} checked
      </p>
      {cell.claimCount > 0 && cell.tooFewChecked && (
        <p className="compare-warning small">
          <span aria-hidden="true">⚠ </span>Too few checked for a fair comparison (minimum {props.minChecked})
        </p>
      )}
      {props.flags.map((f) => (
        <p key={`${f.kind}-${f.ids.join()}`} className="small">
          <FlagText flag={f} name={undefined} />
        </p>
      ))}
      {row.topic.id !== NO_TOPIC_ID && (
        <button type="button" className="small" aria-label={`Set stance of ${name} on ${row.topic.name}`} onClick={() => openStance({ personId: cell.personId, topicId: row.topic.id })}>
          Set stance…
        </button>
      )}
    </td>
  );
}
