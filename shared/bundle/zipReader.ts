import { Inflate } from 'fflate';

/**
 * A zip reader for archives from outside, that decides what to inflate before inflating anything. It reads the
 * central directory (names, declared sizes), so a caller can refuse duplicate names, unknown entries and declared
 * totals past a budget up front; then it inflates one chosen entry at a time, in chunks, stopping the moment the
 * output passes what the entry declared. A crafted archive therefore costs at most the budget the caller set,
 * whatever it claims and whatever it really holds.
 */

/** An archive that cannot be read safely; `message` is meant for the user as it is. */
export class ArchiveError extends Error {
  override name = 'ArchiveError';
}

/** One entry of the central directory. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else is refused when inflated. */
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  /** The uncompressed size the archive declares; inflating never yields more. */
  size: number;
  localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const ZIP64_MARK = 0xffffffff;
const CHUNK = 64 * 1024;

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;

const utf8 = new TextDecoder('utf-8', { fatal: false });
/** Names flagged UTF-8 (bit 11) are decoded as such; the rest are decoded byte for byte (ASCII in practice). */
function decodeName(bytes: Uint8Array, utf8Flag: boolean): string {
  if (utf8Flag) return utf8.decode(bytes);
  let out = '';
  for (const b of bytes) out += String.fromCharCode(b);
  return out;
}

/** Finds the end-of-central-directory record: within the last 64 KiB + 22 bytes (the comment is at most 64 KiB). */
function findEndOfCentralDirectory(bytes: Uint8Array): number {
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (u32(bytes, at) === EOCD_SIGNATURE) return at;
  }
  throw new ArchiveError('This file is not a readable zip archive (it has no central directory).');
}

/**
 * The central directory, as the archive declares it. Refuses what no reader should guess about: a directory that
 * points outside the file, zip64 and split archives, encrypted entries, and more entries than `maxEntries`.
 */
export function readCentralDirectory(bytes: Uint8Array, maxEntries = 200_000): ZipEntry[] {
  if (bytes.length < 22) throw new ArchiveError('This file is not a readable zip archive (it is too short).');
  const end = findEndOfCentralDirectory(bytes);
  const disk = u16(bytes, end + 4);
  const total = u16(bytes, end + 10);
  const size = u32(bytes, end + 12);
  const offset = u32(bytes, end + 16);
  if (disk !== 0 || u16(bytes, end + 6) !== 0) throw new ArchiveError('Split zip archives cannot be read.');
  if (total === 0xffff || size === ZIP64_MARK || offset === ZIP64_MARK) throw new ArchiveError('The archive is too large to read (zip64).');
  if (total > maxEntries) throw new ArchiveError(`The archive holds more than ${maxEntries} files.`);
  if (offset + size > end) throw new ArchiveError('This file is not a readable zip archive (its central directory is out of bounds).');
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < total; i++) {
    if (at + 46 > end || u32(bytes, at) !== CENTRAL_SIGNATURE) throw new ArchiveError('This file is not a readable zip archive (its central directory is damaged).');
    const flags = u16(bytes, at + 8);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    if (at + 46 + nameLength > end) throw new ArchiveError('This file is not a readable zip archive (its central directory is damaged).');
    const entry: ZipEntry = {
      name: decodeName(bytes.subarray(at + 46, at + 46 + nameLength), (flags & 0x800) !== 0),
      method: u16(bytes, at + 10),
      flags,
      crc32: u32(bytes, at + 16),
      compressedSize: u32(bytes, at + 20),
      size: u32(bytes, at + 24),
      localHeaderOffset: u32(bytes, at + 42),
    };
    if (entry.compressedSize === ZIP64_MARK || entry.size === ZIP64_MARK || entry.localHeaderOffset === ZIP64_MARK) {
      throw new ArchiveError('The archive is too large to read (zip64).');
    }
    if (flags & 0x1) throw new ArchiveError(`"${entry.name}" is encrypted; encrypted archives cannot be read.`);
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

let crcTable: Uint32Array | undefined;
function crc32(data: Uint8Array, crc = 0): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = ~crc >>> 0;
  for (let i = 0; i < data.length; i++) c = crcTable[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

/** The compressed bytes of an entry, located through its local header. */
function compressedData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || u32(bytes, at) !== LOCAL_SIGNATURE) throw new ArchiveError(`"${entry.name}" is damaged in the archive.`);
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new ArchiveError(`"${entry.name}" is cut short in the archive.`);
  return bytes.subarray(start, end);
}

/**
 * Inflates one entry, never producing more than it declared: a stream that goes on past its declared size is
 * stopped there and refused, as is one that ends short or fails its CRC.
 */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const data = compressedData(bytes, entry);
  if (entry.method === 0) {
    if (data.length !== entry.size) throw new ArchiveError(`"${entry.name}" is damaged in the archive (its size does not match).`);
    const copy = data.slice();
    if (crc32(copy) !== entry.crc32) throw new ArchiveError(`"${entry.name}" is damaged in the archive (its checksum does not match).`);
    return copy;
  }
  if (entry.method !== 8) throw new ArchiveError(`"${entry.name}" uses a compression method Claimdesk cannot read.`);
  const out = new Uint8Array(entry.size);
  let written = 0;
  let crc = 0;
  let finished = false;
  const inflater = new Inflate((chunk, final) => {
    if (written + chunk.length > entry.size) throw new ArchiveError(`"${entry.name}" unpacks to more than it declares; refusing it (possible zip bomb).`);
    out.set(chunk, written);
    crc = crc32(chunk, crc);
    written += chunk.length;
    if (final) finished = true;
  });
  try {
    for (let at = 0; at < data.length && !finished; at += CHUNK) {
      const end = Math.min(at + CHUNK, data.length);
      inflater.push(data.subarray(at, end), end === data.length);
    }
  } catch (error) {
    if (error instanceof ArchiveError) throw error;
    throw new ArchiveError(`"${entry.name}" is damaged in the archive (${error instanceof Error ? error.message : String(error)}).`);
  }
  if (written !== entry.size) throw new ArchiveError(`"${entry.name}" is damaged in the archive (it unpacks to less than it declares).`);
  if (crc !== entry.crc32) throw new ArchiveError(`"${entry.name}" is damaged in the archive (its checksum does not match).`);
  return out;
}
