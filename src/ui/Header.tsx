import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useStore } from '../store/index.ts';
import { MODES, type Mode } from '../store/viewSlice.ts';

export const MODE_LABELS: Record<Mode, string> = {
  explore: 'Explore',
  needle: 'Needle',
  safety: 'Safety',
  quiz: 'Quiz',
  teach: 'Teach',
};

/** Tab ids, so the mode panel can be labelled by its tab. */
export const tabId = (m: Mode) => `mode-tab-${m}`;
export const MODE_PANEL_ID = 'mode-panel';

/** The app bar: name, mode tabs (arrow keys move between them), drawer toggles and help. */
export function Header() {
  const mode = useStore((s) => s.mode);
  const modeChosen = useStore((s) => s.modeChosen);
  const leftOpen = useStore((s) => s.leftDrawerOpen);
  const rightOpen = useStore((s) => s.rightDrawerOpen);
  const leftDrawerToggled = useStore((s) => s.leftDrawerToggled);
  const rightDrawerToggled = useStore((s) => s.rightDrawerToggled);
  const shortcutsDialogToggled = useStore((s) => s.shortcutsDialogToggled);
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);

  // where the strip still scrolls (a very narrow window), the chosen mode's tab is brought into it
  useEffect(() => {
    tabs.current[MODES.indexOf(mode)]?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [mode]);

  const onTabKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = MODES.indexOf(mode);
    let next = -1;
    if (e.key === 'ArrowRight') next = (i + 1) % MODES.length;
    else if (e.key === 'ArrowLeft') next = (i - 1 + MODES.length) % MODES.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = MODES.length - 1;
    const m = MODES[next];
    if (m) {
      e.preventDefault();
      modeChosen(m);
      tabs.current[next]?.focus();
    }
  };

  return (
    <header className="app-header">
      <button
        type="button"
        className="btn btn-icon drawer-toggle"
        aria-expanded={leftOpen}
        aria-controls="left-panel"
        onClick={() => leftDrawerToggled()}
      >
        <svg aria-hidden="true" width="18" height="18" viewBox="0 0 18 18">
          <path d="M2 4h14M2 9h14M2 14h14" stroke="currentColor" strokeWidth="2" />
        </svg>
        <span className="visually-hidden">Search and layers</span>
      </button>
      <h1 className="brand">
        <span className="brand-mark" aria-hidden="true" />
        Needlewise
      </h1>
      <div className="tabs" role="tablist" aria-label="Mode" onKeyDown={onTabKey}>
        {MODES.map((m, i) => (
          <button
            key={m}
            ref={(el) => {
              tabs.current[i] = el;
            }}
            id={tabId(m)}
            type="button"
            role="tab"
            aria-selected={m === mode}
            aria-controls={MODE_PANEL_ID}
            tabIndex={m === mode ? 0 : -1}
            className="tab"
            onClick={() => modeChosen(m)}
          >
            {MODE_LABELS[m]}
          </button>
        ))}
      </div>
      <div className="header-actions">
        <button
          type="button"
          className="btn btn-icon"
          onClick={() => shortcutsDialogToggled(true)}
          aria-label="Keyboard shortcuts"
          title="Keyboard shortcuts (?)"
        >
          ?
        </button>
        <button
          type="button"
          className="btn btn-icon drawer-toggle"
          aria-expanded={rightOpen}
          aria-controls="right-panel"
          onClick={() => rightDrawerToggled()}
        >
          <svg aria-hidden="true" width="18" height="18" viewBox="0 0 18 18">
            <circle cx="9" cy="9" r="7.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
            <path d="M9 8v5M9 5v1.2" stroke="currentColor" strokeWidth="2" />
          </svg>
          <span className="visually-hidden">Details</span>
        </button>
      </div>
    </header>
  );
}
