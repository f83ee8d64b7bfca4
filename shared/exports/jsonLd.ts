/**
 * JSON for a `<script type="application/ld+json">` block. Plain JSON.stringify leaves `</script>` in a string as it
 * is, which ends the block early and lets the rest of a quote run as markup; U+2028/U+2029 end a line in older
 * script parsers. Each of these characters can only occur inside a JSON string, where `\uXXXX` means the same
 * character, so the escaped text parses to exactly the same value.
 */
const UNSAFE = /[<>&\u2028\u2029]/g;

export function escapeJsonForScript(json: string): string {
  return json.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** JSON.stringify (indented by two spaces, with a final newline) that is safe to paste into a script block. */
export function stringifyJsonLd(value: unknown): string {
  return `${escapeJsonForScript(JSON.stringify(value, null, 2))}\n`;
}
