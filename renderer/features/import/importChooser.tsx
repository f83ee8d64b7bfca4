import { isDesktop, request } from '../../api/api.js';
import { useUiStore } from '../../state/uiStore.js';
import { readFiles, useImportStore } from './importStore.js';

/** What the import pipeline reads (see electron/import). */
export const ACCEPT = '.txt,.md,.markdown,.docx,.pdf,.html,.htm,.srt,.vtt,.csv,.json,text/*,application/pdf';

/** The page-wide file input the Import command clicks in the browser preview (outside any dialog). */
const IMPORT_INPUT_ID = 'import-files-input';
/** The debate chosen files go into, while the system's file chooser is open. */
let pendingTarget: string | undefined;

/**
 * Import in one step: opens the system's file chooser at once (the native dialog in the desktop app, a file input
 * in the browser preview); the Import dialog appears with the chosen files, and not at all when the user cancels.
 * `input` is the file input to click in the preview (the page-wide one by default).
 */
export async function chooseFilesToImport(targetDebateId: string | undefined, input?: HTMLInputElement | null): Promise<void> {
  const store = useImportStore.getState();
  if (isDesktop) {
    try {
      const { files } = await request('filesPick', { purpose: 'import', multiple: true });
      if (files.length === 0) return;
      if (!store.open) store.openImport(targetDebateId);
      store.addFiles(files);
    } catch (error) {
      useUiStore.getState().notify(error instanceof Error ? error.message : String(error), 'error');
    }
  } else {
    pendingTarget = targetDebateId;
    (input ?? (document.getElementById(IMPORT_INPUT_ID) as HTMLInputElement | null))?.click();
  }
}

/** A chosen file list into the import: opens the dialog (for the debate the chooser was opened for) with them. */
export async function takeFiles(input: HTMLInputElement): Promise<void> {
  const files = input.files ? [...input.files] : [];
  input.value = '';
  if (files.length === 0) return;
  const store = useImportStore.getState();
  if (!store.open) store.openImport(pendingTarget);
  store.addFiles(await readFiles(files));
}

/**
 * The page's file input for the Import command (browser preview). Hidden from everyone (display: none): the command,
 * the menu item and the dialog's button are the controls; a screen reader must not meet a second, nameless button.
 */
export function ImportFileInput() {
  return <input id={IMPORT_INPUT_ID} type="file" multiple accept={ACCEPT} hidden aria-hidden="true" tabIndex={-1} onChange={(event) => void takeFiles(event.currentTarget)} />;
}

