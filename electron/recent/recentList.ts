import path from 'node:path';
import { z } from 'zod';
import type { OpenedKind } from '../openFiles/fileArguments.js';

/**
 * Recently opened projects and files, newest first: the File › Open Recent submenu, the Windows jump list and the
 * macOS dock menu are all drawn from this list. Pure functions; recentStore.ts keeps it in the user-data folder.
 */
export interface RecentEntry {
  path: string;
  kind: OpenedKind;
  /** ISO time of the last open. */
  openedAt: string;
}

export const MAX_RECENT = 10;

const entrySchema = z.object({ path: z.string().min(1).max(4096), kind: z.enum(['project', 'document']), openedAt: z.string().max(40) });
const fileSchema = z.object({ version: z.literal(1), entries: z.array(z.unknown()).max(1000) });

/** Two paths name the same file: Windows and macOS file systems ignore case by default, Linux does not. */
function sameFile(a: string, b: string, platform: NodeJS.Platform): boolean {
  return platform === 'linux' ? a === b : a.toLowerCase() === b.toLowerCase();
}

/** Puts a file at the top (moving it if it was already there) and keeps the newest MAX_RECENT. */
export function addRecent(list: readonly RecentEntry[], entry: RecentEntry, platform: NodeJS.Platform): RecentEntry[] {
  return [entry, ...list.filter((item) => !sameFile(item.path, entry.path, platform))].slice(0, MAX_RECENT);
}

export function removeRecent(list: readonly RecentEntry[], filePath: string, platform: NodeJS.Platform): RecentEntry[] {
  return list.filter((item) => !sameFile(item.path, filePath, platform));
}

/** Reads the stored list; a damaged file or damaged entries give what could be read, never an error. */
export function parseRecentList(text: string | undefined): RecentEntry[] {
  if (!text) return [];
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return [];
  }
  const file = fileSchema.safeParse(data);
  if (!file.success) return [];
  const entries: RecentEntry[] = [];
  for (const raw of file.data.entries) {
    const entry = entrySchema.safeParse(raw);
    if (entry.success && path.isAbsolute(entry.data.path)) entries.push(entry.data);
  }
  return entries.slice(0, MAX_RECENT);
}

export function serialiseRecentList(list: readonly RecentEntry[]): string {
  return `${JSON.stringify({ version: 1, entries: list.slice(0, MAX_RECENT) }, null, 2)}\n`;
}

/**
 * Menu labels: the file name, with its folder's name where two entries share a file name. `&` is doubled on
 * Windows and Linux, where a single one would underline the next letter as a mnemonic.
 */
export function recentLabels(list: readonly RecentEntry[], platform: NodeJS.Platform): string[] {
  const p = platform === 'win32' ? path.win32 : path.posix;
  const names = list.map((entry) => p.basename(entry.path));
  return list.map((entry, index) => {
    const name = names[index]!;
    const clash = names.some((other, j) => j !== index && other.toLowerCase() === name.toLowerCase());
    const label = clash ? `${name} — ${p.basename(p.dirname(entry.path))}` : name;
    return platform === 'darwin' ? label : label.replace(/&/g, '&&');
  });
}

/** A Windows jump-list task: starts Claimdesk with the file, which the running instance then opens. */
export interface JumpTask {
  type: 'task';
  title: string;
  description: string;
  program: string;
  args: string;
  iconPath: string;
  iconIndex: number;
}

/**
 * The Windows jump list: recent projects, then recent files, as tasks that start Claimdesk with the file. Windows
 * paths cannot contain a double quote, so quoting the path is enough; an entry that somehow holds one is left out.
 */
export function jumpListCategories(
  list: readonly RecentEntry[],
  exePath: string,
  /** Arguments before the file: the app's script in a development build (`electron main.cjs file`). */
  leadingArgs: readonly string[] = [],
): { type: 'custom'; name: string; items: JumpTask[] }[] {
  const quote = (arg: string) => `"${arg}"`;
  const task = (entry: RecentEntry): JumpTask | undefined =>
    [entry.path, ...leadingArgs].some((arg) => arg.includes('"'))
      ? undefined
      : {
          type: 'task',
          title: path.win32.basename(entry.path),
          description: entry.path,
          program: exePath,
          args: [...leadingArgs, entry.path].map(quote).join(' '),
          iconPath: exePath,
          iconIndex: 0,
        };
  const group = (kind: OpenedKind) => list.filter((entry) => entry.kind === kind).map(task).filter((item): item is JumpTask => item !== undefined);
  return [
    { type: 'custom' as const, name: 'Recent projects', items: group('project') },
    { type: 'custom' as const, name: 'Recent files', items: group('document') },
  ].filter((category) => category.items.length > 0);
}
