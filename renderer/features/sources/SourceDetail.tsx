import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { attachFile, deleteSource, describeLocator, detachFile, mergeSourcesInto, removeEvidence, viewerFor } from '../../../shared/domain/sources.js';
import type { Attachment, EvidenceLink, Source } from '../../../shared/model.js';
import { cleanFileName, splitFileName } from '../../../shared/fileNames.js';
import { isOpenableName } from '../../../shared/openableFiles.js';
import { findDuplicate } from '../../../shared/sources/dedupe.js';
import { request } from '../../api/api.js';
import { db } from '../../db/database.js';
import { store } from '../../db/store.js';
import { useUiStore } from '../../state/uiStore.js';
import { EvidenceDialog, RELATION_LABELS } from '../evidence/EvidenceDialog.js';
import { Modal } from '../shell/Modal.js';
import { prepareAttachment } from './attachmentCheck.js';
import { PdfViewer } from './PdfViewer.js';
import { SourceFormDialog, SOURCE_KIND_LABELS } from './SourceFormDialog.js';
import { issuedText, namesText, sourceTitle } from './sourceFilters.js';
import { useSourcesUi } from './sourcesUi.js';
import { TableViewer, type ViewerPick } from './TableViewer.js';
import { EvidenceDetails } from '../evidence/EvidenceDetails.js';

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Opens an attachment in the OS application; the main process copies it out of the vault first, and refuses
 * anything that is not a document type it knows (by name and by content), which would run as a program.
 */
export async function openInSystemApp(attachment: Attachment): Promise<void> {
  const name = cleanFileName(attachment.name);
  try {
    await request('filesOpenInOs', { hash: attachment.hash, fileName: name });
    useUiStore.getState().notify(`Opened ${name} in its application.`);
  } catch (e) {
    useUiStore.getState().notify(message(e), 'error');
  }
}

/** Shows an attachment in the OS file manager, without opening it: the way to reach any other kind of file. */
export async function showInFolder(attachment: Attachment): Promise<void> {
  const name = cleanFileName(attachment.name);
  try {
    await request('filesShowInFolder', { hash: attachment.hash, fileName: name });
    useUiStore.getState().notify(`Showed ${name} in its folder.`);
  } catch (e) {
    useUiStore.getState().notify(message(e), 'error');
  }
}

/** A file name with its real extension always visible: the stem may be cut short, the extension never. */
export function FileName({ name }: { name: string }) {
  const { stem, extension } = splitFileName(name);
  return (
    <span className="file-name" title={cleanFileName(name)}>
      <span className="file-name-stem">{stem}</span>
      <span className="file-name-ext">{extension}</span>
    </span>
  );
}

/** A source's page: its fields, attachments (with the viewer), possible duplicates, and every claim citing it. */
export function SourceDetail(props: { source: Source; library: Source[] }) {
  const { source } = props;
  const viewer = useSourcesUi((s) => s.viewer);
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [attachError, setAttachError] = useState<string>();
  const [pick, setPick] = useState<ViewerPick>();
  const [evidenceDraft, setEvidenceDraft] = useState<{ draft?: ViewerPick; link?: EvidenceLink }>();
  const citing = useLiveQuery(async () => {
    const links = await db.evidence.where('sourceId').equals(source.id).toArray();
    const claims = await db.claims.bulkGet(links.map((l) => l.claimId));
    return links.map((link, i) => ({ link, claim: claims[i] }));
  }, [source.id]);
  const duplicate = findDuplicate(source.csl, props.library.filter((s) => s.id !== source.id));
  const openAttachment = viewer?.sourceId === source.id ? source.attachments.find((a) => a.hash === viewer.hash) : undefined;

  async function attach(files: FileList | null) {
    setAttachError(undefined);
    for (const file of Array.from(files ?? [])) {
      try {
        const attachment = await prepareAttachment(file);
        await attachFile(store, source.id, attachment);
        useUiStore.getState().notify(`Attached ${attachment.name}.`);
      } catch (e) {
        setAttachError(message(e));
      }
    }
  }

  async function revealClaim(claimId: string) {
    const ui = useUiStore.getState();
    ui.selectClaim(claimId);
    const appearance = await db.appearances.where('claimId').equals(claimId).first();
    const document = appearance ? await db.documents.get(appearance.documentId) : undefined;
    if (appearance && document) {
      ui.revealSpan({ documentId: document.id, debateId: document.debateId, start: appearance.anchor.position.start, end: appearance.anchor.position.end });
    } else {
      ui.setSection('debates');
    }
  }

  return (
    <article className="source-detail" aria-label={`Source: ${sourceTitle(source)}`}>
      <header className="section-head">
        <h2>{sourceTitle(source)}</h2>
        <div className="header-actions">
          <button type="button" onClick={() => setEditing(true)}>
            Edit source
          </button>
          <button type="button" onClick={() => setConfirmDelete(true)}>
            Delete source
          </button>
        </div>
      </header>
      <dl className="facts">
        <dt>Kind</dt>
        <dd>{SOURCE_KIND_LABELS[source.kind]}</dd>
        {source.csl.author && source.csl.author.length > 0 && (
          <>
            <dt>Author</dt>
            <dd>{namesText(source.csl.author)}</dd>
          </>
        )}
        {source.csl.publisher && (
          <>
            <dt>Publisher</dt>
            <dd>{source.csl.publisher}</dd>
          </>
        )}
        {issuedText(source) && (
          <>
            <dt>Issued</dt>
            <dd>{issuedText(source)}</dd>
          </>
        )}
        {source.csl.edition !== undefined && (
          <>
            <dt>Edition</dt>
            <dd>{String(source.csl.edition)}</dd>
          </>
        )}
        {source.csl.URL && (
          <>
            <dt>URL</dt>
            <dd>
              <button type="button" className="link-button" onClick={() => void request('linksOpenExternal', { url: source.csl.URL! }).catch((e: unknown) => useUiStore.getState().notify(message(e), 'error'))}>
                {source.csl.URL}
              </button>
            </dd>
          </>
        )}
        {source.csl.DOI && (
          <>
            <dt>DOI</dt>
            <dd>{source.csl.DOI}</dd>
          </>
        )}
        {source.csl.ISBN && (
          <>
            <dt>ISBN</dt>
            <dd>{source.csl.ISBN}</dd>
          </>
        )}
        {source.tags.length > 0 && (
          <>
            <dt>Tags</dt>
            <dd>{source.tags.join(', ')}</dd>
          </>
        )}
        {source.reliability && (
          <>
            <dt>Reliability</dt>
            <dd className="pre-wrap">{source.reliability}</dd>
          </>
        )}
      </dl>

      {duplicate && (
        <div className="warning" role="note" aria-label="Possible duplicate">
          <p>
            Possible duplicate of “{sourceTitle(duplicate.source)}” ({duplicate.reason}).
          </p>
          <button
            type="button"
            onClick={async () => {
              try {
                await mergeSourcesInto(store, source.id, duplicate.source.id);
                useUiStore.getState().notify(`Merged “${sourceTitle(duplicate.source)}” into this source.`);
              } catch (e) {
                useUiStore.getState().notify(message(e), 'error');
              }
            }}
          >
            Merge the duplicate into this source
          </button>
        </div>
      )}

      <section className="section" aria-labelledby="attachments-heading">
        <h3 id="attachments-heading">Attachments</h3>
        {source.attachments.length === 0 && <p className="muted">No files attached.</p>}
        <ul className="attachment-list" aria-label="Attachments">
          {source.attachments.map((attachment) => {
            // Stored before names were cleaned on the way in, a name could still carry a bidi override.
            const a = { ...attachment, name: cleanFileName(attachment.name) };
            return (
              <li key={a.hash} aria-label={a.name}>
                <span className="attachment-name">
                  <FileName name={a.name} />
                </span>{' '}
                <span className="muted small">{(a.size / 1024).toFixed(1)} KB</span>
                <span className="row-actions">
                  {viewerFor(a) !== 'other' && (
                    <button type="button" onClick={() => useSourcesUi.getState().openAttachment(source.id, a.hash)} aria-label={`Open ${a.name}`}>
                      Open
                    </button>
                  )}
                  {isOpenableName(a.name) && (
                    <button type="button" onClick={() => void openInSystemApp(a)} aria-label={`Open in system app: ${a.name}`}>
                      Open in system app
                    </button>
                  )}
                  <button type="button" onClick={() => void showInFolder(a)} aria-label={`Show in folder: ${a.name}`}>
                    Show in folder
                  </button>
                  <button type="button" onClick={() => void detachFile(store, source.id, a.hash)} aria-label={`Remove ${a.name}`}>
                    Remove
                  </button>
                </span>
              </li>
            );
          })}
        </ul>
        {/* A styled button; the input inside stays focusable and named by the label's text. */}
        <label className="file-button">
          Attach a file
          <input type="file" accept=".pdf,.csv,.xlsx,.docx,.html,.htm,.txt" multiple onChange={(e) => void attach(e.target.files).then(() => (e.target.value = ''))} />
        </label>
        {attachError && (
          <p role="alert" className="form-error">
            {attachError}
          </p>
        )}
      </section>

      {openAttachment && viewer && (
        <section className="section viewer" aria-label={`Viewer: ${openAttachment.name}`}>
          <div className="section-head">
            <h3>{openAttachment.name}</h3>
            <button type="button" onClick={() => useSourcesUi.getState().closeViewer()}>
              Close viewer
            </button>
          </div>
          {pick && (
            <div className="pick-bar" role="group" aria-label="Picked for citing">
              <span>
                Picked: <q>{pick.excerpt}</q> <span className="muted small">({describeLocator(pick.locator)})</span>
              </span>
              <button type="button" className="primary" onClick={() => setEvidenceDraft({ draft: pick })}>
                Cite for a claim…
              </button>
            </div>
          )}
          {viewerFor(openAttachment) === 'pdf' ? (
            <PdfViewer attachment={openAttachment} locator={viewer.locator} nonce={viewer.nonce} onPick={setPick} />
          ) : (
            <TableViewer key={`${openAttachment.hash}-${viewer.nonce}`} attachment={openAttachment} locator={viewer.locator} onPick={setPick} />
          )}
        </section>
      )}

      <section className="section" aria-labelledby="cited-heading">
        <div className="section-head">
          <h3 id="cited-heading">Claims citing this source</h3>
          <button type="button" onClick={() => setEvidenceDraft({})}>
            Cite for a claim…
          </button>
        </div>
        {citing && citing.length === 0 && <p className="muted">No claim cites this source yet.</p>}
        <ul className="evidence-list" aria-label="Claims citing this source">
          {citing?.map(({ link, claim }) => (
            <li key={link.id} aria-label={claim?.text ?? 'A deleted claim'}>
              <div>
                <span className={`relation relation-${link.relation}`}>{RELATION_LABELS[link.relation]}</span>{' '}
                <button type="button" className="link-button" onClick={() => void revealClaim(link.claimId)}>
                  {claim?.text ?? 'A deleted claim'}
                </button>
              </div>
              <EvidenceDetails link={link} />
              <span className="row-actions">
                {link.locator.attachmentHash && (
                  <button type="button" onClick={() => useSourcesUi.getState().openAttachment(source.id, link.locator.attachmentHash!, link.locator)}>
                    Show in file
                  </button>
                )}
                <button type="button" onClick={() => setEvidenceDraft({ link })}>
                  Edit
                </button>
                <button type="button" onClick={() => void removeEvidence(store, link.id)}>
                  Remove
                </button>
              </span>
            </li>
          ))}
        </ul>
      </section>

      {editing && <SourceFormDialog source={source} onClose={() => setEditing(false)} />}
      {evidenceDraft && (
        <EvidenceDialog
          sourceId={source.id}
          {...(evidenceDraft.link ? { link: evidenceDraft.link } : {})}
          {...(evidenceDraft.draft ? { draft: { locator: evidenceDraft.draft.locator, excerpt: evidenceDraft.draft.excerpt, ...(evidenceDraft.draft.locator.column ? { figureYear: evidenceDraft.draft.locator.column } : {}), ...(source.csl.edition !== undefined ? { edition: String(source.csl.edition) } : {}) } } : {})}
          onClose={() => setEvidenceDraft(undefined)}
        />
      )}
      {confirmDelete && (
        <Modal title="Delete source" onClose={() => setConfirmDelete(false)}>
          <p>
            Delete “{sourceTitle(source)}”{citing && citing.length > 0 ? ` and the ${citing.length} evidence link${citing.length === 1 ? '' : 's'} citing it` : ''}? Undo (Ctrl+Z) brings it back.
          </p>
          <div className="form-actions">
            <button type="button" onClick={() => setConfirmDelete(false)}>
              Cancel
            </button>
            <button
              type="button"
              className="danger"
              onClick={async () => {
                await deleteSource(store, source.id);
                useSourcesUi.getState().selectSource(undefined);
                useUiStore.getState().notify('Source deleted.');
              }}
            >
              Delete
            </button>
          </div>
        </Modal>
      )}
    </article>
  );
}
