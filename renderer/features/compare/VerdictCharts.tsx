import type { SpeakerTotals, VerdictBucket } from '../../../shared/compare/buildComparison.js';
import { count } from '../../format/format.js';

const percent = (share: number): string => `${Math.round(share * 100)}%`;

/** "2 True, 1 No verdict": the words a screen reader hears for a bar, and the bar's tooltip. */
export function describeBuckets(buckets: readonly VerdictBucket[]): string {
  if (buckets.length === 0) return 'no claims';
  return buckets.map((b) => `${b.count} ${b.scaleName && b.value !== undefined ? `${b.label} (${b.scaleName})` : b.label}`).join(', ');
}

/** A small stacked bar of claims by verdict, one segment per bucket, widths by count. */
export function VerdictBar(props: { buckets: readonly VerdictBucket[]; label: string; width?: number }) {
  const width = props.width ?? 160;
  const total = props.buckets.reduce((n, b) => n + b.count, 0);
  const text = `${props.label}: ${describeBuckets(props.buckets)}`;
  let x = 0;
  return (
    <svg className="verdict-bar" role="img" aria-label={text} width={width} height={12} viewBox={`0 0 ${width} 12`}>
      <title>{text}</title>
      {total === 0 ? (
        <rect x={0} y={0} width={width} height={12} fill="#f1f5f9" stroke="#cbd5e1" />
      ) : (
        props.buckets.map((b) => {
          const w = (b.count / total) * width;
          const rect = <rect key={b.key} x={x} y={0} width={w} height={12} fill={b.color} />;
          x += w;
          return rect;
        })
      )}
    </svg>
  );
}

/**
 * One speaker's verdicts: the checked claims by verdict (counts and shares), then the rated ones on the common
 * five-bin scale, which is what makes speakers rated under different scales comparable. The numbers are also in a
 * table, the charts' text alternative.
 */
export function SpeakerCharts(props: { speaker: SpeakerTotals; minChecked: number }) {
  const { speaker } = props;
  const headingId = `speaker-totals-${speaker.personId}`;
  const maxBin = Math.max(1, ...speaker.distribution.map((b) => b.count));
  const distText = speaker.distribution.map((b) => `${b.label} ${b.count} (${percent(b.share)})`).join(', ');
  return (
    <section className="speaker-totals" aria-labelledby={headingId}>
      <h4 id={headingId}>
        <span className="swatch" style={{ background: speaker.color ?? '#888' }} aria-hidden="true" />
        {speaker.name}
        {speaker.party ? <span className="muted small"> · {speaker.party}</span> : null}
      </h4>
      <p className="small">
        {speaker.checked} of {count(speaker.claimCount, 'claim')} checked
        {speaker.tooFewChecked && <span className="compare-warning"> · too few checked for a fair comparison (minimum {props.minChecked})</span>}
      </p>
      <VerdictBar buckets={speaker.byVerdict} label={`Checked claims of ${speaker.name} by verdict`} width={220} />
      <svg className="distribution" role="img" aria-label={`${speaker.name} on the common scale: ${distText}`} width={220} height={70} viewBox="0 0 220 70">
        <title>{`${speaker.name} on the common scale: ${distText}`}</title>
        {speaker.distribution.map((b) => {
          const h = (b.count / maxBin) * 50;
          return (
            <g key={b.bin}>
              <rect x={b.bin * 44 + 4} y={52 - h} width={36} height={h} fill={['#b2182b', '#ef8a62', '#9e9e9e', '#67a9cf', '#2166ac'][b.bin]} />
              <text x={b.bin * 44 + 22} y={66} fontSize={9} textAnchor="middle">
                {b.label}
              </text>
            </g>
          );
        })}
      </svg>
      <table className="table compact" aria-label={`Verdicts of ${speaker.name}`}>
        <thead>
          <tr>
            <th scope="col">Verdict</th>
            <th scope="col">Claims</th>
            <th scope="col">Share of checked</th>
          </tr>
        </thead>
        <tbody>
          {speaker.byVerdict.map((b) => (
            <tr key={b.key}>
              <th scope="row">{b.scaleName && b.value !== undefined ? `${b.label} (${b.scaleName})` : b.label}</th>
              <td>{b.count}</td>
              <td>{percent(b.share)}</td>
            </tr>
          ))}
          {speaker.byVerdict.length === 0 && (
            <tr>
              <td colSpan={3} className="muted">
                No checked claims yet.
              </td>
            </tr>
          )}
        </tbody>
      </table>
      <table className="table compact" aria-label={`${speaker.name} on the common scale`}>
        <thead>
          <tr>
            <th scope="col">Common scale</th>
            <th scope="col">Rated claims</th>
            <th scope="col">Share of rated</th>
          </tr>
        </thead>
        <tbody>
          {speaker.distribution.map((b) => (
            <tr key={b.bin}>
              <th scope="row">{b.label}</th>
              <td>{b.count}</td>
              <td>{percent(b.share)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {speaker.meanCommonValue !== undefined && <p className="small">Mean on the common scale (0 false … 1 true): {speaker.meanCommonValue.toFixed(2)}</p>}
    </section>
  );
}
