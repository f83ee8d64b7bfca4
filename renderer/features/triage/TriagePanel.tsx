/** Check-worthiness triage for one document (the triage feature fills this in). */
export function TriagePanel(_props: { documentId: string }) {
  return null;
}
