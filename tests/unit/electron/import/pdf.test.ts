import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../../electron/import/importError.js';
import { extractPdfText } from '../../../../electron/import/pdf.js';
import { structureTranscript } from '../../../../electron/import/transcript.js';
import { bodyLines, makePdf, type PdfLine } from './pdfFixtures.js';

const header: PdfLine = { text: 'Labour leadership hustings - official transcript', x: 72, y: 810, size: 9 };
const footer = (n: number, of: number): PdfLine => ({ text: `Page ${n} of ${of}`, x: 260, y: 30, size: 9 });

const threePages = makePdf([
  [header, ...bodyLines(['MODERATOR: Good evening and welcome to Cardiff.', null, 'CORBYN: I do not wish to go to war. What I want to', 'do is achieve a world where we do not need to go to']), footer(1, 3)],
  [header, ...bodyLines(['war, where there is no need for it. That can be done.', null, 'SMITH: We would have to come to the aid of a fel-', 'low member of NATO.']), footer(2, 3)],
  [header, ...bodyLines(['(APPLAUSE)', null, 'CORBYN: That is in the NATO treaty.']), { text: '- 3 -', x: 280, y: 30, size: 9 }],
]);

async function failure(bytes: Uint8Array): Promise<ImportError> {
  const error = await extractPdfText(bytes).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

describe('extractPdfText', () => {
  it('joins text into lines and paragraphs, dropping running headers, footers and page numbers', async () => {
    const text = await extractPdfText(threePages);
    expect(text).toBe(
      [
        'MODERATOR: Good evening and welcome to Cardiff.',
        'CORBYN: I do not wish to go to war. What I want to\ndo is achieve a world where we do not need to go to\nwar, where there is no need for it. That can be done.',
        'SMITH: We would have to come to the aid of a fellow member of NATO.',
        '(APPLAUSE)',
        'CORBYN: That is in the NATO treaty.',
      ].join('\n\n'),
    );
  });

  it('keeps headers and page numbers out of the turns of the structured transcript', async () => {
    const doc = structureTranscript(await extractPdfText(threePages), { format: 'pdf', title: 'hustings.pdf' });
    const all = doc.turns.map((t) => t.text).join('\n');
    expect(all).not.toMatch(/official transcript|Page \d|- 3 -/);
    expect(doc.turns.find((t) => t.text.startsWith('I do not wish'))!.text).toMatch(/That can be done\.$/);
  });

  it('removes a lone page number but keeps a one-page document’s other lines', async () => {
    const text = await extractPdfText(makePdf([[{ text: 'A short statement', x: 72, y: 800, size: 14 }, ...bodyLines(['We will publish the figures on Monday.']), { text: '7', x: 290, y: 30 }]]));
    expect(text).toBe('A short statement\n\nWe will publish the figures on Monday.');
  });

  it('refuses a password-protected PDF with one clear sentence', async () => {
    const error = await failure(makePdf([bodyLines(['Secret.'])], { encrypt: true }));
    expect(error.code).toBe('unsupported');
    expect(error.message).toBe('This PDF is password-protected; save a copy without a password and import it again.');
  });

  it('refuses broken, truncated, empty and text-less PDFs, and files that are no PDF', async () => {
    expect((await failure(new TextEncoder().encode('%PDF-1.4\nthis is not a real pdf body\n%%EOF\n'))).message).toBe('This PDF is damaged and could not be read.');
    expect((await failure(threePages.slice(0, Math.floor(threePages.length * 0.6)))).message).toMatch(/incomplete/);
    expect((await failure(new Uint8Array())).message).toBe('The PDF file is empty.');
    expect((await failure(new TextEncoder().encode('plain text, not a PDF'))).code).toBe('unsupported');
    expect((await failure(makePdf([[]]))).message).toMatch(/no text layer/);
  });
});
