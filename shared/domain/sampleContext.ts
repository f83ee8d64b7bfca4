import type { Appearance, Claim, DocumentRecord, Person, Source, Topic } from '../model.js';

/** What each step of the sample builder hands to the next: the records made so far, found by name or key. */
export interface SampleContext {
  document: DocumentRecord;
  people: Person[];
  /** Claims the sample made, by a stable key such as 'five-of-28'. */
  claims: Map<string, { claim: Claim; appearance: Appearance }>;
  topics: Map<string, Topic>;
  /** Sources the sample made, by key ('nato-2024-dataset'), once addSampleEvidence has run. */
  sources?: Map<string, Source>;
  files: { name: string; bytes: Uint8Array }[];
  storeFile(bytes: Uint8Array): Promise<{ hash: string }>;
}

export function personNamed(context: SampleContext, name: string): Person | undefined {
  const key = name.toLowerCase();
  return context.people.find((p) => p.name.toLowerCase() === key || p.aliases.some((a) => a.toLowerCase() === key));
}
