import { describe, expect, it } from 'vitest';
import { SpeakerRegistry, displayName, nameKey, parseSpeakerLabel } from '../../../../electron/import/speakers.js';

describe('parseSpeakerLabel', () => {
  it('reads role and name in either order', () => {
    expect(parseSpeakerLabel('MODERATOR (HELEN MARSH)')).toEqual({ name: 'Helen Marsh', role: 'moderator' });
    expect(parseSpeakerLabel('Helen Marsh (Moderator)')).toEqual({ name: 'Helen Marsh', role: 'moderator' });
    expect(parseSpeakerLabel('SMITH (Labour)')).toEqual({ name: 'Smith', party: 'Labour' });
    expect(parseSpeakerLabel('MODERATOR')).toEqual({ role: 'moderator' });
    expect(parseSpeakerLabel('QUESTION')).toEqual({ role: 'audience' });
  });
  it('gives all-capitals names ordinary capitals and keeps mixed case', () => {
    expect(displayName('MR. SMITH')).toBe('Mr. Smith');
    expect(displayName("O'BRIEN")).toBe("O'Brien");
    expect(displayName('MCDONNELL')).toBe('McDonnell');
    expect(displayName('Jeremy Corbyn')).toBe('Jeremy Corbyn');
  });
  it('drops courtesy titles from the matching key', () => {
    expect(nameKey('Mr Corbyn')).toEqual(['corbyn']);
    expect(nameKey('MR. SMITH')).toEqual(['smith']);
    expect(nameKey('Jeremy Corbyn')).toEqual(['jeremy', 'corbyn']);
  });
});

describe('SpeakerRegistry', () => {
  it('merges a moderator named three ways into one speaker', () => {
    const reg = new SpeakerRegistry();
    const a = reg.resolve('MODERATOR (HELEN MARSH)');
    const b = reg.resolve('MARSH');
    const c = reg.resolve('HELEN MARSH');
    expect(new Set([a, b, c]).size).toBe(1);
    const [marsh, ...rest] = reg.list();
    expect(rest).toHaveLength(0);
    expect(marsh).toMatchObject({ id: 's1', name: 'Helen Marsh', role: 'moderator' });
    expect(marsh?.aliases.sort()).toEqual(['MARSH', 'MODERATOR (HELEN MARSH)']);
  });

  it('upgrades a surname to the full name when it appears later', () => {
    const reg = new SpeakerRegistry();
    const a = reg.resolve('CORBYN');
    const b = reg.resolve('Jeremy Corbyn');
    const c = reg.resolve('Mr Corbyn');
    expect(b).toBe(a);
    expect(c).toBe(a);
    expect(reg.get(a)?.name).toBe('Jeremy Corbyn');
    expect(reg.get(a)?.aliases).toEqual(['Corbyn', 'Mr Corbyn']);
  });

  it('names a bare role speaker when the name comes later, and sends the bare role back to them', () => {
    const reg = new SpeakerRegistry();
    const a = reg.resolve('MODERATOR');
    const b = reg.resolve('MODERATOR (JANE DOE)');
    const c = reg.resolve('MODERATOR');
    expect(b).toBe(a);
    expect(c).toBe(a);
    expect(reg.list()).toEqual([{ id: 's1', name: 'Jane Doe', aliases: ['MODERATOR (JANE DOE)', 'MODERATOR'], role: 'moderator' }]);
  });

  it('keeps different people with different first names apart', () => {
    const reg = new SpeakerRegistry();
    const jane = reg.resolve('Jane Smith');
    const john = reg.resolve('John Smith');
    expect(john).not.toBe(jane);
    expect(reg.resolve('J. Smith')).toBe(john);
    expect(reg.list().map((s) => s.name)).toEqual(['Jane Smith', 'John Smith']);
  });

  it('finds a speaker by an alias the caller adds', () => {
    const reg = new SpeakerRegistry();
    const id = reg.resolve('Jeremy Corbyn');
    expect(reg.find('The Labour leader')).toBeUndefined();
    reg.addAlias(id, 'The Labour leader');
    expect(reg.find('the Labour leader')).toBe(id);
    expect(reg.list()).toHaveLength(1);
  });
});
