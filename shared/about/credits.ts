/**
 * Data and components Claimdesk ships, with their licences: listed in Help › About (and the README), as the
 * licences ask. Keep in step with what is bundled (electron/sample/SOURCE.txt, the triage model's training data).
 */
export interface Credit {
  /** What it is in the app. */
  what: string;
  /** Who made it, as they ask to be credited. */
  credit: string;
  licence: string;
}

export const BUNDLED_DATA: readonly Credit[] = [
  {
    what: 'Check-worthiness model (claim triage), trained on the ClaimBuster dataset',
    credit:
      'Fatma Arslan, Naeemul Hassan, Chengkai Li, Mark Tremayne. “A Benchmark Dataset of Check-worthy Factual Claims”. Proceedings of the International AAAI Conference on Web and Social Media (ICWSM), 2020.',
    licence: 'CC BY 4.0 (creativecommons.org/licenses/by/4.0)',
  },
  {
    what: 'Sample project: NATO defence expenditure as a share of GDP, 2014–2024',
    credit: 'NATO, “Defence Expenditure of NATO Countries (2014-2024)”, June 2024. The figures are NATO’s.',
    licence: 'no licence declared by the copy it was taken from; attributed to NATO',
  },
  {
    what: 'Sample project: article on the 2016 Labour leadership debate',
    credit: 'A news article on Jeremy Corbyn and Owen Smith on NATO Article 5, with a reader comment.',
    licence: 'quoted for fact-checking and review',
  },
];

export const BUNDLED_SOFTWARE: readonly Credit[] = [
  { what: 'Electron (Chromium, Node.js)', credit: 'OpenJS Foundation and Electron contributors', licence: 'MIT; Chromium: BSD-3-Clause and others' },
  { what: 'PDF.js', credit: 'Mozilla Foundation', licence: 'Apache-2.0' },
  { what: 'electron-log, electron-updater', credit: 'electron-log and electron-builder contributors', licence: 'MIT' },
  { what: 'React, Dexie, zustand, zod, MiniSearch, DOMPurify and other libraries', credit: 'their authors', licence: 'MIT, Apache-2.0 and compatible licences' },
];
