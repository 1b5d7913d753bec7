import { describe, expect, it } from 'vitest';
import { windowFromRects } from '../../src/scene/viewWindow.ts';

const view = { top: 50, bottom: 850, left: 0, right: 1000 };
const band = (top: number, bottom: number, left = 100, right = 900) => ({
  top,
  bottom,
  left,
  right,
});

describe('the band of the view that overlays leave clear', () => {
  it('no overlays: the whole view', () => {
    expect(windowFromRects(view, [])).toEqual({ bottom: -1, top: 1 });
  });
  it('a caption over the lowest fifth and a toolbar at the top', () => {
    const w = windowFromRects(view, [band(690, 850), band(60, 100, 300, 700)]);
    expect(w.bottom).toBeCloseTo(1 - (2 * 640) / 800, 9);
    expect(w.top).toBeCloseTo(1 - (2 * 50) / 800, 9);
  });
  it('narrow overlays (a chip) and ones outside the view do not count', () => {
    expect(windowFromRects(view, [band(700, 800, 10, 200), band(900, 950)])).toEqual({
      bottom: -1,
      top: 1,
    });
  });
  it('overlays that leave too little clear: the whole view', () => {
    expect(windowFromRects(view, [band(300, 850), band(50, 260)])).toEqual({
      bottom: -1,
      top: 1,
    });
  });
});
