import type { EvidenceLink, Source } from '../model.js';

/**
 * The sources of the sample project and the evidence for its seed claim, as drafts without ids: the sample builder
 * stores them through the app's own code paths, which give the ids, stamps and vault hashes.
 *
 * The claim shows why a link names its edition and year: NATO's figures for a year change between editions.
 */

export type SampleSourceKey = 'nato-2016-report' | 'nato-2024-dataset';

/** A source as the app would create it, less what storing it adds. */
export type SourceDraft = Omit<Source, 'id' | 'createdAt' | 'updatedAt'>;
/** An evidence link less the claim, the source and what storing it adds. */
export type EvidenceDraft = Omit<EvidenceLink, 'id' | 'claimId' | 'sourceId' | 'createdAt' | 'updatedAt'>;

export interface SampleSource {
  key: SampleSourceKey;
  source: SourceDraft;
  /** A file in ../shared/samples to store in the vault and attach, when the sample ships one. */
  attachmentFile?: string;
}

export interface SampleEvidence {
  sourceKey: SampleSourceKey;
  /** The claim's words in the seed article, to find the claim the link belongs to. */
  claimQuote: string;
  link: EvidenceDraft;
}

/** The seed article's sentence that both sources bear on. */
export const SAMPLE_CLAIM_QUOTE = 'only five out of 28 members met this target last year, according to a NATO report';

export const NATO_CSV_FILE = 'nato-defence-expenditure-pct-gdp-2014-2024.csv';
/** The name readTable gives the CSV's one sheet, which locators use as the table. */
export const NATO_CSV_TABLE = 'nato-defence-expenditure-pct-gdp-2014-2024';

const NATO_RELIABILITY =
  "Official NATO figures, compiled from each ally's own reporting. The current year is an estimate, and later " +
  'editions revise earlier years: always cite the edition and the year of the figure.';

const EDITION_NOTE =
  'Edition matters here. The 2016 report (4 July 2016) gives five of 28 allies at or above 2% of GDP in its 2016 ' +
  'estimates: US 3.61, Greece 2.38, UK 2.21, Estonia 2.16, Poland 2.00; that is the report the article cites, though ' +
  'it says "last year". The 2024 edition (June 2024) revises the series: its 2015 column gives four (US 3.51, ' +
  'Greece 2.32, Poland 2.21, UK 2.03), with Estonia just under at 1.99. Quote the figure with its edition and year.';

export function sampleSources(): SampleSource[] {
  return [
    {
      key: 'nato-2016-report',
      source: {
        kind: 'report',
        csl: {
          id: 'nato-defence-expenditure-2009-2016',
          type: 'report',
          title: 'Defence Expenditure of NATO Countries (2009-2016)',
          author: [{ literal: 'NATO Public Diplomacy Division' }],
          publisher: 'NATO',
          'publisher-place': 'Brussels',
          genre: 'Press release',
          number: 'PR/CP(2016)116',
          issued: { 'date-parts': [[2016, 7, 4]] },
          edition: '2009-2016',
          URL: 'https://www.nato.int/nato_static_fl2014/assets/pdf/pdf_2016_07/20160704_160704-pr2016-116.pdf',
          note: 'Figures for 2016 are estimates.',
        },
        reliability: NATO_RELIABILITY,
        tags: ['NATO', 'defence spending'],
        attachments: [],
      },
    },
    {
      key: 'nato-2024-dataset',
      attachmentFile: NATO_CSV_FILE,
      source: {
        kind: 'dataset',
        csl: {
          id: 'nato-defence-expenditure-2014-2024',
          type: 'dataset',
          title: 'Defence Expenditure of NATO Countries (2014-2024)',
          author: [{ literal: 'NATO Public Diplomacy Division' }],
          publisher: 'NATO',
          'publisher-place': 'Brussels',
          issued: { 'date-parts': [[2024, 6]] },
          edition: '2014-2024',
          medium: 'CSV',
          note:
            'Defence expenditure as % of GDP per ally, 2014-2023, with 2024 estimates (column "2024e"). The CSV is ' +
            'the copy in the public repository namanjain92/NATO-Analytics (data/defence_per.csv); ' +
            "the figures are NATO's.",
        },
        reliability: NATO_RELIABILITY,
        tags: ['NATO', 'defence spending'],
        attachments: [],
      },
    },
  ];
}

export function sampleEvidence(): SampleEvidence[] {
  return [
    {
      sourceKey: 'nato-2016-report',
      claimQuote: SAMPLE_CLAIM_QUOTE,
      link: {
        relation: 'supports',
        locator: {
          table: 'Defence expenditure as a share of GDP (%)',
          row: 'United States; Greece; United Kingdom; Estonia; Poland',
          column: '2016e',
        },
        edition: 'Defence Expenditure of NATO Countries (2009-2016), 4 July 2016',
        figureYear: '2016 (estimates)',
        excerpt: '2016e, % of GDP: United States 3.61, Greece 2.38, United Kingdom 2.21, Estonia 2.16, Poland 2.00',
        note: EDITION_NOTE,
      },
    },
    {
      sourceKey: 'nato-2024-dataset',
      claimQuote: SAMPLE_CLAIM_QUOTE,
      link: {
        relation: 'context',
        locator: {
          table: NATO_CSV_TABLE,
          row: 'United States; Greece; Poland; United Kingdom; Estonia',
          column: '2015',
        },
        edition: 'Defence Expenditure of NATO Countries (2014-2024), June 2024',
        figureYear: '2015',
        excerpt:
          '2015, % of GDP: United States 3.505068784, Greece 2.322669732, Poland 2.211085341, ' +
          'United Kingdom 2.031899571, Estonia 1.988478971',
        note: EDITION_NOTE,
      },
    },
  ];
}
