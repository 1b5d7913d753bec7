import { useEffect, useRef, useState } from 'react';
import { useRegisterSW } from 'virtual:pwa-register/react';

/** Register at the latest this long after start, when the body is never drawn (no WebGL, an error). */
const REGISTER_FALLBACK_MS = 20_000;
/** How often a long-open page asks the server for a new version (it fails quietly when offline). */
const UPDATE_CHECK_MS = 60 * 60 * 1000;
/** If the new version has not taken over this long after "Reload now", reload anyway. */
const RELOAD_FALLBACK_MS = 5_000;

/**
 * True once the body has been drawn (the ready signal, CONTRACTS §4) or after
 * REGISTER_FALLBACK_MS: the service worker's precache download (the model again, every chunk)
 * then does not compete with the first load.
 */
function useFirstLoadDone(): boolean {
  const isReady = () => document.body.dataset.sceneReady === 'true';
  const [done, setDone] = useState(isReady);
  useEffect(() => {
    if (done) return;
    const observer = new MutationObserver(() => {
      if (isReady()) setDone(true);
    });
    observer.observe(document.body, { attributes: true, attributeFilter: ['data-scene-ready'] });
    if (isReady()) setDone(true); // set between the first render and now
    const timer = setTimeout(() => setDone(true), REGISTER_FALLBACK_MS);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [done]);
  return done;
}

/** Registers the service worker (built by `vite build` only) and offers a waiting new version. */
function ServiceWorkerPrompt() {
  const [hidden, setHidden] = useState(false);
  const [reloading, setReloading] = useState(false);
  const [updatedElsewhere, setUpdatedElsewhere] = useState(false);
  const requested = useRef(false);
  const {
    needRefresh: [needRefresh],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisteredSW(_url, registration) {
      if (!registration) return;
      setInterval(() => {
        if (navigator.onLine) registration.update().catch(() => {});
      }, UPDATE_CHECK_MS);
    },
    onNeedRefresh() {
      setHidden(false); // a version newer than the one put off with "Later"
    },
    onRegisterError(err: unknown) {
      console.warn('Needlewise: offline support is unavailable:', err);
    },
    // the new version took over: reload only the tab whose user asked for it; another tab keeps
    // its lesson and offers the reload
    onNeedReload() {
      if (requested.current) window.location.reload();
      else {
        setUpdatedElsewhere(true);
        setHidden(false);
      }
    },
  });

  if (!(needRefresh || updatedElsewhere) || hidden) return null;

  const reloadNow = () => {
    setReloading(true);
    if (updatedElsewhere) {
      window.location.reload();
      return;
    }
    requested.current = true;
    void updateServiceWorker();
    setTimeout(() => window.location.reload(), RELOAD_FALLBACK_MS);
  };

  return (
    <div className="update-notice">
      <span>
        {updatedElsewhere
          ? 'Needlewise was updated in another tab. Reload to use the new version.'
          : 'A new version of Needlewise is ready.'}
      </span>
      <span className="update-notice-actions">
        <button
          type="button"
          className="btn btn-small btn-on"
          onClick={reloadNow}
          disabled={reloading}
        >
          {reloading ? 'Reloading…' : 'Reload now'}
        </button>
        <button
          type="button"
          className="btn btn-small"
          onClick={() => setHidden(true)}
          disabled={reloading}
        >
          Later
        </button>
      </span>
    </div>
  );
}

/**
 * Offline support and update notice: registers the service worker once the body has been drawn,
 * and when a new version is waiting says so in a polite, non-modal status line — "A new version
 * of Needlewise is ready. [Reload now] [Later]" — so an instructor chooses when to reload; it
 * never reloads by itself. "Later" hides it for this page; the new version is offered again on the
 * next load, and takes over by itself once every Needlewise tab has been closed.
 *
 * ```tsx
 * <App />
 * <UpdateNotice />
 * ```
 */
export function UpdateNotice() {
  const start = useFirstLoadDone() && 'serviceWorker' in navigator;
  return (
    <div className="update-notice-region" role="status" aria-live="polite">
      {start && <ServiceWorkerPrompt />}
    </div>
  );
}
