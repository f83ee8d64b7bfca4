import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** What this part of the window is, for the message: "The reading area", "This dialog". */
  label: string;
  children: ReactNode;
  /** When this changes (another section, another document), a part that failed is tried again. */
  resetKey?: unknown;
  /** Offered beside "Try again" (a dialog offers Close). */
  onClose?: () => void;
}

interface State {
  error: Error | undefined;
}

/**
 * Keeps a render error in one section or dialog from blanking the whole window: that part shows what happened and
 * a way to try again, the rest of the window keeps working, and nothing stored is touched.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: undefined };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.warn(`${this.props.label} failed to render`, error, info.componentStack);
  }

  override componentDidUpdate(previous: Props): void {
    if (this.state.error && previous.resetKey !== this.props.resetKey) this.setState({ error: undefined });
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div role="alert" className="error-boundary">
        <p>
          <strong>{this.props.label} could not be shown.</strong> {error.message || 'An unexpected error occurred.'}
        </p>
        <p>Your library is safe: nothing was changed.</p>
        <div className="form-actions">
          <button type="button" onClick={() => this.setState({ error: undefined })}>
            Try again
          </button>
          {this.props.onClose && (
            <button type="button" onClick={this.props.onClose}>
              Close
            </button>
          )}
        </div>
      </div>
    );
  }
}
