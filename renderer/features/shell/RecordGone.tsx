/** What a side panel shows when its record was deleted (elsewhere, or by an undo): a line and a way to close it. */
export function RecordGone(props: { label: string; what: string; onClose: () => void }) {
  return (
    <section aria-label={props.label}>
      <p className="muted">This {props.what} no longer exists.</p>
      <button type="button" onClick={props.onClose}>
        Close
      </button>
    </section>
  );
}
