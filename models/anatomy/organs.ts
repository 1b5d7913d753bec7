/** Lungs, parietal pleura, heart and mediastinum, kidneys; the abdominal viscera as a filler. */
import { add, capsule, ellipsoid, type Primitive } from '../lib/sdf.ts';
import { P, vert, HEIGHTS } from './frame.ts';
import { cavityPrimitive } from './thorax.ts';
import type { StructureSpec } from './spec.ts';

/** Inner surface of the parietal pleura below the rib centre lines (intercostal shell 5.5 mm). */
export const PLEURA_INSET = 0.006;
/**
 * The parietal pleura is stored as the closed surface of the pleural sac (a container): the
 * pleura and pleural space are that volume less the lung. A needle that crosses the surface has
 * reached the parietal pleura. The lung lies 2.5 mm inside it.
 */
const PLEURA_THICKNESS = 0.0025;
const GAP = 0.0;

export function organSpecs(): StructureSpec[] {
  const specs: StructureSpec[] = [];
  const heart: Primitive[] = [
    ellipsoid([0.018, P.xiphoid[1] + 0.075, 0.045], [0.06, 0.06, 0.05]),
    capsule([0.0, P.sternalAngle[1] - 0.01, 0.03], [0.0, P.xiphoid[1] + 0.09, 0.035], 0.03),
    // aortic arch, trachea and oesophagus as one mediastinal column
    capsule(
      [0.0, P.jugularNotch[1] + 0.02, 0.02],
      [0.0, P.xiphoid[1] + 0.05, vert('t8').body[2] + 0.03],
      0.018,
    ),
  ];
  specs.push({ id: 'heart-and-mediastinum', prims: heart, blend: 0.02, edge: 0.006 });
  for (const side of ['left', 'right'] as const) {
    specs.push({
      id: `pleura-${side}`,
      prims: [cavityPrimitive({ inset: PLEURA_INSET, border: [12, 10, 8], side })],
      container: true,
      blend: 0,
      edge: 0.005,
    });
  }
  for (const side of ['left', 'right'] as const) {
    specs.push({
      id: `lung-${side}`,
      prims: [
        cavityPrimitive({ inset: PLEURA_INSET + PLEURA_THICKNESS + GAP, border: [10, 8, 6], side }),
      ],
      blend: 0,
      edge: 0.005,
    });
  }
  for (const side of ['left', 'right'] as const) {
    const s = side === 'left' ? 1 : -1;
    // left kidney a little higher (T12–L3), right lower under the liver; both lie in front of
    // quadratus lumborum and psoas, anterior to the tips of the transverse processes (Moore)
    const y = (side === 'left' ? vert('l1').body[1] : vert('l2').body[1]) + 0.005;
    specs.push({
      id: `kidney-${side}`,
      prims: [ellipsoid([s * 0.06, y, vert('l1').body[2] + 0.022], [0.028, 0.055, 0.02])],
      blend: 0,
      edge: 0.004,
    });
  }
  return specs;
}

/** The rest of the abdominal and pelvic cavity: built last so it only fills what is left. */
export function visceraSpec(): StructureSpec {
  // estimate: the abdominal cavity's front at about 7–8 cm in front of the spine's frame (z = 0),
  // so that the waist's depth comes out near the ANSUR II men's mean (237.8 mm, SD 34.7) with
  // the abdominal wall, 20 mm of fat and the skin in front; centred 3 cm further forward and
  // 8.5 cm deep, the waist was 346 mm deep (over three SDs above the mean)
  const c = [0, HEIGHTS.crest + 0.03, 0.005] as [number, number, number];
  return {
    id: 'abdominal-viscera',
    prims: [
      ellipsoid(c, [0.125, 0.13, 0.07]),
      // the upper abdomen (liver, stomach) fills the infrasternal angle up to the costal margin
      ellipsoid(add(c, [0, 0.115, 0.015]), [0.115, 0.085, 0.085]),
      ellipsoid([0, HEIGHTS.trochanter + 0.04, 0.02], [0.06, 0.06, 0.06]),
    ],
    blend: 0.03,
    edge: 0.007,
  };
}

/**
 * The viscera of the neck in front of the cervical spine, as one filler built last: the larynx
 * and trachea with the oesophagus behind them, from under the chin down into the thoracic inlet,
 * and the thyroid gland across the front of the trachea with its lobes beside it (Gray's
 * Anatomy; Moore). estimate: a column about 4 cm wide and 4 cm deep in front of the vertebral
 * bodies; without it the middle of the neck, between the carotid sheaths, was all fat, and a
 * needle there was shown crossing nothing but fat.
 */
export function neckVisceraSpec(): StructureSpec {
  const top = vert('c4').body[1] - 0.01;
  const bottom = P.jugularNotch[1] + 0.005;
  // the column's axis, 3.5 cm in front of the C6 vertebral body's centre
  const z = vert('c6').body[2] + 0.035;
  return {
    id: 'neck-viscera',
    prims: [
      capsule([0, bottom, z], [0, top, z], 0.02),
      ellipsoid([0, bottom + 0.035, z + 0.01], [0.03, 0.022, 0.015]),
    ],
    blend: 0.01,
    edge: 0.004,
  };
}
