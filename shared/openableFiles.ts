import { readCentralDirectory } from './bundle/zipReader.js';
import { cleanFileName, splitFileName } from './fileNames.js';

/**
 * Which files "Open in system app" may hand to the operating system. Handing a file over means the OS picks a
 * program by its name (and on Linux partly by its content) and runs it: a `.desktop`, `.bat`, `.hta`, `.lnk`,
 * `.exe` or `.command` would run as a program. So only the document types Claimdesk knows are opened, each checked
 * by its content as well as its name; HTML is opened as text, so no browser runs its scripts. Anything else can
 * only be shown in its folder.
 */
export const OPENABLE_TYPES = {
  '.pdf': 'PDF',
  '.csv': 'CSV',
  '.tsv': 'CSV',
  '.xlsx': 'XLSX',
  '.docx': 'DOCX',
  '.txt': 'text',
  '.md': 'text',
  '.html': 'HTML',
  '.htm': 'HTML',
} as const;
type OpenableExtension = keyof typeof OPENABLE_TYPES;

const isOpenableExtension = (ext: string): ext is OpenableExtension => Object.hasOwn(OPENABLE_TYPES, ext);

/** True when a file with this name may be offered "Open in system app" (its content is checked when it is opened). */
export function isOpenableName(name: string): boolean {
  return isOpenableExtension(splitFileName(name).extension.toLowerCase());
}

/** A file that may be opened: the name to give the copy the OS opens (HTML gets `.txt` so it opens as text). */
export type OpenCheck = { ok: true; openAs: string; type: string } | { ok: false; reason: string };

const startsWith = (bytes: Uint8Array, text: string, at = 0) => [...text].every((c, i) => bytes[at + i] === c.charCodeAt(0));
const SHOW_IN_FOLDER = 'Use “Show in folder” to see it.';

/** Programs and scripts by their first bytes: none of them is ever a document, whatever it is named. */
function looksExecutable(bytes: Uint8Array): boolean {
  return (
    startsWith(bytes, 'MZ') || // Windows .exe, .dll, .scr
    startsWith(bytes, '\x7fELF') ||
    startsWith(bytes, '#!') ||
    [0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe, 0xcafebabe].includes(((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0) ||
    startsWith(bytes, 'L\0\0\0\x01\x14\x02\0') // Windows shortcut (.lnk)
  );
}

/** Text a viewer can show: no NUL bytes (unless UTF-16 with its byte-order mark), and no launcher or script header. */
function isPlainText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 64 * 1024);
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  if (!utf16 && head.includes(0)) return false;
  const start = new TextDecoder().decode(head.subarray(0, 512)).replace(/^\uFEFF/, '').trimStart();
  return !/^\[Desktop Entry\]/i.test(start);
}

/** An Office Open XML package of the given kind, without macros. */
function isOfficePackage(bytes: Uint8Array, main: string): boolean {
  if (!startsWith(bytes, 'PK\x03\x04')) return false;
  try {
    const names = new Set(readCentralDirectory(bytes).map((e) => e.name));
    return names.has('[Content_Types].xml') && names.has(main) && ![...names].some((n) => /vbaProject\.bin$/i.test(n));
  } catch {
    return false;
  }
}

/**
 * Whether a file may be opened in the OS application: its (cleaned) name must end in an extension Claimdesk can
 * view, and its bytes must be that kind of file. The reason, when it may not, is one sentence for the user.
 */
export function checkOpenable(fileName: string, bytes: Uint8Array): OpenCheck {
  const name = cleanFileName(fileName);
  const { stem, extension } = splitFileName(name);
  const ext = extension.toLowerCase();
  if (!isOpenableExtension(ext)) {
    const kind = ext ? `a ${ext} file` : 'a file without an extension';
    return { ok: false, reason: `“${name}” is ${kind}, and only PDF, CSV, XLSX, DOCX, text and HTML files are opened in another application. ${SHOW_IN_FOLDER}` };
  }
  const type = OPENABLE_TYPES[ext];
  const mismatch = { ok: false as const, reason: `“${name}” is named as ${type === 'text' ? 'a text' : type === 'XLSX' || type === 'HTML' ? `an ${type}` : `a ${type}`} file, but its contents are not one, so it was not opened. ${SHOW_IN_FOLDER}` };
  if (bytes.length > 0 && looksExecutable(bytes)) return mismatch;
  switch (type) {
    case 'PDF': {
      const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
      return head.includes('%PDF-') ? { ok: true, openAs: name, type } : mismatch;
    }
    case 'XLSX':
      return isOfficePackage(bytes, 'xl/workbook.xml') ? { ok: true, openAs: name, type } : mismatch;
    case 'DOCX':
      return isOfficePackage(bytes, 'word/document.xml') ? { ok: true, openAs: name, type } : mismatch;
    case 'HTML':
      // Opened as text: a browser would run the page's scripts with access to the local disk.
      return isPlainText(bytes) ? { ok: true, openAs: `${stem}${extension}.txt`, type } : mismatch;
    default:
      return isPlainText(bytes) ? { ok: true, openAs: name, type } : mismatch;
  }
}
