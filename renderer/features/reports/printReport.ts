import { ApiFailure, request } from '../../api/api.js';

/**
 * PDF in the desktop app: main prints the HTML with Chromium's print engine (reports:print-pdf). Returns undefined
 * where there is no print engine (the browser preview), and the caller opens the browser's print dialog instead.
 */
export async function printToPdf(html: string): Promise<Uint8Array | undefined> {
  try {
    return (await request('reportsPrintPdf', { html })).bytes;
  } catch (error) {
    if (error instanceof ApiFailure && error.code === 'unsupported') return undefined;
    throw error;
  }
}

/**
 * The browser's print dialog for the report, where there is no PDF engine: the page prints with a print stylesheet
 * (reports.css) that shows only the report preview, so the user can choose “Save as PDF”.
 */
export function openPrintDialog(): void {
  document.body.classList.add('printing-report');
  try {
    window.print();
  } finally {
    document.body.classList.remove('printing-report');
  }
}
