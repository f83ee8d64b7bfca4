import { useLiveQuery } from 'dexie-react-hooks';
import { deleteDebate } from '../../../shared/domain/debates.js';
import { db } from '../../db/database.js';
import { store } from '../../db/store.js';
import { useUiStore } from '../../state/uiStore.js';
import { Modal } from '../shell/Modal.js';

/** Asks before deleting a debate; the deletion can still be undone. */
export function DeleteDebateDialog(props: { debateId: string }) {
  const debate = useLiveQuery(() => db.debates.get(props.debateId), [props.debateId]);
  const { closeDialog, selectDebate, notify } = useUiStore.getState();
  return (
    <Modal title="Delete debate?" onClose={closeDialog}>
      <p>
        “{debate?.title}” and its participants and documents will be deleted. People stay in the library. You can undo this with Ctrl+Z.
      </p>
      <div className="form-actions">
        <button type="button" onClick={closeDialog} autoFocus>
          Cancel
        </button>
        <button
          type="button"
          className="danger"
          onClick={async () => {
            await deleteDebate(store, props.debateId);
            selectDebate(undefined);
            closeDialog();
            notify(`Deleted “${debate?.title ?? 'debate'}”. Undo with Ctrl+Z.`);
          }}
        >
          Delete
        </button>
      </div>
    </Modal>
  );
}
