import type { CameraPreset, Mode } from '../store/viewSlice.ts';

export type ShortcutAction =
  | { readonly type: 'preset'; readonly preset: CameraPreset }
  | { readonly type: 'focusSearch' }
  | { readonly type: 'toggleHelp' }
  | { readonly type: 'toggleXray' }
  | { readonly type: 'isolate' }
  | { readonly type: 'hide' }
  | { readonly type: 'showAll' }
  | { readonly type: 'escape' }
  | { readonly type: 'needleDepth'; readonly deltaMm: number }
  | { readonly type: 'needleTilt'; readonly deltaDeg: number }
  | { readonly type: 'needleAzimuth'; readonly deltaDeg: number }
  | { readonly type: 'needlePerpendicular' }
  | { readonly type: 'toggleCutaway' }
  | { readonly type: 'toggleLungMap' }
  | { readonly type: 'needleClear' }
  | { readonly type: 'needleUndo' }
  | { readonly type: 'needleRedo' }
  | { readonly type: 'toggleAimDrag' }
  | { readonly type: 'tourStep'; readonly delta: number }
  | { readonly type: 'togglePresenting' }
  | { readonly type: 'pointerTool'; readonly tool: 'orbit' | 'laser' | 'pen' }
  | { readonly type: 'clearDrawings' };

export interface ShortcutHelp {
  readonly keys: readonly string[];
  readonly description: string;
}

/** Shown in the "?" dialog; kept beside the mapping so they cannot drift apart. */
export const SHORTCUT_HELP: readonly ShortcutHelp[] = [
  { keys: ['1', 'F'], description: 'Front view (anterior)' },
  { keys: ['2', 'B'], description: 'Back view (posterior)' },
  { keys: ['3', 'L'], description: "Patient's left side" },
  { keys: ['4', 'R'], description: "Patient's right side" },
  { keys: ['5', 'T'], description: 'Top view (superior)' },
  { keys: ['/'], description: 'Search structures' },
  { keys: ['↑', '↓', 'Enter'], description: 'Choose a search result and fly to it' },
  { keys: ['X'], description: 'X-ray on / off' },
  { keys: ['I'], description: 'Isolate the selected structure' },
  { keys: ['H'], description: 'Hide the selected structure' },
  { keys: ['U'], description: 'Show all structures' },
  { keys: ['Esc'], description: 'Clear selection / close dialog' },
  { keys: ['?'], description: 'This list of shortcuts' },
];

/** Needle mode only. */
export const NEEDLE_SHORTCUT_HELP: readonly ShortcutHelp[] = [
  { keys: ['[', ']'], description: 'Needle 1 mm shallower / deeper (with Shift: 5 mm)' },
  { keys: ['↑', '↓'], description: 'Tilt the needle more / less from perpendicular' },
  { keys: ['←', '→'], description: 'Turn the direction of the tilt' },
  { keys: ['P'], description: 'Needle perpendicular to the skin' },
  { keys: ['C'], description: 'Cutaway along the needle on / off' },
  { keys: ['M'], description: 'Lung-field depth map on / off' },
  { keys: ['A'], description: 'Drag to aim the needle (instead of turning the view) on / off' },
  { keys: ['Delete'], description: 'Remove the needle' },
  { keys: ['Ctrl Z', '⌘ Z'], description: 'Undo the last change of the needle (a stray click)' },
  { keys: ['Ctrl Shift Z', '⌘ Shift Z', 'Ctrl Y'], description: 'Redo the needle change undone' },
];

/** Teach mode only. */
export const TEACH_SHORTCUT_HELP: readonly ShortcutHelp[] = [
  { keys: ['→', 'Page Down', 'Space'], description: 'Next step of the tour (clickers send these)' },
  { keys: ['←', 'Page Up'], description: 'Previous step of the tour' },
  { keys: ['P'], description: 'Presentation mode on / off' },
  { keys: ['L'], description: 'Laser pointer' },
  { keys: ['D'], description: 'Draw on the body' },
  { keys: ['O'], description: 'Back to turning the view' },
  { keys: ['E'], description: 'Clear the drawings' },
];

const TEACH_KEYS: Record<string, ShortcutAction> = {
  pagedown: { type: 'tourStep', delta: 1 },
  pageup: { type: 'tourStep', delta: -1 },
  ' ': { type: 'tourStep', delta: 1 },
  p: { type: 'togglePresenting' },
  l: { type: 'pointerTool', tool: 'laser' },
  d: { type: 'pointerTool', tool: 'pen' },
  o: { type: 'pointerTool', tool: 'orbit' },
  e: { type: 'clearDrawings' },
};
const TEACH_ARROWS: Record<string, ShortcutAction> = {
  arrowright: { type: 'tourStep', delta: 1 },
  arrowleft: { type: 'tourStep', delta: -1 },
};

const NEEDLE_KEYS: Record<string, ShortcutAction> = {
  '[': { type: 'needleDepth', deltaMm: -1 },
  ']': { type: 'needleDepth', deltaMm: 1 },
  '{': { type: 'needleDepth', deltaMm: -5 },
  '}': { type: 'needleDepth', deltaMm: 5 },
  p: { type: 'needlePerpendicular' },
  c: { type: 'toggleCutaway' },
  m: { type: 'toggleLungMap' },
  a: { type: 'toggleAimDrag' },
  delete: { type: 'needleClear' },
  backspace: { type: 'needleClear' },
};
const NEEDLE_ARROWS: Record<string, ShortcutAction> = {
  arrowup: { type: 'needleTilt', deltaDeg: 2 },
  arrowdown: { type: 'needleTilt', deltaDeg: -2 },
  arrowleft: { type: 'needleAzimuth', deltaDeg: -5 },
  arrowright: { type: 'needleAzimuth', deltaDeg: 5 },
};

const PRESET_KEYS: Record<string, CameraPreset> = {
  '1': 'front',
  f: 'front',
  '2': 'back',
  b: 'back',
  '3': 'left',
  l: 'left',
  '4': 'right',
  r: 'right',
  '5': 'top',
  t: 'top',
};

export interface KeyLike {
  readonly key: string;
  readonly ctrlKey?: boolean;
  readonly metaKey?: boolean;
  readonly altKey?: boolean;
  readonly shiftKey?: boolean;
  /** Whether focus is in a text field, where letters must type rather than act. */
  readonly inTextField?: boolean;
  /** Whether focus is on a slider, list or select, which uses the arrow keys itself. */
  readonly inControl?: boolean;
  readonly mode?: Mode;
  /** Whether focus is on a button (Space presses it). */
  readonly onButton?: boolean;
}

/** Maps a key press to an action, or null. Pure, so it is unit-tested. */
export function shortcutFor(e: KeyLike): ShortcutAction | null {
  // Ctrl+Z / Cmd+Z undo the needle; in a text field they are the field's own undo
  if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.inTextField && e.mode === 'needle') {
    const k = e.key.toLowerCase();
    if (k === 'z') return { type: e.shiftKey ? 'needleRedo' : 'needleUndo' };
    if (k === 'y' && e.ctrlKey) return { type: 'needleRedo' };
  }
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  if (e.key === 'Escape') return { type: 'escape' };
  if (e.inTextField) return null;
  if (e.key === '/') return { type: 'focusSearch' };
  if (e.key === '?') return { type: 'toggleHelp' };
  const k = e.key.toLowerCase();
  if (e.mode === 'needle') {
    const a = NEEDLE_KEYS[k] ?? (e.inControl ? undefined : NEEDLE_ARROWS[k]);
    if (a) return a;
  }
  if (e.mode === 'teach') {
    // a focused button takes Space itself; a clicker's keys step the tour
    const a =
      (k === ' ' && e.onButton ? undefined : TEACH_KEYS[k]) ??
      (e.inControl ? undefined : TEACH_ARROWS[k]);
    if (a) return a;
  }
  const preset = PRESET_KEYS[k];
  if (preset) return { type: 'preset', preset };
  if (k === 'x') return { type: 'toggleXray' };
  if (k === 'i') return { type: 'isolate' };
  if (k === 'h') return { type: 'hide' };
  if (k === 'u') return { type: 'showAll' };
  return null;
}
