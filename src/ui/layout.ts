/** The media query under which the side panels become drawers (kept in step with app.css). */
export const DRAWER_QUERY = '(max-width: 900px), (pointer: coarse)';

/** Whether the side panels are drawers right now. */
export function isDrawerLayout(): boolean {
  return typeof window !== 'undefined' && window.matchMedia(DRAWER_QUERY).matches;
}
