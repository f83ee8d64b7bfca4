import { formatKappa } from '../verdicts/agreement.js';
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  FootnoteReferenceRun,
  HeadingLevel,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import type { ReportClaim, ReportEvidence, ReportModel, ReportSection } from './reportModel.js';
import { safeColor, safeHttpUrl } from './reportModel.js';

// Word rejects documents with XML-invalid control characters, and docx does not strip them.
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const clean = (value: unknown): string => String(value ?? '').replace(INVALID_XML, '');

type RunStyle = { bold?: boolean; italics?: boolean; highlight?: 'yellow'; size?: number; color?: string };
const text = (value: unknown, options: RunStyle = {}): TextRun => new TextRun({ text: clean(value), ...options });
/** Text that may hold line breaks (a turn of several paragraphs, reasoning in paragraphs): one run per line, with
 * Word's line break between, so the document keeps the paragraphs a run of text would lose. */
const lines = (value: unknown, options: RunStyle = {}): TextRun[] =>
  clean(value)
    .split(/\r?\n/)
    .map((line, i) => new TextRun({ text: line, ...(i > 0 ? { break: 1 } : {}), ...options }));

const para = (children: ParagraphChild[], options: { heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel]; indent?: boolean } = {}): Paragraph =>
  new Paragraph({
    children,
    ...(options.heading ? { heading: options.heading } : {}),
    ...(options.indent ? { indent: { left: 567 }, border: { left: { style: BorderStyle.SINGLE, size: 12, color: '999999', space: 8 } } } : {}),
  });

function cell(content: string, options: { header?: boolean; fill?: string } = {}): TableCell {
  return new TableCell({
    children: [para([text(content, options.header ? { bold: true } : {})])],
    ...(options.fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: options.fill } } : {}),
  });
}

function table(header: string[], rows: string[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cell(h, { header: true, fill: 'EEEEEE' })) }),
      ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) })),
    ],
  });
}

function evidenceNote(ev: ReportEvidence): Paragraph[] {
  const details = [ev.locator, ev.edition ? `edition ${ev.edition}` : '', ev.figureYear ? `figures for ${ev.figureYear}` : ''].filter(Boolean).join('; ');
  return [
    para([text(`${ev.citation}${details ? ` (${details})` : ''}`)]),
    ...(ev.excerpt ? [para([text(`“${ev.excerpt}”`, { italics: true })])] : []),
    ...(ev.note ? [para([text(ev.note)])] : []),
  ];
}

function claimCard(c: ReportClaim): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = [para([text(`#${c.number}. ${c.text}`)], { heading: HeadingLevel.HEADING_3 })];
  const meta = [
    c.claimant ? `${c.claimant.name}${c.claimant.party ? ` (${c.claimant.party})` : ''}` : 'No claimant',
    c.date ?? '',
    c.type,
    c.status,
    c.topics.join(', '),
  ].filter(Boolean);
  out.push(para([text(meta.join(' · '), { italics: true, color: '555555' })]));
  if (c.quote) {
    out.push(
      para(
        [
          ...(c.quote.speaker ? [text(`${c.quote.speaker}: `, { bold: true })] : []),
          ...lines(c.quote.before, { color: '666666' }),
          ...lines(c.quote.exact, { highlight: 'yellow', bold: true }),
          ...lines(c.quote.after, { color: '666666' }),
        ],
        { indent: true },
      ),
      para([text(`— ${c.quote.documentTitle}`, { italics: true, size: 18 })], { indent: true }),
    );
  }
  if (c.verdict) {
    const v = c.verdict;
    out.push(para([text('Verdict: ', { bold: true }), text(v.label, { bold: true, color: safeColor(v.color, '#333333').slice(1) }), ...(v.scaleName ? [text(` (${v.scaleName})`, { italics: true })] : [])]));
    if (v.conclusion && v.conclusion !== v.label) out.push(para([text(v.conclusion, { bold: true })]));
    out.push(para(lines(v.reasoning)), para([text(`Verdict by ${v.author}, ${v.date}`, { italics: true, size: 18 })]));
  } else {
    out.push(para([text('No verdict yet.', { italics: true })]));
  }
  if (c.checks.length) {
    out.push(para([text('How we checked', { bold: true })]));
    for (const check of c.checks) {
      out.push(new Paragraph({ bullet: { level: 0 }, children: [text(check.sentence)] }));
      if (check.claimed) out.push(para([text(`Claimed ${check.claimed}. ${check.outcome ?? ''}`)], { indent: true }));
      out.push(
        para(
          [text(`Table: ${check.table}${check.edition ? `, ${check.edition}` : ''}; file ${check.fileName} (SHA-256 ${check.fileHash}); computation: ${check.computation}; result: ${check.result}.`, { italics: true, size: 18 })],
          { indent: true },
        ),
      );
      if (check.editions.length) {
        const label = check.editionsDiffer ? 'Other editions give a different answer' : 'Other editions give the same answer';
        out.push(para([text(`${label}: ${check.editions.map((ed) => `${ed.result} in ${ed.edition}`).join('; ')}.`)], { indent: true }));
      }
    }
  }
  if (c.evidence.length) {
    out.push(para([text('Evidence', { bold: true })]));
    for (const ev of c.evidence) {
      const title: ParagraphChild = ev.url
        ? new ExternalHyperlink({ link: ev.url, children: [new TextRun({ text: clean(ev.sourceTitle), style: 'Hyperlink' })] })
        : text(ev.sourceTitle);
      out.push(
        new Paragraph({
          bullet: { level: 0 },
          children: [text(`${ev.relation}: `, { italics: true }), title, text(ev.locator ? ` — ${ev.locator}` : ''), new FootnoteReferenceRun({ children: evidenceNote(ev) })],
        }),
      );
    }
  }
  return out;
}

const SECTIONS: Record<ReportSection, (r: ReportModel) => Array<Paragraph | Table>> = {
  summary: (r) => {
    const s = r.summary;
    return [
      para([text('Summary')], { heading: HeadingLevel.HEADING_1 }),
      para([text(`${s.claimCount} claims by ${s.speakerCount} speakers in ${s.documentCount} documents, with ${s.evidenceCount} pieces of evidence.`)]),
      table(['Status', 'Claims'], Object.entries(s.byStatus).map(([k, n]) => [k, String(n)])),
      ...s.documents.map((d) => new Paragraph({ bullet: { level: 0 }, children: [text(`${d.title}${d.debateTitle ? ` — ${d.debateTitle}` : ''}${d.date ? ` (${d.date})` : ''}`)] })),
      ...((r.agreement ?? []).length === 0
        ? []
        : [
            para([text('Blind second review')], { heading: HeadingLevel.HEADING_2 }),
            table(['Debate', 'Rated by both', 'Cohen’s κ', 'Waiting for the reviewer'], (r.agreement ?? []).map((a) => [a.debateTitle, String(a.kappa.n), formatKappa(a.kappa), String(a.waitingForReviewer)])),
            ...(r.agreement ?? []).flatMap((a) => a.disagreements.map((d) => new Paragraph({ bullet: { level: 0 }, children: [text(`${a.debateTitle}: ${d.claimText}: ${d.firstAuthor} ${d.firstLabel}; ${d.reviewer} (blind) ${d.secondLabel}`)] }))),
          ]),
    ];
  },
  'verdict-breakdown': (r) => {
    const { columns, rows } = r.verdictBreakdown;
    return [
      para([text('Verdicts by speaker')], { heading: HeadingLevel.HEADING_1 }),
      table(
        ['Speaker', ...columns.map((c) => c.label), 'Total'],
        rows.map((row) => [row.speaker?.name ?? 'No claimant', ...columns.map((c) => String(row.counts[c.key] ?? 0)), String(row.total)]),
      ),
    ];
  },
  comparison: (r) => {
    const { topics, rows } = r.comparison;
    if (!rows.length || !topics.length) return [para([text('Comparison by topic')], { heading: HeadingLevel.HEADING_1 }), para([text('No claims by named speakers.')])];
    return [
      para([text('Comparison by topic')], { heading: HeadingLevel.HEADING_1 }),
      table(
        ['Speaker', ...topics.map((t) => t.name)],
        rows.map((row) => [
          row.speaker.name,
          ...row.cells.map((c) => (c.claimNumbers.length ? `${c.claimNumbers.map((n) => `#${n}`).join(', ')}${c.verdictLabels.length ? ` (${c.verdictLabels.join('; ')})` : ''}` : '—')),
        ]),
      ),
    ];
  },
  excerpts: (r) => [
    para([text('Annotated excerpts')], { heading: HeadingLevel.HEADING_1 }),
    ...r.excerpts.flatMap((doc) => [
      para([text(doc.documentTitle)], { heading: HeadingLevel.HEADING_2 }),
      ...(doc.debateTitle || doc.date ? [para([text([doc.debateTitle, doc.date].filter(Boolean).join(' · '), { italics: true })])] : []),
      ...doc.passages.map((p) =>
        para(
          [
            ...(p.speaker ? [text(`${p.speaker}: `, { bold: true })] : []),
            ...p.segments.flatMap((s) =>
              s.claimNumber === undefined
                ? lines(s.text)
                : [text(`[${s.claimNumber}] `, { bold: true, highlight: 'yellow' }), ...lines(s.text, { highlight: 'yellow' })],
            ),
          ],
          { indent: true },
        ),
      ),
    ]),
  ],
  'claim-cards': (r) => [para([text('Claims')], { heading: HeadingLevel.HEADING_1 }), ...r.claims.flatMap(claimCard)],
  bibliography: (r) => [
    para([text('Sources')], { heading: HeadingLevel.HEADING_1 }),
    ...r.bibliography.map((b) => new Paragraph({ children: [text(b.text)], indent: { left: 567, hanging: 567 } })),
  ],
};

/** The report as a Word document: headings, tables, highlighted quotes and evidence in footnotes. */
export async function reportDocx(report: ReportModel): Promise<Uint8Array> {
  const org = safeHttpUrl(report.organisation.url);
  const doc = new Document({
    creator: clean(report.organisation.name),
    title: clean(report.title),
    description: 'Fact-check report made with Claimdesk',
    styles: { default: { document: { run: { font: 'Georgia', size: 22 } } } },
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.LEFT, children: [text(report.title)] }),
          para([
            org ? new ExternalHyperlink({ link: org, children: [new TextRun({ text: clean(report.organisation.name), style: 'Hyperlink' })] }) : text(report.organisation.name),
            text(` · ${report.generatedAt.slice(0, 10)}`),
          ]),
          ...report.sections.flatMap((s) => SECTIONS[s](report)),
        ],
      },
    ],
  });
  return Packer.pack(doc, 'uint8array');
}
