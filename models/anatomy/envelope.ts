/**
 * The body's outer surface: the smooth union of everything underneath, offset by a subcutaneous
 * fat thickness that varies by region. The union is sampled once on a grid; the inner (fat) and
 * outer (skin) surfaces are level sets of that grid plus the regional thickness.
 */
import { Shape, type Bounds, type Primitive, type V3 } from '../lib/sdf.ts';
import { HEIGHTS, P } from './frame.ts';

export const FAT_SOURCE =
  'estimate: regional subcutaneous fat thickness for an average adult man (BMI about 27.7 from the ANSUR II means), thin over the spine, scalp and hands, thicker over the abdomen and buttocks; set toward the published skin-to-rib depth between the spine and the scapula (21–27 mm, Annals of Rehabilitation Medicine 2014;38(1):72–76; the model gives 35 mm at T5, 4.4 cm from the midline) and the skin-to-pleura depth at the 2nd intercostal space (median 31 mm, Wax & Leibowitz 2007; the model gives 35–36 mm); the steps between regions are blended over a few centimetres. Skin about 3.3 mm (median; at least about 2 mm at the mesh vertices), grown from the fat surface so that it is a continuous layer.';

export const SKIN_THICKNESS = 0.002;

const smooth = (e0: number, e1: number, x: number) => {
  const t = Math.min(1, Math.max(0, (x - e0) / (e1 - e0)));
  return t * t * (3 - 2 * t);
};

/** Subcutaneous fat thickness (metres) at a point near the surface. */
export function fatThickness(p: V3): number {
  const [x, y, z] = p;
  const ax = Math.abs(x);
  // limbs: outside the trunk
  const inArm = ax > 0.19 && y > 0.62 && y < 1.42;
  if (inArm) {
    if (y < HEIGHTS.wrist) return 0.003; // hand
    if (y < P.elbow[1]) return 0.005; // forearm
    return 0.008;
  }
  if (y < 0.1) return 0.003; // foot
  if (y < HEIGHTS.tibial) return 0.007; // leg
  if (y < HEIGHTS.crotch) return 0.011; // thigh
  if (y > HEIGHTS.tragion - 0.05) return 0.004; // head
  if (y > P.jugularNotch[1] + 0.02) return z < -0.02 ? 0.005 : 0.007; // neck
  // trunk
  const back = z < -0.04;
  const midline = ax < 0.035;
  const lowerBack = midline ? 0.008 : 0.014;
  if (y < HEIGHTS.crest + 0.05 && back) {
    // the buttock, blended into the lower back over the top of the iliac crest
    const buttock = 0.016 + 0.006 * smooth(0.03, 0.08, ax);
    return buttock + (lowerBack - buttock) * smooth(HEIGHTS.crest - 0.01, HEIGHTS.crest + 0.05, y);
  }
  // the steps between regions are blended over a few centimetres: where the thickness stepped,
  // the fat's and the skin's simplified surfaces came within 1 mm of each other
  if (y < P.xiphoid[1]) return lowerBack + (0.02 - lowerBack) * smooth(-0.06, -0.02, z); // flank, abdomen
  if (back) {
    const upperBack = midline ? 0.002 : 0.0025;
    return lowerBack + (upperBack - lowerBack) * smooth(P.xiphoid[1], P.xiphoid[1] + 0.06, y);
  }
  if (ax > 0.14) return 0.008; // shoulder, lateral chest
  // anterior chest; thinner over the upper pectoral region (estimate: the value is the offset
  // from the union of the tissues, and the mesher adds up to 2 mm; with 3 mm the model's skin to
  // pleura at the 2nd intercostal space, midclavicular, is 32 mm, against the published median
  // of 31 mm, range 14–69, Wax & Leibowitz 2007)
  return 0.007 - 0.004 * smooth(P.sternalAngle[1] - 0.06, P.sternalAngle[1] - 0.02, y);
}

export interface Envelope {
  /** Signed distance to the inner envelope (the fat's outer surface): negative inside. */
  d: (p: V3) => number;
  /** The same union offset by another fat thickness function (a leaner or heavier build). */
  withFat: (fat: (p: V3) => number) => (p: V3) => number;
  bounds: Bounds;
}

const STEP = 0.005;

/** One structure's primitives and the blend width its own surface is meshed with. */
export interface EnvelopeGroup {
  prims: readonly Primitive[];
  blend: number;
}

/** Blend width between structures in the envelope's union, metres. */
const BETWEEN_BLEND = 0.005;
/** How far each structure's distance is evaluated before it reads as "far", metres. */
const REACH = 0.045;

/**
 * Samples the union of the structures on a grid; returns the fat-offset surface function.
 *
 * The union is taken in two levels: each structure as its own smooth union (the surface it is
 * meshed with), then the structures smoothly joined with a narrow blend. One flat smooth union
 * of every primitive swelled wherever many primitives overlap, as the fibre capsules of a fan
 * muscle do: each extra primitive within the blend width lowers the distance by up to a quarter
 * of that width, so the envelope stood 7–8 mm off the upper trapezius and the fat there came out
 * 2–3 times fatThickness.
 */
export function envelope(groups: readonly EnvelopeGroup[]): Envelope {
  const parts: Primitive[] = groups
    .filter((g) => g.prims.length > 0)
    .map((g) => {
      const own = new Shape(g.prims, g.blend, REACH);
      return { d: (p: V3) => own.d(p), bounds: own.bounds };
    });
  const shape = new Shape(parts, BETWEEN_BLEND, REACH);
  const b = shape.bounds;
  // the sample grid is fixed in the world (whole steps from the origin), like the level sets' grids
  // (lib/mesh.ts gridBox): on a grid that moved with the union's bounds, a change to one structure
  // moved every sample and so the fat's surface everywhere
  const min = [0, 1, 2].map((i) => Math.floor((b.min[i]! - 0.03) / STEP) * STEP) as V3;
  const max: V3 = [b.max[0] + 0.03, b.max[1] + 0.03, b.max[2] + 0.03];
  const nx = Math.ceil((max[0] - min[0]) / STEP) + 1;
  const ny = Math.ceil((max[1] - min[1]) / STEP) + 1;
  const nz = Math.ceil((max[2] - min[2]) / STEP) + 1;
  const grid = new Float32Array(nx * ny * nz);
  for (let i = 0; i < nx; i++) {
    for (let j = 0; j < ny; j++) {
      for (let k = 0; k < nz; k++) {
        grid[(i * ny + j) * nz + k] = shape.d([
          min[0] + i * STEP,
          min[1] + j * STEP,
          min[2] + k * STEP,
        ]);
      }
    }
  }
  const at = (i: number, j: number, k: number) => grid[(i * ny + j) * nz + k]!;
  const union = (p: V3): number => {
    const fx = (p[0] - min[0]) / STEP;
    const fy = (p[1] - min[1]) / STEP;
    const fz = (p[2] - min[2]) / STEP;
    if (fx < 0 || fy < 0 || fz < 0 || fx >= nx - 1 || fy >= ny - 1 || fz >= nz - 1) return 0.05;
    const i = Math.floor(fx);
    const j = Math.floor(fy);
    const k = Math.floor(fz);
    const tx = fx - i;
    const ty = fy - j;
    const tz = fz - k;
    const c00 = at(i, j, k) * (1 - tx) + at(i + 1, j, k) * tx;
    const c10 = at(i, j + 1, k) * (1 - tx) + at(i + 1, j + 1, k) * tx;
    const c01 = at(i, j, k + 1) * (1 - tx) + at(i + 1, j, k + 1) * tx;
    const c11 = at(i, j + 1, k + 1) * (1 - tx) + at(i + 1, j + 1, k + 1) * tx;
    return (c00 * (1 - ty) + c10 * ty) * (1 - tz) + (c01 * (1 - ty) + c11 * ty) * tz;
  };
  return {
    d: (p) => union(p) - fatThickness(p),
    withFat: (fat) => (p) => union(p) - fat(p),
    bounds: { min, max },
  };
}
