// @vitest-environment jsdom
import { act, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from '../../../../../renderer/features/shell/ErrorBoundary.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let failing = true;
/** A section that throws while rendering, as one given a malformed record from a bundle would. */
function Section() {
  if (failing) throw new Error('Cannot read properties of undefined (reading "claims")');
  return <p>Section content</p>;
}

function Page({ sectionKey }: { sectionKey: string }) {
  const [clicks, setClicks] = useState(0);
  return (
    <div>
      <button type="button" onClick={() => setClicks(clicks + 1)}>
        Elsewhere {clicks}
      </button>
      <ErrorBoundary label="This section" resetKey={sectionKey}>
        <Section />
      </ErrorBoundary>
    </div>
  );
}

afterEach(() => {
  document.body.innerHTML = '';
  failing = true;
});

describe('ErrorBoundary', () => {
  it('shows a recoverable message instead of blanking the window, and the rest keeps working', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    await act(async () => root.render(<Page sectionKey="a" />));

    const alert = host.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('This section could not be shown. Cannot read properties of undefined (reading "claims")');
    expect(alert?.textContent).toContain('Your library is safe: nothing was changed.');
    // The rest of the window still answers.
    const elsewhere = [...host.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Elsewhere'))!;
    await act(async () => elsewhere.click());
    expect(elsewhere.textContent).toBe('Elsewhere 1');

    // Try again renders the section anew once the cause is gone.
    failing = false;
    const retry = [...host.querySelectorAll('button')].find((b) => b.textContent === 'Try again')!;
    await act(async () => retry.click());
    expect(host.textContent).toContain('Section content');
    expect(host.querySelector('[role="alert"]')).toBeNull();

    // Moving to another section after a failure also tries again.
    failing = true;
    await act(async () => root.render(<Page sectionKey="b" />));
    expect(host.querySelector('[role="alert"]')).not.toBeNull();
    failing = false;
    await act(async () => root.render(<Page sectionKey="c" />));
    expect(host.textContent).toContain('Section content');
    await act(async () => root.unmount());
  });

  it('offers Close in a dialog', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const onClose = vi.fn();
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    await act(async () =>
      root.render(
        <ErrorBoundary label="This dialog" onClose={onClose}>
          <Section />
        </ErrorBoundary>,
      ),
    );
    expect(host.textContent).toContain('This dialog could not be shown.');
    const close = [...host.querySelectorAll('button')].find((b) => b.textContent === 'Close')!;
    await act(async () => close.click());
    expect(onClose).toHaveBeenCalledOnce();
    await act(async () => root.unmount());
  });
});
