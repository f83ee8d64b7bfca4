import type { MouseEvent } from 'react';
import { useUiStore } from '../../state/uiStore.js';

/** The ids the skip links move focus to (set on the reading area and the details panel). */
export const READING_AREA_ID = 'reading-area';
export const DETAILS_PANEL_ID = 'details-panel';

/**
 * "Skip to the reading area" / "Skip to the details panel": the first stops of the Tab order, out of sight until one
 * has focus, so a keyboard or screen-reader user need not walk the menu, the sections and the library first. Focus
 * moves without changing the window's address (no fragment navigation in the desktop app).
 */
export function SkipLinks() {
  const sidePanelOpen = useUiStore((s) => s.sidePanelOpen);
  const skipTo = (id: string) => (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    const target = document.getElementById(id);
    target?.focus();
    target?.scrollIntoView({ block: 'nearest' });
  };
  return (
    <nav className="skip-links" aria-label="Skip links">
      <a href={`#${READING_AREA_ID}`} onClick={skipTo(READING_AREA_ID)}>
        Skip to the reading area
      </a>
      {sidePanelOpen && (
        <a href={`#${DETAILS_PANEL_ID}`} onClick={skipTo(DETAILS_PANEL_ID)}>
          Skip to the details panel
        </a>
      )}
    </nav>
  );
}
