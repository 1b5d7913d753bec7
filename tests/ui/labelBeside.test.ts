import { describe, expect, it } from 'vitest';
import { labelBeside } from '../../src/ui/layout.ts';

describe('the hover label stays inside the view', () => {
  it('below and right of the cursor where there is room', () => {
    expect(labelBeside(100, 100, 120, 24, 660, 750)).toEqual({ x: 114, y: 114 });
  });
  it('flipped left near the right edge (it spilled over the side panel), up near the bottom', () => {
    const { x, y } = labelBeside(600, 740, 120, 24, 660, 750);
    expect(x + 120).toBeLessThanOrEqual(660);
    expect(x).toBe(600 - 14 - 120);
    expect(y + 24).toBeLessThanOrEqual(750);
  });
  it('brute force: for every cursor in the view the label lies within it (when it fits)', () => {
    for (let cx = 0; cx <= 660; cx += 15)
      for (let cy = 0; cy <= 750; cy += 15) {
        const { x, y } = labelBeside(cx, cy, 200, 30, 660, 750);
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x + 200).toBeLessThanOrEqual(660);
        expect(y).toBeGreaterThanOrEqual(0);
        expect(y + 30).toBeLessThanOrEqual(750);
      }
  });
});
