import { useRef } from 'react';
import { Modal } from '../shell/Modal.js';
import { ImportReview } from './ImportReview.js';
import { useImportStore, type ImportJob } from './importStore.js';
import { ACCEPT, chooseFilesToImport, takeFiles } from './importChooser.js';
import { count } from '../../format/format.js';

function statusText(job: ImportJob): string {
  switch (job.status) {
    case 'queued':
      return 'Waiting…';
    case 'parsing':
      return `Reading (${job.stage ?? 'reading'}) ${Math.round(job.fraction * 100)}%`;
    case 'parsed': {
      const docs = job.result?.documents ?? [];
      return docs.length > 1 ? `Read: ${count(docs.length, 'document')} to review (${job.reviewIndex + 1} of ${docs.length})` : 'Read: ready to review';
    }
    case 'failed':
      return job.error ?? 'Could not be read.';
    case 'cancelled':
      return 'Cancelled.';
    case 'saved':
      return `Saved ${count(job.savedDocuments, 'document')}.`;
    case 'skipped':
      return 'Not saved.';
  }
}

/** File › Import: several files at once, progress per file, cancel, a clear result per file, then review. */
export function ImportDialog() {
  const jobs = useImportStore((s) => s.jobs);
  const { closeImport, cancelJob } = useImportStore.getState();
  const targetDebateId = useImportStore((s) => s.targetDebateId);
  const inputRef = useRef<HTMLInputElement>(null);
  const reviewing = jobs.find((j) => j.status === 'parsed');

  return (
    <Modal title="Import documents" onClose={closeImport} wide>
      <p className="muted">Transcripts and articles: text, Markdown, Word, PDF, web pages, SRT and WebVTT captions, CSV and JSON. You can also drop files onto the window.</p>
      {/* Hidden from everyone: the button below is the control (see ImportFileInput). */}
      <input ref={inputRef} type="file" multiple accept={ACCEPT} hidden aria-label="Files to import" tabIndex={-1} onChange={(event) => void takeFiles(event.currentTarget)} />
      <button type="button" className={jobs.length === 0 ? 'primary' : undefined} onClick={() => void chooseFilesToImport(targetDebateId, inputRef.current)}>
        {jobs.length === 0 ? 'Choose files…' : 'Choose more files…'}
      </button>
      {jobs.length > 0 && (
        <ul className="import-jobs" aria-label="Files">
          {jobs.map((job) => (
            <li key={job.id} className={`import-job import-${job.status}`} aria-label={job.fileName}>
              <span className="import-name">{job.fileName}</span>
              {job.status === 'parsing' || job.status === 'queued' ? (
                <progress max={1} value={job.fraction} aria-label={`Progress of ${job.fileName}`} />
              ) : null}
              <span className="import-status" role={job.status === 'failed' ? 'alert' : undefined}>
                {statusText(job)}
              </span>
              {(job.status === 'parsing' || job.status === 'queued') && (
                <button type="button" onClick={() => cancelJob(job.id)} aria-label={`Cancel ${job.fileName}`}>
                  Cancel
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {reviewing && <ImportReview key={`${reviewing.id}-${reviewing.reviewIndex}`} job={reviewing} />}
      <div className="form-actions">
        <button type="button" onClick={closeImport}>
          Close
        </button>
      </div>
    </Modal>
  );
}
