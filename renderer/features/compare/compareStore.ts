import { create } from 'zustand';
import { DEFAULT_MIN_CHECKED, MAX_SPEAKERS, MIN_SPEAKERS, type ComparisonOptions } from '../../../shared/compare/buildComparison.js';
import type { ClaimStatus, ClaimType } from '../../../shared/model.js';

/** What the stance dialog is open on: a speaker and a topic, from a compare cell. */
export interface StanceTarget {
  personId: string;
  topicId: string;
}

/** Two panes of side-by-side reading: two speakers' turns on one topic, or two documents. */
export type ReadingTarget = { kind: 'speakers'; topicId: string; personIds: [string, string] } | { kind: 'documents'; documentIds: [string, string] };

/** The compare section's choices: UI state only, records stay in Dexie. */
export interface CompareState {
  speakerIds: string[];
  debateIds: string[];
  /** YYYY-MM-DD or '' for open-ended. */
  from: string;
  to: string;
  topicIds: string[];
  types: ClaimType[];
  statuses: ClaimStatus[];
  minChecked: number;
  includeSubtopics: boolean;
  hideEmptyRows: boolean;
  topicsOpen: boolean;
  stanceTarget: StanceTarget | undefined;
  reading: ReadingTarget | undefined;
  /** True until the user picks speakers by hand: until then the speakers follow the debates in scope. */
  speakersAuto: boolean;
}

/** The choices kept for the next visit (per project: they live in the project's own settings). */
export const SAVED_CHOICES = ['speakerIds', 'debateIds', 'from', 'to', 'topicIds', 'types', 'statuses', 'minChecked', 'includeSubtopics', 'hideEmptyRows', 'speakersAuto'] as const;
export type SavedChoices = Pick<CompareState, (typeof SAVED_CHOICES)[number]>;

export interface CompareActions {
  toggleSpeaker(personId: string): void;
  /** Sets the speakers the debates in scope suggest, while the user has not picked any by hand. */
  suggestSpeakers(personIds: string[]): void;
  restoreChoices(choices: Partial<SavedChoices>): void;
  toggleDebate(debateId: string): void;
  setDateRange(from: string, to: string): void;
  toggleTopicFilter(topicId: string): void;
  toggleType(type: ClaimType): void;
  toggleStatus(status: ClaimStatus): void;
  setMinChecked(value: number): void;
  setIncludeSubtopics(value: boolean): void;
  setHideEmptyRows(value: boolean): void;
  clearFilters(): void;
  openTopics(): void;
  closeTopics(): void;
  openStance(target: StanceTarget): void;
  closeStance(): void;
  openReading(target: ReadingTarget): void;
  closeReading(): void;
}

export function createInitialCompareState(): CompareState {
  return {
    speakerIds: [],
    debateIds: [],
    from: '',
    to: '',
    topicIds: [],
    types: [],
    statuses: [],
    minChecked: DEFAULT_MIN_CHECKED,
    includeSubtopics: true,
    hideEmptyRows: true,
    topicsOpen: false,
    stanceTarget: undefined,
    reading: undefined,
    speakersAuto: true,
  };
}

const toggle = <T>(list: readonly T[], item: T): T[] => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);

export const useCompareStore = create<CompareState & CompareActions>()((set) => ({
  ...createInitialCompareState(),
  // A seventh speaker is ignored: the table stays readable at six columns.
  toggleSpeaker: (id) => set((s) => (s.speakerIds.includes(id) || s.speakerIds.length < MAX_SPEAKERS ? { speakerIds: toggle(s.speakerIds, id), speakersAuto: false } : {})),
  suggestSpeakers: (ids) =>
    set((s) => {
      const next = ids.slice(0, MAX_SPEAKERS);
      return s.speakersAuto && next.join() !== s.speakerIds.join() ? { speakerIds: next } : {};
    }),
  restoreChoices: (choices) => set(choices),
  toggleDebate: (id) => set((s) => ({ debateIds: toggle(s.debateIds, id) })),
  setDateRange: (from, to) => set({ from, to }),
  toggleTopicFilter: (id) => set((s) => ({ topicIds: toggle(s.topicIds, id) })),
  toggleType: (type) => set((s) => ({ types: toggle(s.types, type) })),
  toggleStatus: (status) => set((s) => ({ statuses: toggle(s.statuses, status) })),
  setMinChecked: (value) => set({ minChecked: Number.isFinite(value) ? Math.max(0, Math.floor(value)) : DEFAULT_MIN_CHECKED }),
  setIncludeSubtopics: (value) => set({ includeSubtopics: value }),
  setHideEmptyRows: (value) => set({ hideEmptyRows: value }),
  clearFilters: () => set({ debateIds: [], from: '', to: '', topicIds: [], types: [], statuses: [] }),
  openTopics: () => set({ topicsOpen: true }),
  closeTopics: () => set({ topicsOpen: false }),
  openStance: (target) => set({ stanceTarget: target }),
  closeStance: () => set({ stanceTarget: undefined }),
  openReading: (target) => set({ reading: target }),
  closeReading: () => set({ reading: undefined }),
}));

/** The options buildComparison takes, or undefined while fewer than two speakers are picked. */
export function selectComparisonOptions(state: CompareState): ComparisonOptions | undefined {
  if (state.speakerIds.length < MIN_SPEAKERS || state.speakerIds.length > MAX_SPEAKERS) return undefined;
  const scope: ComparisonOptions['scope'] = {};
  if (state.debateIds.length > 0) scope.debateIds = state.debateIds;
  if (state.from) scope.from = state.from;
  if (state.to) scope.to = state.to;
  return {
    speakerIds: state.speakerIds,
    scope,
    filters: { topicIds: state.topicIds, types: state.types, statuses: state.statuses },
    minChecked: state.minChecked,
    includeSubtopics: state.includeSubtopics,
  };
}

/** Whether another speaker can still be picked. */
export function selectCanAddSpeaker(state: CompareState): boolean {
  return state.speakerIds.length < MAX_SPEAKERS;
}

/** How many scope and filter choices are active, for the "Clear filters" button. */
export function selectActiveFilterCount(state: CompareState): number {
  return state.debateIds.length + (state.from ? 1 : 0) + (state.to ? 1 : 0) + state.topicIds.length + state.types.length + state.statuses.length;
}
