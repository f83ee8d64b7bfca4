/**
 * What may go into the support log: what happened, never what the analyst wrote or read. The app logs events
 * (started, a request failed with a code, a window crashed), but error messages and stacks can quote a file name, a
 * claim or a path, so every value passes through here first. Pure: tested without electron-log.
 */

export interface RedactContext {
  /** The user-data folder: paths inside it are ours and are kept, shortened to <userData>. */
  userDataPath?: string;
  /** The user's home folder, shortened to ~ in what is kept. */
  homePath?: string;
}

export const MAX_LOGGED_STRING = 400;
const MAX_DEPTH = 4;
const MAX_KEYS = 30;

const QUOTED = /“[^”]*”|‘[^’]*’|"[^"\n]*"|«[^»]*»/g;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const URL_WITH_PATH = /\b(https?):\/\/([^\s/?#]+)[^\s]*/gi;
// An absolute path: POSIX (/a/b…) or Windows (C:\a\b…, \\server\share…), up to whitespace or a quote; a word after
// a space that still holds a separator ("…/Source Smith/interview.pdf") is part of it.
const ABSOLUTE_PATH = /(?:(?<!\w)[A-Za-z]:[\\/]|\\\\|(?<![\w.:/])\/(?=[^\s/]))[^\s"'“”‘’<>|]*(?: [^\s"'“”‘’<>|/\\]*[\\/][^\s"'“”‘’<>|]*)*/g;
// Node's own errors quote the path in single quotes ("open '/a/My file.pdf'"): there the quotes say where it ends.
const SINGLE_QUOTED_PATH = /'((?:[A-Za-z]:[\\/]|\\\\|\/)[^'\n]*)'/g;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A path outside the user-data folder keeps only its extension: the file's name and folders may be sensitive. */
function redactPath(found: string, context: RedactContext): string {
  const normal = (text: string) => text.replace(/\\/g, '/').replace(/\/+$/, '');
  const value = normal(found);
  if (context.userDataPath) {
    const root = normal(context.userDataPath);
    if (value === root || value.toLowerCase().startsWith(`${root.toLowerCase()}/`)) return `<userData>${value.slice(root.length)}`;
  }
  // Code locations in stack traces (our bundle, Electron's, Node's) are not user data, and support needs them.
  if (/\/(?:app\.asar|dist\/electron|node_modules|resources)\//.test(value) || /^\/?node:/.test(value)) {
    const home = context.homePath ? normal(context.homePath) : undefined;
    return home && value.startsWith(`${home}/`) ? `~${value.slice(home.length)}` : value;
  }
  const ext = /\.([A-Za-z0-9]{1,10})(?::\d+)*$/.exec(value)?.[1];
  return ext ? `<path>.${ext.toLowerCase()}` : '<path>';
}

/** One string, redacted: quoted text, e-mail addresses, URL paths and file paths go; the rest stays, shortened. */
export function redactText(text: string, context: RedactContext = {}): string {
  let out = text
    .replace(QUOTED, (quote) => `${quote[0]}…${quote.at(-1)}`)
    .replace(EMAIL, '<email>')
    .replace(URL_WITH_PATH, (_match, scheme: string, host: string) => `${scheme}://${host}/…`)
    .replace(SINGLE_QUOTED_PATH, (_match, found: string) => `'${redactPath(found, context)}'`)
    .replace(ABSOLUTE_PATH, (found) => (found.startsWith('<') ? found : redactPath(found, context)));
  if (context.userDataPath) out = out.replace(new RegExp(escape(context.userDataPath), 'g'), '<userData>');
  return out.length > MAX_LOGGED_STRING ? `${out.slice(0, MAX_LOGGED_STRING)}… (${out.length - MAX_LOGGED_STRING} more characters)` : out;
}

/** Any value a log call was given: strings redacted, errors reduced to name, message and stack, bytes to a count. */
export function redactValue(value: unknown, context: RedactContext = {}, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value, context);
  if (value === null || typeof value !== 'object') return typeof value === 'function' ? '<function>' : value;
  if (value instanceof Error) {
    const code = (value as NodeJS.ErrnoException).code;
    const stack = value.stack?.split('\n').slice(1, 12).map((line) => redactText(line, context)).join('\n');
    return `${value.name}${code ? ` [${code}]` : ''}: ${redactText(value.message, context)}${stack ? `\n${stack}` : ''}`;
  }
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return `<${value.byteLength} bytes>`;
  if (depth >= MAX_DEPTH) return '<…>';
  if (Array.isArray(value)) return value.slice(0, MAX_KEYS).map((item) => redactValue(item, context, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value).slice(0, MAX_KEYS)) out[key] = redactValue(item, context, depth + 1);
  return out;
}
