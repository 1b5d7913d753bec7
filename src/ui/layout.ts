/** The media query under which the side panels become drawers (kept in step with app.css). */
export const DRAWER_QUERY = '(max-width: 900px), (pointer: coarse)';

/** Whether the side panels are drawers right now. */
export function isDrawerLayout(): boolean {
  return typeof window !== 'undefined' && window.matchMedia(DRAWER_QUERY).matches;
}

/**
 * Where a w × h label goes beside a cursor at (cx, cy) in a view vw × vh (pixels, from the view's
 * top left): below and right of it, flipped to the other side near the right or bottom edge, so
 * it stays inside the view (it spilled over the side panel).
 */
export function labelBeside(
  cx: number,
  cy: number,
  w: number,
  h: number,
  vw: number,
  vh: number,
): { x: number; y: number } {
  const GAP = 14;
  const EDGE = 4;
  const x = cx + GAP + w <= vw - EDGE ? cx + GAP : Math.max(EDGE, cx - GAP - w);
  const y = cy + GAP + h <= vh - EDGE ? cy + GAP : Math.max(EDGE, cy - GAP - h);
  return { x, y };
}
