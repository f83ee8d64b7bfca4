/**
 * File names come from other people's machines (a bundle's attachments, a dropped file, a mail attachment), and a
 * name can lie: a right-to-left override makes `NATO-figures-2024‮fdp.desktop` display as `…potksed.pdf`.
 * Every file name the app stores, shows or passes between processes goes through cleanFileName, so format
 * characters (`\p{Cf}`: bidi overrides and isolates, zero-width joiners, soft hyphens, BOMs) are shown nowhere.
 */

// \p{Cf} covers U+202A–U+202E, U+2066–U+2069, U+200B–U+200F, U+061C, U+FEFF, U+00AD; \p{Cc} the control characters.
const INVISIBLE = /[\p{Cf}\p{Cc}]/gu;
const SEPARATORS = /[\\/]/g;
/** Characters no file name may hold on Windows, macOS or Linux (the contract refuses them in requests). */
const RESERVED = /[:*?"<>|]/g;

/** The name with every format and control character removed, NFC-normalised, trimmed; never a path. */
export function cleanFileName(name: string): string {
  return name
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(SEPARATORS, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 255);
}

/** True when the name carries characters cleanFileName would remove or change. */
export function hasHiddenCharacters(name: string): boolean {
  return cleanFileName(name) !== name;
}

/** A name safe to write to any file system: cleaned, reserved characters replaced, no leading dots or trailing dots/spaces. */
export function diskFileName(name: string): string {
  const cleaned = cleanFileName(name).replace(RESERVED, '_').replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  return cleaned || 'file';
}

/**
 * A name split for display so the real extension is always visible: the stem may be shortened, the extension
 * never. `extension` is '' when the name has none.
 */
export function splitFileName(name: string): { stem: string; extension: string } {
  const clean = cleanFileName(name);
  const dot = clean.lastIndexOf('.');
  if (dot <= 0 || dot === clean.length - 1) return { stem: clean, extension: '' };
  return { stem: clean.slice(0, dot), extension: clean.slice(dot) };
}
