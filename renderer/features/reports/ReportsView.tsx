/** Placeholder until this section lands; replaced by its feature. */
export function ReportsView() {
  return <p className="muted">This section is being built.</p>;
}
