import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { ImportError } from './importError.js';

interface Line {
  text: string;
  x: number;
  y: number;
  /** Font height, for telling a paragraph gap from line spacing. */
  h: number;
}

interface TextPiece {
  str: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * The text of a PDF, lines within a paragraph on their own lines and a blank line between paragraphs. Lines
 * repeated at the top or bottom of most pages (running headers, footers) and page numbers are left out, so they
 * never end up inside a speaker's turn. pdf.js runs without eval, font loading or any network access.
 */
export async function extractPdfText(bytes: Uint8Array): Promise<string> {
  if (bytes.length === 0) throw new ImportError('The PDF file is empty.');
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString('latin1');
  if (!head.includes('%PDF-')) throw new ImportError('This file is not a PDF.', 'unsupported');
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(-2048).toString('latin1');
  if (!tail.includes('%%EOF')) throw new ImportError('This PDF is incomplete; it may have been cut off while downloading.');

  const task = getDocument({
    // pdf.js takes ownership of the buffer it is given, so it gets a copy.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
    stopAtErrors: true,
    verbosity: 0,
  });
  let pages: Line[][];
  try {
    const pdf = await task.promise;
    pages = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const pieces: TextPiece[] = [];
      for (const item of content.items) {
        if (!('str' in item)) continue;
        const [a = 0, b = 0, , d = 0, e = 0, f = 0] = item.transform as number[];
        pieces.push({ str: item.str, x: e, y: f, w: item.width, h: Math.abs(item.height) || Math.hypot(a, b) || Math.abs(d) || 10 });
      }
      pages.push(toLines(pieces));
      page.cleanup();
    }
  } catch (cause) {
    throw pdfError(cause);
  } finally {
    await task.destroy().catch(() => {});
  }
  const text = assemble(removeRunningLines(pages));
  if (!text.trim()) throw new ImportError('This PDF has no text layer (it may be a scanned image); run it through OCR first.');
  return text;
}

function pdfError(cause: unknown): ImportError {
  const name = cause instanceof Error ? cause.name : '';
  if (name === 'PasswordException') {
    return new ImportError('This PDF is password-protected; save a copy without a password and import it again.', 'unsupported', { cause });
  }
  return new ImportError('This PDF is damaged and could not be read.', 'parse-failed', { cause });
}

/** Text pieces in content order into lines: a new line starts where the baseline moves. */
function toLines(pieces: TextPiece[]): Line[] {
  const lines: Line[] = [];
  let cur: { parts: TextPiece[]; y: number; h: number } | undefined;
  const flush = () => {
    if (!cur) return;
    let text = '';
    let end: number | undefined;
    for (const p of cur.parts) {
      const gap = end === undefined ? 0 : p.x - end;
      if (text && gap > p.h * 0.15 && !/\s$/.test(text) && !/^\s/.test(p.str)) text += ' ';
      text += p.str;
      end = p.x + p.w;
    }
    text = text.replace(/\s+/g, ' ').trim();
    if (text) lines.push({ text, x: Math.min(...cur.parts.map((p) => p.x)), y: cur.y, h: cur.h });
    cur = undefined;
  };
  for (const p of pieces) {
    if (!p.str) continue;
    if (cur && Math.abs(p.y - cur.y) <= Math.max(1, 0.4 * Math.min(p.h, cur.h))) {
      cur.parts.push(p);
      cur.h = Math.max(cur.h, p.h);
      continue;
    }
    flush();
    cur = { parts: [p], y: p.y, h: p.h };
  }
  flush();
  return lines;
}

const PAGE_NUMBER = /^(?:(?:page|p\.|seite)\s*)?[-–—]?\s*(?:\d{1,4}|[ivxlcdm]{1,7})\s*[-–—]?(?:\s*(?:of|\/)\s*\d{1,4})?$/i;
const EDGE_LINES = 2;

/** Drops running headers and footers (the same line at the edge of most pages, numbers aside) and page numbers. */
function removeRunningLines(pages: Line[][]): Line[][] {
  const key = (line: Line) => line.text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ');
  const edges = (lines: Line[]) => {
    const byY = [...lines].sort((a, b) => b.y - a.y);
    return new Set([...byY.slice(0, EDGE_LINES), ...byY.slice(-EDGE_LINES)]);
  };
  const counts = new Map<string, number>();
  for (const lines of pages) {
    for (const k of new Set([...edges(lines)].map(key))) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const threshold = Math.max(2, Math.ceil(pages.length * 0.5));
  return pages.map((lines) => {
    const edge = edges(lines);
    return lines.filter((line) => !(edge.has(line) && (PAGE_NUMBER.test(line.text) || (counts.get(key(line)) ?? 0) >= threshold)));
  });
}

/** Lines into paragraphs: a gap clearly wider than the page's usual line spacing starts a new paragraph. */
function assemble(pages: Line[][]): string {
  const paragraphs: string[][] = [];
  for (const lines of pages) {
    // The page's line spacing is its tightest ordinary gap; sub- and superscripts sit closer and do not count.
    const gaps = lines.slice(1).map((line, i) => ({ gap: lines[i]!.y - line.y, h: line.h })).filter(({ gap, h }) => gap >= 0.9 * h);
    const spacing = Math.min(...gaps.map(({ gap }) => gap));
    lines.forEach((line, i) => {
      const prev = lines[i - 1];
      const last = paragraphs.at(-1);
      let fresh: boolean;
      if (!prev) {
        // Across a page break a paragraph goes on when the earlier page stopped mid-sentence.
        const before = last?.at(-1);
        fresh = !before || /[.!?:"”’)\]]$/.test(before) || !/^\p{Ll}/u.test(line.text);
      } else {
        const gap = prev.y - line.y;
        // Either clearly wider than the usual spacing, or, on a page of short paragraphs, wider than any line spacing.
        fresh = gap <= 0 || gap > Math.min(spacing * 1.4, line.h * 2.4);
      }
      if (fresh || !last) paragraphs.push([line.text]);
      else {
        const before = last[last.length - 1]!;
        // `diplo-` / `macy`: a word broken over two lines is joined again.
        if (/\p{L}-$/u.test(before) && /^\p{Ll}/u.test(line.text)) last[last.length - 1] = before.slice(0, -1) + line.text;
        else last.push(line.text);
      }
    });
  }
  return paragraphs.map((p) => p.join('\n')).join('\n\n');
}
