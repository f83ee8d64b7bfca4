/**
 * Counts and dates as the system's locale says them, in one place: every "3 claims" goes through Intl.PluralRules
 * and every date through one Intl.DateTimeFormat, so the app never mixes "4 Dec 2026" with "12/4/2026".
 */

/** The locale the window was started in (the operating system's, in the desktop app). */
export function locale(): string | undefined {
  return typeof navigator !== 'undefined' ? navigator.language : undefined;
}

let rules: Intl.PluralRules | undefined;
let numbers: Intl.NumberFormat | undefined;

/**
 * Makes the number formats now. The first Intl formatter a window makes costs about 20 ms (ICU loads its locale data
 * then), whichever view asks first; start-up calls this while the database opens, so opening a document does not.
 */
export function prepareFormats(): { rules: Intl.PluralRules; numbers: Intl.NumberFormat } {
  rules ??= new Intl.PluralRules(locale());
  numbers ??= new Intl.NumberFormat(locale());
  return { rules, numbers };
}

/**
 * "1 claim", "3 claims": the count with its noun in the right form. `singular` and `plural` are the noun's forms (the
 * app's words are English; the plural category comes from the locale's rules).
 */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  const { rules, numbers } = prepareFormats();
  return `${numbers.format(n)} ${rules.select(n) === 'one' ? singular : plural}`;
}

let dayFormat: Intl.DateTimeFormat | undefined;
let momentDayFormat: Intl.DateTimeFormat | undefined;
let dateTimeFormat: Intl.DateTimeFormat | undefined;
const BARE_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date (YYYY-MM-DD, as debates and claims keep them) or a timestamp, as a date in the system's style. */
export function formatDate(value: string | undefined): string {
  if (!value) return '';
  if (BARE_DATE.test(value)) {
    // A bare date is a day, not a moment: read and shown in UTC, so no time zone moves it to the day before.
    const day = new Date(`${value}T12:00:00Z`);
    if (Number.isNaN(day.getTime())) return value;
    dayFormat ??= new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeZone: 'UTC' });
    return dayFormat.format(day);
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  momentDayFormat ??= new Intl.DateTimeFormat(locale(), { dateStyle: 'medium' });
  return momentDayFormat.format(date);
}

/** A moment (an ISO timestamp) as date and time in the system's style. */
export function formatDateTime(value: string | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  dateTimeFormat ??= new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' });
  return dateTimeFormat.format(date);
}
