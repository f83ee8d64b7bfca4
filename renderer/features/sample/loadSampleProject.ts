import { buildSampleProject } from '../../../shared/domain/sample.js';
import { request } from '../../api/api.js';
import { store } from '../../db/store.js';
import { useUiStore } from '../../state/uiStore.js';

/** Loads the sample project through the app's own import pipeline and opens its article. */
export async function loadSampleProject(): Promise<void> {
  const ui = useUiStore.getState();
  ui.notify('Importing the sample article…');
  try {
    const { files } = await request('sampleFiles', {});
    const sample = await buildSampleProject(store, {
      files,
      parse: (fileName, bytes) => request('documentsParse', { fileName, bytes }),
      storeFile: (bytes) => request('vaultPut', { bytes }),
      readTable: (hash, fileName) => request('sourcesReadTable', { hash, fileName }),
    });
    ui.selectDebate(sample.document.debateId);
    ui.openDocument(sample.document.id);
    ui.notify('The sample project is ready: a news article on Corbyn, Smith and NATO Article 5.');
  } catch (error) {
    ui.notify(`The sample project could not be loaded: ${error instanceof Error ? error.message : String(error)}`, 'error');
  }
}
