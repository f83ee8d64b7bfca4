import { JSDOM } from 'jsdom';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { claimReviews, claimReviewsJson } from '../../../../shared/exports/claimReview.js';
import { exportData } from '../../../../shared/exports/exportData.js';
import { escapeJsonForScript } from '../../../../shared/exports/jsonLd.js';
import { buildReport, REPORT_SECTIONS, type ReportOptions } from '../../../../shared/exports/reportModel.js';
import { reportMarkdown } from '../../../../shared/exports/reportMarkdown.js';
import { webAnnotationCollection } from '../../../../shared/exports/webAnnotation.js';
import { hostileSnapshot, SCRIPT_BREAK } from '../../../fixtures/hostile/hostileSnapshot.js';

const organisation = { name: 'Fact Desk', url: 'https://factdesk.example/' };
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** Pastes JSON-LD into a page the way the export promises it can be, and reads back what the browser sees. */
function pasteIntoPage(jsonLd: string): { scripts: number; parsed: unknown } {
  const dom = new JSDOM(`<!doctype html><html><head><script type="application/ld+json">${jsonLd}</script></head><body><p>after</p></body></html>`);
  const scripts = dom.window.document.querySelectorAll('script');
  return { scripts: scripts.length, parsed: JSON.parse(scripts[0]!.textContent ?? '') };
}

describe('JSON-LD is safe inside <script type="application/ld+json">', () => {
  it('escapes <, >, &, U+2028 and U+2029 as \\u escapes and parses back to the same value', () => {
    const value = { quote: `${SCRIPT_BREAK} & \u2028\u2029 <!-- -->` };
    const escaped = escapeJsonForScript(JSON.stringify(value));
    expect(escaped).not.toMatch(/[<>&\u2028\u2029]/);
    expect(escaped).toContain('\\u003c/script\\u003e');
    expect(escaped).toContain('\\u0026');
    expect(escaped).toContain('\\u2028');
    expect(JSON.parse(escaped)).toEqual(value);
  });

  it('ClaimReview: a quote holding </script><script> stays inside its block', () => {
    const snapshot = hostileSnapshot();
    const json = claimReviewsJson(snapshot, { organisation });
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    const page = pasteIntoPage(json);
    expect(page.scripts).toBe(1);
    expect(page.parsed).toEqual(JSON.parse(JSON.stringify(claimReviews(snapshot, { organisation }))));
    expect(JSON.stringify(page.parsed)).toContain(SCRIPT_BREAK);
  });

  it('Web Annotation: quotes and prefixes with markup and line separators stay inside the block', async () => {
    const json = webAnnotationCollection(hostileSnapshot());
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    const page = pasteIntoPage(json);
    expect(page.scripts).toBe(1);
    expect(JSON.stringify(page.parsed)).toContain(SCRIPT_BREAK);
    // The export channel (app and CLI) gives the same escaped bytes.
    expect(text(await exportData(hostileSnapshot(), 'web-annotation', { organisation, title: 'r', filter: {}, sections: [...REPORT_SECTIONS], citationStyle: 'apa' }))).toBe(json);
  });
});

describe('Markdown export escapes every field', () => {
  // The most permissive common renderer: raw HTML on, bare links turned into links.
  const md = new MarkdownIt({ html: true, linkify: true });
  const report = () =>
    reportMarkdown(
      buildReport(hostileSnapshot(), {
        title: 'Report <img src=x onerror=alert(2)>',
        filter: {},
        sections: [...REPORT_SECTIONS],
        organisation: { name: 'Desk [y](javascript:alert(3))', url: 'javascript:alert(4)' },
        citationStyle: 'apa',
        generatedAt: '2024-05-01T00:00:00.000Z',
      } satisfies ReportOptions),
    );

  it('renders to HTML with no element, handler or javascript:/data: link from the data', () => {
    const html = md.render(report());
    const doc = new JSDOM(html).window.document;
    expect(doc.querySelectorAll('img, script, iframe, object, embed, svg, style').length).toBe(0);
    for (const element of doc.querySelectorAll('*')) {
      for (const attribute of element.getAttributeNames()) expect(attribute.startsWith('on'), `${element.tagName} ${attribute}`).toBe(false);
    }
    const hrefs = [...doc.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '');
    expect(hrefs.filter((h) => !/^https?:\/\//.test(h))).toEqual([]);
    // The hostile text is still there, as text.
    expect(doc.body.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(doc.body.textContent).toContain('[x](javascript:alert(1))');
  });

  it('prints the debate date, verdict date and statuses escaped, not raw', () => {
    const out = report();
    expect(out).not.toContain('<img');
    expect(out).not.toMatch(/(?<!\\)\[x\]\(javascript:/);
    expect(out).not.toContain('javascript:alert(document.cookie)');
    expect(out).not.toContain('data:text/html');
  });
});
