/**
 * The window's Content Security Policy, the same in the desktop app and the browser preview: no eval, no inline
 * scripts, no remote code. `connect-src 'self'` lets the preview reach its own API; pdf.js runs its worker from 'self'.
 * Inline styles are allowed because React sets style attributes; imported text never becomes markup.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
