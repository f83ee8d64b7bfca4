import { formatKappa } from '../verdicts/agreement.js';
import type { ReportClaim, ReportModel, ReportSection } from './reportModel.js';
import { safeHttpUrl } from './reportModel.js';

/**
 * Escapes user text for Markdown: inline syntax is backslash-escaped and `<`, `>`, `&` become entities, because
 * most Markdown renderers pass raw HTML through and a claim text must never become a tag.
 */
export function escapeMarkdown(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|~])/g, '\\$1')
    .replace(/^(\s*)([#+=-]|\d+\.)/gm, '$1\\$2');
}

const m = escapeMarkdown;
/** A count or a number from the records: anything that is not a finite number is shown as text, escaped. */
const num = (value: unknown): string => (typeof value === 'number' && Number.isFinite(value) ? String(value) : inline(value));
/** Table cells and headings are one line. */
const inline = (value: unknown): string => m(String(value ?? '').replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' '));

function link(text: string, url: string | undefined): string {
  const safe = safeHttpUrl(url);
  // Parentheses in a URL would end the link early.
  return safe ? `[${inline(text)}](<${safe.replace(/[<>]/g, encodeURIComponent)}>)` : inline(text);
}

function summary(r: ReportModel): string {
  const s = r.summary;
  const lines = [
    '## Summary',
    '',
    `${num(s.claimCount)} claims by ${num(s.speakerCount)} speakers in ${num(s.documentCount)} documents, with ${num(s.evidenceCount)} pieces of evidence.`,
    '',
    '| Status | Claims |',
    '| --- | ---: |',
    ...Object.entries(s.byStatus).map(([status, n]) => `| ${inline(status)} | ${num(n)} |`),
    '',
    ...s.documents.map((d) => `- ${inline(d.title)}${d.debateTitle ? ` — ${inline(d.debateTitle)}` : ''}${d.date ? ` (${inline(d.date)})` : ''}`),
  ];
  const agreement = r.agreement ?? [];
  if (agreement.length > 0) {
    lines.push('', '### Blind second review', '', '| Debate | Rated by both | Cohen’s κ | Waiting for the reviewer |', '| --- | ---: | --- | ---: |');
    for (const a of agreement) lines.push(`| ${inline(a.debateTitle)} | ${a.kappa.n} | ${formatKappa(a.kappa)} | ${a.waitingForReviewer} |`);
    for (const a of agreement.filter((x) => x.disagreements.length > 0)) {
      lines.push('', `Disagreements in ${inline(a.debateTitle)}:`, '');
      for (const d of a.disagreements) lines.push(`- ${inline(d.claimText)}: ${inline(d.firstAuthor)} ${inline(d.firstLabel)}; ${inline(d.reviewer)} (blind) ${inline(d.secondLabel)}`);
    }
  }
  return lines.join('\n');
}

function verdictBreakdown(r: ReportModel): string {
  const { columns, rows } = r.verdictBreakdown;
  return [
    '## Verdicts by speaker',
    '',
    `| Speaker | ${columns.map((c) => inline(c.label)).join(' | ')} | Total |`,
    `| --- | ${columns.map(() => '---:').join(' | ')} | ---: |`,
    ...rows.map(
      (row) => `| ${inline(row.speaker?.name ?? 'No claimant')} | ${columns.map((c) => num(row.counts[c.key] ?? 0)).join(' | ')} | ${num(row.total)} |`,
    ),
  ].join('\n');
}

function comparison(r: ReportModel): string {
  const { topics, rows } = r.comparison;
  if (!rows.length || !topics.length) return '## Comparison by topic\n\nNo claims by named speakers.';
  return [
    '## Comparison by topic',
    '',
    `| Speaker | ${topics.map((t) => inline(t.name)).join(' | ')} |`,
    `| --- | ${topics.map(() => '---').join(' | ')} |`,
    ...rows.map(
      (row) =>
        `| ${inline(row.speaker.name)} | ${row.cells
          .map((c) =>
            c.claimNumbers.length ? `${c.claimNumbers.map((n) => `#${num(n)}`).join(', ')}${c.verdictLabels.length ? ` (${inline(c.verdictLabels.join('; '))})` : ''}` : '—',
          )
          .join(' | ')} |`,
    ),
  ].join('\n');
}

function excerpts(r: ReportModel): string {
  const parts = ['## Annotated excerpts'];
  for (const doc of r.excerpts) {
    parts.push('', `### ${inline(doc.documentTitle)}`);
    if (doc.debateTitle || doc.date) parts.push('', `*${[doc.debateTitle, doc.date].filter(Boolean).map(inline).join(' · ')}*`);
    for (const p of doc.passages) {
      const text = p.segments
        .map((s) => (s.claimNumber === undefined ? inline(s.text) : `**[${num(s.claimNumber)}] ${inline(s.text)}**`))
        .join('');
      parts.push('', `> ${p.speaker ? `**${inline(p.speaker)}:** ` : ''}${text}`);
    }
  }
  return parts.join('\n');
}

function card(c: ReportClaim): string {
  const lines = [`### #${num(c.number)}. ${inline(c.text)}`, ''];
  const meta = [
    c.claimant ? `${c.claimant.name}${c.claimant.party ? ` (${c.claimant.party})` : ''}` : 'No claimant',
    c.date ?? '',
    c.type,
    c.status,
    c.topics.join(', '),
  ].filter(Boolean);
  lines.push(`*${meta.map(inline).join(' · ')}*`, '');
  if (c.quote) lines.push(`> ${c.quote.speaker ? `**${inline(c.quote.speaker)}:** ` : ''}${inline(c.quote.before)}**${inline(c.quote.exact)}**${inline(c.quote.after)}`, `> — ${inline(c.quote.documentTitle)}`, '');
  if (c.verdict) {
    lines.push(`**Verdict: ${inline(c.verdict.label)}**${c.verdict.scaleName ? ` (${inline(c.verdict.scaleName)})` : ''}`, '');
    if (c.verdict.conclusion && c.verdict.conclusion !== c.verdict.label) lines.push(inline(c.verdict.conclusion), '');
    lines.push(inline(c.verdict.reasoning), '', `*Verdict by ${inline(c.verdict.author)}, ${inline(c.verdict.date)}*`, '');
  } else {
    lines.push('*No verdict yet.*', '');
  }
  if (c.checks.length) {
    lines.push('How we checked:', '');
    c.checks.forEach((check, i) => {
      lines.push(`${i + 1}. ${inline(check.sentence)}`);
      if (check.claimed) lines.push(`   Claimed ${inline(check.claimed)}. ${inline(check.outcome ?? '')}`);
      lines.push(`   *Table: ${inline(check.table)}${check.edition ? `, ${inline(check.edition)}` : ''}; file ${inline(check.fileName)} (SHA-256 ${check.fileHash}); computation: ${inline(check.computation)}; result: ${inline(check.result)}.*`);
      if (check.editions.length) lines.push(`   ${check.editionsDiffer ? 'Other editions give a different answer' : 'Other editions give the same answer'}: ${check.editions.map((ed) => `${inline(ed.result)} in ${inline(ed.edition)}`).join('; ')}.`);
    });
    lines.push('');
  }
  if (c.evidence.length) {
    lines.push('Evidence:', '');
    c.evidence.forEach((ev, i) => {
      const details = [ev.locator, ev.edition ? `edition ${ev.edition}` : '', ev.figureYear ? `figures for ${ev.figureYear}` : ''].filter(Boolean);
      lines.push(
        `${i + 1}. *${inline(ev.relation)}*: ${link(ev.sourceTitle, ev.url)}${details.length ? ` — ${details.map(inline).join('; ')}` : ''}` +
          `${ev.excerpt ? ` “${inline(ev.excerpt)}”` : ''}${ev.note ? ` ${inline(ev.note)}` : ''}`,
      );
    });
    lines.push('');
  }
  return lines.join('\n');
}

const RENDERERS: Record<ReportSection, (r: ReportModel) => string> = {
  summary,
  'verdict-breakdown': verdictBreakdown,
  comparison,
  excerpts,
  'claim-cards': (r) => ['## Claims', '', ...r.claims.map(card)].join('\n'),
  bibliography: (r) => ['## Sources', '', ...r.bibliography.map((b, i) => `${i + 1}. ${inline(b.text)}`)].join('\n'),
};

/** The report as CommonMark with pipe tables; claim spans in excerpts are bold and numbered. */
export function reportMarkdown(report: ReportModel): string {
  const org = report.organisation;
  return (
    [
      `# ${inline(report.title)}`,
      '',
      `${link(org.name, org.url)} · ${inline(report.generatedAt.slice(0, 10))}`,
      ...report.sections.flatMap((s) => ['', RENDERERS[s](report)]),
    ].join('\n') + '\n'
  );
}
