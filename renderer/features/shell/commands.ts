import type { MenuCommand } from '../../../shared/contract.js';
import { useUiStore } from '../../state/uiStore.js';
import { useUndoHistory } from '../undo/undoHistory.js';
import { chooseFilesToImport } from '../import/importChooser.js';

/** The keyboard shortcuts, as listed in the help panel and matched in the browser preview. */
export const SHORTCUTS: { command: MenuCommand; keys: string; label: string }[] = [
  { command: 'debate:new', keys: 'Ctrl+N', label: 'New debate' },
  { command: 'file:import', keys: 'Ctrl+O', label: 'Import files' },
  { command: 'edit:undo', keys: 'Ctrl+Z', label: 'Undo' },
  { command: 'edit:redo', keys: 'Ctrl+Y or Ctrl+Shift+Z', label: 'Redo' },
  { command: 'view:search', keys: 'Ctrl+K', label: 'Search' },
  { command: 'view:toggle-side-panel', keys: 'Ctrl+\\', label: 'Show or hide the side panel' },
  { command: 'help:shortcuts', keys: 'F1', label: 'Keyboard shortcuts' },
  { command: 'annotate:claim', keys: 'C (with text selected)', label: 'Make the selection a claim' },
  { command: 'annotate:note', keys: 'N (with text selected)', label: 'Add a note on the selection' },
  { command: 'annotate:tag', keys: 'T (with text selected)', label: 'Tag the selection' },
  { command: 'annotate:next-claim', keys: 'J or Alt+↓', label: 'Next claim in the document' },
  { command: 'annotate:previous-claim', keys: 'K or Alt+↑', label: 'Previous claim in the document' },
  { command: 'annotate:open-claim', keys: 'Enter', label: 'Open the current claim in the side panel' },
];

/** Extra handlers features register for commands they own (import, search). */
const extraHandlers = new Map<MenuCommand, () => void>();
export function onCommand(command: MenuCommand, handler: () => void): () => void {
  extraHandlers.set(command, handler);
  return () => extraHandlers.delete(command);
}

function inTextField(): boolean {
  const el = document.activeElement;
  return el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || (el instanceof HTMLElement && el.isContentEditable);
}

/** Runs a command from the native menu, the in-window menu bar or a shortcut. */
export async function runCommand(command: MenuCommand): Promise<void> {
  const ui = useUiStore.getState();
  const extra = extraHandlers.get(command);
  if (extra) return extra();
  switch (command) {
    case 'debate:new':
      return ui.openDialog({ kind: 'debate-form' });
    case 'edit:undo':
    case 'edit:redo': {
      // In a text field, undo means the field's own typing history.
      if (inTextField()) {
        document.execCommand(command === 'edit:undo' ? 'undo' : 'redo');
        return;
      }
      const history = useUndoHistory.getState();
      const label = command === 'edit:undo' ? await history.undo() : await history.redo();
      ui.notify(label ? `${command === 'edit:undo' ? 'Undid' : 'Redid'}: ${label}` : `Nothing to ${command === 'edit:undo' ? 'undo' : 'redo'}.`);
      return;
    }
    case 'view:toggle-side-panel':
      return ui.toggleSidePanel();
    case 'help:shortcuts':
      return ui.openDialog({ kind: 'shortcuts' });
    case 'help:about':
      return ui.openDialog({ kind: 'about' });
    case 'file:import':
      // One step: straight to the system's file chooser; the Import dialog opens with what was chosen.
      return chooseFilesToImport(ui.selectedDebateId);
    case 'view:search':
      // The search dialog registers this command when it mounts; until then there is nothing to open.
      return;
  }
}

/** Maps a key press to a command, for the browser preview (the desktop app's menu has the accelerators). */
export function commandForKey(event: KeyboardEvent): MenuCommand | undefined {
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  if (event.key === 'F1') return 'help:shortcuts';
  if (!mod || event.altKey) return undefined;
  if (key === 'n' && !event.shiftKey) return 'debate:new';
  if (key === 'o' && !event.shiftKey) return 'file:import';
  if (key === 'z') return event.shiftKey ? 'edit:redo' : 'edit:undo';
  if (key === 'y') return 'edit:redo';
  if (key === 'k') return 'view:search';
  if (key === '\\') return 'view:toggle-side-panel';
  return undefined;
}
