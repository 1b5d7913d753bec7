import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** What failed, in words for the heading, e.g. "The 3D viewer". */
  readonly area: string;
  readonly children: ReactNode;
}
interface State {
  readonly error: Error | null;
}

/**
 * Shows what went wrong instead of a blank area, with a retry.
 *
 * ```tsx
 * <ErrorBoundary area="The 3D viewer"><Viewport /></ErrorBoundary>
 * ```
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(`${this.props.area} failed:`, error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="error-panel" role="alert">
        <h2>{this.props.area} stopped working</h2>
        <p>
          <code>{error.message || String(error)}</code>
        </p>
        <button type="button" className="btn" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
