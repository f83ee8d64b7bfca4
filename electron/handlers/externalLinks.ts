/**
 * Only http(s) links may leave the app, and only after parsing: `javascript:`, `file:`, custom schemes and
 * malformed URLs are refused. Shared by the link handler and the window's navigation guards.
 */
export function safeExternalUrl(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (!url.hostname) return undefined;
  // Credentials in a link are a phishing trick; an analyst never needs them.
  if (url.username || url.password) return undefined;
  return url.toString();
}
