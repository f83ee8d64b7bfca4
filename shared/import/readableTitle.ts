/**
 * A title shouting in capitals ("LABOUR LEADERSHIP HUSTINGS: CORBYN V SMITH", as transcripts often head themselves)
 * made readable: words in title case, small words lower case, known abbreviations kept. A title with any lower-case
 * letter is the author's choice and is left alone.
 */

const SMALL = new Set(['a', 'an', 'and', 'as', 'at', 'but', 'by', 'for', 'from', 'in', 'into', 'nor', 'of', 'on', 'or', 'over', 'per', 'the', 'to', 'v', 'vs', 'via', 'with']);
// Kept in capitals: abbreviations a transcript's heading is likely to hold.
const ABBREVIATIONS = new Set([
  'AI', 'BBC', 'CBS', 'CNN', 'EU', 'FBI', 'GDP', 'GOP', 'ITV', 'MP', 'MPS', 'NATO', 'NBC', 'NHS', 'PBS', 'PM', 'QC', 'SNP', 'TV', 'UK', 'UKIP',
  'UN', 'US', 'USA', 'VAT', 'II', 'III', 'IV', 'Q&A', 'DUP', 'ABC', 'NPR', 'CDU', 'SPD', 'AFD', 'WHO', 'IMF', 'OECD', 'COVID', 'LBC',
]);

function hasLower(text: string): boolean {
  return /\p{Ll}/u.test(text);
}

function capitalise(word: string): string {
  return word.replace(/^(\P{L}*)(\p{L})(.*)$/u, (_, lead: string, first: string, rest: string) => `${lead}${first.toUpperCase()}${rest.toLowerCase()}`);
}

export function readableTitle(title: string): string {
  if (hasLower(title) || !/\p{Lu}{2}/u.test(title)) return title;
  let first = true;
  return title.replace(/[^\s]+/gu, (token) => {
    const bare = token.replace(/^[^\p{L}\p{N}&]+|[^\p{L}\p{N}&]+$/gu, '');
    const afterColon = first;
    first = /[:.!?—–-]$/u.test(token);
    if (ABBREVIATIONS.has(bare.toUpperCase()) && bare.toUpperCase() !== 'WHO') return token;
    // A possessive of an abbreviation: "PM’S" → "PM’s".
    const possessive = /^(.+)(['’])S$/u.exec(bare);
    if (possessive && ABBREVIATIONS.has(possessive[1]!)) return token.replace(/(['’])S/u, '$1s');
    if (!afterColon && SMALL.has(bare.toLowerCase())) return token.toLowerCase();
    // Hyphenated words take a capital on each part ("Post-Brexit").
    return token.split('-').map(capitalise).join('-');
  });
}
