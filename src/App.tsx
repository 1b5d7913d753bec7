import { lazy, Suspense, useEffect, useMemo } from 'react';
import { useStore } from './store/index.ts';
import { loadModel } from './scene/loadModel.ts';
import { AppNotice } from './ui/AppNotice.tsx';
import { CameraToolbar } from './ui/CameraToolbar.tsx';
import { ErrorBoundary } from './ui/ErrorBoundary.tsx';
import { Header, MODE_PANEL_ID, tabId } from './ui/Header.tsx';
import { LayersPanel } from './ui/LayersPanel.tsx';
import { LoadingOverlay } from './ui/LoadingOverlay.tsx';
import { NoWebGL } from './ui/NoWebGL.tsx';
import { SearchBox } from './ui/SearchBox.tsx';
import { SelectionChip } from './ui/SelectionChip.tsx';
import { QuizChip } from './ui/QuizChip.tsx';
import { StructureList } from './ui/StructureList.tsx';
import { useShortcuts } from './ui/useShortcuts.ts';
import { useUrlState } from './ui/useUrlState.ts';
import { detectWebGL } from './ui/webgl.ts';

// three.js and everything not needed for the first paint load on demand
const Viewport = lazy(() => import('./scene/Viewport.tsx'));
const DetailsPanel = lazy(() => import('./ui/DetailsPanel.tsx'));
const NeedlePanel = lazy(() => import('./ui/NeedlePanel.tsx'));
const SafetyPanel = lazy(() => import('./ui/SafetyPanel.tsx'));
const QuizPanel = lazy(() => import('./ui/QuizPanel.tsx'));
const TeachPanel = lazy(() => import('./ui/TeachPanel.tsx'));
const TeachStage = lazy(() => import('./ui/TeachStage.tsx'));
const TriggerPointPanel = lazy(() => import('./ui/TriggerPointPanel.tsx'));
const ShortcutsDialog = lazy(() => import('./ui/ShortcutsDialog.tsx'));

/**
 * The app shell: header with modes, left panel (search, layers, list), viewport, right panel.
 *
 * ```tsx
 * createRoot(el).render(<App />);
 * ```
 */
export function App() {
  const webgl = useMemo(() => detectWebGL(), []);
  const mode = useStore((s) => s.mode);
  const leftOpen = useStore((s) => s.leftDrawerOpen);
  const rightOpen = useStore((s) => s.rightDrawerOpen);
  const shortcutsOpen = useStore((s) => s.shortcutsOpen);
  const presenting = useStore((s) => s.presenting && s.mode === 'teach');
  const leftDrawerToggled = useStore((s) => s.leftDrawerToggled);
  const rightDrawerToggled = useStore((s) => s.rightDrawerToggled);
  useShortcuts();
  useUrlState();

  useEffect(() => {
    if (webgl.ok) void loadModel();
  }, [webgl.ok]);

  if (!webgl.ok) return <NoWebGL reason={webgl.reason} />;

  return (
    <div className={`app${presenting ? ' presenting' : ''}`}>
      <a className="skip-link" href="#structure-search">
        Skip to search
      </a>
      <Header />
      <div className={`app-body${mode === 'safety' ? ' wide-right' : ''}`}>
        <aside
          id="left-panel"
          className={`panel panel-left${leftOpen ? ' open' : ''}`}
          aria-label="Search, layers and structures"
        >
          <SearchBox />
          <LayersPanel />
          <StructureList />
        </aside>
        <main className="viewport" aria-label="3D body">
          <ErrorBoundary area="The 3D viewer">
            <Suspense fallback={null}>
              <Viewport />
            </Suspense>
          </ErrorBoundary>
          <CameraToolbar />
          <AppNotice />
          <SelectionChip />
          <LoadingOverlay />
          <QuizChip />
          {mode === 'teach' && (
            <Suspense fallback={null}>
              <TeachStage />
            </Suspense>
          )}
        </main>
        <aside
          id="right-panel"
          className={`panel panel-right${rightOpen ? ' open' : ''}`}
          aria-label="Details"
        >
          <div id={MODE_PANEL_ID} role="tabpanel" aria-labelledby={tabId(mode)}>
            <ErrorBoundary area="The side panel">
              <Suspense fallback={<p className="hint">Loading…</p>}>
                {mode === 'needle' && <NeedlePanel />}
                {mode === 'safety' && <SafetyPanel />}
                {mode === 'quiz' && <QuizPanel />}
                {mode === 'teach' && <TeachPanel />}
                {mode === 'explore' && <TriggerPointPanel />}
                {mode === 'explore' && <DetailsPanel />}
              </Suspense>
            </ErrorBoundary>
          </div>
        </aside>
        {(leftOpen || rightOpen) && (
          <div
            className="drawer-backdrop"
            aria-hidden="true"
            onClick={() => {
              leftDrawerToggled(false);
              rightDrawerToggled(false);
            }}
          />
        )}
      </div>
      {shortcutsOpen && (
        <Suspense fallback={null}>
          <ShortcutsDialog />
        </Suspense>
      )}
    </div>
  );
}
