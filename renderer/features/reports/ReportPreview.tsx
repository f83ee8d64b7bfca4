import { HowWeChecked } from '../tableChecks/HowWeChecked.js';
import type { BreakdownColumn, BreakdownRow, ReportClaim, ReportModel, ReportSection } from '../../../shared/exports/reportModel.js';
import { safeColor, safeHttpUrl } from '../../../shared/exports/reportModel.js';
import { formatKappa } from '../../../shared/verdicts/agreement.js';

/**
 * The live preview: the same ReportModel the HTML, Markdown and DOCX exports draw, drawn by React (text only, never
 * markup, so nothing in the library can run here). It follows shared/exports/reportHtml.ts section by section.
 */
export function ReportPreview(props: { report: ReportModel }) {
  const r = props.report;
  const url = safeHttpUrl(r.organisation.url);
  // Focusable, so the keyboard can scroll the preview (it scrolls on its own).
  return (
    <article className="report-doc" aria-label="Report preview" tabIndex={0}>
      <header>
        <h1>{r.title}</h1>
        <p className="byline">
          {url ? (
            <a href={url} rel="noopener noreferrer">
              {r.organisation.name}
            </a>
          ) : (
            r.organisation.name
          )}{' '}
          · {r.generatedAt.slice(0, 10)}
        </p>
      </header>
      {r.sections.map((s) => (
        <Section key={s} section={s} report={r} />
      ))}
    </article>
  );
}

function Section(props: { section: ReportSection; report: ReportModel }) {
  const r = props.report;
  switch (props.section) {
    case 'summary':
      return (
        <section>
          <h2>Summary</h2>
          <p>
            {r.summary.claimCount} claims by {r.summary.speakerCount} speakers in {r.summary.documentCount} documents, with {r.summary.evidenceCount} pieces of
            evidence.
          </p>
          <p className="meta">{Object.entries(r.summary.byStatus).map(([status, n]) => `${status}: ${n}`).join(' · ')}</p>
          <ul>
            {r.summary.documents.map((d) => (
              <li key={d.id}>
                {d.title}
                {d.debateTitle ? ` — ${d.debateTitle}` : ''}
                {d.date ? ` (${d.date})` : ''}
              </li>
            ))}
          </ul>
          <Agreement report={r} />
        </section>
      );
    case 'verdict-breakdown':
      return <Breakdown report={r} />;
    case 'comparison':
      return <Comparison report={r} />;
    case 'excerpts':
      return (
        <section>
          <h2>Annotated excerpts</h2>
          {r.excerpts.length === 0 && <p>No claims are anchored in the selected documents.</p>}
          {r.excerpts.map((doc) => (
            <div key={doc.documentId}>
              <h3>{doc.documentTitle}</h3>
              {(doc.debateTitle || doc.date) && <p className="meta">{[doc.debateTitle, doc.date].filter(Boolean).join(' · ')}</p>}
              {doc.passages.map((p, i) => (
                <div className="passage" key={i}>
                  {p.speaker && <span className="speaker">{p.speaker}</span>}
                  {p.segments.map((s, j) =>
                    s.claimNumber === undefined ? (
                      <span key={j}>{s.text}</span>
                    ) : (
                      <mark key={j}>
                        <sup>{s.claimNumber}</sup>
                        {s.text}
                      </mark>
                    ),
                  )}
                </div>
              ))}
            </div>
          ))}
        </section>
      );
    case 'claim-cards':
      return (
        <section>
          <h2>Claims</h2>
          {r.claims.length === 0 && <p>No claims match.</p>}
          {r.claims.map((c) => (
            <ClaimCard key={c.id} claim={c} />
          ))}
        </section>
      );
    case 'bibliography':
      return (
        <section>
          <h2>Sources</h2>
          <p className="meta">{r.citationStyle === 'apa' ? 'APA' : 'Chicago author-date'}</p>
          <ol>
            {r.bibliography.map((b) => (
              <li key={b.sourceId}>{b.text}</li>
            ))}
          </ol>
        </section>
      );
  }
}

function Bar(props: { row: BreakdownRow; columns: BreakdownColumn[] }) {
  const used = props.columns.filter((c) => (props.row.counts[c.key] ?? 0) > 0);
  let x = 0;
  return (
    <svg width="320" height="16" viewBox="0 0 320 16" role="img" aria-label={used.map((c) => `${c.label}: ${props.row.counts[c.key]}`).join(', ')}>
      {used.map((c) => {
        const w = ((props.row.counts[c.key] ?? 0) / props.row.total) * 320;
        const rect = <rect key={c.key} x={x} y={0} width={w} height={16} fill={safeColor(c.color)} />;
        x += w;
        return rect;
      })}
    </svg>
  );
}

function Breakdown(props: { report: ReportModel }) {
  const { columns, rows } = props.report.verdictBreakdown;
  return (
    <section>
      <h2>Verdicts by speaker</h2>
      <p className="legend">
        {columns.map((c) => (
          <span key={c.key}>
            <i className="swatch" style={{ background: safeColor(c.color) }} />
            {c.label}
          </span>
        ))}
      </p>
      {rows.map((row) => (
        <div className="bar-row" key={row.speaker?.id ?? ''}>
          <span className="who">
            {row.speaker?.name ?? 'No claimant'} ({row.total})
          </span>
          <Bar row={row} columns={columns} />
        </div>
      ))}
    </section>
  );
}

function Comparison(props: { report: ReportModel }) {
  const { topics, rows } = props.report.comparison;
  if (rows.length === 0 || topics.length === 0)
    return (
      <section>
        <h2>Comparison</h2>
        <p>No claims by named speakers.</p>
      </section>
    );
  return (
    <section>
      <h2>Comparison by topic</h2>
      <table>
        <thead>
          <tr>
            <th>Speaker</th>
            {topics.map((t) => (
              <th key={t.id}>{t.name}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.speaker.id}>
              <th>{row.speaker.name}</th>
              {row.cells.map((cell) => (
                <td key={cell.topicId}>
                  {cell.claimNumbers.length === 0 ? '—' : cell.claimNumbers.map((n) => `#${n}`).join(', ')}
                  {cell.verdictLabels.length > 0 && <span className="meta"> {cell.verdictLabels.join('; ')}</span>}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function ClaimCard(props: { claim: ReportClaim }) {
  const c = props.claim;
  const meta = [c.claimant ? `${c.claimant.name}${c.claimant.party ? ` (${c.claimant.party})` : ''}` : 'No claimant', c.date, c.type, c.status, c.topics.join(', ')]
    .filter(Boolean)
    .join(' · ');
  const v = c.verdict;
  return (
    <div className="claim-card">
      <h3>
        #{c.number}. {c.text}
      </h3>
      <p className="meta">{meta}</p>
      {c.quote && (
        <blockquote>
          {c.quote.speaker && <span className="speaker">{c.quote.speaker}: </span>}
          <span className="context">{c.quote.before}</span>
          <mark>{c.quote.exact}</mark>
          <span className="context">{c.quote.after}</span>
          <br />
          <span className="meta">{c.quote.documentTitle}</span>
        </blockquote>
      )}
      {v ? (
        <>
          <p>
            <span className="verdict" style={{ background: safeColor(v.color, '#555555') }}>
              {v.label}
            </span>
            {v.scaleName && <span className="meta"> {v.scaleName}</span>}
          </p>
          {v.conclusion && v.conclusion !== v.label && (
            <p>
              <strong>{v.conclusion}</strong>
            </p>
          )}
          <p>{v.reasoning}</p>
          <p className="meta">
            Verdict by {v.author}, {v.date}
          </p>
        </>
      ) : (
        <p className="meta">No verdict yet.</p>
      )}
      <HowWeChecked claim={c} />
      {c.evidence.length > 0 && (
        <>
          <h4>Evidence</h4>
          <ol>
            {c.evidence.map((ev, i) => (
              <li key={i}>
                <em>{ev.relation}</em>: {ev.sourceTitle}
                {ev.locator ? ` — ${ev.locator}` : ''}
                {ev.excerpt && <> “{ev.excerpt}”</>}
                <br />
                <span className="meta">{ev.citation}</span>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}

/** Blind second review: Cohen's κ per debate and the disagreements, as the exported report's summary has them. */
function Agreement(props: { report: ReportModel }) {
  const rows = props.report.agreement ?? [];
  if (rows.length === 0) return null;
  return (
    <>
      <h3>Blind second review</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">Debate</th>
            <th scope="col">Rated by both</th>
            <th scope="col">Cohen’s κ</th>
            <th scope="col">Waiting for the reviewer</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((a) => (
            <tr key={a.debateId}>
              <td>{a.debateTitle}</td>
              <td>{a.kappa.n}</td>
              <td>{formatKappa(a.kappa)}</td>
              <td>{a.waitingForReviewer}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows
        .filter((a) => a.disagreements.length > 0)
        .map((a) => (
          <div key={a.debateId}>
            <h4>Disagreements in {a.debateTitle}</h4>
            <ul>
              {a.disagreements.map((d) => (
                <li key={d.claimId}>
                  {d.claimText}: {d.firstAuthor} {d.firstLabel}; {d.reviewer} (blind) {d.secondLabel}
                </li>
              ))}
            </ul>
          </div>
        ))}
    </>
  );
}
