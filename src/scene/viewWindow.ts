/**
 * The band of the 3D view that overlays leave clear: a tour's caption across the bottom, the
 * camera toolbar across the top (or the bottom, on a phone). Elements marked
 * `data-covers-view` that span much of the view's width count; a framing is fitted into what
 * they leave (see fitInWindow), so a zone is not drawn behind the caption.
 */
import type { ViewWindow } from '../domain/regions/frame.ts';

interface Rect {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

/** Overlays narrower than this share of the view are left out (a chip, a button). */
const MIN_SPAN = 0.3;
/** A band thinner than this share of the view is not worth framing into: the whole view is used. */
const MIN_CLEAR = 0.4;

/** The clear band, as normalised device y, from the canvas's rectangle and the overlays'. */
export function windowFromRects(view: Rect, overlays: readonly Rect[]): ViewWindow {
  const h = view.bottom - view.top;
  const w = view.right - view.left;
  if (h <= 0 || w <= 0) return { bottom: -1, top: 1 };
  let top = view.top;
  let bottom = view.bottom;
  for (const o of overlays) {
    const across = Math.min(o.right, view.right) - Math.max(o.left, view.left);
    if (across < w * MIN_SPAN || o.bottom <= view.top || o.top >= view.bottom) continue;
    // an overlay in the upper half pushes the band's top down, one in the lower half its bottom up
    if (o.top + o.bottom < view.top + view.bottom) top = Math.max(top, o.bottom);
    else bottom = Math.min(bottom, o.top);
  }
  if (bottom - top < h * MIN_CLEAR) return { bottom: -1, top: 1 };
  const ndc = (y: number) => 1 - (2 * (y - view.top)) / h;
  return { bottom: ndc(bottom), top: ndc(top) };
}

/** The clear band of a canvas now, from the marked overlays on the page. */
export function clearWindow(canvas: HTMLElement): ViewWindow {
  const overlays = [...document.querySelectorAll('[data-covers-view]')].map((e) =>
    e.getBoundingClientRect(),
  );
  return windowFromRects(canvas.getBoundingClientRect(), overlays);
}
