import type { AppInfo, MenuState, MethodName, PickedFile, ResultOf, ValidRequestOf, EventName, EventPayload, TableData } from '../../shared/contract.js';
import type { ParsedImport } from '../../shared/import/parsedDocument.js';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { serverOrigins, writeTeamServer } from '../team/teamServerSetting.js';
import { FileVault } from '../vault/fileVault.js';
import { BackupError, BackupStore } from '../backup/backupStore.js';
import { HandlerError } from './handlerError.js';
import { safeExternalUrl } from './externalLinks.js';
import { importCitationFile } from '../sources/importCitations.js';
import { openVaultFileInOs, showVaultFileInFolder } from '../sources/openInOs.js';

/** What a handler may do besides answering: push events to the window that asked. */
export interface HandlerContext {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

export type Handler<M extends MethodName> = (request: ValidRequestOf<M>, context: HandlerContext) => Promise<ResultOf<M>>;
/** One plain async function per channel; none of them knows about Electron. */
export type Handlers = { [M in MethodName]: Handler<M> };

/** The outside world the handlers need, injected so Electron, the preview server and tests each supply their own. */
export interface HandlerDeps {
  shell: AppInfo['shell'];
  version: string;
  userDataPath: string;
  vault: FileVault;
  /** Opens a URL in the OS browser (Electron's shell.openExternal); tests stub it. */
  openExternal(url: string): Promise<void>;
  /** Opens a native file dialog; undefined where there is none (the browser preview uses a file input). */
  pickFiles?(purpose: string, multiple: boolean): Promise<PickedFile[]>;
  /** Parses an untrusted file (in a worker, with limits). */
  parseDocument(
    fileName: string,
    bytes: Uint8Array,
    jobId: string | undefined,
    onProgress: (stage: 'reading' | 'parsing' | 'structuring' | 'done', fraction: number) => void,
  ): Promise<ParsedImport>;
  cancelParse(jobId: string): boolean;
  /** Reads a CSV or XLSX as sheets of text cells (in the import worker, with its limits); undefined where there is none. */
  readTable?(bytes: Uint8Array, fileName: string): Promise<TableData>;
  /** The folder holding the sample project's files. */
  sampleDir: string;
  /** Opens a file path in its OS application (Electron's shell.openPath); undefined where nothing can be opened. */
  openPath?(filePath: string): Promise<void>;
  /** Shows a file in the OS file manager without opening it (Electron's shell.showItemInFolder). */
  showInFolder?(filePath: string): Promise<void>;
  /** Backups of the library; defaults to <userDataPath>/backups. */
  backups?: BackupStore;
  /** The window answered the quit request (Electron main waits for it before closing); returns whether a close is pending. */
  onQuitBackupDone?(written: boolean): boolean;
  /** Shows a save dialog and writes the bytes where the user chose; undefined where there is none (the preview downloads instead). */
  saveFile?(suggestedName: string, bytes: Uint8Array, filters: Array<{ name: string; extensions: string[] }>): Promise<{ saved: boolean; path?: string }>;
  /** Prints self-contained HTML to PDF with Chromium's print engine, scripts off; undefined outside Electron. */
  printToPdf?(html: string): Promise<Uint8Array>;
  /** Hands the native menu the window's state; undefined where there is no native menu (the preview). */
  setMenuState?(state: MenuState): void;
  /** Files the OS asked the app to open, read by the main process; undefined where the OS cannot hand any over. */
  takeOpenedFiles?(): ResultOf<'filesTakeOpened'>;
}

const SAMPLE_FILES = ['corbyn-nato-article.txt', 'nato-defence-expenditure-pct-gdp-2014-2024.csv'];

export function createHandlers(deps: HandlerDeps): Handlers {
  const backups = deps.backups ?? new BackupStore(path.join(deps.userDataPath, 'backups'), { vault: deps.vault });
  // Backup failures carry a sentence for the user; anything else stays a generic internal error.
  const backupCall = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof BackupError) throw new HandlerError(error.message.includes('no longer there') ? 'not-found' : 'invalid-request', error.message);
      throw error;
    }
  };
  return {
    async teamAllowServer({ url }) {
      if (url !== null && !serverOrigins(url)) throw new HandlerError('invalid-request', 'That is not a server address: write it like https://sync.example.org or http://192.168.1.20:5480.');
      return { changed: await writeTeamServer(deps.userDataPath, url) };
    },
    appInfo: async () => ({
      name: 'Claimdesk',
      version: deps.version,
      shell: deps.shell,
      platform: process.platform,
      versions: Object.fromEntries(
        Object.entries(process.versions).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
      ),
      userDataPath: deps.userDataPath,
    }),

    vaultPut: async ({ bytes }) => deps.vault.put(bytes),
    vaultGet: async ({ hash }) => {
      const bytes = await deps.vault.get(hash);
      if (!bytes) throw new HandlerError('not-found', 'That file is not in the vault.');
      return { bytes };
    },
    vaultHas: async ({ hash }) => deps.vault.has(hash),

    linksOpenExternal: async ({ url }) => {
      const safe = safeExternalUrl(url);
      if (!safe) throw new HandlerError('invalid-request', 'Only web links (http or https) can be opened.');
      await deps.openExternal(safe);
      return { opened: true };
    },

    filesPick: async ({ purpose, multiple }) => {
      if (!deps.pickFiles) throw new HandlerError('unsupported', 'There is no native file dialog here; use the file picker in the window.');
      return { files: await deps.pickFiles(purpose, multiple) };
    },

    sampleFiles: async () => ({
      files: await Promise.all(
        SAMPLE_FILES.map(async (name) => ({ name, bytes: new Uint8Array(await readFile(path.join(deps.sampleDir, name))) })),
      ),
    }),

    documentsParse: async ({ fileName, bytes, jobId }, context) =>
      deps.parseDocument(fileName, bytes, jobId, (stage, fraction) => {
        if (jobId) context.emit('parseProgress', { jobId, stage, fraction });
      }),
    documentsCancelParse: async ({ jobId }) => ({ cancelled: deps.cancelParse(jobId) }),

    sourcesImportCitations: async ({ fileName, bytes, existing }) =>
      importCitationFile(bytes, fileName, existing.map((e) => ({ id: e.id, csl: { ...e.csl, id: e.id, type: String(e.csl.type ?? '') } }))),
    sourcesReadTable: async ({ hash, fileName }) => {
      const bytes = await deps.vault.get(hash);
      if (!bytes) throw new HandlerError('not-found', `${fileName} is not in the vault any more, so it cannot be opened.`);
      if (!deps.readTable) throw new HandlerError('unsupported', 'Tables cannot be read here.');
      // The hash of the bytes actually read, so a re-run can tell when a stored file no longer matches its name.
      return { ...(await deps.readTable(bytes, fileName)), sha256: createHash('sha256').update(bytes).digest('hex') };
    },
    filesOpenInOs: async ({ hash, fileName }) => {
      const open = deps.openPath;
      if (!open) throw new HandlerError('unsupported', 'Files cannot be opened in another application here.');
      await openVaultFileInOs(deps.vault, deps.userDataPath, hash, fileName, open);
      return { opened: true };
    },
    filesShowInFolder: async ({ hash, fileName }) => {
      const show = deps.showInFolder;
      if (!show) throw new HandlerError('unsupported', 'Files cannot be shown in a folder here.');
      await showVaultFileInFolder(deps.vault, deps.userDataPath, hash, fileName, show);
      return { shown: true };
    },

    backupsWrite: async ({ bytes, reason, profileId }) => backupCall(() => backups.write(bytes, reason, profileId)),
    backupsList: async () => ({ entries: await backups.list(), usage: await backups.usage() }),
    backupsSetBudget: async ({ budgetBytes }) => backupCall(() => backups.setBudget(budgetBytes)),
    backupsRead: async ({ id }) => backupCall(async () => ({ bytes: await backups.read(id) })),
    backupsQuitDone: async ({ written }) => ({ closing: deps.onQuitBackupDone?.(written) ?? false }),

    filesSave: async ({ suggestedName, bytes, filters }) => {
      if (!deps.saveFile) throw new HandlerError('unsupported', 'There is no native save dialog here; the file is downloaded by the browser instead.');
      return deps.saveFile(suggestedName, bytes, filters ?? []);
    },
    reportsPrintPdf: async ({ html }) => {
      if (!deps.printToPdf) throw new HandlerError('unsupported', "PDF printing needs the desktop app; use the browser's print dialog instead.");
      return { bytes: await deps.printToPdf(html) };
    },

    menuSetState: async (state) => {
      if (!deps.setMenuState) return { applied: false };
      deps.setMenuState(state);
      return { applied: true };
    },
    filesTakeOpened: async () => deps.takeOpenedFiles?.() ?? { files: [], failures: [] },
  };
}
