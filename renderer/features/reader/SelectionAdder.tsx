import { useCallback, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { Claim } from '../../../shared/model.js';

/** Where the adder sits, in viewport pixels; undefined keeps it at its fixed place at the foot of the reader. */
interface Place {
  top: number;
  left: number;
}

const GAP = 8;

/**
 * The selection's actions, floating beside the selection as Hypothesis' adder does: it is out of the flow (fixed
 * position), so the text never moves under the pointer, and it is shown only once a drag ends. `rectOf()` gives the
 * end of the selection on screen (undefined when that turn is scrolled away: the adder then waits at the foot of
 * the reader). It follows the selection when the reader scrolls.
 */
export function SelectionAdder(props: {
  text: string;
  rectOf: () => DOMRect | undefined;
  similar: { claim: Claim }[];
  onClaim: () => void;
  onNote: () => void;
  onTag: () => void;
  onLink: (claim: Claim) => void;
  children?: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState<Place>();
  const rectOf = useRef(props.rectOf);
  rectOf.current = props.rectOf;

  const measure = useCallback(() => {
    const el = ref.current;
    const rect = rectOf.current();
    if (!el || !rect || (rect.width === 0 && rect.height === 0)) {
      setPlace(undefined);
      return;
    }
    // The selection's end scrolled out of the window: the adder waits at its fixed place, still reachable.
    if (rect.bottom < 0 || rect.top > window.innerHeight) {
      setPlace(undefined);
      return;
    }
    const width = el.offsetWidth;
    const height = el.offsetHeight;
    const viewportW = window.innerWidth;
    const viewportH = window.innerHeight;
    // Below the end of the selection, or above its line when there is no room below.
    let top = rect.bottom + GAP;
    if (top + height > viewportH - GAP) top = Math.max(GAP, Math.min(rect.top - height - GAP, viewportH - height - GAP));
    // The adder has a fixed width (reader.css), so suggestions arriving later never move it sideways.
    const left = Math.min(Math.max(GAP, rect.right - 48), viewportW - width - GAP);
    setPlace((p) => (p && Math.abs(p.top - top) < 0.5 && Math.abs(p.left - left) < 0.5 ? p : { top, left }));
  }, []);

  useLayoutEffect(() => {
    measure();
  }, [measure, props.text, props.similar.length, props.children]);
  useLayoutEffect(() => {
    let frame = 0;
    const again = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(measure);
    };
    window.addEventListener('scroll', again, true);
    window.addEventListener('resize', again);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', again, true);
      window.removeEventListener('resize', again);
    };
  }, [measure]);

  const keep = (event: React.MouseEvent) => event.preventDefault(); // a click here must not clear the selection
  return (
    <div
      ref={ref}
      className={place ? 'selection-adder' : 'selection-adder docked'}
      style={place ? { top: place.top, left: place.left } : undefined}
      role="toolbar"
      aria-label="Selection"
    >
      <span className="small muted selection-quote">“{props.text.length > 80 ? `${props.text.slice(0, 80)}…` : props.text}”</span>
      <div className="selection-actions">
        <button type="button" className="primary" onMouseDown={keep} onClick={props.onClaim} aria-keyshortcuts="C">
          Claim (C)
        </button>
        <button type="button" onMouseDown={keep} onClick={props.onNote} aria-keyshortcuts="N">
          Note (N)
        </button>
        <button type="button" onMouseDown={keep} onClick={props.onTag} aria-keyshortcuts="T">
          Tag (T)
        </button>
      </div>
      {props.similar.length > 0 && (
        <div className="selection-suggestions">
          {props.similar.map(({ claim }) => (
            <button key={claim.id} type="button" className="suggestion" onMouseDown={keep} onClick={() => props.onLink(claim)}>
              Add as appearance of “{claim.text.length > 60 ? `${claim.text.slice(0, 60)}…` : claim.text}”
            </button>
          ))}
        </div>
      )}
      {props.children}
    </div>
  );
}
