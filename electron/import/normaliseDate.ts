const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

/**
 * A calendar date as files write it (`2016-09-26`, `9/26/16`, `10/19/2016`, `26 September 2016`,
 * `September 26, 2016`, `Sept. 26, 2016`) to `YYYY-MM-DD`; undefined when there is no valid date.
 * Slashed dates are read month first, as in the US sources that use them, unless the first number cannot be a month.
 */
export function normaliseDate(value: string): string | undefined {
  const s = value.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s])/.exec(s);
  if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})$/.exec(s);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const year = fullYear(m[3]!);
    return a > 12 ? build(year, b, a) : build(year, a, b);
  }
  return findDateInText(s);
}

/** The first written-out date in a line of prose (`Hofstra University, September 26, 2016`). */
export function findDateInText(text: string): string | undefined {
  let m = /\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/.exec(text);
  if (m) {
    const month = monthNumber(m[2]!);
    if (month) return build(Number(m[3]), month, Number(m[1]));
  }
  m = /\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(text);
  if (m) {
    const month = monthNumber(m[1]!);
    if (month) return build(Number(m[3]), month, Number(m[2]));
  }
  m = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(text);
  if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]));
  return undefined;
}

function monthNumber(word: string): number | undefined {
  const lower = word.toLowerCase();
  const key = lower.startsWith('sept') ? 'sept' : lower.slice(0, 3);
  const month = MONTHS[key];
  // `Mayor` must not read as May: the word must be the month's name or its abbreviation.
  const full = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
  if (month === undefined) return undefined;
  const name = full[month - 1]!;
  return name.startsWith(lower) ? month : undefined;
}

function fullYear(year: string): number {
  if (year.length === 4) return Number(year);
  const n = Number(year);
  return n < 70 ? 2000 + n : 1900 + n;
}

function build(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
