import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The print window's options (Electron's BrowserWindowConstructorOptions, kept as plain data so this file stays
 * free of Electron and a test can check every flag): never shown, sandboxed, no preload, JavaScript off, and its own
 * in-memory session, so a report whose every string came from user data cannot run anything or reach app storage.
 */
export function printWindowOptions(partition: string) {
  return {
    show: false,
    width: 900,
    height: 1200,
    webPreferences: {
      partition,
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      spellcheck: false,
    },
  } as const;
}

/** printToPDF's options: A4 unless the report's own @page says otherwise, with its colours (verdict badges, bars). */
export const PDF_OPTIONS = { printBackground: true, pageSize: 'A4', preferCSSPageSize: true } as const;

/** Only the report file itself and data: images may load in the print window. */
export function isAllowedPrintRequest(url: string, reportUrl: string): boolean {
  return url === reportUrl || url.startsWith('data:');
}

/**
 * Hands the HTML to a print engine through a temporary file (a data: URL has a length limit in Chromium), and
 * removes the file afterwards whatever happens. Electron's printToPDF is the engine in the app (electron/main.ts).
 */
export async function printViaTempFile(html: string, print: (fileUrl: string) => Promise<Uint8Array>): Promise<Uint8Array> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'claimdesk-print-'));
  try {
    const file = path.join(dir, 'report.html');
    await writeFile(file, html, 'utf8');
    return await print(pathToFileURL(file).toString());
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
