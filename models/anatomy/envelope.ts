/**
 * The body's outer surface: the smooth union of everything underneath, offset by a subcutaneous
 * fat thickness that varies by region. The union is sampled once on a grid; the inner (fat) and
 * outer (skin) surfaces are level sets of that grid plus the regional thickness.
 */
import { capsule, ellipsoid, Shape, type Bounds, type Primitive, type V3 } from '../lib/sdf.ts';
import { HEIGHTS, P } from './frame.ts';

export const FAT_SOURCE =
  'estimate: regional subcutaneous fat thickness for an average adult man (BMI about 27.7 from the ANSUR II means), thin over the spine, scalp and hands, thicker over the abdomen and buttocks; set toward the published skin-to-rib depth between the spine and the scapula (21–27 mm, Annals of Rehabilitation Medicine 2014;38(1):72–76; the model gives 25–26 mm at T5, 4.4 cm from the midline) and the skin-to-pleura depth at the 2nd intercostal space (median 31 mm, Wax & Leibowitz 2007; the model gives 36–38 mm); the steps between regions are blended over a few centimetres, and the surface is offset from a smoothed union of the tissues (the skin lies smoothly over the edges of the muscles). Skin about 3.3 mm (median; at least about 2 mm at the mesh vertices), grown from the fat surface so that it is a continuous layer.';

export const SKIN_THICKNESS = 0.002;

const smooth = (e0: number, e1: number, x: number) => {
  const t = Math.min(1, Math.max(0, (x - e0) / (e1 - e0)));
  return t * t * (3 - 2 * t);
};

/** From a to b as v goes from e0 to e1 (smoothly; e1 < e0 runs the other way). */
const step = (a: number, b: number, e0: number, e1: number, v: number) =>
  a + (b - a) * smooth(e0, e1, v);

/**
 * Subcutaneous fat thickness (metres) at a point near the surface. Every change between regions
 * is blended over a few centimetres: where the thickness stepped, the fat's surface had a cliff
 * (the skin over a 13 mm step below the xiphoid was 15 mm thick), or the fat's and the skin's
 * simplified surfaces came within 1 mm of each other.
 */
export function fatThickness(p: V3): number {
  const [x, y] = p;
  const ax = Math.abs(x);
  // the arm, outside the trunk: hand 3 mm, forearm 5 mm, upper arm 8 mm
  const arm = step(
    step(0.003, 0.005, HEIGHTS.wrist - 0.02, HEIGHTS.wrist + 0.02, y),
    0.008,
    P.elbow[1] - 0.03,
    P.elbow[1] + 0.03,
    y,
  );
  const armShare = y > 0.62 && y < 1.42 ? smooth(0.17, 0.21, ax) : 0;
  if (armShare >= 1) return arm;
  // foot 3 mm, leg 7 mm, thigh 11 mm, then the trunk above the crotch
  const leg = step(
    step(0.003, 0.007, 0.08, 0.12, y),
    0.011,
    HEIGHTS.tibial - 0.03,
    HEIGHTS.tibial + 0.03,
    y,
  );
  const body =
    y < HEIGHTS.crotch - 0.03
      ? leg
      : step(leg, trunkFat(p), HEIGHTS.crotch - 0.03, HEIGHTS.crotch + 0.03, y);
  return body + (arm - body) * armShare;
}

/** The trunk, neck and head. */
function trunkFat(p: V3): number {
  const [x, y, z] = p;
  const ax = Math.abs(x);
  // 1 beside the midline, thin over the spinous processes and the linea alba
  const mid = 1 - smooth(0.025, 0.045, ax);
  // 1 on the back, 0 in front, across the side of the trunk
  const back = smooth(-0.03, -0.05, z);
  const lowerBack = step(0.014, 0.008, 0, 1, mid);
  // the buttock, blended into the lower back over the top of the iliac crest
  const buttock = step(
    0.016 + 0.006 * smooth(0.03, 0.08, ax),
    lowerBack,
    HEIGHTS.crest - 0.01,
    HEIGHTS.crest + 0.05,
    y,
  );
  // the flank and the abdomen (20 mm in front)
  const flank = step(lowerBack, 0.02, -0.06, -0.02, z);
  const below = flank + (buttock - flank) * back;
  // the back above the xiphoid thins to the upper back's 2.5 mm (2 mm over the spine)
  const upperBack = step(
    lowerBack,
    step(0.0025, 0.002, 0, 1, mid),
    P.xiphoid[1],
    P.xiphoid[1] + 0.06,
    y,
  );
  // the anterior chest; thinner over the upper pectoral region (estimate: the value is the
  // offset from the union of the tissues, and the mesher adds up to 2 mm; with 3 mm the model's
  // skin to pleura at the 2nd intercostal space, midclavicular, is 32 mm, against the published
  // median of 31 mm, range 14–69, Wax & Leibowitz 2007); shoulder and lateral chest 8 mm
  const front = step(
    0.007 - 0.004 * smooth(P.sternalAngle[1] - 0.06, P.sternalAngle[1] - 0.02, y),
    0.008,
    0.12,
    0.16,
    ax,
  );
  // in front the abdomen's fat thins to the chest's over the few centimetres below the xiphoid
  const chest = step(below, front, P.xiphoid[1] - 0.05, P.xiphoid[1] + 0.01, y);
  const above =
    chest + (step(below, upperBack, P.xiphoid[1] - 0.01, P.xiphoid[1] + 0.01, y) - chest) * back;
  const trunk = y < P.xiphoid[1] - 0.05 ? below : above;
  // the neck (5 mm behind, 7 mm in front) and the head (4 mm)
  const neck = step(
    step(0.007, 0.005, -0.01, -0.03, z),
    0.004,
    HEIGHTS.tragion - 0.06,
    HEIGHTS.tragion - 0.04,
    y,
  );
  return step(trunk, neck, P.jugularNotch[1], P.jugularNotch[1] + 0.04, y);
}

export interface Envelope {
  /** Signed distance to the inner envelope (the fat's outer surface): negative inside. */
  d: (p: V3) => number;
  /** The same union offset by another fat thickness function (a leaner or heavier build). */
  withFat: (fat: (p: V3) => number) => (p: V3) => number;
  bounds: Bounds;
}

const STEP = 0.005;
/**
 * How far beyond the structures the distance is sampled, metres: past the thickest fat of any
 * build and the skin over it. The high-BMI build's buttock fat is 39 mm; with 30 mm the fat's
 * surface there was the wall of the sampled box, and the skin over the buttock 20–30 mm thick.
 */
const MARGIN = 0.05;

/** One structure's primitives and the blend width its own surface is meshed with. */
export interface EnvelopeGroup {
  prims: readonly Primitive[];
  blend: number;
}

/** Blend width between structures in the envelope's union, metres. */
const BETWEEN_BLEND = 0.005;
/** How far each structure's distance is evaluated before it reads as "far", metres. */
const REACH = 0.06;

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
  const parts: Primitive[] = [...groups, { prims: nose(), blend: 0.006 }]
    .filter((g) => g.prims.length > 0)
    .map((g) => {
      const own = new Shape(g.prims, g.blend, REACH, true);
      return { d: (p: V3) => own.d(p), bounds: own.bounds };
    });
  const shape = new Shape(parts, BETWEEN_BLEND, REACH, true);
  const b = shape.bounds;
  // the sample grid is fixed in the world (whole steps from the origin), like the level sets' grids
  // (lib/mesh.ts gridBox): on a grid that moved with the union's bounds, a change to one structure
  // moved every sample and so the fat's surface everywhere
  const min = [0, 1, 2].map((i) => Math.floor((b.min[i]! - MARGIN) / STEP) * STEP) as V3;
  const max: V3 = [b.max[0] + MARGIN, b.max[1] + MARGIN, b.max[2] + MARGIN];
  const nx = Math.ceil((max[0] - min[0]) / STEP) + 1;
  const ny = Math.ceil((max[1] - min[1]) / STEP) + 1;
  const nz = Math.ceil((max[2] - min[2]) / STEP) + 1;
  const grid = sampleNearSurface((p) => shape.d(p), min, nx, ny, nz);
  const smooth = blur(blur(grid, nx, ny, nz), nx, ny, nz);
  const sampler = (g: Float32Array) => (p: V3) => trilinear(g, min, nx, ny, nz, p);
  const union = sampler(grid);
  const blurred = sampler(smooth);
  // the fat's surface: offset from the smoothed union (not across the armpit), but never closer
  // than COVER (or the fat thickness, where that is thinner) to a structure's own surface
  const surface = (fat: (p: V3) => number) => (p: V3) => {
    const t = fat(p);
    const raw = union(p);
    const w = smoothWeight(p);
    const smoothed = w > 0 ? raw + w * (blurred(p) - raw) : raw;
    return Math.min(smoothed - t, raw - Math.min(COVER, t));
  };
  return {
    d: surface(fatThickness),
    withFat: surface,
    bounds: { min, max },
  };
}

/**
 * The external nose, soft tissue under the skin (its cartilages are not modelled as structures):
 * without it the face was a mask. The root lies just below the sellion, which the ANSUR II men's
 * menton–sellion length (122.6 mm) puts about 1 cm above the tragion on this model. estimate: the
 * tip about 4 cm lower and 2.5 cm in front of the face, the alae 3 cm across.
 */
function nose(): Primitive[] {
  const y = HEIGHTS.tragion;
  return [
    capsule([0, y + 0.004, 0.108], [0, y - 0.036, 0.126], 0.007, 0.009),
    ellipsoid([0, y - 0.04, 0.112], [0.016, 0.008, 0.01]),
  ];
}

/** Coarse steps per sample cell, and the distance within which a coarse cell is sampled finely. */
const COARSE = 4;
const NEAR = 0.04;

/**
 * The distance sampled on the grid: exactly where the surface may be near, elsewhere interpolated
 * from a grid COARSE times coarser. A coarse cell is sampled finely when any corner is within NEAR
 * of the surface: a distance changes no faster than the distance moved, so in a cell whose
 * corners are all farther, every point is at least NEAR minus half the cell's diagonal (17 mm)
 * away, beyond the reach of the blur (20 mm). About a third of the box's points are sampled.
 */
function sampleNearSurface(
  d: (p: V3) => number,
  min: V3,
  nx: number,
  ny: number,
  nz: number,
): Float32Array {
  const cx = Math.ceil((nx - 1) / COARSE) + 1;
  const cy = Math.ceil((ny - 1) / COARSE) + 1;
  const cz = Math.ceil((nz - 1) / COARSE) + 1;
  const coarse = new Float32Array(cx * cy * cz);
  const h = STEP * COARSE;
  for (let i = 0; i < cx; i++)
    for (let j = 0; j < cy; j++)
      for (let k = 0; k < cz; k++)
        coarse[(i * cy + j) * cz + k] = d([min[0] + i * h, min[1] + j * h, min[2] + k * h]);
  const c = (i: number, j: number, k: number) => coarse[(i * cy + j) * cz + k]!;
  const grid = new Float32Array(nx * ny * nz);
  for (let I = 0; I + 1 < cx; I++)
    for (let J = 0; J + 1 < cy; J++)
      for (let K = 0; K + 1 < cz; K++) {
        let near = false;
        for (let q = 0; q < 8 && !near; q++)
          near = Math.abs(c(I + (q & 1), J + ((q >> 1) & 1), K + (q >> 2))) < NEAR;
        for (let a = 0; a < COARSE; a++) {
          const i = I * COARSE + a;
          if (i >= nx) break;
          for (let b = 0; b < COARSE; b++) {
            const j = J * COARSE + b;
            if (j >= ny) break;
            for (let e = 0; e < COARSE; e++) {
              const k = K * COARSE + e;
              if (k >= nz) break;
              let v: number;
              if (near) v = d([min[0] + i * STEP, min[1] + j * STEP, min[2] + k * STEP]);
              else {
                const tx = a / COARSE;
                const ty = b / COARSE;
                const tz = e / COARSE;
                const x0 = c(I, J, K) * (1 - tx) + c(I + 1, J, K) * tx;
                const x1 = c(I, J + 1, K) * (1 - tx) + c(I + 1, J + 1, K) * tx;
                const x2 = c(I, J, K + 1) * (1 - tx) + c(I + 1, J, K + 1) * tx;
                const x3 = c(I, J + 1, K + 1) * (1 - tx) + c(I + 1, J + 1, K + 1) * tx;
                v = (x0 * (1 - ty) + x1 * ty) * (1 - tz) + (x2 * (1 - ty) + x3 * ty) * tz;
              }
              grid[(i * ny + j) * nz + k] = v;
            }
          }
        }
      }
  return grid;
}

/**
 * How much of the blurred distance to use: none between the arm and the side of the chest. The
 * blur fills gaps narrower than about twice (fat + 0.8σ), and the hanging arm is 2–4 cm from
 * the chest below the armpit: blurred there, the armpit filled in 2 cm deep (a web of skin from
 * the arm to the chest). Estimate: the trunk's side at |x| ≈ 0.15 m, the armpit's top at 1.33 m.
 */
function smoothWeight(p: V3): number {
  if (p[1] < 0.8 || p[1] > 1.36) return 1;
  const ax = Math.abs(p[0]);
  const across = ax <= 0.12 ? 1 : ax >= 0.15 ? 0 : (0.15 - ax) / 0.03;
  const below = p[1] <= 0.85 ? (0.85 - p[1]) / 0.05 : p[1] >= 1.33 ? (p[1] - 1.33) / 0.03 : 0;
  return Math.min(1, Math.max(across, below));
}

/**
 * The least fat kept over any structure, metres, where the smoothed union (blur) pulls the
 * surface in: over narrow ridges (the spinous processes, the fingers) the blurred distance
 * shrinks by about σ²/2r.
 */
const COVER = 0.0015;

/**
 * The sampled distance smoothed by a binomial kernel (1 4 6 4 1)/16 along each axis (σ one
 * step, 5 mm). Subcutaneous fat and the deep fascia make the skin a smooth surface over the
 * muscles: offset from the bare union, the skin of the back showed every border of every sheet
 * of muscle (the edges of trapezius and latissimus dorsi, the fibres of the fan muscles) as a
 * ridge or a step. Blurring a distance fills hollows narrower than a few steps and rounds the
 * ridges; on a flat or gently curved surface it changes the distance by less than σ²/2r (0.1 mm
 * on the trunk).
 */
function blur(grid: Float32Array, nx: number, ny: number, nz: number): Float32Array {
  const w = [1 / 16, 4 / 16, 6 / 16, 4 / 16, 1 / 16];
  let src = grid;
  const strides = [ny * nz, nz, 1];
  const sizes = [nx, ny, nz];
  for (let axis = 0; axis < 3; axis++) {
    const dst = new Float32Array(src.length);
    const stride = strides[axis]!;
    const n = sizes[axis]!;
    for (let idx = 0; idx < src.length; idx++) {
      const i = Math.floor(idx / stride) % n;
      let acc = 0;
      for (let k = -2; k <= 2; k++) {
        const j = Math.min(n - 1, Math.max(0, i + k));
        acc += w[k + 2]! * src[idx + (j - i) * stride]!;
      }
      dst[idx] = acc;
    }
    src = dst;
  }
  return src;
}

function trilinear(grid: Float32Array, min: V3, nx: number, ny: number, nz: number, p: V3): number {
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
  // (no helper closure here: this runs tens of millions of times a build)
  const a = (i * ny + j) * nz + k;
  const sx = ny * nz;
  const c00 = grid[a]! * (1 - tx) + grid[a + sx]! * tx;
  const c10 = grid[a + nz]! * (1 - tx) + grid[a + sx + nz]! * tx;
  const c01 = grid[a + 1]! * (1 - tx) + grid[a + sx + 1]! * tx;
  const c11 = grid[a + nz + 1]! * (1 - tx) + grid[a + sx + nz + 1]! * tx;
  return (c00 * (1 - ty) + c10 * ty) * (1 - tz) + (c01 * (1 - ty) + c11 * ty) * tz;
}
