/**
 * While a referral zone is shown the skin is drawn opaque, so the zone lies on the skin rather
 * than floating over the muscles seen through it; when the last zone goes, the skin goes back
 * to what it was. A skin the user (or a tour step, or a link) sets while a zone is shown is
 * theirs: it is left as they set it. Applied to every change of the store, whichever event
 * showed or cleared the zone.
 */
import type { StateCreator } from 'zustand';
import type { LayerState } from './layers.ts';
import type { Full } from './types.ts';

const shown = (s: Full) => s.zoneTriggers.length > 0 || s.quizZone !== null;
const opaque = (l: LayerState) => l.visible && l.opacity >= 0.999;
const OPAQUE: LayerState = { visible: true, opacity: 1 };

/** What the skin becomes after a change from `before` to `after` (null: nothing to do). */
export function zoneSkinPatch(before: Full, after: Full): Partial<Full> | null {
  const was = shown(before);
  const is = shown(after);
  if (!was && is) {
    if (opaque(after.layers.skin)) return null;
    return { layers: { ...after.layers, skin: OPAQUE }, zoneSkinBefore: after.layers.skin };
  }
  if (was && !is) {
    const restore = after.zoneSkinBefore;
    if (!restore) return null;
    if (!opaque(after.layers.skin)) return { zoneSkinBefore: null };
    return { layers: { ...after.layers, skin: restore }, zoneSkinBefore: null };
  }
  // the skin set by hand while a zone is shown stays as set
  if (is && after.zoneSkinBefore && before.layers.skin !== after.layers.skin)
    return { zoneSkinBefore: null };
  return null;
}

/** Wraps the store's creator so every change passes through zoneSkinPatch. */
export const withZoneSkin =
  (creator: StateCreator<Full>): StateCreator<Full> =>
  (set, get, api) =>
    creator(
      ((partial: Parameters<typeof set>[0], replace?: boolean) => {
        const before = get();
        if (replace) set(partial as Full, true);
        else set(partial);
        const patch = zoneSkinPatch(before, get());
        if (patch) set(patch);
      }) as typeof set,
      get,
      api,
    );
