import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';
import { strFromU8, strToU8, zipSync, type Zippable } from 'fflate';
import { z } from 'zod';
import type { ProjectSnapshot, TableName } from '../model.js';
import { SNAPSHOT_TABLES } from '../model.js';
import { normaliseSnapshotWithRepairs, SnapshotError } from './normaliseSnapshot.js';
import { ArchiveError, inflateEntry, readCentralDirectory, type ZipEntry } from './zipReader.js';

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
  /**
   * Vault files the records use that are kept outside the bundle (a backup stores each vault file once, beside
   * its bundles, instead of inside every one of them).
   */
  externalFiles?: string[];
}

export interface WriteBundleOptions {
  /** Only these debates and everything that hangs off them. */
  debateIds?: string[];
  schemaVersion?: number;
  createdAt?: string;
  /** Leave the vault files out and list them in `externalFiles` (backups keep them once, beside the bundles). */
  externalFiles?: boolean;
}

export interface ReadBundle {
  manifest: BundleManifest;
  snapshot: ProjectSnapshot;
  files: Map<string, Uint8Array>;
  /** What was repaired to make the bundle usable, one sentence each; empty when nothing was. */
  repairs: string[];
  /** Bytes inflated to read it: never more than the limits allow. */
  inflatedBytes: number;
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
  const external: string[] = [];
  for (const hash of referencedFiles(selected)) {
    if (options.externalFiles) {
      external.push(hash);
      continue;
    }
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
    ...(options.externalFiles ? { externalFiles: external } : {}),
  };
  entries['manifest.json'] = [strToU8(JSON.stringify(manifest, null, 2)), { level: 6 }];
  return zipSync(entries);
}

/** Limits for reading a bundle from outside: what it may cost, whatever it claims. */
export interface BundleLimits {
  /** Entries in the archive, of any name. */
  maxEntries: number;
  /** Largest declared size of one entry we inflate, in bytes. */
  maxEntryBytes: number;
  /** Absolute ceiling on everything inflated, in bytes. */
  maxTotalBytes: number;
  /** Largest inflated/compressed ratio of one entry bigger than 1 MiB. */
  maxRatio: number;
  /** Everything inflated may be at most this many times the bundle's size on disk, plus `ratioAllowanceBytes`. */
  maxTotalRatio: number;
  ratioAllowanceBytes: number;
  /** The newest database schema this app knows; a bundle from a newer one is refused. */
  maxSchemaVersion?: number;
}

export const DEFAULT_BUNDLE_LIMITS: BundleLimits = {
  maxEntries: 200_000,
  maxEntryBytes: 1024 ** 3,
  maxTotalBytes: 2 * 1024 ** 3,
  maxRatio: 1000,
  maxTotalRatio: 40,
  ratioAllowanceBytes: 32 * 1024 ** 2,
};

const MAX_MANIFEST_BYTES = 64 * 1024 ** 2;
const RECORD_ENTRY = new RegExp(`^records/(${SNAPSHOT_TABLES.join('|')})\\.json$`);
const FILE_ENTRY = /^files\/([0-9a-f]{64})$/;
const hashList = z.array(z.string().regex(/^[0-9a-f]{64}$/));

/** The manifest as the bundle gives it: checked field by field, unknown fields kept. */
const manifestSchema = z.looseObject({
  format: z.unknown().optional(),
  formatVersion: z.number().int().min(1).optional().catch(undefined),
  schemaVersion: z.number().int().min(1).optional(),
  createdAt: z.string().optional(),
  counts: z.record(z.string(), z.number().int().min(0)).optional(),
  files: hashList.optional(),
  missingFiles: hashList.optional(),
  debateIds: z.array(z.string()).optional(),
  externalFiles: hashList.optional(),
});

function parseJson(bytes: Uint8Array, name: string): unknown {
  try {
    return JSON.parse(strFromU8(bytes));
  } catch {
    throw new BundleError(`${name} in the bundle is not valid JSON.`);
  }
}

const sizeText = (bytes: number) => (bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(1)} GB` : `${Math.round(bytes / 1024 ** 2)} MB`);

/**
 * Opens a .claimdesk bundle, refusing anything it cannot trust, before it costs anything: the central directory is
 * read first, duplicate names are refused, only the entries the format defines are inflated (`manifest.json`,
 * `records/<table>.json`, and `files/<sha256>` the manifest lists), and what they declare must fit a budget set
 * against the bundle's size and an absolute ceiling; inflating stops where an entry's declared size ends. Then the
 * manifest and every record go through zod: other or newer formats and schemas, miscounted records, files whose
 * contents do not match their hash, impossible ids and topic cycles are refused with one sentence; what can be
 * repaired is, and said in `repairs`.
 */
export function readBundle(bytes: Uint8Array, limits: Partial<BundleLimits> = {}): ReadBundle {
  const l = { ...DEFAULT_BUNDLE_LIMITS, ...limits };
  const fail = (error: unknown): never => {
    if (error instanceof BundleError) throw error;
    throw new BundleError(error instanceof ArchiveError ? error.message : 'This file is not a Claimdesk bundle.');
  };
  let entries: ZipEntry[] = [];
  try {
    entries = readCentralDirectory(bytes, l.maxEntries);
  } catch (error) {
    fail(error);
  }
  const byName = new Map<string, ZipEntry>();
  for (const entry of entries) {
    if (byName.has(entry.name)) throw new BundleError(`The bundle holds two entries named “${entry.name}”, so it cannot be trusted.`);
    if (entry.name.split('/').includes('..') || entry.name.startsWith('/')) throw new BundleError(`"${entry.name}" points outside the archive.`);
    byName.set(entry.name, entry);
  }

  let inflated = 0;
  const budget = Math.min(l.maxTotalBytes, l.maxTotalRatio * bytes.length + l.ratioAllowanceBytes);
  const check = (entry: ZipEntry) => {
    if (entry.size > l.maxEntryBytes) throw new BundleError(`"${entry.name}" is too large to unpack (${entry.size} bytes).`);
    if (entry.size > 1024 ** 2 && entry.size / Math.max(1, entry.compressedSize) > l.maxRatio) {
      throw new BundleError(`"${entry.name}" is compressed suspiciously well; refusing to unpack it (possible zip bomb).`);
    }
  };
  const inflate = (entry: ZipEntry): Uint8Array => {
    check(entry);
    if (inflated + entry.size > budget) {
      throw new BundleError(`The bundle unpacks to more than ${sizeText(budget)}, more than a ${sizeText(bytes.length)} bundle can honestly hold; refusing it (possible zip bomb).`);
    }
    try {
      const data = inflateEntry(bytes, entry);
      inflated += data.length;
      return data;
    } catch (error) {
      return fail(error);
    }
  };

  const manifestEntry = byName.get('manifest.json');
  if (!manifestEntry) throw new BundleError('This file is not a Claimdesk bundle: it has no manifest.json.');
  if (manifestEntry.size > MAX_MANIFEST_BYTES) throw new BundleError('This file is not a Claimdesk bundle: its manifest.json is far too large.');
  const rawManifest = parseJson(inflate(manifestEntry), 'manifest.json');
  if (typeof rawManifest !== 'object' || rawManifest === null || Array.isArray(rawManifest)) {
    throw new BundleError('This file is not a Claimdesk bundle: its manifest.json is not an object.');
  }
  if ((rawManifest as { format?: unknown }).format !== BUNDLE_FORMAT) throw new BundleError('This file is not a Claimdesk bundle: its manifest names another format.');
  const parsed = manifestSchema.safeParse(rawManifest);
  const repairs: string[] = [];
  let manifestData: z.output<typeof manifestSchema>;
  if (parsed.success) {
    manifestData = parsed.data;
  } else {
    const issue = parsed.error.issues[0]!;
    const field = String(issue.path[0] ?? '');
    // Counts can be derived from the records; anything else wrong in the manifest cannot be guessed.
    if (field !== 'counts') throw new BundleError(`The bundle's manifest is damaged: its "${issue.path.join('.')}" is not what a Claimdesk bundle holds.`);
    const { counts: _dropped, ...rest } = rawManifest as Record<string, unknown>;
    manifestData = manifestSchema.parse(rest);
  }
  if (manifestData.formatVersion === undefined) throw new BundleError('This bundle has no valid format version.');
  if (manifestData.formatVersion > BUNDLE_FORMAT_VERSION) {
    throw new BundleError(
      `This bundle was written by a newer Claimdesk (bundle format ${manifestData.formatVersion}; this version reads up to ${BUNDLE_FORMAT_VERSION}). Update Claimdesk to open it.`,
    );
  }
  const schemaVersion = manifestData.schemaVersion ?? 1;
  if (l.maxSchemaVersion !== undefined && schemaVersion > l.maxSchemaVersion) {
    throw new BundleError(
      `This bundle was written by a newer Claimdesk (database schema ${schemaVersion}; this version knows up to ${l.maxSchemaVersion}). Update Claimdesk to open it.`,
    );
  }

  // Decide everything that will be inflated, and check it fits, before inflating any of it.
  const listed = new Set(manifestData.files ?? []);
  for (const hash of listed) {
    if (!byName.has(`files/${hash}`)) throw new BundleError(`The bundle is incomplete: the file ${hash} listed in its manifest is missing.`);
  }
  const wanted = entries.filter((e) => RECORD_ENTRY.test(e.name) || (FILE_ENTRY.test(e.name) && listed.has(e.name.slice('files/'.length))));
  for (const entry of wanted) check(entry);
  const declared = wanted.reduce((sum, e) => sum + e.size, inflated);
  if (declared > budget) {
    throw new BundleError(`The bundle unpacks to more than ${sizeText(budget)}, more than a ${sizeText(bytes.length)} bundle can honestly hold; refusing it (possible zip bomb).`);
  }

  const tables: Record<string, unknown> = {};
  for (const table of SNAPSHOT_TABLES) {
    const entry = byName.get(`records/${table}.json`);
    tables[table] = entry ? parseJson(inflate(entry), `records/${table}.json`) : [];
  }
  const counts = manifestData.counts;
  if (!counts) repairs.push('The manifest had no record counts; they were counted from the records.');
  for (const table of SNAPSHOT_TABLES) {
    const expected = counts?.[table];
    const rows = tables[table];
    const found = Array.isArray(rows) ? rows.length : 0;
    if (expected !== undefined && expected !== found) {
      throw new BundleError(`The bundle is incomplete: the manifest lists ${expected} ${table} but ${found} are there.`);
    }
  }
  let snapshot: ProjectSnapshot;
  try {
    const normalised = normaliseSnapshotWithRepairs(tables, { checkLinks: true, partial: manifestData.debateIds !== undefined });
    snapshot = normalised.snapshot;
    repairs.push(...normalised.repairs);
  } catch (error) {
    throw new BundleError(error instanceof SnapshotError ? `The bundle's records are damaged: ${error.message}` : String(error));
  }

  const files = new Map<string, Uint8Array>();
  for (const entry of wanted) {
    const hash = FILE_ENTRY.exec(entry.name)?.[1];
    if (!hash) continue;
    const data = inflate(entry);
    if (sha256Hex(data) !== hash) throw new BundleError(`The bundle's file ${hash} is damaged: its contents do not match its hash.`);
    files.set(hash, data);
  }
  const manifest: BundleManifest = {
    ...(manifestData as unknown as BundleManifest),
    schemaVersion,
    createdAt: manifestData.createdAt ?? '1970-01-01T00:00:00.000Z',
    counts: Object.fromEntries(SNAPSHOT_TABLES.map((t) => [t, snapshot[t].length])) as Record<TableName, number>,
    files: [...files.keys()],
  };
  return { manifest, snapshot, files, repairs, inflatedBytes: inflated };
}
