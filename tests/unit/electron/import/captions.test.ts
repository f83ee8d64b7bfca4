import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { structureCaptions } from '../../../../electron/import/captions.js';
import { ImportError } from '../../../../electron/import/importError.js';

const fixture = (name: string): string => readFileSync(path.join(import.meta.dirname, '../../../fixtures/import', name), 'utf8');

describe('structureCaptions', () => {
  it('merges the cues of one SRT speaker and splits on NAME: and >> changes', () => {
    const doc = structureCaptions(fixture('captions.srt'), { format: 'srt', title: 'captions' });
    expect(doc.speakers.map((s) => [s.id, s.name, s.role])).toEqual([
      ['s1', 'Moderator', 'moderator'],
      ['s2', 'Clinton', undefined],
      ['s3', 'Trump', undefined],
    ]);
    expect(doc.turns).toEqual([
      { speaker: 's1', kind: 'speech', text: 'Good evening and welcome to the debate.', start: 1, end: 5 },
      { speaker: 's2', kind: 'speech', text: 'Thank you.', start: 5.2, end: 7 },
      { speaker: 's3', kind: 'speech', text: 'Thank you, Lester.', start: 7, end: 9 },
      { speaker: null, kind: 'stage', text: '(APPLAUSE)', start: 9, end: 10 },
    ]);
    expect(doc.warnings).toEqual([]);
  });

  it('takes WebVTT voices (with classes), skips NOTE blocks and cue settings, and marks an unnamed >> change', () => {
    const doc = structureCaptions(fixture('captions.vtt'), { format: 'webvtt', title: 'captions' });
    expect(doc.speakers.map((s) => s.name)).toEqual(['Lester Holt', 'Hillary Clinton', 'Trump']);
    expect(doc.turns).toEqual([
      { speaker: 's1', kind: 'speech', text: "Good evening from Hofstra University. I'm Lester Holt.", start: 1, end: 5 },
      { speaker: 's2', kind: 'speech', text: 'How are you, Donald?', start: 5, end: 7 },
      { speaker: null, kind: 'speech', text: 'Good luck to you.', start: 7, end: 8 },
      { speaker: 's3', kind: 'speech', text: 'Thank you.', start: 8, end: 10 },
    ]);
  });

  it('keeps cues that go back in time, with a warning', () => {
    const doc = structureCaptions(fixture('backwards.srt'), { format: 'srt' });
    expect(doc.turns).toHaveLength(1);
    expect(doc.turns[0]?.text).toBe('First. Second goes back in time.');
    expect(doc.warnings).toEqual(['Cue 2 starts at 00:00:02.000, before the cue ahead of it; its times are kept as they are.']);
  });

  it('strips formatting tags and entities', () => {
    const doc = structureCaptions('1\n00:00:01,000 --> 00:00:02,000\n<i>{\\an8}Fish &amp; chips</i>\n', { format: 'srt' });
    expect(doc.turns[0]?.text).toBe('Fish & chips');
  });

  it('leaves one space wherever tags, entities, tabs or CRLF line ends left several', () => {
    const srt = [
      '1\r\n00:00:01,000 --> 00:00:02,000\r\nWe <i> never </i>&nbsp; said\tthat,  \u00a0 ever.\r\n',
      '2\r\n00:00:02,000 --> 00:00:03,000\r\nNot {\\an8} once.\r\n',
      '3\r\n00:00:03,000 --> 00:00:04,000\r\n[ Music\u00a0 plays ]\r\n',
    ].join('\r\n');
    expect(structureCaptions(srt, { format: 'srt' }).turns).toEqual([
      { speaker: null, kind: 'speech', text: 'We never said that, ever. Not once.', start: 1, end: 3 },
      { speaker: null, kind: 'stage', text: '[ Music plays ]', start: 3, end: 4 },
    ]);
    const vtt = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000 align:start\n<v.loud Ann Lee>Yes <b>,</b>  <v Bob Ray> no </v> &amp;\tso.\n';
    expect(structureCaptions(vtt, { format: 'webvtt' }).turns.map((t) => t.text)).toEqual(['Yes , no & so.']);
  });

  it.each([
    ['an SRT block without a time line', 'srt', '1\nHello there\n'],
    ['an unreadable SRT time', 'srt', '1\n00:00:01,000 --> soon\nHello\n'],
    ['a WebVTT file without its header', 'webvtt', '00:00:01.000 --> 00:00:02.000\nHello\n'],
    ['a WebVTT header and nothing else', 'webvtt', 'WEBVTT\n\n'],
  ] as const)('refuses %s with an ImportError', (_what, format, text) => {
    expect(() => structureCaptions(text, { format })).toThrow(ImportError);
  });
});
