import { FormFooter } from '../shell/FormFooter.js';
import { Modal } from '../shell/Modal.js';
import { TeamConnectionFields, useTeamForm } from './teamForm.js';
import { runTeamRequest } from './teamSession.js';

/** Join project…: pulls a team project into this (empty) library, with an invitation from its owner. */
export function JoinProjectDialog() {
  const form = useTeamForm();
  return (
    <Modal title="Join project" onClose={form.close}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void runTeamRequest({ kind: 'join', ...form.connection }).catch(() => undefined);
        }}
      >
        <p>The project’s debates, claims, verdicts and files come into this library and stay in step with your team.</p>
        <TeamConnectionFields fields={form.fields} />
        {form.busy && <p role="status">{form.busy}</p>}
        <FormFooter error={form.problem} submitLabel="Join" onCancel={form.close} busy={!!form.busy} />
      </form>
    </Modal>
  );
}
