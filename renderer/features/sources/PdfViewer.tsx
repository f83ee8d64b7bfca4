import { getDocument, TextLayer, type PDFDocumentProxy } from 'pdfjs-dist';
import { useEffect, useRef, useState } from 'react';
import type { Attachment, Locator } from '../../../shared/model.js';
import { request } from '../../api/api.js';
import './pdfWorker.js';
import type { ViewerPick } from './TableViewer.js';


const SCALE = 1.25;

/** A PDF attachment, one page at a time on a canvas with its text layer, so a passage can be selected and quoted. */
export function PdfViewer(props: { attachment: Attachment; locator: Locator; nonce: number; onPick: (pick: ViewerPick) => void }) {
  const [pdf, setPdf] = useState<PDFDocumentProxy>();
  const [error, setError] = useState<string>();
  const [page, setPage] = useState(props.locator.page ?? 1);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const pageRef = useRef<HTMLDivElement>(null);
  const { hash, name } = props.attachment;

  useEffect(() => {
    let live = true;
    let loaded: PDFDocumentProxy | undefined;
    setPdf(undefined);
    setError(undefined);
    (async () => {
      const { bytes } = await request('vaultGet', { hash });
      const task = getDocument({ data: bytes, isEvalSupported: false, disableFontFace: false, useSystemFonts: true, enableXfa: false });
      loaded = await task.promise;
      if (live) setPdf(loaded);
      else void loaded.destroy();
    })().catch((e: unknown) => {
      if (live) setError(`${name} could not be opened as a PDF${e instanceof Error && e.name === 'PasswordException' ? ': it is password-protected' : ''}. Try “Open in system app”.`);
    });
    return () => {
      live = false;
      void loaded?.destroy();
    };
  }, [hash, name]);

  useEffect(() => {
    setPage(props.locator.page ?? 1);
  }, [props.locator.page, props.nonce]);

  useEffect(() => {
    if (!pdf) return;
    const pageNumber = Math.min(Math.max(1, page), pdf.numPages);
    let cancelled = false;
    let textLayer: TextLayer | undefined;
    (async () => {
      const pdfPage = await pdf.getPage(pageNumber);
      const viewport = pdfPage.getViewport({ scale: SCALE });
      const canvas = canvasRef.current;
      const text = textRef.current;
      const wrapper = pageRef.current;
      if (!canvas || !text || !wrapper || cancelled) return;
      const ratio = window.devicePixelRatio || 1;
      canvas.width = Math.floor(viewport.width * ratio);
      canvas.height = Math.floor(viewport.height * ratio);
      canvas.style.width = `${viewport.width}px`;
      canvas.style.height = `${viewport.height}px`;
      wrapper.style.setProperty('--total-scale-factor', String(SCALE));
      wrapper.style.setProperty('--scale-round-x', '1px');
      wrapper.style.setProperty('--scale-round-y', '1px');
      wrapper.style.width = `${viewport.width}px`;
      wrapper.style.height = `${viewport.height}px`;
      await pdfPage.render({ canvas, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] }).promise;
      if (cancelled) return;
      text.replaceChildren();
      textLayer = new TextLayer({ textContentSource: pdfPage.streamTextContent(), container: text, viewport });
      await textLayer.render();
    })().catch((e: unknown) => {
      if (!cancelled && !(e instanceof Error && e.name === 'RenderingCancelledException')) setError(`Page ${pageNumber} of ${name} could not be shown.`);
    });
    return () => {
      cancelled = true;
      textLayer?.cancel();
    };
  }, [pdf, page, name]);

  function quoteSelection() {
    const selection = window.getSelection();
    const text = selection?.toString().replace(/\s+/g, ' ').trim() ?? '';
    const inPage = selection && selection.rangeCount > 0 && textRef.current?.contains(selection.getRangeAt(0).commonAncestorContainer);
    if (!text || !inPage) {
      setError('Select a passage on the page first.');
      return;
    }
    setError(undefined);
    props.onPick({ locator: { page, attachmentHash: hash }, excerpt: text });
  }

  if (error && !pdf) return <p role="alert" className="form-error">{error}</p>;
  if (!pdf) return <p className="muted" role="status">Opening {name}…</p>;
  const current = Math.min(Math.max(1, page), pdf.numPages);
  return (
    <div className="pdf-viewer">
      <div className="pdf-toolbar" role="toolbar" aria-label="PDF pages">
        <button type="button" onClick={() => setPage(current - 1)} disabled={current <= 1}>
          Previous page
        </button>
        <span role="status" aria-live="polite">
          Page {current} of {pdf.numPages}
        </span>
        <button type="button" onClick={() => setPage(current + 1)} disabled={current >= pdf.numPages}>
          Next page
        </button>
        <label>
          Go to page
          <input type="number" min={1} max={pdf.numPages} value={current} onChange={(e) => setPage(Number(e.target.value) || 1)} />
        </label>
        <button type="button" className="primary" onClick={quoteSelection}>
          Use selection as excerpt
        </button>
      </div>
      {error && <p role="alert" className="form-error">{error}</p>}
      <div className="pdf-page" ref={pageRef} role="document" aria-label={`Page ${current} of ${name}`}>
        <canvas ref={canvasRef} aria-hidden="true" />
        <div ref={textRef} className="textLayer" />
      </div>
    </div>
  );
}
