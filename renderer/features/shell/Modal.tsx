import { useEffect, useRef, useState, type ReactNode } from 'react';
import { countModalOpen } from './modalState.js';
import { ErrorBoundary } from './ErrorBoundary.js';

/** What had focus before a dialog opened, when that was the page itself (a menu item that closed, say). */
let lastOpener: HTMLElement | undefined;
/** The menu bar names the control a command came from, so a dialog it opens gives focus back there. */
export function rememberOpener(element: HTMLElement | null | undefined): void {
  lastOpener = element ?? undefined;
}

function currentOpener(): HTMLElement | undefined {
  const active = document.activeElement;
  if (active instanceof HTMLElement && active !== document.body && active.isConnected) return active;
  return lastOpener?.isConnected ? lastOpener : undefined;
}

/**
 * A modal dialog on the native <dialog> element: focus is trapped, Escape closes, and screen readers announce it
 * by its title. When it closes, focus goes back to the control that opened it. A render error inside shows a message
 * with Close instead of blanking the window.
 */
export function Modal(props: { title: string; onClose: () => void; children: ReactNode; wide?: boolean; className?: string }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [opener] = useState(currentOpener);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    const release = countModalOpen();
    lastOpener = undefined;
    return () => {
      dialog?.close();
      release();
      // After React has removed the dialog: give focus back, unless something else took it meanwhile.
      setTimeout(() => {
        const active = document.activeElement;
        if (opener?.isConnected && (!active || active === document.body || !active.isConnected)) opener.focus();
      }, 0);
    };
  }, [opener]);
  const titleId = `dialog-title-${props.title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <dialog
      ref={ref}
      className={`${props.wide ? 'modal modal-wide' : 'modal'}${props.className ? ` ${props.className}` : ''}`}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        props.onClose();
      }}
    >
      <h2 id={titleId}>{props.title}</h2>
      <ErrorBoundary label="This dialog" onClose={props.onClose}>
        {props.children}
      </ErrorBoundary>
    </dialog>
  );
}
