import { z } from 'zod';
import type { ParsedImport } from './import/parsedDocument.js';
import { cleanFileName } from './fileNames.js';
import type { Source } from './model.js';

/**
 * The one contract between the main process and the window. Every channel is declared here and nowhere else:
 * its `domain:verb` name, the zod schema of its single request object, and its result type. Electron IPC
 * (electron/ipc/registerIpc.ts) and the HTTP transport (electron/transport/httpTransport.ts) both serve it.
 */

/** Why a request failed; the window shows `message` to the user as it is. */
export const ERROR_CODES = [
  'invalid-request',
  'not-found',
  'too-large',
  'unsupported',
  'parse-failed',
  'cancelled',
  'unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** A failed request: a code for the program and one clear sentence for the user. */
export interface ApiError {
  code: ErrorCode;
  message: string;
}

/** Every channel answers with a Result, never a thrown error or a stack trace. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

interface ChannelDef<Name extends string, Request extends z.ZodType, Res> {
  channel: Name;
  request: Request;
  /** Phantom: carries the result type only. */
  readonly result?: Res;
}

const channel =
  <Res>() =>
  <Name extends string, Request extends z.ZodType>(name: Name, request: Request): ChannelDef<Name, Request, Res> => ({
    channel: name,
    request,
  });

const bytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array, { message: 'expected file bytes' });
/** A SHA-256 in lowercase hex: the only way to name a file in the vault. */
export const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 hash (64 hex characters)');
/**
 * A file name as it crosses between processes: format characters (bidi overrides, zero-width joiners) and control
 * characters are removed here, once, so no handler and no view ever sees a name that displays as something else.
 */
const cleaned = (schema: z.ZodString) =>
  schema.transform(cleanFileName).refine((name) => name.length > 0, { message: 'expected a file name with visible characters' });
const fileName = cleaned(z.string().min(1).max(255));
/** A bare file name, never a path. */
const bareFileName = cleaned(z.string().min(1).max(255).regex(/^[^\\/:*?"<>|\u0000-\u001f]+$/, 'expected a file name without a folder'));

/** Facts about the running app, for Help › About. */
export interface AppInfo {
  name: string;
  version: string;
  /** 'electron' inside the desktop app, 'preview' in the browser preview. */
  shell: 'electron' | 'preview';
  platform: string;
  versions: Record<string, string>;
  userDataPath: string;
}

/** What the vault says about a stored file. */
export interface VaultEntry {
  hash: string;
  size: number;
  /** True when the same bytes were already stored. */
  existed: boolean;
}

/** What sources:import-citations found: new sources, and every entry left out (duplicate or broken) with why. */
export interface CitationImportResult {
  sources: Source[];
  duplicates: { entry: string; existingId?: string; reason: string }[];
  errors: { entry: string; reason: string }[];
  format: 'csl-json' | 'bibtex' | 'ris';
}

/** A CSV or XLSX read for the table viewer: each sheet's header row as columns, the rest as text cells. */
export interface TableData {
  sheets: { name: string; columns: string[]; rows: string[][] }[];
  /** The SHA-256 of the bytes read (a stored file that no longer matches its hash shows here). */
  sha256?: string;
}

/** A file the user picked in a dialog the main process opened. */
export interface PickedFile {
  name: string;
  bytes: Uint8Array;
}

/** A file the OS asked Claimdesk to open (double-click, "Open with", command line, Open Recent), read by the main process. */
export interface OpenedFile extends PickedFile {
  /** 'project': a .claimdesk bundle, for the Import project dialog; 'document': a transcript or article, for Import. */
  kind: 'project' | 'document';
}

/**
 * What the native menu needs to know of the window to enable its items (see shared/menuState.ts). Undo labels name
 * the action ("Add claim") and may quote a record briefly: they are shown in the menu and never written to the log.
 */
export const menuStateSchema = z
  .object({
    canUndo: z.boolean(),
    undoLabel: z.string().max(80).optional(),
    canRedo: z.boolean(),
    redoLabel: z.string().max(80).optional(),
    /** The library holds no debate yet: nothing to export or search. */
    libraryEmpty: z.boolean(),
    /** A modal dialog is open: commands that open another dialog wait until it closes. */
    modalOpen: z.boolean(),
    /** Focus is in a text field, whose own typing history Undo and Redo then act on. */
    editingText: z.boolean(),
  })
  .strict();
export type MenuState = z.output<typeof menuStateSchema>;

/** Why a backup was made. 'damaged' is a copy of what could be read from a database that would not open. */
export const BACKUP_REASONS = ['quit', 'interval', 'before-import', 'before-upgrade', 'before-restore', 'manual', 'damaged'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

/** One backup of the library kept under the user-data folder. */
export interface BackupEntry {
  id: string;
  createdAt: string;
  reason: BackupReason;
  size: number;
  /** Records per table, from the bundle's manifest. */
  counts: Record<string, number>;
  /**
   * True when, checked just now, the backup is what was written: its size and SHA-256 match, it opens with the
   * record counts its manifest states, and the files it needs are there. Never taken from a stored flag.
   */
  verified: boolean;
  /** Why the backup cannot be restored (empty, altered, unreadable, files missing), in one sentence. */
  damage?: string;
  /** Vault files the library referred to but did not have when this backup was made. */
  missingFiles?: number;
  schemaVersion?: number;
  /** The browser profile that wrote it (the preview may serve several). */
  profileId?: string;
}
/** How much the backup folder holds against the size budget the user can set. */
export interface BackupUsage {
  usedBytes: number;
  budgetBytes: number;
  /** The backups' bundles (records). */
  bundleBytes: number;
  /** Vault files the backups keep, each once however many backups use it. */
  fileBytes: number;
  fileCount: number;
  backupCount: number;
}
const backupId = z.string().regex(/^backup-\d{8}T\d{9}Z-[a-z-]+-[0-9a-f]{8}$/, 'expected a backup id');

export const contract = {
  appInfo: channel<AppInfo>()('app:info', z.object({}).strict()),

  vaultPut: channel<VaultEntry>()('vault:put', z.object({ bytes }).strict()),
  vaultGet: channel<{ bytes: Uint8Array }>()('vault:get', z.object({ hash: sha256Hex }).strict()),
  vaultHas: channel<{ exists: boolean; size?: number }>()('vault:has', z.object({ hash: sha256Hex }).strict()),

  linksOpenExternal: channel<{ opened: boolean }>()(
    'links:open-external',
    z.object({ url: z.string().min(1).max(4096) }).strict(),
  ),

  filesPick: channel<{ files: PickedFile[] }>()(
    'files:pick',
    z
      .object({
        purpose: z.enum(['import', 'attachment', 'citations', 'bundle']),
        multiple: z.boolean().default(true),
      })
      .strict(),
  ),

  /** The sample project's files (the seed article, the NATO figures), for the first-start sample. */
  sampleFiles: channel<{ files: PickedFile[] }>()('sample:files', z.object({}).strict()),

  documentsParse: channel<ParsedImport>()(
    'documents:parse',
    z
      .object({
        fileName,
        bytes,
        /** Lets the window cancel this parse with documents:cancel-parse. */
        jobId: z.string().min(1).max(64).optional(),
      })
      .strict(),
  ),
  documentsCancelParse: channel<{ cancelled: boolean }>()(
    'documents:cancel-parse',
    z.object({ jobId: z.string().min(1).max(64) }).strict(),
  ),

  /** Reads a CSL-JSON, BibTeX or RIS export; good entries come back as new sources, the rest listed with reasons. */
  sourcesImportCitations: channel<CitationImportResult>()(
    'sources:import-citations',
    z
      .object({
        fileName,
        bytes,
        /** A light copy of the library (ids and CSL items) to catch duplicates against. */
        existing: z.array(z.object({ id: z.string().min(1).max(200), csl: z.record(z.string(), z.unknown()) }).strict()).max(200_000),
      })
      .strict(),
  ),
  /** Reads a CSV or XLSX file from the vault as sheets of text cells, for the table viewer. */
  sourcesReadTable: channel<TableData>()('sources:read-table', z.object({ hash: sha256Hex, fileName }).strict()),
  /**
   * Copies a vault file to a folder under user data and opens it in the OS application, only when it is a PDF, CSV,
   * XLSX, DOCX, text or HTML file by name and by content (shared/openableFiles.ts); HTML opens as text.
   */
  filesOpenInOs: channel<{ opened: boolean }>()(
    'files:open-in-os',
    z.object({ hash: sha256Hex, fileName: bareFileName }).strict(),
  ),
  /** Copies a vault file (any type) under user data and shows it in the OS file manager, without opening it. */
  filesShowInFolder: channel<{ shown: boolean }>()(
    'files:show-in-folder',
    z.object({ hash: sha256Hex, fileName: bareFileName }).strict(),
  ),

  /** Saves bytes the window made (a report, an export) through a save dialog the main process opens itself. */
  filesSave: channel<{ saved: boolean; path?: string }>()(
    'files:save',
    z
      .object({
        /** A bare file name for the dialog to start from; never a path. */
        suggestedName: bareFileName,
        bytes,
        filters: z
          .array(z.object({ name: z.string().min(1).max(100), extensions: z.array(z.string().regex(/^[a-z0-9]{1,10}$/i)).min(1).max(10) }).strict())
          .max(10)
          .optional(),
      })
      .strict(),
  ),
  /** Prints a report's self-contained HTML to PDF with Chromium's print engine, in a window that runs no script. */
  reportsPrintPdf: channel<{ bytes: Uint8Array }>()(
    'reports:print-pdf',
    z.object({ html: z.string().min(1).max(50_000_000) }).strict(),
  ),

  /** Writes a backup bundle the window built, atomically, verifies it, and rotates old ones. */
  backupsWrite: channel<BackupEntry>()(
    'backups:write',
    z
      .object({
        bytes,
        reason: z.enum(BACKUP_REASONS),
        profileId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional(),
      })
      .strict(),
  ),
  /** The backups kept, newest first, each checked by its contents now; and the folder's use of its budget. */
  backupsList: channel<{ entries: BackupEntry[]; usage: BackupUsage }>()('backups:list', z.object({}).strict()),
  /** Sets the backup folder's size budget; the oldest backups beyond it are removed at once. */
  backupsSetBudget: channel<BackupUsage>()(
    'backups:set-budget',
    z.object({ budgetBytes: z.number().int().min(50 * 1024 ** 2, 'a budget of at least 50 MB').max(16 * 1024 ** 4) }).strict(),
  ),
  /** A backup's bundle, after checking it is unaltered; the vault files it needs are put back in the vault first. */
  backupsRead: channel<{ bytes: Uint8Array }>()('backups:read', z.object({ id: backupId }).strict()),
  /**
   * Lets the window talk to one team sync server (or to none, with null): the window's CSP names exactly that
   * server's origins from the next page load on. `changed` says the window must reload before it connects.
   */
  teamAllowServer: channel<{ changed: boolean }>()(
    'team:allow-server',
    z.object({ url: z.string().url().max(2048).regex(/^(https?|wss?):\/\//, 'expected an http(s) or ws(s) address').nullable() }).strict(),
  ),
  /** The window's answer to backupsQuitRequested: it has written its quit backup (or had nothing to save). */
  backupsQuitDone: channel<{ closing: boolean }>()('backups:quit-done', z.object({ written: z.boolean() }).strict()),

  /** The window's state, for the native menu's enabled items and Undo/Redo labels. */
  menuSetState: channel<{ applied: boolean }>()('menu:set-state', menuStateSchema),
  /** Takes the files the OS asked Claimdesk to open, and why any could not be read; each is handed over once. */
  filesTakeOpened: channel<{ files: OpenedFile[]; failures: { name: string; message: string }[] }>()(
    'files:take-opened',
    z.object({}).strict(),
  ),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
/** The request a caller sends (defaults may be left out). */
export type RequestOf<M extends MethodName> = z.input<Contract[M]['request']>;
/** The request a handler receives, after validation filled defaults. */
export type ValidRequestOf<M extends MethodName> = z.output<Contract[M]['request']>;
export type ResultOf<M extends MethodName> = Contract[M] extends ChannelDef<string, z.ZodType, infer R> ? R : never;
export type ChannelName = Contract[MethodName]['channel'];

/** Commands the native menu (or the in-window menu bar) sends to the window. */
export const MENU_COMMANDS = [
  'debate:new',
  'file:import',
  'edit:undo',
  'edit:redo',
  'view:toggle-side-panel',
  'view:search',
  'help:shortcuts',
  'help:about',
  'file:export-project',
  'file:import-project',
  'file:restore-backup',
  'file:share-project',
  'file:join-project',
  'annotate:claim',
  'annotate:note',
  'annotate:tag',
  'annotate:next-claim',
  'annotate:previous-claim',
  'annotate:open-claim',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** Progress of a long parse, sent while documents:parse runs. */
export interface ParseProgress {
  jobId: string;
  stage: 'reading' | 'parsing' | 'structuring' | 'done';
  /** 0..1 */
  fraction: number;
}

/** Events the main process pushes to the window. */
export const events = {
  /** The desktop app is closing: the window should write its quit backup, then answer with backupsQuitDone. */
  backupsQuitRequested: { channel: 'backups:quit-requested', payload: z.object({}) },
  menuCommand: { channel: 'menu:command', payload: z.enum(MENU_COMMANDS) },
  /** The OS handed the app files to open: the window takes them with filesTakeOpened. */
  filesOpened: { channel: 'files:opened', payload: z.object({ count: z.number().int().min(0) }) },
  parseProgress: {
    channel: 'documents:parse-progress',
    payload: z.object({
      jobId: z.string(),
      stage: z.enum(['reading', 'parsing', 'structuring', 'done']),
      fraction: z.number().min(0).max(1),
    }),
  },
} as const;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]['payload']>;

/** What the preload exposes as `window.claimdesk`, and what the HTTP client implements for the browser preview. */
export type ClaimdeskApi = {
  [M in MethodName]: (request: RequestOf<M>) => Promise<Result<ResultOf<M>>>;
} & {
  /** Subscribe to pushed events; returns the function that unsubscribes. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

/** Looks a channel name up; the transports use it to route requests. */
export function methodForChannel(name: string): MethodName | undefined {
  for (const method of Object.keys(contract) as MethodName[]) {
    if (contract[method].channel === name) return method;
  }
  return undefined;
}
