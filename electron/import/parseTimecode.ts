/**
 * `00:12:31`, `12:31`, `01:02:03,500` (SRT) or `01:02:03.500` (WebVTT) to seconds; undefined when it is not a
 * time. Minutes and seconds above 59 are refused so that `12:75` in prose is not read as a time.
 */
export function parseTimecode(value: string): number | undefined {
  const m = /^\s*(?:(\d{1,3}):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?\s*$/.exec(value);
  if (!m) return undefined;
  const hours = m[1] === undefined ? 0 : Number(m[1]);
  const minutes = Number(m[2]);
  const seconds = Number(m[3]);
  if (minutes > 59 || seconds > 59) return undefined;
  const fraction = m[4] === undefined ? 0 : Number(m[4].padEnd(3, '0')) / 1000;
  return hours * 3600 + minutes * 60 + seconds + fraction;
}
