import type { CameraPreset } from '../store/viewSlice.ts';

export type ShortcutAction =
  | { readonly type: 'preset'; readonly preset: CameraPreset }
  | { readonly type: 'focusSearch' }
  | { readonly type: 'toggleHelp' }
  | { readonly type: 'toggleXray' }
  | { readonly type: 'isolate' }
  | { readonly type: 'hide' }
  | { readonly type: 'showAll' }
  | { readonly type: 'escape' };

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
  /** Whether focus is in a text field, where letters must type rather than act. */
  readonly inTextField?: boolean;
}

/** Maps a key press to an action, or null. Pure, so it is unit-tested. */
export function shortcutFor(e: KeyLike): ShortcutAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  if (e.key === 'Escape') return { type: 'escape' };
  if (e.inTextField) return null;
  if (e.key === '/') return { type: 'focusSearch' };
  if (e.key === '?') return { type: 'toggleHelp' };
  const k = e.key.toLowerCase();
  const preset = PRESET_KEYS[k];
  if (preset) return { type: 'preset', preset };
  if (k === 'x') return { type: 'toggleXray' };
  if (k === 'i') return { type: 'isolate' };
  if (k === 'h') return { type: 'hide' };
  if (k === 'u') return { type: 'showAll' };
  return null;
}
