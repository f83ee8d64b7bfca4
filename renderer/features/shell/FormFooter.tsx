/** The end of every form: the error, if any, read out as an alert; then Cancel and the submit button. */
export function FormFooter(props: { error: string | undefined; submitLabel: string; onCancel: () => void; busy?: boolean }) {
  return (
    <>
      {props.error && (
        <p role="alert" className="form-error">
          {props.error}
        </p>
      )}
      <div className="form-actions">
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={props.busy}>
          {props.submitLabel}
        </button>
      </div>
    </>
  );
}
