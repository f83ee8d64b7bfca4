import { lazy, Suspense, useEffect, useState } from 'react';
import { api, isDesktop } from './api/api.js';
import { db } from './db/database.js';
import { DebateFormDialog } from './features/debates/DebateFormDialog.js';
import { DebateView } from './features/debates/DebateView.js';
import { DeleteDebateDialog } from './features/debates/DeleteDebateDialog.js';
import { LibraryPanel } from './features/library/LibraryPanel.js';
import { commandForKey, runCommand } from './features/shell/commands.js';
import { AboutDialog, ShortcutsDialog } from './features/shell/HelpDialogs.js';
import { MenuBar } from './features/shell/MenuBar.js';
import { MenuStateSync } from './features/shell/MenuStateSync.js';
import { takeOpenedFiles } from './features/shell/openedFiles.js';
import { SidePanel } from './features/shell/SidePanel.js';
import { READING_AREA_ID, SkipLinks } from './features/shell/SkipLinks.js';
import { ErrorBoundary } from './features/shell/ErrorBoundary.js';
import { Toasts } from './features/shell/Toasts.js';
import { useUiStore } from './state/uiStore.js';
import { createInitialUndoState, useUndoHistory } from './features/undo/undoHistory.js';
import { ImportDialog } from './features/import/ImportDialog.js';
import { ImportFileInput } from './features/import/importChooser.js';
import { readFiles, useImportStore } from './features/import/importStore.js';
import { DocumentReader } from './features/reader/DocumentReader.js';
import { SectionNav } from './features/shell/SectionNav.js';
import { ensureBuiltInScales } from '../shared/domain/claims.js';
import { store } from './db/store.js';
import { prepareFormats } from './format/format.js';
import { SearchDialog } from './features/search/SearchDialog.js';
import { BackupsRoot } from './features/backups/BackupsRoot.js';
import { DamagedDatabaseScreen } from './features/backups/DamagedDatabaseScreen.js';
import { backupBeforeUpgrade, checkForRecovery, startAutomaticBackups } from './features/backups/backupService.js';
import { TeamBar } from './features/team/TeamBar.js';
import { TeamRoot } from './features/team/TeamRoot.js';
import { resumeTeam } from './features/team/teamSession.js';

// The sources, compare and reports views load when first opened: with the PDF reader, the report exporters and the
// citation styles they bring, they are most of the window's code, which a start would otherwise compile and run
// before showing anything.
const SourcesView = lazy(() => import('./features/sources/SourcesView.js').then((m) => ({ default: m.SourcesView })));
const CompareView = lazy(() => import('./features/compare/CompareView.js').then((m) => ({ default: m.CompareView })));
const ReportsView = lazy(() => import('./features/reports/ReportsView.js').then((m) => ({ default: m.ReportsView })));

const LAST_DEBATE_KEY = 'lastDebateId';
const LAST_DOCUMENT_KEY = 'lastDocumentId';

/** Adding the built-in scales at start-up is not an action the user should be able to undo. */
function resetUndoHistory() {
  useUndoHistory.setState(createInitialUndoState());
}

/** Opens the database and restores the last open debate; the app shows nothing until this is done. */
async function startUp(): Promise<void> {
  // Between the database's answers the window is idle: make the number formats then (see prepareFormats).
  setTimeout(prepareFormats, 0);
  // Dexie upgrades an older database as it opens: keep a copy of it as it was first.
  await backupBeforeUpgrade();
  await db.open();
  await ensureBuiltInScales(store);
  resetUndoHistory();
  // An empty library while good backups exist is offered the newest; then back up as the user works.
  await checkForRecovery().catch((error: unknown) => console.warn('Could not look for backups', error));
  void startAutomaticBackups();
  const last = await db.settings.get(LAST_DEBATE_KEY);
  if (typeof last?.value === 'string' && (await db.debates.get(last.value))) {
    useUiStore.getState().selectDebate(last.value);
    const lastDocument = await db.settings.get(LAST_DOCUMENT_KEY);
    const doc = typeof lastDocument?.value === 'string' ? await db.documents.get(lastDocument.value) : undefined;
    if (doc && doc.debateId === last.value) useUiStore.getState().openDocument(doc.id);
  }
  // Remember the open debate and document for the next start.
  useUiStore.subscribe((state, previous) => {
    if (state.selectedDebateId !== previous.selectedDebateId) void db.settings.put({ key: LAST_DEBATE_KEY, value: state.selectedDebateId ?? null });
    if (state.openDocumentId !== previous.openDocumentId) void db.settings.put({ key: LAST_DOCUMENT_KEY, value: state.openDocumentId ?? null });
  });
  // A team project reconnects (or a Share/Join carries on after the reload that allowed its server).
  void resumeTeam();
}

export function App() {
  const [status, setStatus] = useState<'starting' | 'ready' | { error: string }>('starting');
  const selectedDebateId = useUiStore((s) => s.selectedDebateId);
  const sidePanelOpen = useUiStore((s) => s.sidePanelOpen);
  const dialog = useUiStore((s) => s.dialog);
  const openDocumentId = useUiStore((s) => s.openDocumentId);
  const section = useUiStore((s) => s.section);
  const importOpen = useImportStore((s) => s.open);
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    const started = startUp();
    started.then(
      () => setStatus('ready'),
      (error: unknown) => setStatus({ error: error instanceof Error ? error.message : String(error) }),
    );
    const off = api.on('menuCommand', (command) => void runCommand(command));
    // Files the OS handed the app (double-click, Open with, Open Recent, the command line): waiting ones now, later
    // ones as the main process announces them.
    const offOpened = api.on('filesOpened', () => void started.then(takeOpenedFiles, () => undefined));
    void started.then(takeOpenedFiles, () => undefined);
    const onKey = (event: KeyboardEvent) => {
      if (isDesktop) return; // the native menu's accelerators handle keys in the desktop app
      const command = commandForKey(event);
      if (command) {
        event.preventDefault();
        void runCommand(command);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      off();
      offOpened();
      window.removeEventListener('keydown', onKey);
    };
  }, []);

  useEffect(() => {
    document.body.dataset.appState = typeof status === 'string' ? status : 'error';
  }, [status]);

  if (status === 'starting') return <p className="splash">Opening your library…</p>;
  if (typeof status === 'object') {
    return (
      <main className="splash" aria-label="Claimdesk could not start">
        <h1>Claimdesk could not open its database</h1>
        <p role="alert">{status.error}</p>
        <p>Nothing has been deleted. Close other Claimdesk windows and start again.</p>
        <DamagedDatabaseScreen />
      </main>
    );
  }

  return (
    <div
      className={`${sidePanelOpen ? 'app' : 'app no-side'}${dragging ? ' dragging' : ''}`}
      onDragOver={(event) => {
        if (![...event.dataTransfer.types].includes('Files')) return;
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(event) => {
        if (event.currentTarget === event.target) setDragging(false);
      }}
      onDrop={async (event) => {
        if (event.dataTransfer.files.length === 0) return;
        event.preventDefault();
        setDragging(false);
        const store = useImportStore.getState();
        store.openImport(useUiStore.getState().selectedDebateId);
        store.addFiles(await readFiles(event.dataTransfer.files));
      }}
    >
      <SkipLinks />
      <header className="app-header">
        <h1 className="app-title">Claimdesk</h1>
        {isDesktop ? <MenuStateSync /> : <MenuBar />}
        <SectionNav />
        <TeamBar />
      </header>
      <ErrorBoundary label="The library">
        <LibraryPanel />
      </ErrorBoundary>
      <main className="reading-area" aria-label="Reading area" id={READING_AREA_ID} tabIndex={-1}>
        <ErrorBoundary label="This section" resetKey={`${section}:${selectedDebateId ?? ''}:${openDocumentId ?? ''}`}>
        <Suspense fallback={<p className="muted" role="status">Opening…</p>}>
        {section === 'sources' ? (
          <SourcesView />
        ) : section === 'compare' ? (
          <CompareView />
        ) : section === 'reports' ? (
          <ReportsView />
        ) : openDocumentId ? (
          <DocumentReader documentId={openDocumentId} />
        ) : selectedDebateId ? (
          <DebateView debateId={selectedDebateId} />
        ) : (
          <div className="empty-state">
            <h2>Welcome to Claimdesk</h2>
            <p>Pick a debate from the library, or create one with New debate (Ctrl+N). Press F1 for keyboard shortcuts.</p>
          </div>
        )}
        </Suspense>
        </ErrorBoundary>
      </main>
      {sidePanelOpen && (
        <ErrorBoundary label="The details panel" resetKey={`${selectedDebateId ?? ''}:${openDocumentId ?? ''}`}>
          <SidePanel />
        </ErrorBoundary>
      )}
      {/* Dialogs catch their own render errors inside Modal; these catch what fails around them. */}
      <ErrorBoundary label="A dialog" resetKey={dialog?.kind}>
        {dialog?.kind === 'debate-form' && <DebateFormDialog {...(dialog.debateId ? { debateId: dialog.debateId } : {})} />}
        {dialog?.kind === 'confirm-delete-debate' && <DeleteDebateDialog debateId={dialog.debateId} />}
        {dialog?.kind === 'about' && <AboutDialog />}
        {dialog?.kind === 'shortcuts' && <ShortcutsDialog />}
      </ErrorBoundary>
      <ImportFileInput />
      <ErrorBoundary label="The import dialog" resetKey={importOpen}>
        {importOpen && <ImportDialog />}
      </ErrorBoundary>
      <ErrorBoundary label="Search">
        <SearchDialog />
      </ErrorBoundary>
      <ErrorBoundary label="The backups dialog">
        <BackupsRoot />
      </ErrorBoundary>
      <ErrorBoundary label="The team dialogs">
        <TeamRoot />
      </ErrorBoundary>
      <Toasts />
    </div>
  );
}
