import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { ParsedDocument } from '../../shared/import/parsedDocument.js';
import { structureArticle } from './article.js';
import { ImportError } from './importError.js';
import { normaliseDate } from './normaliseDate.js';
import { structureIfTranscript } from './transcript.js';

/**
 * A saved web page (untrusted HTML) into a document: only the article body, found by Readability, with navigation,
 * scripts, styles and reader comments left out; then article structuring, or transcript structuring when the body
 * is a transcript. linkedom builds the tree without running scripts or fetching anything the page refers to.
 */
export function parseHtml(html: string, fileName: string): ParsedDocument {
  if (!html.trim()) throw new ImportError(NO_TEXT);
  // linkedom leaves a bare fragment without a body, so give it one.
  const page = /<(?:html|body)[\s>]/i.test(html) ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
  let document: Document;
  let pageTitle: string | undefined;
  try {
    ({ document } = parseHTML(page));
    pageTitle = titleOf(document);
    removeNoise(document);
  } catch (cause) {
    throw new ImportError('The web page could not be read as HTML.', 'parse-failed', { cause });
  }

  let article: ReturnType<Readability<Node>['parse']> = null;
  try {
    article = new Readability<Node>(document.cloneNode(true) as Document, { serializer: (node) => node, disableJSONLD: false }).parse();
  } catch {
    // Readability gives up on odd pages; the cleaned body below is the fallback.
  }
  const body = article?.content ?? document.body;
  const text = body ? blockText(body) : '';
  if (!text.trim()) throw new ImportError(NO_TEXT);

  const title = pageTitle ?? '';
  const doc =
    structureIfTranscript(text, { title: title || fileName, format: 'html' }) ??
    structureArticle(text, { title: title || fileName, format: 'html', titleFromDocument: Boolean(title) });
  const published = article?.publishedTime ? normaliseDate(article.publishedTime) : undefined;
  if (published && !doc.date) doc.date = published;
  return doc;
}

/**
 * The headline: the page's one `<h1>` when the `<title>` repeats it (titles carry the section and site name too),
 * else the `<title>` itself; undefined when the page has neither.
 */
function titleOf(document: Document): string | undefined {
  const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
  const title = clean(document.querySelector('title')?.textContent) || clean(document.querySelector('meta[property="og:title"]')?.getAttribute('content'));
  const headings = [...document.querySelectorAll('h1')].map((h) => clean(h.textContent)).filter(Boolean);
  const h1 = headings.length === 1 ? headings[0]! : undefined;
  if (h1 && (!title || title.toLowerCase().includes(h1.toLowerCase()))) return h1;
  if (h1) return h1;
  // `Minister defends rail fares rise | Politics | The Daily Record`: the headline is the first part.
  const first = title.split(/\s+[|–—-]\s+/)[0]!.trim();
  return (first.split(/\s+/).length >= 3 ? first : title) || undefined;
}

const NO_TEXT = 'The web page has no article text to import.';

const NOISE = [
  'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'canvas', 'video', 'audio', 'nav',
  'aside', 'footer', 'form', 'button', 'input', 'select', 'textarea', 'dialog', 'figcaption',
  '[role="navigation"]', '[role="complementary"]', '[role="contentinfo"]', '[role="banner"]', '[aria-hidden="true"]',
  '[hidden]',
].join(',');
// Comment threads go by these ids and classes on news sites and blogs (WordPress, Disqus, Coral).
const COMMENTS = /(?:^|[\s_-])(?:comments?|commentlist|comment-list|respond|replies|discussion|disqus|coral)(?:$|[\s_-])/i;

function removeNoise(document: Document): void {
  for (const el of [...document.querySelectorAll(NOISE)]) el.remove();
  for (const el of [...document.querySelectorAll('[id], [class]')]) {
    if (!el.isConnected) continue;
    const names = `${el.getAttribute('id') ?? ''} ${el.getAttribute('class') ?? ''}`;
    if (COMMENTS.test(names) && el.tagName !== 'BODY' && el.tagName !== 'HTML') el.remove();
  }
}

const BLOCKS = new Set([
  'P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'HEADER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'UL', 'OL', 'DL', 'DT',
  'DD', 'BLOCKQUOTE', 'PRE', 'FIGURE', 'FIGCAPTION', 'TABLE', 'TR', 'TD', 'TH', 'HR', 'ADDRESS', 'DETAILS', 'SUMMARY',
]);

/** The text of a tree with one blank line between blocks, as article and transcript structuring expect. */
export function blockText(root: Node): string {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      parts.push((node.textContent ?? '').replace(/\s+/g, ' '));
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const tag = (node as Element).tagName ?? '';
    if (tag === 'BR') {
      parts.push('\n');
      return;
    }
    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'NOSCRIPT' || tag === 'TEMPLATE') return;
    const block = BLOCKS.has(tag);
    if (block) parts.push('\n\n');
    for (const child of [...node.childNodes]) walk(child);
    if (block) parts.push('\n\n');
  };
  walk(root);
  return parts
    .join('')
    .split(/\n[ \t]*\n(?:[ \t]*\n)*/)
    .map((p) => p.split('\n').map((l) => l.trim()).filter(Boolean).join('\n'))
    .filter(Boolean)
    .join('\n\n');
}
