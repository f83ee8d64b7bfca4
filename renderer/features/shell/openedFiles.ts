import { request } from '../../api/api.js';
import { useUiStore } from '../../state/uiStore.js';
import { openProjectFile } from '../bundles/incomingProject.js';
import { useImportStore } from '../import/importStore.js';
import { planOpenedFiles } from './openedFilesPlan.js';

let queue: Promise<void> = Promise.resolve();

/** Takes the waiting files from the main process and opens them; calls run one after another. */
export function takeOpenedFiles(): Promise<void> {
  queue = queue.then(async () => {
    const { files, failures } = await request('filesTakeOpened', {});
    const ui = useUiStore.getState();
    for (const failure of failures) ui.notify(failure.message, 'error');
    const plan = planOpenedFiles(files);
    for (const note of plan.notes) ui.notify(note);
    if (plan.project) openProjectFile({ name: plan.project.name, bytes: plan.project.bytes });
    if (plan.documents.length > 0) {
      const imports = useImportStore.getState();
      imports.openImport(ui.selectedDebateId);
      imports.addFiles(plan.documents.map(({ name, bytes }) => ({ name, bytes })));
    }
  }).catch((error: unknown) => {
    useUiStore.getState().notify(`The files could not be opened: ${error instanceof Error ? error.message : String(error)}`, 'error');
  });
  return queue;
}
