import { describe, expect, it } from 'vitest';
import { buildReport, REPORT_SECTIONS, type ReportOptions } from '../../../../shared/exports/reportModel.js';
import { escapeMarkdown, reportMarkdown } from '../../../../shared/exports/reportMarkdown.js';
import { sampleSnapshot } from '../../../fixtures/exports/sampleSnapshot.js';
import { hostileSnapshot } from './hostileSnapshot.js';

const options: ReportOptions = {
  title: 'NATO claims',
  filter: {},
  sections: [...REPORT_SECTIONS],
  citationStyle: 'apa',
  organisation: { name: 'Fact Desk', url: 'https://factdesk.example' },
  generatedAt: '2016-09-01T12:00:00.000Z',
};

describe('reportMarkdown', () => {
  it('writes headings, pipe tables, numbered highlights and evidence', () => {
    const md = reportMarkdown(buildReport(sampleSnapshot(), options));
    expect(md).toMatch(/^# NATO claims\n/);
    expect(md).toContain('| Speaker | True | Mostly true | Not rated | Total |');
    expect(md).toContain('**[5] only five out of 28 members met this target last year**');
    expect(md).toContain('### #5. Only five out of 28 NATO members');
    expect(md).toContain('**Verdict: Mostly true**');
    expect(md).toContain('p. 8, Table 3, column 2015e; edition July 2016; figures for 2015');
    expect(md).toContain('## Sources');
  });

  it('neutralises HTML and Markdown syntax in user text and drops unsafe links', () => {
    expect(escapeMarkdown('<b>*x*</b> [a](b) | # h')).toBe('&lt;b&gt;\\*x\\*&lt;/b&gt; \\[a\\](b) \\| # h');
    expect(escapeMarkdown('# heading\n- item')).toBe('\\# heading\n\\- item');
    const md = reportMarkdown(buildReport(hostileSnapshot(), options));
    expect(md).not.toMatch(/<script|<img/);
    expect(md).not.toMatch(/\]\(<?javascript:/i);
    expect(md).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
