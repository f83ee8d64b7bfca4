/**
 * The window's Content Security Policy, the same in the desktop app and the browser preview: no eval, no inline
 * scripts, no remote code. `connect-src 'self'` lets the preview reach its own API; pdf.js runs its worker from 'self'.
 * Inline styles are allowed because React sets style attributes; imported text never becomes markup.
 */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicyFor([]);

/**
 * The same policy, with `connect-src` also naming the origins of the team sync server the user chose (its http(s)
 * and ws(s) origin, exactly; see electron/team/teamServerSetting.ts). Computed per page load, so sharing or joining
 * a project on a new server reloads the window once.
 */
export function contentSecurityPolicyFor(connectOrigins: readonly string[]): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    ["connect-src 'self'", ...connectOrigins].join(' '),
    "worker-src 'self' blob:",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
