import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { z } from 'zod';
import { readSnapshot } from '../../../shared/domain/snapshot.js';
import { ProjectMirror, type ProjectScope } from '../../../shared/sync/projectMirror.js';
import { SYNC_ROLES, type SyncRole } from '../../../shared/sync/serverApi.js';
import { request } from '../../api/api.js';
import { db } from '../../db/database.js';
import { localStore, syncedStore } from '../../db/store.js';
import { useUiStore } from '../../state/uiStore.js';
import { FileTransfer } from './teamFiles.js';
import { joinWithInvitation, normaliseServerUrl, ServerError, webSocketUrl } from './serverClient.js';
import { createInitialTeamState, useTeamStore, type Peer } from './teamStore.js';

/**
 * A team project on this laptop: the Y.Doc (kept in IndexedDB by y-indexeddb, so offline work survives a restart),
 * the synced Store attached to it, the Hocuspocus connection, presence, vault files, and the status the indicator
 * shows. Share, Join and Leave start and stop it.
 */
const CONFIG_KEY = 'teamProject';
const PENDING_KEY = 'claimdesk-team-pending';

const configSchema = z.object({
  serverUrl: z.string(),
  projectId: z.string(),
  projectName: z.string(),
  token: z.string(),
  memberId: z.string(),
  name: z.string(),
  role: z.enum(SYNC_ROLES),
});
export type TeamConfig = z.infer<typeof configSchema>;

/** What Share and Join were asked to do; kept across the reload that lets the window reach a new server. */
const pendingSchema = z.object({
  kind: z.enum(['share', 'join']),
  serverUrl: z.string(),
  invitation: z.string(),
  name: z.string(),
  scope: z.object({ kind: z.enum(['library', 'debates']), debateIds: z.array(z.string()).optional() }).optional(),
});
export type TeamRequest = z.infer<typeof pendingSchema>;

interface Session {
  config: TeamConfig;
  doc: Y.Doc;
  mirror: ProjectMirror;
  persistence: IndexeddbPersistence;
  socket: HocuspocusProviderWebsocket;
  provider: HocuspocusProvider;
  files: FileTransfer;
  stop: () => void;
}

let session: Session | undefined;

export function currentMirror(): ProjectMirror | undefined {
  return session?.mirror;
}

export function currentConfig(): TeamConfig | undefined {
  return session?.config;
}

const waitingKey = (projectId: string) => `claimdesk-team-waiting-${projectId}`;
const colors = ['#1b6ca8', '#b5451b', '#2e7d32', '#6a1b9a', '#00838f', '#ad1457'];

function setWaiting(projectId: string, n: number) {
  localStorage.setItem(waitingKey(projectId), String(n));
  useTeamStore.getState().patch({ waiting: n });
}

function refreshStatus(provider: HocuspocusProvider, socket: HocuspocusProviderWebsocket) {
  const team = useTeamStore.getState();
  if (team.status === 'refused') return;
  if (socket.status !== 'connected' || !navigator.onLine) team.patch({ status: 'offline' });
  else if (!provider.isSynced || provider.hasUnsyncedChanges) team.patch({ status: 'syncing' });
  else team.patch({ status: 'online' });
}

function peersOf(provider: HocuspocusProvider): Peer[] {
  const own = provider.document.clientID;
  const peers: Peer[] = [];
  for (const [clientId, state] of provider.awareness?.getStates() ?? []) {
    if (clientId === own) continue;
    const user = (state as { user?: { name?: unknown; role?: unknown } }).user;
    const reading = (state as { reading?: { documentId?: unknown; title?: unknown } | null }).reading;
    if (typeof user?.name !== 'string') continue;
    peers.push({
      clientId,
      name: user.name,
      role: SYNC_ROLES.find((r) => r === user.role),
      documentId: typeof reading?.documentId === 'string' ? reading.documentId : undefined,
      documentTitle: typeof reading?.title === 'string' ? reading.title : undefined,
    });
  }
  return peers.sort((a, b) => a.name.localeCompare(b.name));
}

async function publishReading(provider: HocuspocusProvider, documentId: string | undefined) {
  const doc = documentId ? await db.documents.get(documentId) : undefined;
  provider.setAwarenessField('reading', doc ? { documentId: doc.id, title: doc.title } : null);
}

/** Opens the project's Y.Doc from IndexedDB, attaches the synced Store, and connects. */
async function start(config: TeamConfig, seed?: { scope: ProjectScope }): Promise<Session> {
  const doc = new Y.Doc();
  const persistence = new IndexeddbPersistence(`claimdesk-team-${config.projectId}`, doc);
  await persistence.whenSynced;
  const mirror = new ProjectMirror(doc);
  const me = { memberId: config.memberId, name: config.name };
  if (seed) mirror.seed((await readSnapshot(localStore)) as never, seed.scope, me, config.projectName);
  const team = useTeamStore.getState();
  team.patch({ ...createInitialTeamState(), status: 'connecting', projectName: config.projectName, serverUrl: config.serverUrl, role: config.role, memberName: config.name, waiting: Number(localStorage.getItem(waitingKey(config.projectId)) ?? 0) });

  const files = new FileTransfer(config.serverUrl, config.token, config.role, mirror, (message) => useTeamStore.getState().patch({ problem: message }));
  const filesSoon = debounce(() => void files.sync(), 400);
  await syncedStore.attach(mirror, { ...me, role: config.role }, {
    onLocalMirror: () => {
      setWaiting(config.projectId, useTeamStore.getState().waiting + 1);
      refreshStatus(provider, socket);
      useTeamStore.getState().patch({ revision: useTeamStore.getState().revision + 1 });
      filesSoon();
    },
    onRemoteApplied: (tables) => {
      useTeamStore.getState().patch({ revision: useTeamStore.getState().revision + 1 });
      if (tables.has('documents') || tables.has('sources')) filesSoon();
    },
    onError: (error) => useTeamStore.getState().patch({ problem: `A change from the team could not be applied: ${error instanceof Error ? error.message : String(error)}` }),
  });

  const socket = new HocuspocusProviderWebsocket({ url: webSocketUrl(config.serverUrl), delay: 500, minDelay: 500, maxDelay: 5000, autoConnect: navigator.onLine });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: config.projectId,
    document: doc,
    token: config.token,
    onAuthenticationFailed: ({ reason }) => useTeamStore.getState().patch({ status: 'refused', problem: `The server refused this laptop: ${reason}` }),
    onAuthenticated: ({ scope }) => {
      if (scope === 'readonly' && config.role !== 'viewer') syncedStore.setRole('viewer');
    },
  });
  const onChange = () => {
    refreshStatus(provider, socket);
    if (provider.isSynced && !provider.hasUnsyncedChanges && socket.status === 'connected') {
      setWaiting(config.projectId, 0);
      filesSoon();
    }
  };
  provider.on('status', onChange);
  provider.on('synced', onChange);
  provider.on('unsyncedChanges', onChange);
  provider.on('awarenessChange', () => useTeamStore.getState().patch({ peers: peersOf(provider) }));
  provider.attach();
  provider.setAwarenessField('user', { name: config.name, role: config.role, memberId: config.memberId, color: colors[config.name.length % colors.length] });
  void publishReading(provider, useUiStore.getState().openDocumentId);
  const stopReading = useUiStore.subscribe((state, previous) => {
    if (state.openDocumentId !== previous.openDocumentId) void publishReading(provider, state.openDocumentId);
  });
  // The laptop knows when it loses the network; waiting for the socket to time out would hide that for 30 s.
  const offline = () => {
    provider.disconnect();
    socket.disconnect();
    refreshStatus(provider, socket);
  };
  const online = () => {
    void socket.connect();
    void provider.connect();
  };
  window.addEventListener('offline', offline);
  window.addEventListener('online', online);

  filesSoon();

  return {
    config,
    doc,
    mirror,
    persistence,
    socket,
    provider,
    files,
    stop() {
      stopReading();
      window.removeEventListener('offline', offline);
      window.removeEventListener('online', online);
      syncedStore.detach();
      provider.destroy();
      socket.destroy();
      mirror.destroy();
    },
  };
}

function debounce(fn: () => void, ms: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(fn, ms);
  };
}

async function saveConfig(config: TeamConfig | undefined) {
  if (config) await db.settings.put({ key: CONFIG_KEY, value: config });
  else await db.settings.delete(CONFIG_KEY);
}

/** At start-up: carries on a Share or Join that reloaded the window, or reopens the team project. */
export async function resumeTeam(): Promise<void> {
  const pendingText = sessionStorage.getItem(PENDING_KEY);
  if (pendingText) {
    sessionStorage.removeItem(PENDING_KEY);
    const pending = pendingSchema.safeParse(JSON.parse(pendingText));
    if (pending.success) {
      await runTeamRequest(pending.data).catch(() => undefined);
      return;
    }
  }
  const stored = configSchema.safeParse((await db.settings.get(CONFIG_KEY))?.value);
  if (!stored.success) return;
  try {
    session = await start(stored.data);
  } catch (error) {
    useTeamStore.getState().patch({ problem: `The team project could not be opened: ${error instanceof Error ? error.message : String(error)}` });
  }
}

async function libraryIsEmpty(): Promise<boolean> {
  const counts = await Promise.all([db.debates.count(), db.documents.count(), db.claims.count(), db.sources.count()]);
  return counts.every((n) => n === 0);
}

/**
 * Share project… and Join project…: lets the window reach the server (reloading once if its CSP must change),
 * trades the invitation for membership, and starts the project. Errors come back as one sentence and change
 * nothing here.
 */
export async function runTeamRequest(req: TeamRequest): Promise<void> {
  const team = useTeamStore.getState();
  team.patch({
    busy: req.kind === 'share' ? 'Sharing the project…' : 'Joining the project…',
    problem: undefined,
    dialog: req.kind,
    draft: { serverUrl: req.serverUrl, invitation: req.invitation, name: req.name },
  });
  try {
    if (session) throw new ServerError('This library is already in a team project: leave it first.');
    const serverUrl = normaliseServerUrl(req.serverUrl);
    if (!req.name.trim()) throw new ServerError('Give your name, so your team sees who made each change.');
    if (!req.invitation.trim()) throw new ServerError('Paste the invitation you were given.');
    if (req.kind === 'join' && !(await libraryIsEmpty())) {
      throw new ServerError('Join project… needs an empty library: export or back up this one first, then start from an empty profile.');
    }
    const { changed } = await request('teamAllowServer', { url: serverUrl });
    if (changed) {
      // The page's CSP names the server it may reach; a new server needs a fresh page. Carry on after the reload.
      sessionStorage.setItem(PENDING_KEY, JSON.stringify({ ...req, serverUrl }));
      location.reload();
      return;
    }
    const joined = await joinWithInvitation(serverUrl, req.invitation, req.name);
    if (req.kind === 'share' && joined.role !== 'owner') {
      throw new ServerError(`This invitation makes you ${joined.role === 'viewer' ? 'a viewer' : 'an editor'} of an existing project: use Join project… instead.`);
    }
    const config: TeamConfig = {
      serverUrl,
      projectId: joined.projectId,
      projectName: joined.projectName || 'Team project',
      token: joined.token,
      memberId: joined.memberId,
      name: joined.name,
      role: joined.role,
    };
    session = await start(config, req.kind === 'share' ? { scope: req.scope ?? { kind: 'library' } } : undefined);
    await saveConfig(config);
    useTeamStore.getState().patch({ busy: undefined, dialog: undefined });
    useUiStore.getState().notify(req.kind === 'share' ? `Shared as “${config.projectName}”.` : `Joined “${config.projectName}” as ${config.role}.`);
  } catch (error) {
    useTeamStore.getState().patch({ busy: undefined, problem: error instanceof Error ? error.message : String(error) });
    throw error;
  }
}

/** Leaves the team project: the records stay here as a local library; the project's sync state is removed. */
export async function leaveTeam(): Promise<void> {
  const current = session;
  if (!current) return;
  session = undefined;
  current.stop();
  await current.persistence.clearData();
  localStorage.removeItem(waitingKey(current.config.projectId));
  await saveConfig(undefined);
  await request('teamAllowServer', { url: null }).catch(() => undefined);
  useTeamStore.setState({ ...createInitialTeamState() });
  useUiStore.getState().notify(`Left “${current.config.projectName}”. Its records stay in this library.`);
}

export function roleOf(): SyncRole | undefined {
  return session?.config.role;
}
