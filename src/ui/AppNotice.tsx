import { useStore } from '../store/index.ts';

/**
 * A message about the app itself over the viewport: what a link asked for that was skipped, or a
 * lost WebGL context (with a reload button). Dismissable; errors are announced assertively.
 */
export function AppNotice() {
  const notice = useStore((s) => s.appNotice);
  const shown = useStore((s) => s.appNoticeShown);
  if (!notice) return null;
  return (
    <div
      className={`app-notice app-notice-${notice.kind}`}
      role={notice.kind === 'error' ? 'alert' : 'status'}
    >
      <p>{notice.text}</p>
      <div className="button-row">
        {notice.kind === 'error' && (
          <button type="button" className="btn btn-small" onClick={() => location.reload()}>
            Reload the page
          </button>
        )}
        <button type="button" className="btn btn-small" onClick={() => shown(null)}>
          Dismiss
        </button>
      </div>
    </div>
  );
}
