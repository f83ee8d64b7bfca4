import { describe, expect, it } from 'vitest';
import { count, formatDate, formatDateTime, prepareFormats } from '../../../../renderer/format/format.js';

describe('counts and dates through Intl', () => {
  it('says 1 claim, 3 claims, 0 claims, and takes irregular plurals', () => {
    expect(count(1, 'claim')).toBe('1 claim');
    expect(count(3, 'claim')).toBe('3 claims');
    expect(count(0, 'claim')).toBe('0 claims');
    expect(count(2, 'entry', 'entries')).toBe('2 entries');
    expect(count(12000, 'turn')).toMatch(/^12.000 turns$/);
  });

  it('makes its number formats once: start-up makes them early and every count uses the same ones', () => {
    const early = prepareFormats();
    expect(count(2, 'claim')).toBe('2 claims');
    expect(prepareFormats().numbers).toBe(early.numbers);
    expect(prepareFormats().rules).toBe(early.rules);
  });

  it('shows a bare date as the same day in every time zone, and leaves a value it cannot read as it was', () => {
    const shown = formatDate('2016-08-18');
    expect(shown).toMatch(/18/);
    expect(shown).toMatch(/2016/);
    expect(formatDate('sometime')).toBe('sometime');
    expect(formatDate(undefined)).toBe('');
    expect(formatDateTime('2026-12-04T10:30:00.000Z')).toMatch(/2026/);
  });
});
