import { getDocument } from 'pdfjs-dist';
import { viewerFor } from '../../../shared/domain/sources.js';
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
