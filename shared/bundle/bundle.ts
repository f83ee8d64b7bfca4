import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';
import { strFromU8, strToU8, zipSync, type Zippable } from 'fflate';
import type { ProjectSnapshot, TableName } from '../model.js';
import { SNAPSHOT_TABLES } from '../model.js';
import { ArchiveError, safeUnzip, type UnzipLimits } from './safeUnzip.js';
import { normaliseSnapshot, SnapshotError } from './normaliseSnapshot.js';

export const BUNDLE_FORMAT = 'claimdesk-bundle';
export const BUNDLE_FORMAT_VERSION = 1;

/** The manifest.json at the root of a .claimdesk bundle. */
export interface BundleManifest {
  format: typeof BUNDLE_FORMAT;
  formatVersion: number;
  /** The database schema version the records were written with. */
  schemaVersion: number;
  createdAt: string;
  counts: Record<TableName, number>;
  /** SHA-256 of every vault file in files/. */
  files: string[];
  /** Files the records reference that the vault did not have when the bundle was written. */
  missingFiles?: string[];
  /** The debates the bundle was cut down to, when it holds a selection. */
  debateIds?: string[];
}

export interface WriteBundleOptions {
  /** Only these debates and everything that hangs off them. */
  debateIds?: string[];
  schemaVersion?: number;
  createdAt?: string;
}

export interface ReadBundle {
  manifest: BundleManifest;
  snapshot: ProjectSnapshot;
  files: Map<string, Uint8Array>;
}

/** A bundle that cannot be opened; `message` is for the user as it is. */
export class BundleError extends Error {
  override name = 'BundleError';
}

export const sha256Hex = (bytes: Uint8Array): string => bytesToHex(sha256(bytes));

/** The vault files a snapshot refers to: documents' originals and sources' attachments. */
export function referencedFiles(snapshot: ProjectSnapshot): string[] {
  const hashes = new Set<string>();
  for (const d of snapshot.documents) if (d.fileHash) hashes.add(d.fileHash);
  for (const s of snapshot.sources) for (const a of s.attachments) hashes.add(a.hash);
  for (const e of snapshot.evidence) if (e.locator.attachmentHash) hashes.add(e.locator.attachmentHash);
  return [...hashes].sort();
}

/**
 * The part of a snapshot that belongs to some debates: their participants, documents, turns, notes and appearances;
 * the claims appearing there with their verdicts, evidence and sources; the people, topics, scales and stances these
 * refer to. Library-wide records no selected record refers to stay behind.
 */
export function selectDebates(snapshot: ProjectSnapshot, debateIds: string[]): ProjectSnapshot {
  const debates = new Set(debateIds);
  const documents = snapshot.documents.filter((d) => debates.has(d.debateId));
  const docIds = new Set(documents.map((d) => d.id));
  const appearances = snapshot.appearances.filter((a) => docIds.has(a.documentId));
  const claimIds = new Set(appearances.map((a) => a.claimId));
  const claims = snapshot.claims.filter((c) => claimIds.has(c.id));
  const evidence = snapshot.evidence.filter((e) => claimIds.has(e.claimId));
  const sourceIds = new Set(evidence.map((e) => e.sourceId));
  const verdicts = snapshot.verdicts.filter((v) => claimIds.has(v.claimId));
  const scaleIds = new Set(verdicts.map((v) => v.scaleId));
  const participants = snapshot.participants.filter((p) => debates.has(p.debateId));
  const turns = snapshot.turns.filter((t) => docIds.has(t.documentId));
  const appearanceIds = new Set(appearances.map((a) => a.id));
  const stances = snapshot.stances.filter((s) => s.appearanceIds.some((id) => appearanceIds.has(id)));
  const personIds = new Set<string>([
    ...participants.map((p) => p.personId),
    ...turns.flatMap((t) => (t.personId ? [t.personId] : [])),
    ...claims.flatMap((c) => (c.claimantId ? [c.claimantId] : [])),
    ...stances.map((s) => s.personId),
  ]);
  const topicIds = new Set<string>([
    ...claims.flatMap((c) => c.topicIds),
    ...appearances.flatMap((a) => a.topicIds ?? []),
    ...stances.map((s) => s.topicId),
  ]);
  // Parents come along so the topic tree stays whole.
  const topicsById = new Map(snapshot.topics.map((t) => [t.id, t]));
  for (const id of [...topicIds]) {
    for (let t = topicsById.get(id); t?.parentId && !topicIds.has(t.parentId); t = topicsById.get(t.parentId)) topicIds.add(t.parentId);
  }
  return {
    debates: snapshot.debates.filter((d) => debates.has(d.id)),
    people: snapshot.people.filter((p) => personIds.has(p.id)),
    participants,
    documents,
    turns,
    claims,
    appearances,
    notes: snapshot.notes.filter((n) => docIds.has(n.documentId)),
    sources: snapshot.sources.filter((s) => sourceIds.has(s.id)),
    evidence,
    scales: snapshot.scales.filter((s) => scaleIds.has(s.id) || s.builtIn),
    verdicts,
    topics: snapshot.topics.filter((t) => topicIds.has(t.id)),
    stances,
  };
}

/** Writes a .claimdesk bundle: manifest.json, records/<table>.json and files/<sha256> for each referenced vault file. */
export function writeBundle(snapshot: ProjectSnapshot, files: Map<string, Uint8Array>, options: WriteBundleOptions = {}): Uint8Array {
  const selected = options.debateIds ? selectDebates(snapshot, options.debateIds) : snapshot;
  const entries: Zippable = {};
  const counts = {} as Record<TableName, number>;
  for (const table of SNAPSHOT_TABLES) {
    counts[table] = selected[table].length;
    entries[`records/${table}.json`] = [strToU8(JSON.stringify(selected[table])), { level: 6 }];
  }
  const included: string[] = [];
  const missing: string[] = [];
  for (const hash of referencedFiles(selected)) {
    const bytes = files.get(hash);
    if (!bytes) {
      missing.push(hash);
      continue;
    }
    if (sha256Hex(bytes) !== hash) throw new BundleError(`The vault file ${hash} is damaged: its contents no longer match its hash.`);
    included.push(hash);
    // Originals are often PDFs or DOCX, already compressed; a light level keeps export fast.
    entries[`files/${hash}`] = [bytes, { level: 1 }];
  }
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    schemaVersion: options.schemaVersion ?? 1,
    createdAt: options.createdAt ?? new Date().toISOString(),
    counts,
    files: included,
    ...(missing.length ? { missingFiles: missing } : {}),
    ...(options.debateIds ? { debateIds: [...options.debateIds] } : {}),
  };
  entries['manifest.json'] = [strToU8(JSON.stringify(manifest, null, 2)), { level: 6 }];
  return zipSync(entries);
}

function parseJson(bytes: Uint8Array | undefined, name: string): unknown {
  if (!bytes) return undefined;
  try {
    return JSON.parse(strFromU8(bytes));
  } catch {
    throw new BundleError(`${name} in the bundle is not valid JSON.`);
  }
}

/**
 * Opens a .claimdesk bundle, refusing anything it cannot trust: archives past the unzip limits, other or newer
 * formats, record counts that disagree with the manifest, and files whose contents do not match their hash.
 */
export function readBundle(bytes: Uint8Array, limits: Partial<UnzipLimits> = {}): ReadBundle {
  let entries: Record<string, Uint8Array>;
  try {
    entries = safeUnzip(bytes, limits);
  } catch (error) {
    throw new BundleError(error instanceof ArchiveError ? error.message : 'This file is not a Claimdesk bundle.');
  }
  const raw = parseJson(entries['manifest.json'], 'manifest.json');
  if (typeof raw !== 'object' || raw === null) throw new BundleError('This file is not a Claimdesk bundle: it has no manifest.json.');
  const manifest = raw as Partial<BundleManifest>;
  if (manifest.format !== BUNDLE_FORMAT) throw new BundleError('This file is not a Claimdesk bundle: its manifest names another format.');
  if (typeof manifest.formatVersion !== 'number' || !Number.isInteger(manifest.formatVersion) || manifest.formatVersion < 1) {
    throw new BundleError('This bundle has no valid format version.');
  }
  if (manifest.formatVersion > BUNDLE_FORMAT_VERSION) {
    throw new BundleError(
      `This bundle was written by a newer Claimdesk (bundle format ${manifest.formatVersion}; this version reads up to ${BUNDLE_FORMAT_VERSION}). Update Claimdesk to open it.`,
    );
  }
  const tables: Record<string, unknown> = {};
  for (const table of SNAPSHOT_TABLES) tables[table] = parseJson(entries[`records/${table}.json`], `records/${table}.json`) ?? [];
  let snapshot: ProjectSnapshot;
  try {
    snapshot = normaliseSnapshot(tables);
  } catch (error) {
    throw new BundleError(error instanceof SnapshotError ? `The bundle's records are damaged: ${error.message}` : String(error));
  }
  const counts = manifest.counts ?? ({} as Record<TableName, number>);
  for (const table of SNAPSHOT_TABLES) {
    const expected = counts[table];
    if (expected !== undefined && expected !== snapshot[table].length) {
      throw new BundleError(`The bundle is incomplete: the manifest lists ${expected} ${table} but ${snapshot[table].length} are there.`);
    }
  }
  const files = new Map<string, Uint8Array>();
  for (const [name, data] of Object.entries(entries)) {
    if (!name.startsWith('files/') || name.endsWith('/')) continue;
    const hash = name.slice('files/'.length);
    if (sha256Hex(data) !== hash) throw new BundleError(`The bundle's file ${hash} is damaged: its contents do not match its hash.`);
    files.set(hash, data);
  }
  for (const hash of manifest.files ?? []) {
    if (!files.has(hash)) throw new BundleError(`The bundle is incomplete: the file ${hash} listed in its manifest is missing.`);
  }
  return { manifest: { ...manifest, files: manifest.files ?? [] } as BundleManifest, snapshot, files };
}
