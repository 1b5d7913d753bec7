/** The rib rings, costal cartilages and the thoracic cage surface used by lungs and muscles. */
import { lerp3, smin, type V3 } from '../lib/sdf.ts';
import { HEIGHTS, P, vert, type VertebraName } from './frame.ts';

export interface Rib {
  n: number;
  /** Polyline of the bony rib, posterior (head) to anterior (costochondral junction), left side. */
  bone: V3[];
  /** Polyline of the costal cartilage (empty for ribs 11 and 12). */
  cartilage: V3[];
  radius: number;
}

/**
 * Ring parameters per rib: half-width, anterior end angle (rad from posterior midline), drop;
 * `aFront` (optional) widens the anterolateral part of the ring, from the midaxillary line forward,
 * and `front` is the exponent of its rounded-rectangle front (default 0.55, smaller is flatter).
 *
 * estimate: ribs 2–5 are given a broader, flatter front than the ellipse through their lateral
 * points. Reasoning: the midclavicular line at the 2nd intercostal space lies over the anterior
 * chest wall, medial to the curve into the axilla (the site of needle decompression; Moore), and the
 * published skin-to-pleura depth there (median 31 mm, Wax & Leibowitz 2007) is that of a wall met
 * nearly face on; with the narrower front the midclavicular line grazed the anterolateral corner
 * of the cage and met the ribs end on (about 71 mm). The back of the ring, under the scapula and the
 * rhomboids, is unchanged.
 */
const RING: Record<
  number,
  { a: number; end: number; cartEnd: number; drop: number; aFront?: number; front?: number }
> = {
  1: { a: 0.062, end: 2.45, cartEnd: 2.85, drop: 0.06 },
  2: { a: 0.1, end: 2.4, cartEnd: 2.95, drop: 0.085, aFront: 0.114, front: 0.45 },
  3: { a: 0.115, end: 2.35, cartEnd: 2.98, drop: 0.095, aFront: 0.128, front: 0.45 },
  4: { a: 0.125, end: 2.3, cartEnd: 3.0, drop: 0.1, aFront: 0.133, front: 0.47 },
  5: { a: 0.131, end: 2.25, cartEnd: 3.0, drop: 0.1, aFront: 0.135, front: 0.5 },
  6: { a: 0.135, end: 2.2, cartEnd: 2.95, drop: 0.1 },
  7: { a: 0.138, end: 2.15, cartEnd: 2.9, drop: 0.098 },
  8: { a: 0.139, end: 2.05, cartEnd: 2.62, drop: 0.095 },
  9: { a: 0.137, end: 1.95, cartEnd: 2.4, drop: 0.09 },
  10: { a: 0.133, end: 1.85, cartEnd: 2.2, drop: 0.085 },
  11: { a: 0.127, end: 1.6, cartEnd: 1.6, drop: 0.06 },
  12: { a: 0.117, end: 1.2, cartEnd: 1.2, drop: 0.03 },
};

const smoothstep = (e0: number, e1: number, x: number) => {
  const t = Math.min(1, Math.max(0, (x - e0) / (e1 - e0)));
  return t * t * (3 - 2 * t);
};

/** z of the anterior chest wall (sternum line) at height y. */
function sternumZ(y: number): number {
  const t = Math.min(1, Math.max(0, (P.jugularNotch[1] - y) / (P.jugularNotch[1] - P.xiphoid[1])));
  return P.jugularNotch[2] + 0.012 + (P.xiphoid[2] - P.jugularNotch[2]) * Math.sqrt(t);
}

/** The point of rib n's ring at angle theta (0 posterior midline, pi anterior midline). */
export function ribRing(n: number, theta: number): V3 {
  const v = vert(`t${n}` as VertebraName);
  const ring = RING[n]!;
  const yHead = v.body[1] + 0.004;
  const yAnt = yHead - ring.drop;
  const zPost = v.body[2] - 0.05 + Math.min(n, 7) * -0.002;
  const zAnt = n <= 10 ? sternumZ(yAnt) - 0.012 : sternumZ(yAnt) + 0.0;
  const b = (zAnt - zPost) / 2;
  const zc = (zAnt + zPost) / 2;
  const s = theta / Math.PI;
  const yRing = yHead - ring.drop * Math.pow(s, 1.3);
  const y = LOW[n] === undefined ? yRing : lowerRibY(n, theta, yHead);
  // a rib carried down below its ring (LOW) narrows with the trunk (NARROW)
  const k = 1 - NARROW * Math.max(0, yRing - y);
  // widen the lateral part a little (the thorax is broadest behind the midaxillary line)
  // (ribs 2–5: broader from the midaxillary line forward, see RING)
  const wFront = smoothstep(1.2, 1.9, theta);
  const aRing = ring.a + ((ring.aFront ?? ring.a) - ring.a) * wFront;
  const a = aRing * (1 + 0.06 * Math.sin(theta) * Math.cos(theta));
  // the front of the cage is flatter than an ellipse (a rounded-rectangle section)
  const pf = ring.front ?? 0.55;
  const c = Math.cos(theta);
  const zc2 = c < 0 ? -Math.pow(-c, pf) : c;
  const sn = Math.sin(theta);
  const x = k * (c < 0 ? a * Math.pow(Math.max(sn, 0), pf) : a * sn);
  // The back of the ring is kept in front of a plane POST_BEHIND_TP behind the transverse
  // process tips (a smooth maximum): from the costotransverse joint the rib runs laterally and
  // only a little backward to its angle, leaving the deep groove beside the spinous processes for
  // the erector spinae (Gray's Anatomy 42nd ed.: the angle is the rib's most posterior point, at
  // the lateral edge of the erector spinae). The plain ellipse put the rib 2 cm behind the
  // tubercle within 2 cm of it, level with the spinous tips, where the erector spinae should be.
  const floor = v.transverse[2] - POST_BEHIND_TP;
  return [x, y, -smin(-(zc - k * b * zc2), -floor, 0.006)];
}

/**
 * The lowest point of ribs 7–12, where the bone ends (the costochondral junction; the tip of ribs
 * 11 and 12). The costal margin runs down from the xiphisternal junction to the 10th costal
 * cartilage, whose lowest point is the ANSUR II tenth rib height (1120.7 mm, men's mean), level
 * with L3 (the subcostal plane; Moore, Clinically Oriented Anatomy); the tips of the 9th cartilages
 * are at L1 (the transpyloric plane; Moore; Gray's Anatomy). estimate: the 7th and 8th at T11 and
 * T12, the 11th's tip at L2, the 12th's at L1. With one drop per rib, from its head to the front,
 * the 10th cartilage ended at T12, 11 cm above the tenth rib height, and the pleura did not reach
 * the level of the xiphoid at the anterior axillary line.
 */
const LOW: Partial<Record<number, () => number>> = {
  7: () => vert('t11').body[1],
  8: () => vert('t12').body[1],
  9: () => vert('l1').body[1] + 0.01,
  10: () => HEIGHTS.rib10,
  11: () => vert('l2').body[1],
  12: () => vert('l1').body[1],
};

/**
 * Height of one of ribs 7–12 at angle theta: down from the head to its lowest point where the
 * bone ends, then, for 7–10, the cartilage up toward the sternum (the 7th, reaching it where the
 * old ring did) or to the cartilage above (8–10; Gray's Anatomy: each joins the one above and
 * together they form the costal margin). Beyond the tip of 11 and 12 the ring (used only to
 * continue the cage's surface round to the front) keeps descending, so each rib stays below the
 * one above at every angle.
 */
function lowerRibY(n: number, theta: number, yHead: number): number {
  const ring = RING[n]!;
  const low = LOW[n]!();
  if (theta <= ring.end) return yHead - (yHead - low) * Math.pow(theta / ring.end, 1.3);
  if (n >= 11) return low - 0.2 * (theta - ring.end);
  const top =
    n === 7
      ? yHead - ring.drop * Math.pow(ring.cartEnd / Math.PI, 1.3)
      : ribRing(n - 1, ring.cartEnd)[1] - CARTILAGE_STEP;
  const t = Math.min(1, (theta - ring.end) / (ring.cartEnd - ring.end));
  return low + Math.max(0, top - low) * t * t * (3 - 2 * t);
}

/** estimate: how far below the cartilage above a cartilage of ribs 8–10 ends, metres. */
const CARTILAGE_STEP = 0.01;

/**
 * estimate: how much a rib narrows, per metre that LOW carries it below its ring: the trunk
 * tapers from the chest to the waist, and the costal margin lies under the abdominal wall (whose
 * muscles attach to it; Moore). Without it the lowered 9th and 10th cartilages stood 3–4 cm
 * outside the abdominal wall at L2 and pushed the skin out with them.
 */
const NARROW = 2.0;

/**
 * estimate: how far the back of the rib cage (the rib angles) lies behind the transverse process
 * tips, metres; about half a rib's depth plus the rib itself, from standard axial CT proportions.
 */
const POST_BEHIND_TP = 0.012;

function buildRib(n: number): Rib {
  const v = vert(`t${n}` as VertebraName);
  const ring = RING[n]!;
  const head: V3 = [0.02, v.body[1] + 0.004, v.body[2] - 0.006];
  const tubercle: V3 = [v.transverse[0] - 0.004, v.body[1] + 0.002, v.transverse[2] - 0.004];
  const bone: V3[] = [head, tubercle];
  const start = 0.42;
  const steps = 14;
  for (let i = 0; i <= steps; i++) {
    bone.push(ribRing(n, start + ((ring.end - start) * i) / steps));
  }
  const cartilage: V3[] = [];
  if (n <= 10) {
    const cs = 6;
    for (let i = 0; i <= cs; i++)
      cartilage.push(ribRing(n, ring.end + ((ring.cartEnd - ring.end) * i) / cs));
    if (n >= 8) {
      // ribs 8–10 join the cartilage above: bend the tip up toward it
      const above = ribRing(n - 1, RING[n - 1]!.cartEnd - 0.15);
      cartilage.push(lerp3(cartilage[cartilage.length - 1]!, above, 0.85));
    } else {
      const last = cartilage[cartilage.length - 1]!;
      cartilage.push([0.018, last[1], last[2] + 0.004]);
    }
  }
  return { n, bone, cartilage, radius: n === 1 ? 0.0065 : n >= 11 ? 0.005 : 0.0062 };
}

export const RIBS: Rib[] = Array.from({ length: 12 }, (_, i) => buildRib(i + 1));
