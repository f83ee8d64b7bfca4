import { open } from 'node:fs/promises';
import type { ParsedDocument, ParsedImport } from '../../../shared/import/parsedDocument.js';
import { checkSize, parseFile } from '../../import/parseFile.js';
import { UsageError, type CliCommand } from '../runCli.js';

/** A document as `import --json` prints it: the shape issue 3 fixes for batch work and checking. */
export interface CliDocument {
  title: string;
  format: string;
  speakers: Array<{ id: string; name: string; aliases: string[]; role?: string }>;
  turns: Array<{ speaker: string | null; kind: string; text: string; start?: number; end?: number }>;
  quotes: Array<{ speaker: string; text: string; turn: number }>;
}

/** `import FILE [--json]`: runs the import pipeline on a file, in this process, with the same size limits. */
export const importCommand: CliCommand = {
  name: 'import',
  usage: 'FILE [--json]',
  summary: 'Parse a transcript, captions, table or article and print its speakers and turns.',
  async run(args, io) {
    const json = args.includes('--json');
    const files = args.filter((a) => a !== '--json');
    const unknown = files.find((a) => a.startsWith('--'));
    if (unknown) throw new UsageError(`unknown option ${unknown}; usage: import FILE [--json]`);
    if (files.length !== 1) throw new UsageError('give exactly one file; usage: import FILE [--json]');
    const file = files[0]!;
    const bytes = await readLimited(file);
    const parsed = await parseFile(file.split(/[\\/]/).pop() ?? file, bytes);
    for (const doc of parsed.documents) for (const warning of doc.warnings) io.stderr(`warning: ${warning}\n`);
    io.stdout(json ? `${JSON.stringify(toCliJson(parsed), null, 2)}\n` : summary(parsed));
    return 0;
  },
};

/** The printed JSON: one document's shape, or `{title, format, documents: […]}` when the file holds several. */
export function toCliJson(parsed: ParsedImport): CliDocument | { title: string; format: string; documents: CliDocument[] } {
  const docs = parsed.documents.map(toCliDocument);
  if (docs.length === 1) return docs[0]!;
  const base = parsed.fileName.replace(/\.[^.]+$/, '');
  return { title: base, format: parsed.format, documents: docs };
}

function toCliDocument(doc: ParsedDocument): CliDocument {
  return {
    title: doc.title,
    format: doc.format,
    speakers: doc.speakers.map((s) => ({ id: s.id, name: s.name, aliases: s.aliases, ...(s.role ? { role: s.role } : {}) })),
    turns: doc.turns.map((t) => ({
      speaker: t.speaker,
      kind: t.kind,
      text: t.text,
      ...(t.start !== undefined ? { start: t.start } : {}),
      ...(t.end !== undefined ? { end: t.end } : {}),
    })),
    quotes: doc.quotes.map((q) => ({ speaker: q.speaker, text: q.text, turn: q.turn })),
  };
}

function summary(parsed: ParsedImport): string {
  return parsed.documents
    .map((d) => {
      const names = d.speakers.map((s) => (s.role ? `${s.name} (${s.role})` : s.name)).join(', ') || 'none';
      return `${d.title}${d.date ? ` [${d.date}]` : ''}: ${parsed.format}, ${d.turns.length} turns, ${d.quotes.length} quotes; speakers: ${names}\n`;
    })
    .join('');
}

/** Reads a file for a command, checking the import size limit on its size before reading, so a huge file is never loaded. */
export async function readLimited(file: string): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new UsageError(`${file} is not a regular file`);
    checkSize(file.split(/[\\/]/).pop() ?? file, stats.size);
    return new Uint8Array(await handle.readFile());
  } finally {
    await handle.close();
  }
}
