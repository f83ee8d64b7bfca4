import { create } from 'zustand';
import type { CitationStyle } from '../../../shared/exports/bibliography.js';
import { REPORT_SECTIONS, type ReportFilter, type ReportSection } from '../../../shared/exports/reportModel.js';

/** The report builder's choices: UI state, kept while the user visits other sections. */
export interface ReportBuilderState {
  title: string;
  /** Empty means every document. */
  documentIds: string[];
  filter: Required<ReportFilter>;
  sections: ReportSection[];
  citationStyle: CitationStyle;
}

export interface ReportBuilderActions {
  setTitle(title: string): void;
  /** Adds or removes one value of a list choice (a document, a speaker, a section, …). */
  toggle(list: 'documentIds' | 'sections' | keyof ReportFilter, value: string, on: boolean): void;
  setCitationStyle(style: CitationStyle): void;
  reset(): void;
}

export function createInitialReportBuilderState(): ReportBuilderState {
  return {
    title: 'Fact-check report',
    documentIds: [],
    filter: { speakerIds: [], topicIds: [], verdictStepIds: [], statuses: [] },
    sections: [...REPORT_SECTIONS],
    citationStyle: 'apa',
  };
}

const toggled = <T extends string>(list: readonly T[], value: T, on: boolean): T[] =>
  on ? (list.includes(value) ? [...list] : [...list, value]) : list.filter((v) => v !== value);

export const useReportBuilder = create<ReportBuilderState & ReportBuilderActions>()((set) => ({
  ...createInitialReportBuilderState(),
  setTitle: (title) => set({ title }),
  toggle: (list, value, on) =>
    set((s) => {
      if (list === 'documentIds') return { documentIds: toggled(s.documentIds, value, on) };
      // Sections keep the report's canonical order whatever order they were ticked in.
      if (list === 'sections') return { sections: REPORT_SECTIONS.filter((x) => (x === value ? on : s.sections.includes(x))) };
      return { filter: { ...s.filter, [list]: toggled(s.filter[list] as string[], value, on) } };
    }),
  setCitationStyle: (citationStyle) => set({ citationStyle }),
  reset: () => set(createInitialReportBuilderState()),
}));
