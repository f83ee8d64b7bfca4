import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildComparison } from '../../../../shared/compare/buildComparison.js';
import { compareCsv, csvField } from '../../../../shared/compare/compareCsv.js';
import { library, people, stances } from './compareFixture.js';

const both = { speakerIds: ['corbyn', 'smith'], scope: {} };

describe('csvField', () => {
  it('quotes per RFC 4180 only when needed', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    expect(csvField(3)).toBe('3');
    expect(csvField(undefined)).toBe('');
  });

  it('defuses cells a spreadsheet would run as a formula', () => {
    expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvField('+44 20')).toBe("'+44 20");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@cmd')).toBe("'@cmd");
    expect(csvField('\t=1')).toBe("'\t=1");
    expect(csvField('=HYPERLINK("x","y")')).toBe('"\'=HYPERLINK(""x"",""y"")"');
    expect(csvField('a=b')).toBe('a=b');
  });
});

describe('compareCsv', () => {
  const csv = compareCsv(buildComparison(library(), both));
  const lines = csv.split('\r\n');

  it('writes a header, one CRLF line per topic and speaker, and a final CRLF', () => {
    expect(lines.at(-1)).toBe('');
    expect(lines).toHaveLength(1 + 4 * 2 + 1);
    expect(lines[0]).toBe(
      'Topic,Speaker,Stance,Stance date,Claims,Checked,Too few checked,Mean common value,' +
        'Six-step: True,Six-step: Half true,Six-step: Mostly false,Three-step: True,Three-step: Misleading,' +
        'Three-step: False,Conclusion only,No verdict,Key quotes,Flags',
    );
  });

  it('writes the cell’s stance, counts per legend bucket, quotes and flags', () => {
    expect(lines[5]).toBe(
      'Defence › NATO › Article 5,Jeremy Corbyn,will not commit,2016-08-15,3,3,no,0.50,1,0,0,0,0,1,1,0,“quote a2”,' +
        'On Article 5: “commits” (2016-07-01) → “will not commit” (2016-08-15); ' +
        'Claims on Article 5 rated at opposite ends: “True” and “False”',
    );
    expect(lines[8]).toBe('Economy,Owen Smith,,,1,1,yes,0.40,0,0,1,0,0,0,0,0,“quote a9”,');
  });

  it('round-trips hostile names and labels through a CSV parser', () => {
    const hostilePeople = people.map((p) => (p.id === 'smith' ? { ...p, name: '=cmd|"/c calc"!A1' } : p));
    const hostileStances = stances.map((s) => (s.id === 's3' ? { ...s, label: 'yes, "but"\nonly if' } : s));
    const out = compareCsv(buildComparison(library({ people: hostilePeople, stances: hostileStances }), both));
    const parsed = Papa.parse<string[]>(out.trimEnd(), { newline: '\r\n' });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(9);
    const smithArt5 = parsed.data.find((r) => r[0] === 'Defence › NATO › Article 5' && r[1]?.includes('cmd'));
    expect(smithArt5?.[1]).toBe('\'=cmd|"/c calc"!A1');
    expect(smithArt5?.[2]).toBe('yes, "but"\nonly if');
    expect(parsed.data.every((r) => r.length === 18)).toBe(true);
  });
});
