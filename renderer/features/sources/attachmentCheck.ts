import { getDocument } from 'pdfjs-dist';
import { cleanFileName } from '../../../shared/fileNames.js';
import { mediaTypeFor, viewerFor } from '../../../shared/domain/sources.js';
import type { Attachment } from '../../../shared/model.js';
import { request } from '../../api/api.js';
import './pdfWorker.js';

/**
 * Refuses a file the viewer could not open, before it is attached, so an unreadable attachment leaves the source as
 * it was: a table must read as a table, a PDF must open in pdf.js. Other files are kept as they are.
 */
export async function checkReadable(name: string, mediaType: string, hash: string, bytes: Uint8Array): Promise<void> {
  const kind = viewerFor({ name, mediaType });
  if (kind === 'table') {
    await request('sourcesReadTable', { hash, fileName: name });
  } else if (kind === 'pdf') {
    try {
      // pdf.js takes ownership of the buffer it is given, so it gets a copy.
      const pdf = await getDocument({ data: bytes.slice(), isEvalSupported: false }).promise;
      await pdf.destroy();
    } catch (error) {
      const locked = error instanceof Error && error.name === 'PasswordException';
      throw new Error(`${name} is not a readable PDF${locked ? ' (it is password-protected)' : ''}, so it was not attached.`, { cause: error });
    }
  }
}

/**
 * Takes a file the user chose into the vault, ready to attach: refuses an empty or unreadable one with a sentence
 * that names it. Nothing is attached here, so a caller that must create a source first creates it only once the
 * file is known to be good.
 */
export async function prepareAttachment(file: File, edition?: string): Promise<Attachment> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const name = cleanFileName(file.name);
  if (bytes.byteLength === 0) throw new Error(`${name} is empty, so it was not attached.`);
  const mediaType = file.type || mediaTypeFor(name);
  const { hash, size } = await request('vaultPut', { bytes });
  await checkReadable(name, mediaType, hash, bytes);
  return { hash, name, mediaType, size, ...(edition ? { edition } : {}) };
}
