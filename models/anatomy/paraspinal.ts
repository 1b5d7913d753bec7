/**
 * The paraspinal muscles as masses that fill the groove beside the spine: multifidus deepest and
 * most medial, on the laminae; longissimus beside it over the transverse processes; iliocostalis
 * laterally over the rib angles and the back of the iliac crest (Gray's Anatomy 42nd ed.; Moore,
 * Clinically Oriented Anatomy 8th ed.). Fibre tubes left the groove as a few round columns with
 * several centimetres of "fat" between them and the bone, and the ribs showing between them in a
 * posterior view.
 *
 * Each muscle is a sweep: a rounded rectangle across the back (x from the midline, z front to
 * back) whose edges are set, height by height, from two bony lines: the spinous tips (the back of
 * the groove) and the transverse process tips (its floor). Bones and the deeper muscles are built
 * first and take whatever the section overlaps, so the section may reach into them.
 */
import { lerp3, type Primitive, type V3 } from '../lib/sdf.ts';
import { P, SPINE } from './frame.ts';

/** A height and a value there; values between are interpolated linearly. */
type Key = [y: number, value: number];

interface Section {
  /** Height range of the muscle, metres. */
  y: [number, number];
  /** Medial and lateral edges, distance from the midline. */
  xMed: Key[];
  xLat: Key[];
  /** Back surface: offset in front (+) of the spinous-tip line. */
  back: Key[];
  /** Front surface: offset in front (+) of the transverse-process line. */
  front: Key[];
  /** Fibre slant across the back per metre of height (+ lateral going up), for fibre shading. */
  slant: number;
}

function at(keys: Key[], y: number): number {
  if (y <= keys[0]![0]) return keys[0]![1];
  for (let i = 0; i + 1 < keys.length; i++) {
    const [y0, v0] = keys[i]!;
    const [y1, v1] = keys[i + 1]!;
    if (y <= y1) return v0 + ((v1 - v0) * (y - y0)) / (y1 - y0 || 1);
  }
  return keys[keys.length - 1]![1];
}

/**
 * The two bony lines, as (height, z) from the sacrum to C2. Above the sacrum, the vertebrae of
 * frame.ts. Over the sacrum (estimate, from the model's sacrum and PSIS): the back of the groove
 * is the level of the posterior superior iliac spines, its floor the dorsal surface of the sacrum.
 */
const SPINOUS: Key[] = (() => {
  const k: Key[] = SPINE.filter((v) => v.name !== 'c1').map((v) => [v.spinous[1], v.spinous[2]]);
  k.push([P.psis[1] + 0.015, P.psis[2] + 0.002], [P.psis[1] - 0.05, P.psis[2] + 0.008]);
  return k.sort((a, b) => a[0] - b[0]);
})();
const TRANSVERSE: Key[] = (() => {
  const k: Key[] = SPINE.filter((v) => v.name !== 'c1').map((v) => [
    v.transverse[1],
    v.transverse[2],
  ]);
  k.push([P.psis[1] + 0.015, P.psis[2] + 0.035], [P.psis[1] - 0.05, P.psis[2] + 0.03]);
  return k.sort((a, b) => a[0] - b[0]);
})();

const Y_SACRUM = P.psis[1] - 0.04;
const Y_L5 = SPINE.find((v) => v.name === 'l5')!.transverse[1];
const Y_L1 = SPINE.find((v) => v.name === 'l1')!.transverse[1];
const Y_T10 = SPINE.find((v) => v.name === 't10')!.transverse[1];
const Y_T6 = SPINE.find((v) => v.name === 't6')!.transverse[1];
const Y_T1 = SPINE.find((v) => v.name === 't1')!.transverse[1];
const Y_C7 = SPINE.find((v) => v.name === 'c7')!.transverse[1];
const Y_C2 = SPINE.find((v) => v.name === 'c2')!.transverse[1];

/**
 * estimate: the sections. Widths and the depth of the groove from standard axial CT and MRI
 * proportions of an average man; the lumbar multifidus is the largest muscle beside the lumbar
 * spinous processes and the erector spinae is thickest in the lumbar and lower thoracic region,
 * thinning upward (Gray's Anatomy; Moore). In the lumbar region the masses stand 1–1.5 cm behind
 * the spinous tips (the lumbar midline is a furrow between them, and they are level with the
 * posterior superior iliac spines, whose dimples lie beside them); set level with the tips, the
 * back of the lumbar region was 3–4 cm of fat over the muscle. Over the upper and middle
 * thoracic transverse processes it is thin: between the spine and the scapula the rib lies 21–27 mm under the skin, under
 * trapezius, rhomboid major and a thin erector spinae (ultrasound of 62 adults, Ann Rehabil Med
 * 2014;38(1):72–76, in ../shared/reference/depth-targets.md), so the back of the upper thoracic
 * sections lies well in front of the spinous tips, which stand out as they do in a lean back.
 */
const SECTIONS: Record<'multifidus' | 'longissimus' | 'iliocostalis', Section> = {
  multifidus: {
    y: [Y_SACRUM, Y_C2 - 0.005],
    xMed: [[0, 0.002]],
    xLat: [
      [Y_L5, 0.034],
      [Y_L1, 0.03],
      [Y_T6, 0.022],
      [Y_C7, 0.022],
    ],
    back: [
      [Y_L5, -0.008],
      [Y_L1, 0.002],
      [Y_T6, 0.02],
      [Y_T1, 0.018],
      [Y_C7, 0.012],
    ],
    front: [[0, 0.02]],
    slant: -0.25,
  },
  longissimus: {
    y: [Y_SACRUM + 0.01, Y_T1 + 0.01],
    // lateral to multifidus in the lumbar region, where multifidus is the mass beside the
    // spinous processes; over it (and the rotatores) higher up
    xMed: [
      [Y_L5, 0.032],
      [Y_L1, 0.026],
      [Y_T10, 0.01],
    ],
    // reaching under the medial edge of iliocostalis (built first, it keeps the overlap), so
    // the two meet without a seam of fat
    xLat: [
      [Y_L5, 0.062],
      [Y_L1, 0.06],
      [Y_T6, 0.058],
      [Y_T1, 0.054],
    ],
    back: [
      [Y_L5, -0.012],
      [Y_L1, -0.008],
      [Y_T10, 0.004],
      [Y_T6, 0.019],
      [Y_T1, 0.02],
    ],
    front: [[0, 0.015]],
    slant: 0,
  },
  iliocostalis: {
    y: [P.psis[1] + 0.02, Y_T1 - 0.01],
    xMed: [
      [Y_L5, 0.048],
      [Y_L1, 0.048],
      [Y_T6, 0.05],
      [Y_T1, 0.046],
    ],
    xLat: [
      [Y_L5, 0.082],
      [Y_L1, 0.084],
      [Y_T6, 0.08],
      [Y_T1, 0.062],
    ],
    back: [
      [Y_L5, -0.008],
      [Y_L1, -0.004],
      [Y_T10, 0.006],
      [Y_T6, 0.017],
      [Y_T1, 0.02],
    ],
    front: [[0, 0.02]],
    slant: 0.1,
  },
};

/** Height over which each end tapers, metres. */
const TAPER = 0.03;

interface Slice {
  xMed: number;
  xLat: number;
  zBack: number;
  zFront: number;
}

function slice(s: Section, y: number): Slice {
  const t = Math.min(1, (y - s.y[0]) / TAPER, (s.y[1] - y) / TAPER);
  const taper = Math.max(0, Math.min(1, t));
  const xMed = at(s.xMed, y);
  const xLat = at(s.xLat, y);
  const zFront = at(TRANSVERSE, y) + at(s.front, y);
  const zBack = at(SPINOUS, y) + at(s.back, y);
  const ease = 0.35 + 0.65 * Math.sqrt(taper);
  const xc = (xMed + xLat) / 2;
  return {
    xMed: xc - (xc - xMed) * ease,
    xLat: xc + (xLat - xc) * ease,
    zBack: zFront - (zFront - zBack) * ease,
    zFront,
  };
}

/** The rounded-rectangle sweep of one side, and vertical-ish fibre segments for shading. */
export function paraspinal(
  stem: keyof typeof SECTIONS,
  side: 'left' | 'right',
): { prims: Primitive[]; fibres: [V3, V3][] } {
  const s = SECTIONS[stem];
  const sgn = side === 'left' ? 1 : -1;
  let xMax = 0;
  let zMin = Infinity;
  let zMax = -Infinity;
  for (let y = s.y[0]; y <= s.y[1]; y += 0.005) {
    const c = slice(s, y);
    xMax = Math.max(xMax, c.xLat);
    zMin = Math.min(zMin, c.zBack);
    zMax = Math.max(zMax, c.zFront);
  }
  const prim: Primitive = {
    d(p) {
      const x = p[0] * sgn;
      const dy = Math.max(s.y[0] - p[1], p[1] - s.y[1]);
      const c = slice(s, Math.min(s.y[1], Math.max(s.y[0], p[1])));
      const hx = Math.max(0.001, (c.xLat - c.xMed) / 2);
      const hz = Math.max(0.001, (c.zFront - c.zBack) / 2);
      const rr = Math.min(hx, hz) * 0.3;
      const qx = Math.abs(x - (c.xMed + c.xLat) / 2) - hx + rr;
      const qz = Math.abs(p[2] - (c.zBack + c.zFront) / 2) - hz + rr;
      const d2 = Math.hypot(Math.max(qx, 0), Math.max(qz, 0)) + Math.min(Math.max(qx, qz), 0) - rr;
      return Math.max(d2, dy);
    },
    bounds: {
      min: [side === 'left' ? 0 : -xMax - 0.002, s.y[0] - 0.002, zMin - 0.002],
      max: [side === 'left' ? xMax + 0.002 : 0, s.y[1] + 0.002, zMax + 0.002],
    },
  };
  const fibres: [V3, V3][] = [];
  const step = 0.02;
  for (const u of [0.2, 0.5, 0.8]) {
    for (let y = s.y[0]; y + step <= s.y[1]; y += step) {
      const a = slice(s, y);
      const b = slice(s, y + step);
      const pa: V3 = [sgn * (a.xMed + (a.xLat - a.xMed) * u), y, lerp(a.zBack, a.zFront, 0.3)];
      const pb: V3 = [
        sgn * (b.xMed + (b.xLat - b.xMed) * u + s.slant * step),
        y + step,
        lerp(b.zBack, b.zFront, 0.3),
      ];
      fibres.push([pa, lerp3(pa, pb, 1)]);
    }
  }
  return { prims: [prim], fibres };
}

const lerp = (a: number, b: number, t: number) => a + (b - a) * t;

export const PARASPINAL_STEMS: ReadonlySet<string> = new Set(Object.keys(SECTIONS));
