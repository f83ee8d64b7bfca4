import { useEffect, useState } from 'react';
import type { ReadBundle } from '../../../shared/bundle/bundle.js';
import { conflictKey, mergeSnapshots, resolveConflicts, type ConflictChoice, type MergeConflict } from '../../../shared/bundle/mergeSnapshots.js';
import { readSnapshot } from '../../../shared/domain/snapshot.js';
import type { ProjectSnapshot } from '../../../shared/model.js';
import { isDesktop, request } from '../../api/api.js';
import { store } from '../../db/store.js';
import { useUiStore } from '../../state/uiStore.js';
import { backupNow, holdsNoWork, openBackupsDialog, replaceLibrary } from '../backups/backupService.js';
import { describeCounts, TABLE_LABELS } from '../backups/describe.js';
import { Modal } from '../shell/Modal.js';
import { useIncomingProject } from './incomingProject.js';
import { readBundleOffThread } from './readBundleOffThread.js';

interface Plan {
  name: string;
  bundle: ReadBundle;
  current: ProjectSnapshot;
  empty: boolean;
  merged: ProjectSnapshot;
  conflicts: MergeConflict[];
}

/** A short name for a record in the conflict list. */
function recordLabel(record: unknown): string {
  const r = record as Record<string, unknown>;
  const text = r.title ?? r.name ?? r.label ?? r.text ?? r.body ?? (r.csl as Record<string, unknown> | undefined)?.title ?? r.id;
  const s = String(text);
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * File › Import Project…: opens a .claimdesk file, then loads it into an empty library or merges it into this one.
 * Records match by id; records both sides changed are listed for the user to decide. The bundle's files go into the
 * vault before the records are written in one transaction, after a backup of the library as it was.
 */
export function ImportProjectDialog() {
  const [plan, setPlan] = useState<Plan>();
  const [choices, setChoices] = useState<Record<string, ConflictChoice>>({});
  const [error, setError] = useState<string>();
  const [working, setWorking] = useState(false);
  const [reading, setReading] = useState<string>();
  const close = () => openBackupsDialog(undefined);
  // A file the OS handed over (double-click on a .claimdesk) is read as if the user had chosen it here.
  const incoming = useIncomingProject((s) => s.file);
  useEffect(() => {
    if (!incoming) return;
    useIncomingProject.setState({ file: undefined });
    void open(incoming.name, incoming.bytes);
  }, [incoming]);

  async function open(name: string, bytes: Uint8Array) {
    setError(undefined);
    setPlan(undefined);
    setReading(name);
    try {
      // Off the window's thread: a huge or hostile bundle must not freeze the app while it is checked.
      const bundle = await readBundleOffThread(bytes);
      const current = await readSnapshot(store);
      const { merged, conflicts } = mergeSnapshots(current, bundle.snapshot);
      setChoices({});
      setPlan({ name, bundle, current, empty: holdsNoWork(current), merged, conflicts });
    } catch (e) {
      setError(`“${name}” cannot be imported: ${message(e)}`);
    } finally {
      setReading(undefined);
    }
  }

  async function pickInDesktop() {
    try {
      const { files } = await request('filesPick', { purpose: 'bundle', multiple: false });
      const file = files[0];
      if (file) await open(file.name, file.bytes);
    } catch (e) {
      setError(message(e));
    }
  }

  async function apply() {
    if (!plan) return;
    setWorking(true);
    setError(undefined);
    try {
      if (!plan.empty) await backupNow('before-import');
      const result = plan.empty ? plan.bundle.snapshot : resolveConflicts(plan.merged, plan.conflicts, choices);
      await replaceLibrary(result, plan.bundle.files, plan.empty ? 'Load a project' : 'Merge a project');
      useUiStore.getState().notify(`Imported “${plan.name}”: ${describeCounts(plan.bundle.manifest.counts)}.`);
      close();
    } catch (e) {
      setError(`Nothing was imported: ${message(e)}`);
      setWorking(false);
    }
  }

  const setAll = (choice: ConflictChoice) => setChoices(Object.fromEntries((plan?.conflicts ?? []).map((c) => [conflictKey(c), choice])));

  return (
    <Modal title="Import project" onClose={close} wide>
      <p>Open a .claimdesk file exported from Claimdesk. Into an empty library it loads as it is; otherwise it is merged with yours, record by record.</p>
      {isDesktop ? (
        <button type="button" onClick={() => void pickInDesktop()}>
          Choose a project file…
        </button>
      ) : (
        <label className="field">
          Project file
          <input
            type="file"
            accept=".claimdesk,application/zip"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              if (file) await open(file.name, new Uint8Array(await file.arrayBuffer()));
            }}
          />
        </label>
      )}
      {reading && <p role="status">Reading and checking “{reading}”…</p>}
      {error && <p role="alert">{error}</p>}
      {plan && plan.bundle.repairs.length > 0 && (
        <div className="warning" role="note" aria-label="Repairs">
          <p>“{plan.name}” had problems that were repaired as it was read:</p>
          <ul>
            {plan.bundle.repairs.map((repair) => (
              <li key={repair}>{repair}</li>
            ))}
          </ul>
        </div>
      )}
      {plan && (
        <section aria-label="What the project holds">
          <p>
            “{plan.name}” holds {describeCounts(plan.bundle.manifest.counts)}
            {plan.bundle.files.size > 0 ? ` and ${plan.bundle.files.size} file${plan.bundle.files.size === 1 ? '' : 's'}` : ''}.
          </p>
          {plan.empty ? (
            <p>Your library is empty: the project will be loaded as it is.</p>
          ) : plan.conflicts.length === 0 ? (
            <p>No record differs from yours: new records are added, the rest stays as it is.</p>
          ) : (
            <>
              <p>
                {plan.conflicts.length} record{plan.conflicts.length === 1 ? ' differs' : 's differ'} between your library and the project. Choose which to keep.
              </p>
              <div className="form-actions">
                <button type="button" onClick={() => setAll('current')}>
                  Keep mine for all
                </button>
                <button type="button" onClick={() => setAll('incoming')}>
                  Take theirs for all
                </button>
              </div>
              <table aria-label="Conflicts">
                <thead>
                  <tr>
                    <th scope="col">Record</th>
                    <th scope="col">Mine</th>
                    <th scope="col">Theirs</th>
                    <th scope="col">Keep</th>
                  </tr>
                </thead>
                <tbody>
                  {plan.conflicts.map((c) => {
                    const key = conflictKey(c);
                    const choice = choices[key] ?? 'current';
                    const label = `${TABLE_LABELS[c.table][0]} ${recordLabel(c.current)}`;
                    return (
                      <tr key={key}>
                        <th scope="row">{TABLE_LABELS[c.table][0]}</th>
                        <td>{recordLabel(c.current)}</td>
                        <td>{recordLabel(c.incoming)}</td>
                        <td>
                          <fieldset aria-label={`Keep which ${label}`} className="conflict-choice">
                            <label>
                              <input type="radio" name={key} checked={choice === 'current'} onChange={() => setChoices({ ...choices, [key]: 'current' })} /> Keep mine
                            </label>
                            <label>
                              <input type="radio" name={key} checked={choice === 'incoming'} onChange={() => setChoices({ ...choices, [key]: 'incoming' })} /> Take theirs
                            </label>
                          </fieldset>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </>
          )}
        </section>
      )}
      <div className="form-actions">
        <button type="button" className="primary" disabled={!plan || working} onClick={() => void apply()}>
          {working ? 'Importing…' : plan?.empty ? 'Load the project' : 'Merge into my library'}
        </button>
        <button type="button" onClick={close}>
          Cancel
        </button>
      </div>
    </Modal>
  );
}
