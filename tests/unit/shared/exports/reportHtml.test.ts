import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { escapeHtml, REPORT_CSP, reportHtml } from '../../../../shared/exports/reportHtml.js';
import { buildReport, REPORT_SECTIONS, type ReportOptions } from '../../../../shared/exports/reportModel.js';
import { sampleSnapshot } from '../../../fixtures/exports/sampleSnapshot.js';
import { hostileSnapshot, IMG, SCRIPT } from './hostileSnapshot.js';

const options: ReportOptions = {
  title: 'NATO claims',
  filter: {},
  sections: [...REPORT_SECTIONS],
  citationStyle: 'chicago',
  organisation: { name: 'Fact Desk', url: 'https://factdesk.example' },
  generatedAt: '2016-09-01T12:00:00.000Z',
};

describe('reportHtml', () => {
  it('escapes the five HTML specials', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('is self-contained: CSP meta, inline style, SVG bars, no scripts or external resources', () => {
    const html = reportHtml(buildReport(sampleSnapshot(), options));
    const { document } = parseHTML(html);
    expect(document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toBe(REPORT_CSP);
    expect(REPORT_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    expect(document.querySelectorAll('script')).toHaveLength(0);
    expect(document.querySelectorAll('link, img, iframe, object, embed')).toHaveLength(0);
    expect(document.querySelectorAll('svg rect').length).toBeGreaterThan(0);
    expect(document.querySelectorAll('mark[data-claim]')).toHaveLength(5);
    expect(document.querySelectorAll('article.claim-card')).toHaveLength(5);
    expect(document.getElementById('claim-claim-five-of-28')?.textContent).toContain('Mostly true');
    expect(document.getElementById('bibliography')?.textContent).toContain('Brussels: NATO');
    expect(document.querySelector('#comparison table')?.textContent).toContain('Article 5');
  });

  it('keeps every user string as text: no injected elements, handlers or javascript: links', () => {
    const html = reportHtml(buildReport(hostileSnapshot(), options));
    const { document } = parseHTML(html);
    expect(html).not.toContain(SCRIPT);
    expect(html).not.toContain('<img');
    expect(html).not.toMatch(/href="javascript:/i);
    expect(document.querySelectorAll('script, img')).toHaveLength(0);
    for (const el of document.querySelectorAll('*')) {
      for (const a of el.getAttributeNames()) expect(a.startsWith('on')).toBe(false);
      const href = el.getAttribute('href');
      if (href) expect(href).toMatch(/^https?:\/\//);
      expect(el.getAttribute('style') ?? '').not.toMatch(/url\(|javascript/i);
    }
    // The hostile text is still there for the reader, as text.
    expect(document.body.textContent).toContain(SCRIPT);
    expect(document.body.textContent).toContain(IMG);
    // A source URL that is not a web address is never exported, not even as text.
    expect(document.body.textContent).not.toContain('javascript:alert(document.cookie)');
  });
});
