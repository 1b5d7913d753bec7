/**
 * The students' colours on the class heat map (TeachOverlay) and in its legend (TeachPanel),
 * apart from the scene so that they can be checked in Node.
 */
import { Color, SRGBColorSpace } from 'three';

/**
 * The first seven students' colours, chosen by hand: none is a verdict's green, amber or red, nor
 * the target's white.
 */
export const STUDENT_COLORS = [
  '#4da3ff',
  '#c77dff',
  '#ff6ec7',
  '#2ed3d3',
  '#5c7cfa',
  '#e3b5ff',
  '#a5d8ff',
] as const;

/**
 * Colours already meaning something on the heat map, which no student may come near: the
 * verdicts' (Needle.tsx's VERDICT_COLORS), the target's white and a needle's with no verdict.
 */
export const RESERVED_COLORS = ['#3ccf6e', '#f5b731', '#ff3b3b', '#ffffff', '#8a94a0'] as const;

type Lab = readonly [number, number, number];

/** CIE L*a*b* (D65) of an sRGB hex colour: distances in it are close to the differences seen. */
export function hexToLab(hex: string): Lab {
  const c = new Color().setStyle(hex, SRGBColorSpace); // linear components
  const x = (0.4124 * c.r + 0.3576 * c.g + 0.1805 * c.b) / 0.95047;
  const y = 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b;
  const z = (0.0193 * c.r + 0.1192 * c.g + 0.9505 * c.b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 / 116) * t + 16 / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

export const labDistance = (a: Lab, b: Lab): number =>
  Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

/** How far (ΔE) a student's colour keeps from each reserved one, the white and grey too. */
export const RESERVED_GAP = 25;

/**
 * What a generated colour is chosen from: the hues of the hand-picked seven (cyan, blue, violet,
 * pink: 170° to 320°, well off the verdicts' green, amber and red) every 10°, at three lightnesses.
 */
const CANDIDATES = Array.from({ length: 16 * 3 }, (_, k) => {
  const hue = 170 + (k % 16) * 10;
  const lightness = [0.5, 0.64, 0.78][Math.floor(k / 16)]!;
  const hex = `#${new Color()
    .setHSL(hue / 360, 0.85, lightness, SRGBColorSpace)
    .getHexString(SRGBColorSpace)}`;
  return { hex, lab: hexToLab(hex) };
}).filter((c) => RESERVED_COLORS.every((r) => labDistance(c.lab, hexToLab(r)) >= RESERVED_GAP));

/** Every colour handed out so far, in order, with the Lab of each and of the reserved ones. */
const palette: string[] = [...STUDENT_COLORS];
const taken: Lab[] = [...RESERVED_COLORS, ...STUDENT_COLORS].map(hexToLab);

/**
 * The colour of the student loaded `index`-th (0-based). After the hand-picked seven, each new
 * student gets the candidate farthest from every colour already on the map, so a class of 12 or
 * 30 stays told apart; past the candidates' number the colours repeat.
 */
export function studentColor(index: number): string {
  const i = Math.max(0, Math.floor(index) || 0) % (STUDENT_COLORS.length + CANDIDATES.length);
  while (palette.length <= i) {
    let best = CANDIDATES[0]!;
    let bestGap = -1;
    for (const c of CANDIDATES) {
      let gap = Infinity;
      for (const t of taken) gap = Math.min(gap, labDistance(c.lab, t));
      if (gap > bestGap) [best, bestGap] = [c, gap];
    }
    palette.push(best.hex);
    taken.push(best.lab);
  }
  return palette[i]!;
}
