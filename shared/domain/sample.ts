import type { ParsedImport } from '../import/parsedDocument.js';
import type { DocumentRecord, Person } from '../model.js';
import { saveImportedDocument, type SpeakerDecision } from './documents.js';
import type { Store } from './store.js';
import { addSampleClaims } from './sampleClaims.js';
import { addSampleCheck } from './sampleCheck.js';
import { addSampleEvidence } from './sampleEvidence.js';
import { addSampleStances } from './sampleStances.js';
import type { SampleContext } from './sampleContext.js';

/** What building the sample needs from outside: the files, the import pipeline and the vault. */
export interface SampleServices {
  files: { name: string; bytes: Uint8Array }[];
  parse(fileName: string, bytes: Uint8Array): Promise<ParsedImport>;
  storeFile(bytes: Uint8Array): Promise<{ hash: string }>;
  /** Reads a stored table file into sheets (the app's table reader); without it the sample has no table check. */
  readTable?(hash: string, fileName: string, bytes: Uint8Array): Promise<{ sheets: Array<{ name: string; columns: string[]; rows: string[][] }> }>;
}

export const SAMPLE_ARTICLE = 'corbyn-nato-article.txt';
export const SAMPLE_DEBATE_TITLE = 'Labour leadership debate: Corbyn and Smith on NATO';
/** The article has no headline line, so the sample names it as a user would on the review screen. */
export const SAMPLE_DOCUMENT_TITLE = 'Corbyn refuses to guarantee NATO military support (news article)';

/** Parties and roles the article states ("UK Labour leader", "Leadership challenger", "US presidential candidate"). */
const KNOWN: Record<string, { role: SpeakerDecision['role']; party?: string }> = {
  'jeremy corbyn': { role: 'candidate', party: 'Labour' },
  'owen smith': { role: 'candidate', party: 'Labour' },
  'donald trump': { role: 'candidate', party: 'Republican' },
};

export interface SampleProject {
  document: DocumentRecord;
  people: Person[];
}

/**
 * Builds the sample project a new user is offered: the seed article goes through the same import pipeline and the
 * same save as any file the user imports (no hand-written records).
 */
export async function buildSampleProject(store: Store, services: SampleServices): Promise<SampleProject> {
  const article = services.files.find((f) => f.name === SAMPLE_ARTICLE);
  if (!article) throw new Error('The sample article is missing from this installation.');
  const parsed = await services.parse(article.name, article.bytes);
  const doc = parsed.documents[0];
  if (!doc) throw new Error('The sample article could not be read.');
  const { hash } = await services.storeFile(article.bytes);
  const speakers: SpeakerDecision[] = doc.speakers.map((s) => {
    const known = KNOWN[s.name.toLowerCase()];
    const decision: SpeakerDecision = { parsedId: s.id, name: s.name, aliases: s.aliases, role: known?.role ?? s.role ?? 'candidate' };
    if (known?.party) decision.party = known.party;
    return decision;
  });
  const saved = await saveImportedDocument(store, {
    parsed: doc,
    fileHash: hash,
    fileName: article.name,
    title: SAMPLE_DOCUMENT_TITLE,
    target: { newDebate: { title: SAMPLE_DEBATE_TITLE, kind: 'article' } },
    speakers,
  });
  const context: SampleContext = { document: saved.document, people: saved.people, claims: new Map(), topics: new Map(), files: services.files, storeFile: services.storeFile };
  await addSampleClaims(store, context);
  await addSampleEvidence(store, context);
  if (services.readTable) await addSampleCheck(store, context, services.readTable);
  await addSampleStances(store, context);
  return { document: saved.document, people: saved.people };
}
