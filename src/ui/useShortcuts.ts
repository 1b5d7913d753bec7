import { useEffect } from 'react';
import { useStore } from '../store/index.ts';
import { SEARCH_INPUT_ID } from './SearchBox.tsx';
import { shortcutFor } from './shortcuts.ts';
import { isDrawerLayout } from './layout.ts';

function inTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return (
    target instanceof HTMLInputElement &&
    !['checkbox', 'radio', 'range', 'button'].includes(target.type)
  );
}

function inControl(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLSelectElement ||
    (target instanceof HTMLInputElement && ['range', 'radio'].includes(target.type))
  );
}

/** The global keyboard shortcuts (listed in the "?" dialog). */
export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = shortcutFor({
        key: e.key,
        ctrlKey: e.ctrlKey,
        metaKey: e.metaKey,
        altKey: e.altKey,
        shiftKey: e.shiftKey,
        inTextField: inTextField(e.target),
        inControl: inControl(e.target),
        mode: useStore.getState().mode,
        onButton: e.target instanceof HTMLButtonElement,
      });
      if (!action) return;
      const s = useStore.getState();
      if (s.shortcutsOpen && action.type !== 'toggleHelp') return; // the dialog handles its own keys
      switch (action.type) {
        case 'preset':
          s.cameraPresetChosen(action.preset);
          break;
        case 'focusSearch': {
          if (isDrawerLayout()) s.leftDrawerToggled(true);
          document.getElementById(SEARCH_INPUT_ID)?.focus();
          break;
        }
        case 'toggleHelp':
          s.shortcutsDialogToggled();
          break;
        case 'toggleXray':
          s.xrayToggled();
          break;
        case 'isolate':
          if (s.selectedId) s.structureIsolated(s.selectedId);
          break;
        case 'hide':
          if (s.selectedId) s.structureHidden(s.selectedId);
          break;
        case 'showAll':
          s.allStructuresShown();
          break;
        case 'needleDepth':
          s.needleDepthSet(s.needleDepthMm + action.deltaMm);
          break;
        case 'needleTilt':
          s.needleAimed(s.needleTiltDeg + action.deltaDeg, s.needleAzimuthDeg);
          break;
        case 'needleAzimuth':
          s.needleAimed(s.needleTiltDeg, s.needleAzimuthDeg + action.deltaDeg);
          break;
        case 'needlePerpendicular':
          s.needleAimed(0, s.needleAzimuthDeg);
          break;
        case 'toggleCutaway':
          s.cutawayToggled();
          break;
        case 'toggleLungMap':
          s.lungMapToggled();
          break;
        case 'toggleAimDrag':
          s.aimDragToggled();
          break;
        case 'needleClear':
          s.needleCleared();
          break;
        case 'needleUndo':
          s.needleUndone();
          break;
        case 'needleRedo':
          s.needleRedone();
          break;
        case 'tourStep':
          if (!s.tour) return;
          s.tourStepped(s.tourStep + action.delta);
          break;
        case 'togglePresenting':
          s.presentationToggled();
          break;
        case 'pointerTool':
          s.pointerToolChosen(action.tool);
          break;
        case 'clearDrawings':
          s.annotationsCleared();
          break;
        case 'escape':
          if (s.presenting && s.mode === 'teach') {
            s.presentationToggled(false);
            return;
          }
          if (s.leftDrawerOpen || s.rightDrawerOpen) {
            s.leftDrawerToggled(false);
            s.rightDrawerToggled(false);
          } else if (!inTextField(e.target)) s.structureSelected(null);
          return;
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
