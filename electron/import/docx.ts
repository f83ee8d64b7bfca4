import mammoth from 'mammoth';
import yauzl from 'yauzl';
import { ImportError } from './importError.js';

/** Limits a Word file must keep before anything in it is inflated for mammoth. */
export const DOCX_LIMITS = {
  /** Parts in the archive; a long Word document with pictures has a few hundred. */
  maxEntries: 5_000,
  /** Declared size of all parts together once inflated. */
  maxTotalBytes: 400 * 1024 * 1024,
  /** Declared size of the XML parts, which mammoth reads into memory. */
  maxXmlBytes: 100 * 1024 * 1024,
  /** Inflated-to-compressed ratio above which a large part is a zip bomb (Word's XML compresses ten to thirty times). */
  maxRatio: 200,
  /** Parts smaller than this pass the ratio check: a tiny repetitive part can compress very well and harm no one. */
  ratioFloorBytes: 1024 * 1024,
} as const;

const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * The text of a Word (.docx) file, paragraphs separated by blank lines. The zip's central directory is checked first
 * (declared sizes, entry count, compression ratio), then the XML parts are inflated with their declared sizes
 * enforced, so a zip bomb is refused before mammoth inflates anything.
 */
export async function extractDocxText(bytes: Uint8Array): Promise<string> {
  if (bytes.length === 0) throw new ImportError('The Word file is empty.');
  if (CFB_SIGNATURE.every((b, i) => bytes[i] === b)) {
    // Word saves a password-protected .docx inside an OLE container, as it does old .doc files.
    throw isEncryptedPackage(bytes)
      ? new ImportError('This Word file is password-protected; save it without a password and import it again.', 'unsupported')
      : new ImportError('This is an old-style Word .doc file; save it as .docx and import it again.', 'unsupported');
  }
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  await checkArchive(buffer);
  let text: string;
  try {
    text = (await mammoth.extractRawText({ buffer })).value;
  } catch (cause) {
    throw new ImportError('This Word file could not be read; it may be damaged.', 'parse-failed', { cause });
  }
  const clean = text.replace(/\r\n?/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
  if (!clean) throw new ImportError('The Word file has no text to import.');
  return clean;
}

async function checkArchive(buffer: Buffer): Promise<void> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(buffer, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false });
  } catch (cause) {
    throw damaged(cause);
  }
  try {
    if (zip.entryCount > DOCX_LIMITS.maxEntries) {
      throw new ImportError(`This Word file holds more than ${DOCX_LIMITS.maxEntries.toLocaleString('en')} parts, which is over the limit.`, 'too-large');
    }
    const entries = await readEntries(zip);
    let total = 0;
    let xml = 0;
    for (const entry of entries) {
      if (entry.isEncrypted()) {
        throw new ImportError('This Word file is password-protected; save it without a password and import it again.', 'unsupported');
      }
      total += entry.uncompressedSize;
      if (isXmlPart(entry.fileName)) xml += entry.uncompressedSize;
      const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
      if (entry.uncompressedSize > DOCX_LIMITS.ratioFloorBytes && ratio > DOCX_LIMITS.maxRatio) {
        throw new ImportError('This Word file is refused: it would inflate to hundreds of times its size, as a zip bomb does.', 'too-large');
      }
    }
    if (total > DOCX_LIMITS.maxTotalBytes || xml > DOCX_LIMITS.maxXmlBytes) {
      const limit = total > DOCX_LIMITS.maxTotalBytes ? DOCX_LIMITS.maxTotalBytes : DOCX_LIMITS.maxXmlBytes;
      throw new ImportError(`This Word file would inflate to more than ${limit / 1024 / 1024} MB, which is over the limit.`, 'too-large');
    }
    if (!entries.some((e) => e.fileName === 'word/document.xml')) {
      throw new ImportError('This file is a zip archive but not a Word document.', 'unsupported');
    }
    // Declared sizes can lie; yauzl stops a part that inflates past its declared size.
    for (const entry of entries.filter((e) => isXmlPart(e.fileName))) await drain(zip, entry);
  } catch (error) {
    throw error instanceof ImportError ? error : damaged(error);
  } finally {
    zip.close();
  }
}

function readEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', reject);
    zip.readEntry();
  });
}

function drain(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<void> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err) return reject(err);
      stream.on('data', () => {});
      stream.once('end', () => resolve());
      stream.once('error', reject);
    });
  });
}

function isXmlPart(name: string): boolean {
  return /\.(?:xml|rels)$/i.test(name);
}

function damaged(cause: unknown): ImportError {
  return new ImportError('This Word file is damaged or incomplete and could not be opened.', 'parse-failed', { cause });
}

function isEncryptedPackage(bytes: Uint8Array): boolean {
  const needle = Buffer.from('EncryptedPackage', 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle);
}
