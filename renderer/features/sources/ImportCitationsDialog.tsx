import { useState } from 'react';
import type { CitationImportResult } from '../../../shared/contract.js';
import { importSources } from '../../../shared/domain/sources.js';
import { store } from '../../db/store.js';
import { useUiStore } from '../../state/uiStore.js';
import { Modal } from '../shell/Modal.js';
import { sourceTitle } from './sourceFilters.js';
import { count as countOf } from '../../format/format.js';

const FORMAT_NAMES: Record<CitationImportResult['format'], string> = { 'csl-json': 'CSL-JSON', bibtex: 'BibTeX', ris: 'RIS' };

/** What an import found: the new sources to add (in one transaction), and every duplicate or broken entry with why. */
export function ImportCitationsDialog(props: { fileName: string; result: CitationImportResult; onClose: () => void }) {
  const { result } = props;
  const [error, setError] = useState<string>();
  const count = result.sources.length;

  async function add() {
    try {
      await importSources(store, result.sources);
      useUiStore.getState().notify(`Added ${countOf(count, 'source')} from ${props.fileName}.`);
      props.onClose();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <Modal title="Import citations" onClose={props.onClose} wide>
      <p>
        {props.fileName} ({FORMAT_NAMES[result.format]}): {count} new source{count === 1 ? '' : 's'}, {result.duplicates.length} duplicate{result.duplicates.length === 1 ? '' : 's'},{' '}
        {result.errors.length} broken entr{result.errors.length === 1 ? 'y' : 'ies'}.
      </p>
      {count > 0 && (
        <section aria-label="New sources">
          <h3>New sources</h3>
          <ul>
            {result.sources.map((s) => (
              <li key={s.id}>{sourceTitle(s)}</li>
            ))}
          </ul>
        </section>
      )}
      {result.duplicates.length > 0 && (
        <section aria-label="Duplicates, not imported">
          <h3>Duplicates, not imported</h3>
          <ul>
            {result.duplicates.map((d, i) => (
              <li key={i}>
                <strong>{d.entry}</strong>: {d.reason}
              </li>
            ))}
          </ul>
        </section>
      )}
      {result.errors.length > 0 && (
        <section aria-label="Entries that could not be read">
          <h3>Entries that could not be read</h3>
          <ul>
            {result.errors.map((d, i) => (
              <li key={i}>
                <strong>{d.entry}</strong>: {d.reason}
              </li>
            ))}
          </ul>
        </section>
      )}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="button" onClick={props.onClose}>
          {count > 0 ? 'Cancel' : 'Close'}
        </button>
        {count > 0 && (
          <button type="button" className="primary" onClick={add}>
            Add {countOf(count, 'source')}
          </button>
        )}
      </div>
    </Modal>
  );
}
