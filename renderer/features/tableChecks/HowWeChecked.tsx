import type { ReportClaim } from '../../../shared/exports/reportModel.js';

/** A claim card's "How we checked" in the report preview, drawn from the same model as the HTML export. */
export function HowWeChecked(props: { claim: ReportClaim }) {
  const { checks } = props.claim;
  if (checks.length === 0) return null;
  return (
    <section className="how-we-checked" aria-label="How we checked">
      <h4>How we checked</h4>
      <ol>
        {checks.map((c, i) => (
          <li key={i}>
            <p>{c.sentence}</p>
            {c.claimed && (
              <p>
                Claimed {c.claimed}. {c.outcome}
              </p>
            )}
            <p className="meta">
              Table: {c.table}
              {c.edition ? `, ${c.edition}` : ''}; file {c.fileName} (SHA-256 {c.fileHash}); computation: {c.computation}; result: {c.result}.
            </p>
            {c.editions.length > 0 && (
              <p className="meta">
                {c.editionsDiffer ? 'Other editions give a different answer' : 'Other editions give the same answer'}: {c.editions.map((ed) => `${ed.result} in ${ed.edition}`).join('; ')}.
              </p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
