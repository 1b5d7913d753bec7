/**
 * The thoracic cavity as a signed distance: the inside of the rib cage, bounded below by the
 * pleural reflection (or the lung's lower border, two ribs higher) and above by the cervical
 * dome. Lungs, pleura and the intercostal muscles are all cut from this one function so they fit
 * each other and the ribs.
 */
import type { Primitive, V3 } from '../lib/sdf.ts';
import { P, vert } from './frame.ts';
import { ribRing, RIBS } from './ribs.ts';

const AXIS_Z = 0.0;
const STEPS = 96;

interface Table {
  /** per rib n (1..12), per theta step: radius from the axis and height */
  r: number[][];
  y: number[][];
  /** per theta step: the lowest height that a rib or its cartilage itself reaches at that angle */
  margin: number[];
}

const smoothstep = (e0: number, e1: number, x: number) => {
  const t = Math.min(1, Math.max(0, (x - e0) / (e1 - e0)));
  return t * t * (3 - 2 * t);
};

function angleOf(x: number, z: number): number {
  // 0 posterior midline, pi anterior midline; symmetric left/right
  return Math.atan2(Math.abs(x), -(z - AXIS_Z));
}

const TABLE: Table = (() => {
  const r: number[][] = [];
  const y: number[][] = [];
  const margin = new Array<number>(STEPS).fill(Infinity);
  for (let n = 1; n <= 12; n++) {
    const rr: number[] = [];
    const yy: number[] = [];
    // sample densely along the rib + cartilage, then bin by the angle seen from the axis
    const pts: V3[] = [];
    const rib = RIBS[n - 1]!;
    for (const p of [...rib.bone, ...rib.cartilage]) pts.push(p);
    const fine: V3[] = [];
    for (let i = 0; i + 1 < pts.length; i++) {
      for (let k = 0; k < 8; k++) {
        const a = pts[i]!;
        const b = pts[i + 1]!;
        const t = k / 8;
        fine.push([a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t]);
      }
    }
    for (let s = 0; s < STEPS; s++) {
      const th = (Math.PI * s) / (STEPS - 1);
      // the sample nearest in angle
      let best = Infinity;
      let bp: V3 = fine[0]!;
      for (const p of fine) {
        const d = Math.abs(angleOf(p[0], p[2]) - th);
        if (d < best) {
          best = d;
          bp = p;
        }
      }
      if (best > 0.08) {
        // the rib does not reach this angle (floating ribs, front): continue the ring
        const ring = ribRing(n, Math.min(th, 3.0));
        bp = ring;
      } else margin[s] = Math.min(margin[s]!, bp[1]);
      rr.push(Math.hypot(bp[0], bp[2] - AXIS_Z));
      yy.push(bp[1]);
    }
    r.push(rr);
    y.push(yy);
  }
  // toward the anterior midline, where no cartilage reaches (they end at the sternum's border),
  // the margin stays at the last cartilage's height: the xiphisternal junction
  for (let s = 1; s < STEPS; s++) if (!Number.isFinite(margin[s]!)) margin[s] = margin[s - 1]!;
  return { r, y, margin };
})();

function lookup(n: number, th: number, arr: number[][]): number {
  const f = (th / Math.PI) * (STEPS - 1);
  const i = Math.min(STEPS - 2, Math.max(0, Math.floor(f)));
  const t = Math.min(1, Math.max(0, f - i));
  const row = arr[n - 1]!;
  return row[i]! * (1 - t) + row[i + 1]! * t;
}

/** Radius of the rib cage (rib centre lines) at angle th and height y, from the axis. */
function cageRadius(th: number, y: number): number {
  // ribs ordered top to bottom at this angle
  for (let n = 1; n < 12; n++) {
    const y0 = lookup(n, th, TABLE.y);
    const y1 = lookup(n + 1, th, TABLE.y);
    if (y <= y0 && y >= y1) {
      const t = (y0 - y) / (y0 - y1 || 1e-9);
      return lookup(n, th, TABLE.r) * (1 - t) + lookup(n + 1, th, TABLE.r) * t;
    }
  }
  if (y > lookup(1, th, TABLE.y)) return lookup(1, th, TABLE.r);
  return lookup(12, th, TABLE.r);
}

/** The costal margin's height at angle th: the lowest rib or cartilage that reaches it. */
const marginAt = (th: number): number => lookup(1, th, [TABLE.margin]);

/** Height of rib n at angle th. */
export const ribHeightAt = (n: number, th: number): number => lookup(n, th, TABLE.y);

// angles of the surface-marking lines (from the posterior midline)
const TH_PARAVERTEBRAL = 0.5;
const TH_MIDAXILLARY = Math.PI / 2;
const TH_MIDCLAVICULAR = 2.45;

/**
 * Lower border height at angle th: crosses rib `ant` at the midclavicular line, `lat` at the
 * midaxillary line and `post` next to the spine (pleura 8/10/12, lung 6/8/10: Gray's; Moore).
 */
function lowerBorder(th: number, post: number, lat: number, ant: number): number {
  const yp = ribHeightAt(post, TH_PARAVERTEBRAL);
  const yl = ribHeightAt(lat, TH_MIDAXILLARY);
  const ya = ribHeightAt(ant, TH_MIDCLAVICULAR);
  const yStern = ribHeightAt(ant - 1, 3.05);
  if (th <= TH_PARAVERTEBRAL) return yp;
  if (th <= TH_MIDAXILLARY)
    return yp + ((yl - yp) * (th - TH_PARAVERTEBRAL)) / (TH_MIDAXILLARY - TH_PARAVERTEBRAL);
  if (th <= TH_MIDCLAVICULAR)
    return yl + ((ya - yl) * (th - TH_MIDAXILLARY)) / (TH_MIDCLAVICULAR - TH_MIDAXILLARY);
  return ya + ((yStern - ya) * (th - TH_MIDCLAVICULAR)) / (Math.PI - TH_MIDCLAVICULAR);
}

/**
 * Apex: its summit over the middle of the clavicle's medial third, APEX_RISE above the bone's upper
 * border. Textbooks give about 2.5 cm (Gray's; Moore; range 2–4 cm), or about 3 cm (GPnotebook),
 * and have the cervical pleura reach the neck of the first rib behind. The rise is set at 3.5 cm,
 * within that range, by the MRI measurements from the top of the shoulder (Wanichanon &
 * Hathaiareerug, 57 adults: 30° medially from where a horizontal line at the C7 spinous process
 * leaves the skin, mean 47 mm): with 2.5 cm that path was 60 mm and no shorter than the vertical
 * one, which on MRI is the longer. (The summit stood over the third's lateral end before, and the
 * dome's top was flat.)
 */
const APEX_RISE = 0.035;
export const APEX_TOP = (() => {
  const t = 1 / 6;
  const x = P.clavicleMedial[0] + (P.clavicleLateral[0] - P.clavicleMedial[0]) * t;
  const y = P.clavicleMedial[1] + (P.clavicleLateral[1] - P.clavicleMedial[1]) * t;
  return { x, y: y + 0.0065 + APEX_RISE, z: -0.012 };
})();

/**
 * The cervical dome's curvature across the body (x), 1/m: the pleura falls by APEX_CURVE_X × dx²
 * at dx from the summit. Estimate: a cap about 4 cm in radius rising about 3 cm (inside the ring of
 * rib 1, from the inlet's plane to the summit above the clavicle), R = (a² + h²) / 2h ≈ 4.2 cm, so
 * 1/2R ≈ 12. With 4.5 the dome was a plateau across the root of the neck (R 11 cm). From front to
 * back it keeps 4.5: the front of the dome falls behind the clavicle and the first ribs, which the
 * cage already bounds, and a steeper fall there cut the lung away from under the 2nd intercostal
 * space.
 */
const APEX_CURVE_X = 12;
const APEX_CURVE_Z = 4.5;

export interface CavityOptions {
  /** Inset from the rib centre lines, metres. */
  inset: number;
  /** Lower border: ribs crossed paravertebral, midaxillary, midclavicular. */
  border: [number, number, number];
  side: 'left' | 'right';
}

/** Signed distance (approximate, negative inside) to one side's pleural cavity or lung. */
export function cavity(p: V3, o: CavityOptions): number {
  const sx = o.side === 'left' ? p[0] : -p[0];
  const th = angleOf(sx, p[2]);
  const rho = Math.hypot(sx, p[2] - AXIS_Z);
  const dRing = rho - (cageRadius(th, p[1]) - o.inset);
  // The border is written by angle round the chest wall; deep and medial, beside the vertebral
  // bodies behind the coronal midplane, it is the paravertebral one: the pleura ends there about
  // level with T12, crossing rib 12 next to the spine (Gray's; Moore). Judged by angle alone, the
  // medial recess beside T12–L1 took the midaxillary height (rib 10) and reached 6 cm below the
  // T12 spinous process.
  const border = lowerBorder(th, ...o.border);
  const medialDeep = (1 - smoothstep(0.06, 0.09, rho)) * (1 - smoothstep(0.0, 0.03, p[2]));
  const paravertebral = lowerBorder(0, ...o.border);
  const dBottom = border + (Math.max(border, paravertebral) - border) * medialDeep - p[1];
  // medial limit: vertebral bodies behind, the mediastinum in the middle, the heart in front
  const t7 = vert('t7');
  const heart = p[2] > -0.01 && p[1] < P.sternalAngle[1] - 0.03;
  const medial =
    p[2] < t7.body[2] + 0.02 ? 0.03 : heart && o.side === 'left' ? 0.05 : heart ? 0.02 : 0.016;
  const dMedial = medial - sx;
  // the cervical dome
  const dx = sx - APEX_TOP.x;
  const dz = p[2] - APEX_TOP.z;
  const dDome =
    p[1] - (APEX_TOP.y - o.inset * 0.5 - (APEX_CURVE_X * dx * dx + APEX_CURVE_Z * dz * dz));
  // Under the dome the cavity still fills the cage up to the first rib: the cervical pleura rises
  // from the inner surface of rib 1 to the apex, reaching the neck of rib 1 behind (Gray's; Moore).
  // Cut by the dome alone, the cavity's top fell 1–3 cm below the first and second ribs away from
  // the summit, and a needle from the top of the shoulder crossed that much filler between the
  // intercostal layer and the pleura.
  // No higher than the summit, though: the model's first rib lies high against its clavicle (its
  // front end 2 cm above the jugular notch, where the first cartilage meets the manubrium below
  // the clavicle), and filled to rib 1's neck the apex stood 5.6 cm above the clavicle's medial
  // third, against 2–4 cm. (Bringing rib 1 down is the better fix, and a larger one.)
  const dRib1 = p[1] - (Math.min(ribHeightAt(1, th), APEX_TOP.y) - o.inset * 0.5);
  const dTop = Math.min(dDome, dRib1);
  return Math.max(dRing, dBottom, dMedial, dTop);
}

/** A Primitive wrapper so the cavity can join Shapes (bounds are generous). */
export function cavityPrimitive(o: CavityOptions): Primitive {
  const s = o.side === 'left' ? 1 : -1;
  const x0 = s > 0 ? 0.0 : -0.16;
  return {
    d: (p) => cavity(p, o),
    bounds: { min: [x0, 1.15, -0.12], max: [x0 + 0.16, 1.5, 0.14] },
  };
}

/**
 * Half-thicknesses of the intercostal band inside and outside the rib centre lines, metres. Inside,
 * 5.5 mm, under the parietal pleura (organs.ts). Outside, 7 mm, 0.8 mm proud of the ribs' surface
 * (radius 6.2 mm; estimate: the external intercostals arise from the outer lips of the rib
 * borders, Gray's Anatomy, so the layer is flush with the ribs; with 5.5 mm the ribs stood out of
 * it, and beside each rib margin a horizontal path from the lung met neither rib nor muscle).
 */
const INTERCOSTAL_INNER = 0.0055;
const INTERCOSTAL_OUTER = 0.007;

/** Signed distance to one side's intercostal band at (sx, y, z), sx the distance from the midline. */
function shell(sx: number, y: number, z: number): number {
  const th = angleOf(sx, z);
  const rho = Math.hypot(sx, z - AXIS_Z);
  const r = cageRadius(th, y);
  const dShell = rho > r ? rho - r - INTERCOSTAL_OUTER : r - rho - INTERCOSTAL_INNER;
  const top = ribHeightAt(1, th);
  // behind and at the side the band ends at the lowest rib (12, then 11, then 10); in front at
  // the costal margin, the lowest cartilage that reaches this angle (the cartilages of ribs 7–10
  // join one another up to the xiphoid: Gray's Anatomy), so none lies in the infrasternal angle,
  // where the abdominal wall meets the cartilages (ending it at rib 10's ring continued round to
  // the front, the band covered the upper abdomen 3–5 cm below the costal margin)
  const low = ribHeightAt(th < 1.3 ? 12 : th < 2.0 ? 11 : 10, th);
  const bottom = th < 2.0 ? low : Math.max(low, marginAt(th));
  const dBand = Math.max(y - top, bottom - y);
  return Math.max(dShell, dBand);
}

/**
 * Medial edge of the intercostal band, as the distance from the midline. In front it is the
 * lateral border of the sternum: the intercostal muscles end there (the internal intercostals
 * reach the sternum; the external ones are continued to it by the external intercostal
 * membrane: Gray's Anatomy), so none lies in front of the sternum. The model's sternum (bones.ts:
 * body 16 mm, manubrium 24 mm either side of the midline) is built first and cuts the band, so the
 * edge is set 4 mm inside its border (estimate: the band then meets the bone; ending it at the
 * border left a 3–5 mm strip beside the lower sternum where a needle met nothing but fat down to
 * the heart). Behind, BACK_EDGE.
 */
function medialEdge(y: number, z: number): number {
  const sa = P.sternalAngle[1];
  const front = 0.012 + 0.008 * smoothstep(sa, sa + 0.01, y);
  return BACK_EDGE + (front - BACK_EDGE) * smoothstep(-0.02, 0.02, z);
}

/**
 * Behind, the band ends at the necks of the ribs, 22 mm from the midline (the external
 * intercostals reach back to the tubercles of the ribs, continued medially by the levatores
 * costarum and the costotransverse ligaments: Gray's Anatomy; the vertebrae, built first, cut it
 * where they meet it), so none lies behind the laminae, in the groove beside the spinous
 * processes that belongs to the erector spinae and multifidus, and the lung is walled in up to
 * the transverse processes (at 30 mm, horizontal paths from about 5 % of the lung's surface at
 * T3–T5 left the cavity between the rib necks and met nothing but fat).
 */
const BACK_EDGE = 0.022;

/** The intercostal layer: the band of the rib cage between rib 1 and rib 12 (ribs cut out later). */
export function intercostalPrimitive(side: 'left' | 'right'): Primitive {
  const s = side === 'left' ? 1 : -1;
  const x0 = s > 0 ? 0.012 : -0.16;
  return {
    d: (p) => {
      const sx = side === 'left' ? p[0] : -p[0];
      const m = medialEdge(p[1], p[2]);
      if (sx < m) {
        // medial to the edge: the distance to the band's medial face, measured at that face (a
        // constant here would read as tissue far in front of the sternum and behind the spine,
        // and the body's envelope, the union of everything, would grow a fin along the midline)
        const edge = shell(m, p[1], p[2]);
        return Math.max(m - sx + 0.001, Math.hypot(Math.max(edge, 0), m - sx));
      }
      return shell(sx, p[1], p[2]);
    },
    bounds: { min: [x0, 1.1, -0.14], max: [x0 + 0.16, 1.53, 0.15] },
  };
}
