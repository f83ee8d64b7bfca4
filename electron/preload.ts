import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { contract, events, type ClaimdeskApi, type EventName, type EventPayload, type RequestOf } from '../shared/contract.js';

/**
 * The window's only door to the main process: one object of named functions, one per contract channel. Never
 * ipcRenderer itself and never a generic invoke(channel), so an XSS in the window cannot reach arbitrary channels.
 */
const call = (channel: string, request: unknown) => ipcRenderer.invoke(channel, request);

const api = {
  appInfo: (request: RequestOf<'appInfo'>) => call(contract.appInfo.channel, request),
  vaultPut: (request: RequestOf<'vaultPut'>) => call(contract.vaultPut.channel, request),
  vaultGet: (request: RequestOf<'vaultGet'>) => call(contract.vaultGet.channel, request),
  vaultHas: (request: RequestOf<'vaultHas'>) => call(contract.vaultHas.channel, request),
  linksOpenExternal: (request: RequestOf<'linksOpenExternal'>) => call(contract.linksOpenExternal.channel, request),
  filesPick: (request: RequestOf<'filesPick'>) => call(contract.filesPick.channel, request),
  sampleFiles: (request: RequestOf<'sampleFiles'>) => call(contract.sampleFiles.channel, request),
  documentsParse: (request: RequestOf<'documentsParse'>) => call(contract.documentsParse.channel, request),
  documentsCancelParse: (request: RequestOf<'documentsCancelParse'>) => call(contract.documentsCancelParse.channel, request),
  sourcesImportCitations: (request: RequestOf<'sourcesImportCitations'>) => call(contract.sourcesImportCitations.channel, request),
  sourcesReadTable: (request: RequestOf<'sourcesReadTable'>) => call(contract.sourcesReadTable.channel, request),
  filesOpenInOs: (request: RequestOf<'filesOpenInOs'>) => call(contract.filesOpenInOs.channel, request),
  filesShowInFolder: (request: RequestOf<'filesShowInFolder'>) => call(contract.filesShowInFolder.channel, request),
  backupsWrite: (request: RequestOf<'backupsWrite'>) => call(contract.backupsWrite.channel, request),
  backupsList: (request: RequestOf<'backupsList'>) => call(contract.backupsList.channel, request),
  backupsRead: (request: RequestOf<'backupsRead'>) => call(contract.backupsRead.channel, request),
  backupsSetBudget: (request: RequestOf<'backupsSetBudget'>) => call(contract.backupsSetBudget.channel, request),
  backupsQuitDone: (request: RequestOf<'backupsQuitDone'>) => call(contract.backupsQuitDone.channel, request),
  filesSave: (request: RequestOf<'filesSave'>) => call(contract.filesSave.channel, request),
  reportsPrintPdf: (request: RequestOf<'reportsPrintPdf'>) => call(contract.reportsPrintPdf.channel, request),
  menuSetState: (request: RequestOf<'menuSetState'>) => call(contract.menuSetState.channel, request),
  filesTakeOpened: (request: RequestOf<'filesTakeOpened'>) => call(contract.filesTakeOpened.channel, request),
  teamAllowServer: (request: RequestOf<'teamAllowServer'>) => call(contract.teamAllowServer.channel, request),
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    const channel = events[event].channel;
    // Wrap so the page never sees the IpcRendererEvent (it exposes sender.send).
    const wrapped = (_event: IpcRendererEvent, payload: EventPayload<E>) => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => {
      ipcRenderer.removeListener(channel, wrapped);
    };
  },
} satisfies ClaimdeskApi;

contextBridge.exposeInMainWorld('claimdesk', api);
