import { newId, nowIso } from '../ids.js';
import type { Attachment, CslItem, EvidenceLink, EvidenceRelation, Locator, Source, SourceKind } from '../model.js';
import { EVIDENCE_RELATIONS, SOURCE_KINDS } from '../model.js';
import { mergeSources } from '../sources/dedupe.js';
import { cslTypeForKind } from '../sources/sourceKind.js';
import { sourceUrlProblem } from '../sources/webAddress.js';
import { cleanFileName } from '../fileNames.js';
import { ValidationError } from './debates.js';
import type { Store } from './store.js';

/** What the source form edits: the kind, the CSL item (id and type are filled in), a reliability note and tags. */
export interface SourceInput {
  kind: SourceKind;
  csl: Omit<CslItem, 'id' | 'type'> & { id?: string; type?: string };
  reliability?: string;
  tags?: string[];
  attachments?: Attachment[];
}

function cleanTags(tags: readonly string[] | undefined): string[] {
  return [...new Set((tags ?? []).map((t) => t.trim()).filter((t) => t !== ''))];
}

/** Empty CSL fields are left out rather than stored as "" or []. */
function cleanCsl(csl: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(csl)) {
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) delete csl[key];
  }
}

function buildSource(id: string, input: SourceInput, createdAt: string, now: string): Source {
  if (!SOURCE_KINDS.includes(input.kind)) throw new ValidationError('Choose what kind of source this is.');
  const title = typeof input.csl.title === 'string' ? input.csl.title.trim() : '';
  if (!title) throw new ValidationError('A source needs a title.');
  const urlProblem = sourceUrlProblem(input.csl.URL);
  if (urlProblem) throw new ValidationError(urlProblem);
  const csl: CslItem = { ...input.csl, title, id: input.csl.id || id, type: input.csl.type || cslTypeForKind(input.kind) };
  cleanCsl(csl);
  const source: Source = { id, kind: input.kind, csl, tags: cleanTags(input.tags), attachments: input.attachments ?? [], createdAt, updatedAt: now };
  const reliability = input.reliability?.trim();
  if (reliability) source.reliability = reliability;
  return source;
}

/** Adds a source to the library. */
export async function createSource(store: Store, input: SourceInput): Promise<Source> {
  const id = newId('src_');
  const now = nowIso();
  const source = buildSource(id, input, now, now);
  return store.transaction(`Create source “${String(source.csl.title).slice(0, 40)}”`, async (tx) => {
    await tx.put('sources', source);
    return source;
  });
}

/** Replaces a source's kind, CSL fields, reliability note and tags; its attachments stay unless given. */
export async function updateSource(store: Store, sourceId: string, input: SourceInput): Promise<Source> {
  return store.transaction('Edit source', async (tx) => {
    const existing = await tx.get('sources', sourceId);
    if (!existing) throw new ValidationError('That source no longer exists.');
    const updated = buildSource(sourceId, { ...input, attachments: input.attachments ?? existing.attachments, csl: { ...input.csl, id: input.csl.id ?? existing.csl.id } }, existing.createdAt, nowIso());
    await tx.put('sources', updated);
    return updated;
  });
}

/** Deletes a source and the evidence links that cite it. */
export async function deleteSource(store: Store, sourceId: string): Promise<void> {
  await store.transaction('Delete source', async (tx) => {
    for (const link of await tx.where('evidence', 'sourceId', sourceId)) await tx.delete('evidence', link.id);
    await tx.delete('sources', sourceId);
  });
}

/** Adds a file (already put in the vault) to a source; the same bytes twice are kept once. */
export async function attachFile(store: Store, sourceId: string, attachment: Attachment): Promise<Source> {
  if (!/^[0-9a-f]{64}$/.test(attachment.hash)) throw new ValidationError('That file is not in the vault.');
  // A name that displays as something else (a right-to-left override) is stored as what it really is.
  const name = cleanFileName(attachment.name);
  if (!name) throw new ValidationError('That file has no name that can be shown.');
  attachment = { ...attachment, name };
  return store.transaction(`Attach ${attachment.name}`, async (tx) => {
    const source = await tx.get('sources', sourceId);
    if (!source) throw new ValidationError('That source no longer exists.');
    if (source.attachments.some((a) => a.hash === attachment.hash)) return source;
    const updated: Source = { ...source, attachments: [...source.attachments, attachment], updatedAt: nowIso() };
    await tx.put('sources', updated);
    return updated;
  });
}

/** Removes an attachment from a source (the vault keeps the bytes; other records may share them). */
export async function detachFile(store: Store, sourceId: string, hash: string): Promise<Source> {
  return store.transaction('Remove attachment', async (tx) => {
    const source = await tx.get('sources', sourceId);
    if (!source) throw new ValidationError('That source no longer exists.');
    const updated: Source = { ...source, attachments: source.attachments.filter((a) => a.hash !== hash), updatedAt: nowIso() };
    await tx.put('sources', updated);
    return updated;
  });
}

/** What the evidence form sets on a link. */
export interface EvidenceInput {
  relation: EvidenceRelation;
  locator: Locator;
  edition?: string;
  figureYear?: string;
  excerpt?: string;
  note?: string;
}

function cleanLocator(locator: Locator): Locator {
  const out: Locator = {};
  for (const key of ['table', 'row', 'column', 'section', 'timestamp', 'attachmentHash'] as const) {
    const value = locator[key]?.trim();
    if (value) out[key] = value;
  }
  if (locator.page !== undefined && Number.isFinite(locator.page)) {
    if (!Number.isInteger(locator.page) || locator.page < 1) throw new ValidationError('A page number is a whole number from 1.');
    out.page = locator.page;
  }
  return out;
}

function applyEvidence(link: EvidenceLink, input: EvidenceInput): EvidenceLink {
  if (!EVIDENCE_RELATIONS.includes(input.relation)) throw new ValidationError('Choose whether the source supports, contradicts or gives context.');
  const out: EvidenceLink = { ...link, relation: input.relation, locator: cleanLocator(input.locator) };
  for (const key of ['edition', 'figureYear', 'excerpt', 'note'] as const) {
    const value = input[key]?.trim();
    if (value) out[key] = value;
    else delete out[key];
  }
  return out;
}

/** Links a claim to a precise place in a source. */
export async function linkEvidence(store: Store, claimId: string, sourceId: string, input: EvidenceInput): Promise<EvidenceLink> {
  return store.transaction('Link evidence', async (tx) => {
    if (!(await tx.get('claims', claimId))) throw new ValidationError('That claim no longer exists.');
    if (!(await tx.get('sources', sourceId))) throw new ValidationError('That source no longer exists.');
    const now = nowIso();
    const link = applyEvidence({ id: newId('evd_'), claimId, sourceId, relation: input.relation, locator: {}, createdAt: now, updatedAt: now }, input);
    await tx.put('evidence', link);
    return link;
  });
}

export async function updateEvidence(store: Store, linkId: string, input: EvidenceInput): Promise<EvidenceLink> {
  return store.transaction('Edit evidence', async (tx) => {
    const link = await tx.get('evidence', linkId);
    if (!link) throw new ValidationError('That evidence link no longer exists.');
    const updated = applyEvidence({ ...link, updatedAt: nowIso() }, input);
    await tx.put('evidence', updated);
    return updated;
  });
}

export async function removeEvidence(store: Store, linkId: string): Promise<void> {
  await store.transaction('Remove evidence', (tx) => tx.delete('evidence', linkId));
}

/**
 * Merges two duplicate sources into `keepId`: fields the kept one lacks come from the dropped one, tags and
 * attachments are united, the dropped one's evidence points at the kept one, and the dropped one is deleted.
 */
export async function mergeSourcesInto(store: Store, keepId: string, dropId: string): Promise<Source> {
  if (keepId === dropId) throw new ValidationError('Choose two different sources to merge.');
  return store.transaction('Merge sources', async (tx) => {
    const keep = await tx.get('sources', keepId);
    const drop = await tx.get('sources', dropId);
    if (!keep || !drop) throw new ValidationError('One of those sources no longer exists.');
    const merged = mergeSources(keep, drop);
    await tx.put('sources', merged);
    for (const link of await tx.where('evidence', 'sourceId', dropId)) await tx.put('evidence', { ...link, sourceId: keepId, updatedAt: nowIso() });
    await tx.delete('sources', dropId);
    return merged;
  });
}

/** Adds a batch of imported sources, all or nothing. */
export async function importSources(store: Store, sources: readonly Source[]): Promise<number> {
  for (const source of sources) {
    if (!source.id || !SOURCE_KINDS.includes(source.kind) || typeof source.csl?.title !== 'string') throw new ValidationError('An imported source is malformed; nothing was added.');
    const urlProblem = sourceUrlProblem(source.csl.URL);
    if (urlProblem) throw new ValidationError(`“${source.csl.title}” was not imported: ${urlProblem} Nothing was added.`);
  }
  return store.transaction(`Import ${sources.length} sources`, async (tx) => {
    for (const source of sources) {
      if (await tx.get('sources', source.id)) throw new ValidationError('An imported source is already in the library; nothing was added.');
      await tx.put('sources', { ...source, tags: cleanTags(source.tags), attachments: source.attachments ?? [] });
    }
    return sources.length;
  });
}

/** The media type to record for an attached file, from its name. */
export function mediaTypeFor(fileName: string): string {
  const ext = fileName.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? '';
  const types: Record<string, string> = {
    pdf: 'application/pdf',
    csv: 'text/csv',
    xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    html: 'text/html',
    htm: 'text/html',
    txt: 'text/plain',
  };
  return types[ext] ?? 'application/octet-stream';
}

/** How an attachment can be opened in the window. */
export function viewerFor(attachment: Pick<Attachment, 'name' | 'mediaType'>): 'pdf' | 'table' | 'other' {
  if (attachment.mediaType === 'application/pdf' || /\.pdf$/i.test(attachment.name)) return 'pdf';
  if (/\.(csv|xlsx|xlsm)$/i.test(attachment.name) || attachment.mediaType === 'text/csv') return 'table';
  return 'other';
}

/** A one-line summary of a locator, for lists: "p. 4", "nato… · United Kingdom · 2015". */
export function describeLocator(locator: Locator): string {
  const parts: string[] = [];
  if (locator.page !== undefined) parts.push(`p. ${locator.page}`);
  if (locator.table) parts.push(locator.table);
  if (locator.row) parts.push(`row ${locator.row}`);
  if (locator.column) parts.push(`column ${locator.column}`);
  if (locator.section) parts.push(`section ${locator.section}`);
  if (locator.timestamp) parts.push(`at ${locator.timestamp}`);
  return parts.join(' · ');
}
