import { formatKappa } from '../verdicts/agreement.js';
import type {
  BreakdownColumn,
  BreakdownRow,
  ReportClaim,
  ReportModel,
  ReportSection,
} from './reportModel.js';
import { safeColor, safeHttpUrl } from './reportModel.js';

/** The report's Content-Security-Policy: nothing loads or runs, only inline styles and data: images. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and quoted attribute values alike. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

const e = escapeHtml;

const STYLE = `
:root { color-scheme: light; }
body { font: 11pt/1.5 Georgia, 'Times New Roman', serif; color: #1b1b1b; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; }
h1, h2, h3 { font-family: 'Helvetica Neue', Arial, sans-serif; line-height: 1.2; }
h1 { font-size: 1.9rem; margin-bottom: .2rem; }
h2 { border-bottom: 2px solid #222; padding-bottom: .2rem; margin-top: 2.2rem; }
.byline { color: #555; margin-top: 0; }
table { border-collapse: collapse; width: 100%; font-family: Arial, sans-serif; font-size: 9.5pt; }
th, td { border: 1px solid #bbb; padding: .3rem .45rem; text-align: left; vertical-align: top; }
th { background: #f0f0f0; }
.bar-row { display: flex; align-items: center; gap: .6rem; margin: .25rem 0; font-family: Arial, sans-serif; font-size: 9.5pt; }
.bar-row .who { width: 11rem; }
.legend { font-family: Arial, sans-serif; font-size: 9pt; margin: .5rem 0 1rem; }
.legend span { display: inline-block; margin-right: .9rem; }
.swatch { display: inline-block; width: .8em; height: .8em; margin-right: .3em; vertical-align: -0.05em; border: 1px solid #888; }
.passage { white-space: pre-wrap; margin: .6rem 0; padding: .4rem .7rem; border-left: 3px solid #ccc; }
.passage .speaker { font-weight: bold; font-family: Arial, sans-serif; font-size: 9pt; display: block; white-space: normal; }
blockquote .speaker { font-weight: bold; font-family: Arial, sans-serif; }
mark { background: #fff3a3; padding: 0 .1em; }
mark sup { font-family: Arial, sans-serif; font-weight: bold; color: #8a5a00; margin-right: .15em; }
.claim-card { border: 1px solid #ccc; border-radius: 4px; padding: .7rem 1rem; margin: 1rem 0; break-inside: avoid; page-break-inside: avoid; }
.claim-card h3 { margin: 0 0 .3rem; font-size: 1.05rem; }
.meta { color: #555; font-family: Arial, sans-serif; font-size: 9pt; }
blockquote { margin: .5rem 0; padding: .3rem .8rem; background: #fafafa; border-left: 3px solid #999; }
blockquote .context { color: #666; }
.verdict { display: inline-block; padding: .1rem .5rem; border-radius: 3px; color: #fff; font-family: Arial, sans-serif; font-weight: bold; text-shadow: 0 0 2px #000; }
.evidence li { margin-bottom: .35rem; }
.how-we-checked { border-left: 3px solid #2166ac; padding-left: .7rem; margin: .6rem 0; }
.how-we-checked ol { padding-left: 1.1rem; }
.bibliography li { margin-bottom: .4rem; }
footer { margin-top: 3rem; color: #777; font-size: 9pt; border-top: 1px solid #ccc; padding-top: .5rem; }
@page { margin: 18mm 16mm; }
@media print { body { margin: 0; max-width: none; } a { color: inherit; } }
`;

function link(text: string, url: string | undefined): string {
  const safe = safeHttpUrl(url);
  return safe ? `<a href="${e(safe)}" rel="noopener noreferrer">${e(text)}</a>` : e(text);
}

function summary(report: ReportModel): string {
  const s = report.summary;
  const docs = s.documents
    .map((d) => `<li>${e(d.title)}${d.debateTitle ? ` — ${e(d.debateTitle)}` : ''}${d.date ? ` (${e(d.date)})` : ''}</li>`)
    .join('');
  const statuses = Object.entries(s.byStatus)
    .map(([status, n]) => `<td>${e(status)}: ${n}</td>`)
    .join('');
  return `<section id="summary"><h2>Summary</h2>
<p>${s.claimCount} claims by ${s.speakerCount} speakers in ${s.documentCount} documents, with ${s.evidenceCount} pieces of evidence.</p>
<table><tr>${statuses}</tr></table>
${docs ? `<ul>${docs}</ul>` : ''}${agreement(report)}</section>`;
}

/** Intercoder agreement of the blind second review, per debate, with the disagreements to resolve. */
function agreement(report: ReportModel): string {
  const rows = report.agreement ?? [];
  if (rows.length === 0) return '';
  const table = rows.map((a) => `<tr><td>${e(a.debateTitle)}</td><td>${a.kappa.n}</td><td>${e(formatKappa(a.kappa))}</td><td>${a.waitingForReviewer}</td></tr>`).join('');
  const lists = rows
    .filter((a) => a.disagreements.length > 0)
    .map((a) => `<h4>Disagreements in ${e(a.debateTitle)}</h4><ul>${a.disagreements.map((d) => `<li>${e(d.claimText)}: ${e(d.firstAuthor)} ${e(d.firstLabel)}; ${e(d.reviewer)} (blind) ${e(d.secondLabel)}</li>`).join('')}</ul>`)
    .join('');
  return `<h3>Blind second review</h3>
<table><tr><th>Debate</th><th>Rated by both</th><th>Cohen’s κ</th><th>Waiting for the reviewer</th></tr>${table}</table>${lists}`;
}

/** One stacked bar per speaker, drawn as inline SVG so it prints without scripts or images. */
function verdictBar(row: BreakdownRow, columns: BreakdownColumn[]): string {
  const width = 320;
  const height = 16;
  let x = 0;
  const rects = columns
    .filter((c) => (row.counts[c.key] ?? 0) > 0)
    .map((c) => {
      const n = row.counts[c.key] ?? 0;
      const w = (n / row.total) * width;
      const rect = `<rect x="${x.toFixed(2)}" y="0" width="${w.toFixed(2)}" height="${height}" fill="${safeColor(c.color)}"><title>${e(c.label)}: ${n}</title></rect>`;
      x += w;
      return rect;
    })
    .join('');
  const label = columns
    .filter((c) => (row.counts[c.key] ?? 0) > 0)
    .map((c) => `${c.label}: ${row.counts[c.key]}`)
    .join(', ');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${e(label)}">${rects}</svg>`;
}

function verdictBreakdown(report: ReportModel): string {
  const { columns, rows } = report.verdictBreakdown;
  const legend = columns
    .map((c) => `<span><i class="swatch" style="background:${safeColor(c.color)}"></i>${e(c.label)}</span>`)
    .join('');
  const bars = rows
    .map(
      (row) =>
        `<div class="bar-row"><span class="who">${e(row.speaker?.name ?? 'No claimant')} (${row.total})</span>${verdictBar(row, columns)}</div>`,
    )
    .join('\n');
  const head = columns.map((c) => `<th>${e(c.label)}</th>`).join('');
  const body = rows
    .map(
      (row) =>
        `<tr><th>${e(row.speaker?.name ?? 'No claimant')}</th>${columns.map((c) => `<td>${row.counts[c.key] ?? 0}</td>`).join('')}<td>${row.total}</td></tr>`,
    )
    .join('');
  return `<section id="verdict-breakdown"><h2>Verdicts by speaker</h2>
<div class="legend">${legend}</div>
${bars}
<table><thead><tr><th>Speaker</th>${head}<th>Total</th></tr></thead><tbody>${body}</tbody></table></section>`;
}

function comparison(report: ReportModel): string {
  const { topics, rows } = report.comparison;
  if (rows.length === 0 || topics.length === 0) return `<section id="comparison"><h2>Comparison</h2><p>No claims by named speakers.</p></section>`;
  const head = topics.map((t) => `<th>${e(t.name)}</th>`).join('');
  const body = rows
    .map((row) => {
      const cells = row.cells
        .map((cell) => {
          if (cell.claimNumbers.length === 0) return '<td>—</td>';
          const nums = cell.claimNumbers.map((n) => `#${n}`).join(', ');
          const verdicts = cell.verdictLabels.length ? `<br><span class="meta">${e(cell.verdictLabels.join('; '))}</span>` : '';
          return `<td>${nums}${verdicts}</td>`;
        })
        .join('');
      return `<tr><th>${e(row.speaker.name)}${row.speaker.party ? ` <span class="meta">(${e(row.speaker.party)})</span>` : ''}</th>${cells}</tr>`;
    })
    .join('');
  return `<section id="comparison"><h2>Comparison by topic</h2>
<table><thead><tr><th>Speaker</th>${head}</tr></thead><tbody>${body}</tbody></table></section>`;
}

function excerpts(report: ReportModel): string {
  const docs = report.excerpts
    .map((doc) => {
      const passages = doc.passages
        .map((p) => {
          const text = p.segments
            .map((s) => (s.claimNumber === undefined ? e(s.text) : `<mark data-claim="${s.claimNumber}"><sup>${s.claimNumber}</sup>${e(s.text)}</mark>`))
            .join('');
          return `<div class="passage">${p.speaker ? `<span class="speaker">${e(p.speaker)}</span>` : ''}${text}</div>`;
        })
        .join('\n');
      const meta = [doc.debateTitle, doc.date].filter(Boolean).map(e).join(' · ');
      return `<h3>${e(doc.documentTitle)}</h3>${meta ? `<p class="meta">${meta}</p>` : ''}\n${passages}`;
    })
    .join('\n');
  return `<section id="excerpts"><h2>Annotated excerpts</h2>${docs || '<p>No claims are anchored in the selected documents.</p>'}</section>`;
}

function card(claim: ReportClaim): string {
  const claimant = claim.claimant ? `${e(claim.claimant.name)}${claim.claimant.party ? ` (${e(claim.claimant.party)})` : ''}` : 'No claimant';
  const meta = [claimant, claim.date ? e(claim.date) : '', e(claim.type), e(claim.status), claim.topics.map(e).join(', ')]
    .filter(Boolean)
    .join(' · ');
  const quote = claim.quote
    ? `<blockquote>${claim.quote.speaker ? `<span class="speaker">${e(claim.quote.speaker)}:</span> ` : ''}<span class="context">${e(claim.quote.before)}</span><mark>${e(claim.quote.exact)}</mark><span class="context">${e(claim.quote.after)}</span><br><span class="meta">${e(claim.quote.documentTitle)}</span></blockquote>`
    : '';
  const v = claim.verdict;
  const verdict = v
    ? `<p><span class="verdict" style="background:${safeColor(v.color, '#555555')}">${e(v.label)}</span>${v.scaleName ? ` <span class="meta">${e(v.scaleName)}</span>` : ''}</p>
${v.conclusion && v.conclusion !== v.label ? `<p><strong>${e(v.conclusion)}</strong></p>` : ''}
<p>${e(v.reasoning)}</p><p class="meta">Verdict by ${e(v.author)}, ${e(v.date)}</p>`
    : '<p class="meta">No verdict yet.</p>';
  const evidence = claim.evidence.length
    ? `<h4>Evidence</h4><ol class="evidence">${claim.evidence
        .map((ev) => {
          const details = [ev.locator, ev.edition ? `edition ${ev.edition}` : '', ev.figureYear ? `figures for ${ev.figureYear}` : '']
            .filter(Boolean)
            .map(e)
            .join('; ');
          return `<li><em>${e(ev.relation)}</em>: ${link(ev.sourceTitle, ev.url)}${details ? ` — ${details}` : ''}${
            ev.excerpt ? `<br>“${e(ev.excerpt)}”` : ''
          }${ev.note ? `<br><span class="meta">${e(ev.note)}</span>` : ''}<br><span class="meta">${e(ev.citation)}</span></li>`;
        })
        .join('')}</ol>`
    : '';
  return `<article class="claim-card" id="claim-${e(claim.id)}"><h3>#${claim.number}. ${e(claim.text)}</h3>
<p class="meta">${meta}</p>${quote}${verdict}${howWeChecked(claim)}${evidence}</article>`;
}

/** "How we checked": each computation over a table, its result, the file it ran on and the other editions. */
function howWeChecked(claim: ReportClaim): string {
  if (claim.checks.length === 0) return '';
  const items = claim.checks
    .map((c) => {
      const editions = c.editions.length
        ? `<p class="meta">${c.editionsDiffer ? 'Other editions give a different answer' : 'Other editions give the same answer'}: ${c.editions.map((ed) => `${e(ed.result)} in ${e(ed.edition)}`).join('; ')}.</p>`
        : '';
      return `<li><p>${e(c.sentence)}</p>${c.claimed ? `<p>Claimed ${e(c.claimed)}. ${e(c.outcome ?? '')}</p>` : ''}<p class="meta">Table: ${e(c.table)}${c.edition ? `, ${e(c.edition)}` : ''}; file ${e(c.fileName)} (SHA-256 ${e(c.fileHash)}); computation: ${e(c.computation)}; result: ${e(c.result)}.</p>${editions}</li>`;
    })
    .join('');
  return `<section class="how-we-checked"><h4>How we checked</h4><ol>${items}</ol></section>`;
}

function claimCards(report: ReportModel): string {
  return `<section id="claim-cards"><h2>Claims</h2>${report.claims.map(card).join('\n') || '<p>No claims match.</p>'}</section>`;
}

function bibliographySection(report: ReportModel): string {
  const style = report.citationStyle === 'apa' ? 'APA' : 'Chicago author-date';
  const items = report.bibliography.map((b) => `<li>${e(b.text)}</li>`).join('');
  return `<section id="bibliography"><h2>Sources</h2><p class="meta">${style}</p><ol class="bibliography">${items}</ol></section>`;
}

const RENDERERS: Record<ReportSection, (report: ReportModel) => string> = {
  summary,
  'verdict-breakdown': verdictBreakdown,
  comparison,
  excerpts,
  'claim-cards': claimCards,
  bibliography: bibliographySection,
};

/** The report as one self-contained HTML page: no scripts, no external requests; also what the app prints to PDF. */
export function reportHtml(report: ReportModel): string {
  const org = report.organisation;
  const body = report.sections.map((s) => RENDERERS[s](report)).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Claimdesk">
<title>${e(report.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${e(report.title)}</h1><p class="byline">${link(org.name, org.url)} · ${e(report.generatedAt.slice(0, 10))}</p></header>
${body}
<footer>Made with Claimdesk by ${e(org.name)} on ${e(report.generatedAt.slice(0, 10))}.</footer>
</body>
</html>
`;
}
