import { useEffect, useState } from 'react';
import { BUNDLED_DATA, BUNDLED_SOFTWARE } from '../../../shared/about/credits.js';
import type { AppInfo } from '../../../shared/contract.js';
import { request } from '../../api/api.js';
import { useUiStore } from '../../state/uiStore.js';
import { SHORTCUTS } from './commands.js';
import { Modal } from './Modal.js';

export function AboutDialog() {
  const closeDialog = useUiStore((s) => s.closeDialog);
  const [info, setInfo] = useState<AppInfo>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    request('appInfo', {}).then(setInfo, (e: Error) => setError(e.message));
  }, []);
  return (
    <Modal title="About Claimdesk" onClose={closeDialog}>
      <p>Claimdesk tracks the facts in political debates: import transcripts, mark claims, link evidence, give verdicts, compare candidates and export reports.</p>
      {info && (
        <dl className="facts">
          <dt>Version</dt>
          <dd>{info.version}</dd>
          <dt>Running as</dt>
          <dd>{info.shell === 'electron' ? 'Desktop app' : 'Browser preview'}</dd>
          <dt>Data folder</dt>
          <dd>{info.userDataPath}</dd>
          {info.versions.electron && (
            <>
              <dt>Electron</dt>
              <dd>{info.versions.electron}</dd>
            </>
          )}
          {info.versions.chrome && (
            <>
              <dt>Chromium</dt>
              <dd>{info.versions.chrome}</dd>
            </>
          )}
          <dt>Node</dt>
          <dd>{info.versions.node}</dd>
        </dl>
      )}
      <section aria-labelledby="about-data">
        <h3 id="about-data">Bundled data and licences</h3>
        <ul className="credits">
          {[...BUNDLED_DATA, ...BUNDLED_SOFTWARE].map((item) => (
            <li key={item.what}>
              <strong>{item.what}</strong>. {item.credit} Licence: {item.licence}.
            </li>
          ))}
        </ul>
      </section>
      {error && <p role="alert">{error}</p>}
      <div className="form-actions">
        <button type="button" className="primary" onClick={closeDialog} autoFocus>
          Close
        </button>
      </div>
    </Modal>
  );
}

export function ShortcutsDialog() {
  const closeDialog = useUiStore((s) => s.closeDialog);
  return (
    <Modal title="Keyboard shortcuts" onClose={closeDialog}>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Action</th>
            <th scope="col">Keys</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.command}>
              <td>{s.label}</td>
              <td>
                <kbd>{s.keys}</kbd>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="form-actions">
        <button type="button" className="primary" onClick={closeDialog} autoFocus>
          Close
        </button>
      </div>
    </Modal>
  );
}
