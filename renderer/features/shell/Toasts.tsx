import { useEffect, useState } from 'react';
import { useUiStore } from '../../state/uiStore.js';

/** How long a message stays: long enough to read twice; an error longer. Hovering or focusing one keeps it. */
const INFO_MS = 6000;
const ERROR_MS = 20000;

/**
 * Short messages about what just happened, announced politely to screen readers. They sit at the foot of the
 * reading area (never over the side panel), three at most, and go by themselves.
 */
export function Toasts() {
  const toasts = useUiStore((s) => s.toasts);
  const dismiss = useUiStore((s) => s.dismissToast);
  const [held, setHeld] = useState(false);
  useEffect(() => {
    if (held) return;
    const timers = toasts.map((t) => setTimeout(() => dismiss(t.id), t.tone === 'error' ? ERROR_MS : INFO_MS));
    return () => timers.forEach(clearTimeout);
  }, [toasts, dismiss, held]);
  return (
    <div className="toasts" role="status" aria-live="polite" onMouseEnter={() => setHeld(true)} onMouseLeave={() => setHeld(false)} onFocus={() => setHeld(true)} onBlur={() => setHeld(false)}>
      {toasts.map((t) => (
        <div key={t.id} className={`toast toast-${t.tone}`}>
          <span>{t.text}</span>
          <button type="button" aria-label="Dismiss message" onClick={() => dismiss(t.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
