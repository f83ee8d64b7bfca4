import { create } from 'zustand';
import type { SyncRole } from '../../../shared/sync/serverApi.js';

/** online: in step with the server; syncing: connected, exchanging; offline: no connection (changes wait). */
export type TeamStatus = 'none' | 'connecting' | 'syncing' | 'online' | 'offline' | 'refused';

/** Someone else with the project open, and what they are reading. */
export interface Peer {
  clientId: number;
  name: string;
  role: SyncRole | undefined;
  documentId: string | undefined;
  documentTitle: string | undefined;
}

export interface TeamState {
  status: TeamStatus;
  /** Local changes not yet confirmed by the server. */
  waiting: number;
  projectName: string | undefined;
  serverUrl: string | undefined;
  role: SyncRole | undefined;
  memberName: string | undefined;
  peers: Peer[];
  /** The last problem, as one sentence. */
  problem: string | undefined;
  dialog: 'share' | 'join' | 'team' | undefined;
  /** Set while Share or Join is working (also across the reload that allows a new server). */
  busy: string | undefined;
  /** Bumps when the project's history or bin changed, so open views re-read them. */
  revision: number;
  /** What Share or Join was last asked, so a failed attempt (even across a reload) can be corrected, not retyped. */
  draft: { serverUrl: string; invitation: string; name: string } | undefined;
}

export interface TeamActions {
  openTeamDialog(dialog: TeamState['dialog']): void;
  patch(partial: Partial<TeamState>): void;
}

export function createInitialTeamState(): TeamState {
  return {
    status: 'none',
    waiting: 0,
    projectName: undefined,
    serverUrl: undefined,
    role: undefined,
    memberName: undefined,
    peers: [],
    problem: undefined,
    dialog: undefined,
    busy: undefined,
    revision: 0,
    draft: undefined,
  };
}

export const useTeamStore = create<TeamState & TeamActions>()((set) => ({
  ...createInitialTeamState(),
  openTeamDialog: (dialog) => set({ dialog }),
  patch: (partial) => set(partial),
}));

/** The words the status indicator shows. */
export function statusText(state: Pick<TeamState, 'status' | 'waiting'>): string {
  const waiting = state.waiting === 1 ? '1 change waiting' : `${state.waiting} changes waiting`;
  switch (state.status) {
    case 'online':
      return 'Online';
    case 'syncing':
      return state.waiting > 0 ? `Syncing — ${waiting}` : 'Syncing';
    case 'connecting':
      return state.waiting > 0 ? `Connecting — ${waiting}` : 'Connecting';
    case 'offline':
      return state.waiting > 0 ? `Offline — ${waiting}` : 'Offline';
    case 'refused':
      return 'Not signed in';
    default:
      return 'Not shared';
  }
}
