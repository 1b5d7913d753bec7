import { describe, expect, it } from 'vitest';
import {
  hexToLab,
  labDistance,
  RESERVED_COLORS,
  STUDENT_COLORS,
  studentColor,
} from '../../src/scene/studentColors.ts';

const gap = (a: string, b: string) => labDistance(hexToLab(a), hexToLab(b));

describe('student colours', () => {
  it('the first seven are the hand-picked ones', () => {
    expect(Array.from({ length: 7 }, (_, i) => studentColor(i))).toEqual([...STUDENT_COLORS]);
  });

  it('a class of 16 has 16 colours, each clearly apart from the others (ΔE ≥ 20)', () => {
    const colors = Array.from({ length: 16 }, (_, i) => studentColor(i));
    expect(new Set(colors).size).toBe(16);
    for (let i = 0; i < colors.length; i++)
      for (let j = 0; j < i; j++) expect(gap(colors[i]!, colors[j]!)).toBeGreaterThanOrEqual(20);
  });

  it("no student's colour is near a verdict's, the target's white or the no-verdict grey", () => {
    for (let i = 0; i < 30; i++)
      for (const r of RESERVED_COLORS) expect(gap(studentColor(i), r)).toBeGreaterThanOrEqual(25);
  });

  it('the same student always gets the same colour, and odd indices are safe', () => {
    expect(studentColor(11)).toBe(studentColor(11));
    expect(studentColor(-1)).toBe(STUDENT_COLORS[0]);
    expect(studentColor(2.7)).toBe(STUDENT_COLORS[2]);
    expect(studentColor(10_000)).toMatch(/^#[0-9a-f]{6}$/);
  });
});
