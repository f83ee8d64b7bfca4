/**
 * `00:12:31`, `12:31`, `01:02:03,500` (SRT) or `01:02:03.500` (WebVTT) to seconds; undefined when it is not a
 * time. Minutes and seconds above 59 are refused so that `12:75` in prose is not read as a time.
 */
export function parseTimecode(value: string): number | undefined {
  // `00:12:31`, the common case in a long transcript, without the regular expression.
  if (value.length === 8 && value.charCodeAt(2) === 58 && value.charCodeAt(5) === 58) {
    const h = twoDigits(value, 0);
    const m = twoDigits(value, 3);
    const s = twoDigits(value, 6);
    if (h >= 0 && m >= 0 && s >= 0) return m > 59 || s > 59 ? undefined : h * 3600 + m * 60 + s;
  }
  // `00:12:31,500` (SRT) and `00:12:31.500` (WebVTT), every cue of a caption file, the same way.
  if (value.length === 12 && value.charCodeAt(2) === 58 && value.charCodeAt(5) === 58) {
    const sep = value.charCodeAt(8);
    const h = twoDigits(value, 0);
    const m = twoDigits(value, 3);
    const s = twoDigits(value, 6);
    const ms = twoDigits(value, 9);
    const last = value.charCodeAt(11) - 48;
    if ((sep === 44 || sep === 46) && h >= 0 && m >= 0 && s >= 0 && ms >= 0 && last >= 0 && last <= 9) {
      return m > 59 || s > 59 ? undefined : h * 3600 + m * 60 + s + (ms * 10 + last) / 1000;
    }
  }
  const m = /^\s*(?:(\d{1,3}):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?\s*$/.exec(value);
  if (!m) return undefined;
  const hours = m[1] === undefined ? 0 : Number(m[1]);
  const minutes = Number(m[2]);
  const seconds = Number(m[3]);
  if (minutes > 59 || seconds > 59) return undefined;
  const fraction = m[4] === undefined ? 0 : Number(m[4].padEnd(3, '0')) / 1000;
  return hours * 3600 + minutes * 60 + seconds + fraction;
}

function twoDigits(value: string, at: number): number {
  const a = value.charCodeAt(at) - 48;
  const b = value.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}
