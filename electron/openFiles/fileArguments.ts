import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Which files the OS asked Claimdesk to open: from its command line (a double-click, "Open with", a jump-list entry),
 * from a second instance's command line, or from macOS' open-file event. Pure, so every platform's shape of argv is
 * tested without Electron.
 */

/** A Claimdesk bundle: opens the Import project dialog. */
export const PROJECT_EXTENSIONS = ['.claimdesk'] as const;
/** What "Open with" offers for transcripts and articles: opens the Import dialog with the file in it. */
export const DOCUMENT_EXTENSIONS = ['.txt', '.md', '.docx', '.pdf', '.html', '.htm', '.srt', '.vtt', '.csv', '.json'] as const;
export type OpenedKind = 'project' | 'document';

/** At most this many files are taken from one command line; a shell glob gone wrong must not flood the window. */
export const MAX_FILES_PER_REQUEST = 20;

export function kindOfFile(filePath: string): OpenedKind | undefined {
  const ext = path.extname(filePath).toLowerCase();
  if ((PROJECT_EXTENSIONS as readonly string[]).includes(ext)) return 'project';
  if ((DOCUMENT_EXTENSIONS as readonly string[]).includes(ext)) return 'document';
  return undefined;
}

export interface ArgvContext {
  /** The folder the command line was given in: relative paths are resolved against it. */
  cwd: string;
  /**
   * How many leading entries are the program itself: 1 for a packaged app (`claimdesk file`), 2 in development
   * (`electron dist/electron/main.cjs file`).
   */
  skip: number;
  /** The path module of the platform the argv came from (tests pass path.win32 or path.posix). */
  pathModule?: path.PlatformPath;
}

export interface FileArguments {
  files: { path: string; kind: OpenedKind }[];
  /** How many file-like arguments were left out (unknown type, too many): counted for the log, never named. */
  ignored: number;
}

function toPath(arg: string, context: ArgvContext): string | undefined {
  const p = context.pathModule ?? path;
  if (/^file:\/\//i.test(arg)) {
    // Linux desktop entries pass %U: file URLs, percent-encoded.
    try {
      return fileURLToPath(arg, { windows: p === path.win32 });
    } catch {
      return undefined;
    }
  }
  // Any other URL scheme (http:, claimdesk:, javascript:) is not a file and is never opened.
  if (/^[a-z][a-z0-9+.-]+:/i.test(arg) && !(p === path.win32 && /^[a-z]:[\\/]/i.test(arg))) return undefined;
  return p.resolve(context.cwd, arg);
}

/** The files to open from a command line; switches (Chromium's and ours) and the program itself are skipped. */
export function filesFromArgv(argv: readonly string[], context: ArgvContext): FileArguments {
  const files: FileArguments['files'] = [];
  const seen = new Set<string>();
  let ignored = 0;
  for (const arg of argv.slice(context.skip)) {
    if (!arg || arg.startsWith('-')) continue;
    const filePath = toPath(arg, context);
    const kind = filePath ? kindOfFile(filePath) : undefined;
    if (!filePath || !kind) {
      ignored += 1;
      continue;
    }
    const key = (context.pathModule ?? path) === path.win32 ? filePath.toLowerCase() : filePath;
    if (seen.has(key)) continue;
    if (files.length >= MAX_FILES_PER_REQUEST) {
      ignored += 1;
      continue;
    }
    seen.add(key);
    files.push({ path: filePath, kind });
  }
  return { files, ignored };
}
