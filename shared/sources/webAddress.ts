/**
 * Source URLs come from users, reference managers and shared bundles, and end up as links in reports and in the
 * OS browser. Only web addresses are kept: `javascript:` runs code where it is clicked, `data:` and `file:` show or
 * open anything, and other schemes hand the link to whatever program claims them.
 */

/** The URL as a web address (http or https, with a host), or undefined for anything else. */
export function webAddress(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  // Control characters and spaces would be dropped or encoded by the parser; a real address has none.
  if (trimmed === '' || /[\u0000-\u0020\u007f<>"'`]/.test(trimmed)) return undefined;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return undefined;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') return undefined;
  return trimmed;
}

/** A short, safe echo of a refused URL for a message (its scheme and a few characters). */
export function describeRefusedUrl(value: unknown): string {
  const text = String(value ?? '').replace(/[\u0000-\u001f\u007f\p{Cf}]/gu, '').trim();
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/** The sentence for a refused source URL; empty URLs are not refused (they are left out). */
export function sourceUrlProblem(value: unknown): string | undefined {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return undefined;
  if (webAddress(value)) return undefined;
  return `The URL “${describeRefusedUrl(value)}” is not a web address: only links starting with http:// or https:// are kept.`;
}
