import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { BundleError, readBundle } from '../../../shared/bundle/bundle.js';
import { writeFileAtomic } from '../../files/writeFileAtomic.js';
import { ExportError, exportProject, EXPORT_FORMATS, isCitationStyle, isExportFormat } from '../../export/exportProject.js';
import { UsageError, type CliCommand } from '../runCli.js';

const USAGE = `FILE.claimdesk --format ${EXPORT_FORMATS.join('|')} --out PATH [--title TEXT] [--org-name NAME] [--org-url URL] [--style apa|chicago]`;
const OPTIONS = ['--format', '--out', '--title', '--org-name', '--org-url', '--style'] as const;
/** A bundle larger than this on disk is refused before it is read (the unzip limits guard what is inside). */
const MAX_BUNDLE_BYTES = 2 * 1024 * 1024 * 1024;

/** `--name value` pairs and the one positional argument, refusing anything unknown or given twice. */
export function parseOptions(args: string[], known: readonly string[], usage: string): { positional: string[]; options: Map<string, string> } {
  const positional: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    if (!known.includes(arg)) throw new UsageError(`unknown option ${arg}; usage: ${usage}`);
    const value = args[i + 1];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`${arg} needs a value; usage: ${usage}`);
    if (options.has(arg)) throw new UsageError(`${arg} is given twice`);
    options.set(arg, value);
    i++;
  }
  return { positional, options };
}

/** `export FILE.claimdesk --format F --out PATH`: a report or standard export of a bundle, as the app makes it. */
export const exportCommand: CliCommand = {
  name: 'export',
  usage: USAGE,
  summary: 'Write a report (html, md, docx) or a data export (csv, json, claimreview, web-annotation, qdpx, csl-json) of a bundle.',
  async run(args, io) {
    const { positional, options } = parseOptions(args, OPTIONS, `export ${USAGE}`);
    if (positional.length !== 1) throw new UsageError(`give exactly one bundle; usage: export ${USAGE}`);
    const format = options.get('--format');
    const out = options.get('--out');
    if (!format) throw new UsageError(`--format is missing; one of ${EXPORT_FORMATS.join(', ')}`);
    if (format === 'pdf') throw new UsageError("PDF needs the app's print engine: export html and print it, or use Reports › Export PDF in the app");
    if (!isExportFormat(format)) throw new UsageError(`unknown format "${format}"; one of ${EXPORT_FORMATS.join(', ')}`);
    if (!out) throw new UsageError('--out is missing: where should the export be written?');
    const style = options.get('--style') ?? 'apa';
    if (!isCitationStyle(style)) throw new UsageError(`unknown citation style "${style}"; one of apa, chicago`);
    const file = positional[0]!;
    const info = await stat(file);
    if (!info.isFile()) throw new UsageError(`${file} is not a regular file`);
    if (info.size > MAX_BUNDLE_BYTES) throw new UsageError(`${file} is larger than the 2 GB a bundle may be`);
    let bundle;
    try {
      bundle = readBundle(new Uint8Array(await readFile(file)));
    } catch (error) {
      if (error instanceof BundleError) throw new UsageError(`${file}: ${error.message}`);
      throw error;
    }
    const orgUrl = options.get('--org-url');
    let bytes: Uint8Array;
    try {
      bytes = await exportProject(bundle.snapshot, format, {
        title: options.get('--title') ?? 'Fact-check report',
        organisation: { name: options.get('--org-name') ?? 'Claimdesk', ...(orgUrl ? { url: orgUrl } : {}) },
        citationStyle: style,
        // The bundle's date, so the same bundle always gives the same file.
        generatedAt: bundle.manifest.createdAt,
      });
    } catch (error) {
      if (error instanceof ExportError) throw new UsageError(error.message);
      throw error;
    }
    await writeFileAtomic(path.resolve(out), bytes);
    io.stdout(`wrote ${format} export of ${bundle.snapshot.claims.length} claims to ${out} (${bytes.length} bytes)\n`);
    return 0;
  },
};
