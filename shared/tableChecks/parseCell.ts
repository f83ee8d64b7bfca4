/** How a table cell reads as a number, and what was set aside to read it (a footnote marker, a percent sign). */
export interface CellNumber {
  value: number;
  /** A footnote or estimate marker that followed the figure: "e" in "2.0e", "*", "p", "¹". */
  marker?: string;
}

const MISSING = /^(?:|-+|–|—|\.{2,3}|…|n\/?a|n\.a\.|na|x|:|null|nan|none|\?|–\s*–)$/i;
// Footnote and estimate markers statistical tables put after a figure.
const TRAILING_MARKER = /^(.*?\d)\s*(\((?:e|p|r|est|f|b|\d{1,2})\)|\[(?:e|p|r|\d{1,2}|[a-z])\]|e|p|r|est\.?|f|b|\*+|†|‡|§|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)$/i;

/**
 * Reads a cell as a number, or undefined when it holds none (empty, "..", "n/a", a word). Copes with what official
 * tables contain: thousands separators ("12,000", "1 234", "12'000"), percent and currency signs ("2.1%",
 * "$1,200", "€ 5"), estimate and footnote markers ("2.0e", "3.61 (e)", "1.9*", "2.0¹"), Unicode minus signs,
 * accounting negatives ("(1.2)") and decimal commas ("2,03").
 */
export function parseCell(raw: string | undefined | null): CellNumber | undefined {
  if (raw === undefined || raw === null) return undefined;
  let text = String(raw).replace(/[\u00a0\u202f\u2009]/g, ' ').trim();
  if (MISSING.test(text)) return undefined;
  let marker: string | undefined;
  const marked = text.match(TRAILING_MARKER);
  if (marked) {
    text = marked[1]!.trim();
    marker = marked[2]!;
  }
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1).trim();
  }
  text = text.replace(/^[~≈<>≤≥]\s*/, '');
  text = text.replace(/^[+]/, '');
  if (/^[-−–]/.test(text)) {
    negative = !negative;
    text = text.slice(1).trim();
  }
  // Currency before or after, percent after.
  text = text.replace(/^(?:US\$|[$£€¥₹]|USD|EUR|GBP)\s*/i, '').replace(/\s*(?:%|percent|[$£€¥₹]|USD|EUR|GBP)$/i, '');
  if (/^[-−–]/.test(text)) {
    negative = !negative;
    text = text.slice(1).trim();
  }
  let normal: string;
  if (/^\d{1,3}(?:[ ,'’]\d{3})+(?:\.\d+)?$/.test(text)) normal = text.replace(/[ ,'’]/g, '');
  else if (/^\d{1,3}(?:[ .]\d{3})+,\d+$/.test(text)) normal = text.replace(/[ .]/g, '').replace(',', '.');
  else if (/^\d+,\d{1,2}$|^\d+,\d{4,}$/.test(text)) normal = text.replace(',', '.');
  else if (/^\d*\.?\d+(?:[eE][-+]?\d+)?$/.test(text)) normal = text;
  else return undefined;
  const value = Number(normal);
  if (!Number.isFinite(value)) return undefined;
  const out: CellNumber = { value: negative ? -value : value };
  if (marker) out.marker = marker;
  return out;
}

/** The number of decimals a cell was given to ("2.0" → 1), for writing a threshold back as the table wrote it. */
export function decimalsOf(text: string): number {
  const m = text.trim().match(/\.(\d+)/);
  return m ? m[1]!.length : 0;
}
