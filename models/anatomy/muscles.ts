/**
 * Muscles, each lofted from its origin to its insertion on the generated bones (attachments from
 * Gray's Anatomy 42nd ed. and Moore, Clinically Oriented Anatomy 8th ed.). A muscle is a family of
 * fibres: tapered tubes from points along the origin to points along the insertion, thick at the
 * belly and thin at the tendons. Before meshing, each fibre is pushed out of everything deeper
 * (bones, organs, muscles of a deeper layer), so superficial muscles wrap over deep ones, in their
 * layer. The fibre directions are kept for the viewer's fibre shading.
 */
import {
  add,
  capsule,
  len,
  lerp3,
  norm,
  scale,
  sub,
  Shape,
  type Primitive,
  type V3,
} from '../lib/sdf.ts';
import { P, SPINE, vert, sided, HEIGHTS, type VertebraName } from './frame.ts';
import { ribRing } from './ribs.ts';
import { intercostalPrimitive } from './thorax.ts';
import { boneSpecs } from './bones.ts';
import { organSpecs, visceraSpec } from './organs.ts';
import { MUSCLES } from '../structures.ts';
import { paraspinal, PARASPINAL_STEMS } from './paraspinal.ts';
import type { StructureSpec } from './spec.ts';

interface FanDef {
  /** Points along the origin (a polyline; fibres spread evenly along it). */
  origin: V3[];
  /** Points along the insertion. */
  insertion: V3[];
  /** Belly half-thickness, metres. */
  belly: number;
  /** Tendon radius at the ends, metres. */
  tendon?: number;
  /** Offset of the fibre middles (e.g. to arch over a joint), metres. */
  bulge?: V3;
  /** Number of fibres (default from the width). */
  n?: number;
  /**
   * Points the fibres pass through at mid-length (a polyline, spread like the origin): the fibres
   * are then quadratic curves, for a muscle that wraps around a part of the body (the upper
   * trapezius round the back of the neck) rather than cutting the chord across it.
   */
  via?: V3[];
  /** Fibre radius at the origin, metres (default `tendon`): a fleshy origin, not a tendon. */
  originRadius?: number;
  /**
   * Belly multipliers across the fan, from the first fibre to the last (linearly interpolated):
   * a thicker free border.
   */
  across?: number[];
  /** Clearance kept from the deeper layer, as a fraction of the fibre radius (default 0.85). */
  clearance?: number;
  /** Samples along each fibre (default 12). */
  samples?: number;
  /**
   * The side the muscle lies on, as the direction a fibre point moves out of the deeper layer,
   * and how far along the fibres (0–1) it applies: a fibre point under deeper tissue in that
   * direction is first moved out past it, then wrapped. The gradient alone can push a point
   * buried in a thin layer (the costal cartilages, pectoralis minor) out of its inner face, so
   * the fibre runs under it.
   */
  lay?: {
    dir?: V3;
    /**
     * Instead of one direction: straight out, horizontally, from a vertical axis through (x, z)
     * (the side of the trunk is laid from its middle, not from behind).
     */
    axis?: [number, number];
    to: number;
    /** How far out to look for deeper tissue, metres (default LAY_REACH). */
    reach?: number;
    /**
     * Also bring in a point that stands off the deeper tissue (a straight fibre bridging a hollow)
     * until it lies on it, moving at most this far, metres.
     */
    drape?: number;
    /**
     * Lay onto the abdominal viscera too (meshed after the muscles, so otherwise not among the
     * tissues a muscle is laid on), and not onto the hanging arm.
     */
    ontoViscera?: boolean;
    /**
     * Lay onto the trunk only: the hanging arm is left out of the deeper tissue (laid round the
     * side of the trunk, a fibre would otherwise be put outside the arm).
     */
    trunkOnly?: boolean;
  };
}

type MuscleDef = FanDef[];

const sp = (v: VertebraName): V3 => vert(v).spinous;
const tp = (v: VertebraName): V3 => vert(v).transverse;
const body = (v: VertebraName): V3 => vert(v).body;
const m = (a: V3, b: V3, t = 0.5): V3 => lerp3(a, b, t);
const o = (p: V3, d: V3): V3 => add(p, d);
const range = (names: VertebraName[], f: (v: VertebraName) => V3) => names.map(f);
const T = (a: number, b: number): VertebraName[] =>
  Array.from({ length: b - a + 1 }, (_, i) => `t${a + i}` as VertebraName);
const C = (a: number, b: number): VertebraName[] =>
  Array.from({ length: b - a + 1 }, (_, i) => `c${a + i}` as VertebraName);
const L = (a: number, b: number): VertebraName[] =>
  Array.from({ length: b - a + 1 }, (_, i) => `l${a + i}` as VertebraName);

/**
 * Fibre radii of the thin sheets between the spine and the scapula, metres. By ultrasound near the
 * medial border of the scapula in 21 young men, trapezius is 4.9 ± 1.0 mm thick and rhomboid
 * 6.3 ± 2.3 mm (Hung D et al., J Clin Ultrasound 2011;39:78–82); another study of 60 young men
 * measured the middle trapezius at 8.0 ± 1.6 mm (Dehghan Manshadi F et al., J Mazandaran Univ Med
 * Sci 2017;27:148–153): the sources differ by site and method. A sheet of fibres of radius r is
 * 2r thick before meshing, which takes off about 1 mm on each side (the simplification inset):
 * estimate, 6 and 6.8 mm raw, about 5 and 6 mm meshed.
 */
const TRAPEZIUS_SHEET = 0.003;
/**
 * How far those sheets are brought in onto the tissue under them, metres: straight from the
 * spinous processes to the scapula, rhomboid major bridged the groove over the ribs and left 8 mm
 * of nothing (read as fat) between it and the rib, 4.4 cm from the midline at T5, where the
 * published skin-to-rib depth is 21–27 mm (Ann Rehabil Med 2014;38(1):72–76).
 */
const SHEET_DRAPE = 0.012;
const RHOMBOID_SHEET = 0.0034;

/** Left-side definitions; the right side mirrors them. */
function definitions(): Record<string, MuscleDef> {
  const sh = P.shoulder;
  const el = P.elbow;
  const wr = P.wrist;
  const knee = P.knee;
  const gt = P.greaterTrochanter;
  const it = P.ischialTuberosity;
  const crest = P.iliacCrestTop;
  const inion = P.inion;
  const clavLat = P.clavicleLateral;
  const clavMed = P.clavicleMedial;
  const spineOfScap = (t: number) =>
    o(m(P.rootOfSpine, o(P.acromion, [-0.02, 0, -0.012]), t), [0, 0.004 * t, -0.012]);
  const medialBorder = (t: number) => m(P.rootOfSpine, P.inferiorAngle, t);
  const humerusAt = (t: number, d: V3 = [0, 0, 0]) => o(m(sh, el, t), d);
  const femurAt = (t: number, d: V3 = [0, 0, 0]) => o(m(P.hip, knee, t), d);
  const tibiaAt = (t: number, d: V3 = [0, 0, 0]) => o(m(knee, P.ankle, t), d);
  const forearmAt = (t: number, d: V3 = [0, 0, 0]) => o(m(el, wr, t), d);
  const heel = P.calcaneusPosterior;
  const skullSide = (y: number, z: number): V3 => [0.068, P.tragion[1] + y, z];
  return {
    temporalis: [
      {
        origin: [
          skullSide(0.08, -0.035),
          skullSide(0.09, 0.0),
          skullSide(0.075, 0.04),
          skullSide(0.045, 0.055),
        ],
        insertion: [
          o(P.angleOfMandible, [0.0, 0.05, 0.032]),
          o(P.angleOfMandible, [0.0, 0.055, 0.038]),
        ],
        belly: 0.004,
        tendon: 0.004,
      },
    ],
    masseter: [
      {
        origin: [o(P.zygoma, [0.006, -0.006, -0.01]), o(P.tragion, [-0.004, -0.008, 0.018])],
        insertion: [
          o(P.angleOfMandible, [0.004, 0.004, 0.006]),
          o(P.angleOfMandible, [0.0, 0.012, 0.03]),
        ],
        belly: 0.007,
        tendon: 0.005,
      },
    ],
    sternocleidomastoid: [
      {
        origin: [o(P.mastoid, [0.004, 0.004, 0.0]), o(P.mastoid, [-0.012, 0.01, -0.02])],
        insertion: [
          o(P.jugularNotch, [0.012, -0.006, 0.006]),
          o(m(clavMed, clavLat, 0.3), [0, 0.006, 0.0]),
        ],
        // the belly crosses the side of the neck superficially, over the carotid sheath (the
        // common carotid artery and internal jugular vein lie under its anterior border: Moore;
        // Gray's Anatomy): the sternal head at mid-neck in front of the vein, the clavicular head
        // lateral to it. The straight line from the mastoid to the sternum ran through the vessels,
        // which are built first, and the muscle was left a thin cord among them.
        via: [
          [0.034, m(P.mastoid, P.jugularNotch)[1], 0.047],
          [0.056, m(P.mastoid, P.jugularNotch)[1], 0.026],
        ],
        belly: 0.0075,
        tendon: 0.004,
        n: 5,
      },
    ],
    scalenes: [
      {
        origin: range(C(3, 6), (v) => o(tp(v), [0.004, 0, 0.004])),
        insertion: [ribRing(1, 1.85), ribRing(1, 1.35), ribRing(2, 1.2)],
        belly: 0.0065,
        tendon: 0.004,
        n: 5,
      },
    ],
    'suboccipital-muscles': [
      {
        origin: [o(sp('c2'), [0.004, 0.004, 0.0]), o(tp('c1'), [0, 0.004, -0.01])],
        insertion: [o(inion, [0.02, -0.02, 0.02]), o(inion, [0.045, -0.022, 0.035])],
        belly: 0.006,
        tendon: 0.004,
        n: 4,
      },
    ],
    // Semispinalis capitis: from the tips of the transverse processes of C7 and T1–T6 and the
    // articular processes of C4–C6, up beside the ligamentum nuchae to the medial part of the
    // occipital bone between the superior and inferior nuchal lines; it lies under splenius
    // capitis and trapezius and over the suboccipital triangle and semispinalis cervicis (Gray's
    // Anatomy 1918, The Muscles of the Back, fourth layer; Moore, Clinically Oriented Anatomy 8th
    // ed.). Without it the needle to the suboccipital muscles crossed 17 mm of filler under the
    // trapezius. The articular processes are taken a third of the way from the transverse process
    // to the spinous process; its medial border 5 mm from the midline at the occiput, and its
    // insertion fleshy (5 mm fibres) on the bone 6–9 mm below the inion: estimates.
    'semispinalis-capitis': [
      {
        origin: [
          ...range(C(4, 6), (v) => o(m(tp(v), sp(v), 0.33), [0, 0, -0.004])),
          ...range(['c7', ...T(1, 6)] as VertebraName[], (v) => tp(v)),
        ],
        insertion: [o(inion, [0.006, -0.006, 0.006]), o(inion, [0.036, -0.009, 0.014])],
        belly: 0.0075,
        tendon: 0.005,
        originRadius: 0.003,
        lay: { dir: [0, 0, -1], to: 1 },
        n: 6,
        samples: 14,
      },
    ],
    'splenius-capitis': [
      {
        origin: [o(sp('c4'), [0.004, 0, 0.004]), sp('c7'), sp('t1'), sp('t3')],
        insertion: [o(P.mastoid, [0.002, 0.01, -0.006]), o(inion, [0.04, 0.0, 0.01])],
        belly: 0.0045,
        tendon: 0.003,
      },
    ],
    'levator-scapulae': [
      {
        origin: range(C(1, 4), (v) => tp(v)),
        // on the dorsal lip of the medial border (serratus anterior takes the costal lip:
        // Moore), so the tendon lies behind the bone, not cut into it by the scapula; the 5 mm
        // offset behind the border point is an estimate
        insertion: [P.superiorAngle, m(P.superiorAngle, P.rootOfSpine, 0.7)].map((p) =>
          o(p, [0, 0, -0.005]),
        ),
        belly: 0.0075,
        tendon: 0.004,
        n: 4,
      },
    ],
    // The upper (descending) trapezius: from the external occipital protuberance, the medial
    // third of the superior nuchal line and the ligamentum nuchae (which runs from the
    // protuberance to the C7 spinous process behind the cervical spinous processes) to the
    // posterior border of the lateral third of the clavicle and the acromion (Gray's Anatomy
    // 42nd ed.; Moore, Clinically Oriented Anatomy 8th ed.). It is the most superficial muscle of
    // the back of the neck, over splenius, levator scapulae and the scalenes, and makes the
    // rounded neck-shoulder slope: the fibres wrap round the back of the neck (`via`) instead of
    // cutting across it. Its free anterior border, the one grasped in a pincer palpation, is the
    // thickest part (Travell & Simons, Myofascial Pain and Dysfunction, vol. 1, 2nd ed., ch. 6).
    'trapezius-upper': [
      {
        origin: [
          o(inion, [0.032, -0.004, 0.01]),
          o(inion, [0.006, -0.002, -0.002]),
          // the ligamentum nuchae's free border: the line from the inion to the C7 spinous tip
          ...[0.3, 0.55, 0.8].map((t) => o(m(inion, sp('c7'), t), [0.004, 0, 0])),
          o(sp('c7'), [0.004, 0.002, 0]),
        ],
        // estimate: the posterolateral surface of the neck and the top of the shoulder, about
        // halfway along each fibre (the wrap then lays the fibres on the muscles beneath)
        via: [
          [0.056, 1.556, -0.058],
          [0.07, 1.525, -0.07],
          [0.09, 1.485, -0.078],
          [0.11, 1.462, -0.072],
        ],
        insertion: [
          o(m(clavMed, clavLat, 0.62), [0, 0.007, -0.002]),
          o(m(clavMed, clavLat, 0.82), [0, 0.007, -0.005]),
          o(clavLat, [0, 0.007, -0.007]),
          o(P.acromion, [0, 0.007, 0]),
        ],
        belly: 0.0055,
        tendon: 0.003,
        originRadius: 0.0035,
        // estimate: the anterior border about 1.6 × the sheet's thickness, tapering over the
        // first fifth of the fan (Travell & Simons: a thick fold between the fingers)
        across: [1.6, 1.05, 0.95, 0.95, 0.95, 0.95],
        clearance: 1,
        n: 16,
        samples: 14,
      },
    ],
    // The middle (transverse) and lower (ascending) trapezius and the rhomboids are flat sheets,
    // not cords: the middle part from the spinous processes of T1–T4 to the medial margin of the
    // acromion and the upper lip of the spine of the scapula, the lower part from T5–T12 to the
    // tubercle at the medial end of the spine (Gray's Anatomy 42nd ed.; Moore, Clinically
    // Oriented Anatomy 8th ed.). Their origins are aponeurotic but thin, so each fibre starts
    // fleshy and close to its neighbour; they are laid from behind onto the rhomboids, the
    // erector spinae and the scapula, so the sheet covers the back rather than parting round the
    // muscles beneath. Thickness, estimate: a sheet of about 4–5 mm between the scapulae
    // (trapezius 4.9 mm, rhomboid 6.3 mm in men: ultrasound study of 55 adults, Journal of
    // Clinical Ultrasound, in ../shared/reference/depth-targets.md).
    'trapezius-middle': [
      {
        origin: range(T(1, 4), (v) => o(sp(v), [0.004, 0, -0.002])),
        insertion: [
          spineOfScap(0.3),
          spineOfScap(0.55),
          spineOfScap(0.8),
          o(P.acromion, [-0.01, 0.003, -0.008]),
        ],
        belly: TRAPEZIUS_SHEET,
        tendon: 0.0028,
        originRadius: 0.0028,
        lay: { dir: [0, 0, -1], to: 0.6, drape: SHEET_DRAPE },
        n: 28,
        samples: 14,
      },
    ],
    'trapezius-lower': [
      {
        origin: range(T(5, 12), (v) => o(sp(v), [0.004, 0, -0.002])),
        insertion: [spineOfScap(0.02), spineOfScap(0.3)],
        belly: TRAPEZIUS_SHEET,
        tendon: 0.0026,
        originRadius: 0.0028,
        lay: { dir: [0, 0, -1], to: 1, drape: SHEET_DRAPE },
        n: 42,
        samples: 16,
      },
    ],
    'rhomboid-minor': [
      {
        origin: [o(sp('c7'), [0.004, 0, 0]), o(sp('t1'), [0.004, 0, 0])],
        insertion: [o(P.rootOfSpine, [0.002, 0.012, 0.002]), o(P.rootOfSpine, [0, -0.002, 0.002])],
        belly: RHOMBOID_SHEET,
        tendon: 0.0028,
        originRadius: 0.003,
        lay: { dir: [0, 0, -1], to: 1, drape: SHEET_DRAPE },
        n: 7,
        samples: 12,
      },
    ],
    'rhomboid-major': [
      {
        origin: range(T(2, 5), (v) => o(sp(v), [0.004, 0, 0])),
        insertion: [medialBorder(0.08), medialBorder(0.5), medialBorder(0.95)],
        belly: RHOMBOID_SHEET,
        tendon: 0.0028,
        originRadius: 0.003,
        lay: { dir: [0, 0, -1], to: 1, drape: SHEET_DRAPE },
        n: 22,
        samples: 12,
      },
    ],
    supraspinatus: [
      {
        origin: [
          o(P.superiorAngle, [0.005, -0.006, 0.0]),
          o(spineOfScap(0.1), [0.0, 0.014, 0.008]),
          o(spineOfScap(0.5), [0, 0.016, 0.012]),
        ],
        insertion: [
          o(P.greaterTubercle, [-0.004, 0.016, -0.006]),
          o(P.greaterTubercle, [-0.006, 0.018, 0.004]),
        ],
        belly: 0.009,
        tendon: 0.004,
        bulge: [0, 0.004, 0],
      },
    ],
    infraspinatus: [
      {
        origin: [medialBorder(0.15), medialBorder(0.55), medialBorder(0.9)].map((p) =>
          o(p, [0.012, 0, 0.004]),
        ),
        insertion: [
          o(P.greaterTubercle, [0.002, 0.002, -0.016]),
          o(P.greaterTubercle, [0.004, -0.01, -0.014]),
        ],
        belly: 0.008,
        tendon: 0.004,
        // fleshy from the whole infraspinous fossa (Gray's Anatomy): the fibres start thick and
        // close, so the medial edge is one border, not a row of separate tendons
        originRadius: 0.0065,
        n: 18,
      },
    ],
    'teres-minor': [
      {
        origin: [m(P.inferiorAngle, P.glenoid, 0.35), m(P.inferiorAngle, P.glenoid, 0.65)].map(
          (p) => o(p, [0, 0, -0.006]),
        ),
        insertion: [o(P.greaterTubercle, [0.0, -0.02, -0.016])],
        belly: 0.0065,
        tendon: 0.004,
      },
    ],
    'teres-major': [
      {
        origin: [
          o(P.inferiorAngle, [0.004, 0.004, -0.004]),
          o(P.inferiorAngle, [0.01, 0.02, -0.002]),
        ],
        insertion: [humerusAt(0.18, [-0.012, 0, 0.008]), humerusAt(0.24, [-0.012, 0, 0.008])],
        belly: 0.009,
        tendon: 0.004,
      },
    ],
    subscapularis: [
      {
        origin: [medialBorder(0.0), medialBorder(0.5), medialBorder(1.0)].map((p) =>
          o(p, [0.006, 0, 0.012]),
        ),
        insertion: [o(sh, [-0.012, 0.004, 0.02]), o(sh, [-0.01, -0.01, 0.02])],
        belly: 0.0065,
        tendon: 0.004,
      },
    ],
    // Latissimus dorsi: a broad sheet from the spinous processes of T7–T12 (under the lower
    // trapezius), the thoracolumbar fascia and the back of the iliac crest, converging round the
    // lower border of teres major on the floor of the intertubercular groove (Gray's Anatomy
    // 42nd ed.; Moore). In the lumbar region its fleshy fibres begin at about the lateral border
    // of the erector spinae, medial to which the origin is the aponeurosis (the posterior layer
    // of the thoracolumbar fascia, not modelled as a separate structure); its slips from the
    // lowest ribs are not modelled. The fibres are laid outward from the middle of the trunk
    // over the erector spinae, the ribs and the inferior angle of the scapula: a straight fibre
    // from the spine to the humerus cuts through the chest, and fibres wrapped only along the
    // gradient sank into the erector spinae and showed as a scatter of specks.
    'latissimus-dorsi': [
      {
        origin: [
          ...range(T(7, 12), (v) => o(sp(v), [0.004, 0, -0.002])),
          o(vert('l1').transverse, [0.03, 0, -0.04]),
          o(vert('l3').transverse, [0.035, 0, -0.04]),
          o(P.psis, [0.045, 0.045, 0.01]),
          o(crest, [-0.03, 0.005, -0.04]),
          o(crest, [-0.012, 0.008, -0.03]),
        ],
        insertion: [humerusAt(0.22, [-0.006, 0, 0.014]), humerusAt(0.16, [-0.006, 0, 0.014])],
        belly: 0.004,
        tendon: 0.0025,
        originRadius: 0.0032,
        // estimate: a thin lateral free border over the flank
        across: [0.9, 1, 1, 1, 1, 0.8, 0.5],
        lay: { axis: [0, -0.01], to: 0.7, reach: 0.07, trunkOnly: true },
        clearance: 1.15,
        n: 90,
        samples: 16,
      },
    ],
    'serratus-anterior': [
      {
        // (estimate: the middle digitations arise about 65° round from the front, in front of the
        // midaxillary line; at 70° the lowered 6th–7th ribs left the muscle's front edge bare)
        origin: [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => ribRing(n, n < 3 ? 1.9 : 2.18 - n * 0.03)),
        insertion: [medialBorder(-0.15), medialBorder(0.4), medialBorder(1.0)].map((p) =>
          o(p, [0.004, 0, 0.014]),
        ),
        belly: 0.004,
        tendon: 0.003,
        // the digitations arise on the ribs' outer surfaces and the muscle lies on the chest
        // wall (Gray's Anatomy): laid out from the trunk's axis over the ribs and intercostal
        // layer. Wrapped along the gradient, points on a rib's centre line went out of the
        // band's nearer, inner face, and the muscle was cut down to 8 cm³ inside the chest wall.
        // Only the lateral part: near the scapula it lies under the bone and subscapularis.
        lay: { axis: [0, 0], to: 0.6 },
        // 36 fibres (the default's cap) left slits of intercostal showing between them
        n: 48,
      },
    ],
    // Pectoralis major: one fan from the anterior surface of the medial half of the clavicle, the
    // anterior surface of the sternum and the first six costal cartilages (and the external oblique
    // aponeurosis) converging on the lateral lip of the intertubercular (bicipital) groove; its
    // lower border makes the anterior axillary fold (Gray's Anatomy 42nd ed.; Moore, Clinically
    // Oriented Anatomy 8th ed.). The origin is fleshy, not tendinous, and the fibres lie close
    // enough to join into one sheet: with 18 fibres tapering to 3.5 mm at the sternum the sheet
    // fell apart into slips over the ribs and read as serratus anterior.
    'pectoralis-major': [
      {
        // lateral to medial along the clavicle, then down the sternum: the fibres keep their order
        // from the origin to the insertion, so none crosses back over another
        origin: [
          o(m(clavMed, clavLat, 0.5), [0, 0, 0.008]),
          o(m(clavMed, clavLat, 0.05), [0, 0, 0.008]),
          o(P.jugularNotch, [0.01, -0.02, 0.006]),
          o(P.sternalAngle, [0.012, 0, 0.006]),
          o(P.xiphoid, [0.015, 0.02, 0.004]),
          ribRing(6, 2.75),
        ],
        insertion: [humerusAt(0.12, [0.008, 0, 0.018]), humerusAt(0.2, [0.008, 0, 0.016])],
        // estimate: a sheet about 9–10 mm thick at the sternum and over the 2nd intercostal space
        // (with the 1.2 mm inset and the wrap's 15 % overlap cut away), 15 mm at the lower
        // border, the fibres about 8 mm apart; thicker, the skin-to-pleura depth of the 2nd space
        // moved away from the published median (31 mm, Wax & Leibowitz 2007,
        // tests/models/body.test.ts)
        belly: 0.0068,
        tendon: 0.0035,
        originRadius: 0.0045,
        // the most anterior muscle of the chest and of the front wall of the axilla: laid from the
        // front (straight forward, not along the gradient, which parted the fibres at the rib
        // ends) over the chest wall, pectoralis minor and, near its tendon, the short head of
        // biceps (Moore)
        lay: { dir: [0, 0, 1], to: 0.9 },
        // estimate: the clavicular and upper sternal fibres thinner (they cross the 2nd
        // intercostal space), the lower border rolled into the thicker anterior axillary fold
        across: [0.6, 0.6, 0.64, 0.95, 1.1, 1.35],
        n: 50,
        samples: 16,
      },
    ],
    'pectoralis-minor': [
      {
        origin: [ribRing(3, 2.5), ribRing(4, 2.45), ribRing(5, 2.4)],
        insertion: [P.coracoid],
        belly: 0.005,
        tendon: 0.004,
      },
    ],
    deltoid: [
      {
        origin: [
          o(m(clavMed, clavLat, 0.65), [0, 0.004, 0.008]),
          o(clavLat, [0.004, 0.006, 0.008]),
          o(P.acromion, [0.01, 0.006, 0.0]),
          o(P.acromion, [0.0, 0.006, -0.02]),
          spineOfScap(0.65),
          spineOfScap(0.35),
        ],
        insertion: [humerusAt(0.38, [0.012, 0, 0.002]), humerusAt(0.42, [0.012, 0, -0.002])],
        belly: 0.011,
        tendon: 0.005,
        n: 14,
        bulge: [0.012, 0, 0],
      },
    ],
    'biceps-brachii': [
      {
        origin: [o(P.coracoid, [0, -0.006, 0.004]), o(P.glenoid, [0.004, 0.02, 0.01])],
        insertion: [forearmAt(0.12, [0.006, 0, 0.01])],
        belly: 0.016,
        tendon: 0.0035,
        bulge: [0.0, 0.0, 0.015],
        n: 3,
      },
    ],
    'triceps-brachii': [
      {
        origin: [
          o(P.glenoid, [-0.004, -0.03, -0.01]),
          humerusAt(0.25, [0.006, 0, -0.012]),
          humerusAt(0.35, [-0.008, 0, -0.012]),
        ],
        insertion: [o(el, [-0.012, 0.012, -0.026])],
        belly: 0.015,
        tendon: 0.005,
        bulge: [0, 0, -0.018],
        n: 4,
      },
    ],
    brachioradialis: [
      {
        origin: [humerusAt(0.72, [0.014, 0, 0.0]), humerusAt(0.82, [0.016, 0, 0.0])],
        insertion: [o(wr, [0.02, 0.01, 0.004])],
        belly: 0.011,
        tendon: 0.003,
        bulge: [0.008, 0.03, 0.006],
        n: 3,
      },
    ],
    'extensor-carpi-radialis-longus': [
      {
        origin: [humerusAt(0.86, [0.018, 0, -0.004]), humerusAt(0.92, [0.02, 0, -0.004])],
        insertion: [o(wr, [0.008, -0.035, -0.012])],
        belly: 0.0075,
        tendon: 0.0025,
        bulge: [0.006, 0.02, -0.006],
        n: 3,
      },
    ],
    'extensor-carpi-radialis-brevis': [
      {
        origin: [o(el, [0.026, 0.004, -0.006])],
        insertion: [o(wr, [0.0, -0.035, -0.012])],
        belly: 0.007,
        tendon: 0.0025,
        bulge: [0.004, 0.0, -0.01],
        n: 2,
      },
    ],
    'extensor-digitorum': [
      {
        origin: [o(el, [0.024, -0.004, -0.012])],
        insertion: [o(wr, [-0.006, -0.04, -0.012]), o(wr, [0.006, -0.04, -0.012])],
        belly: 0.0075,
        tendon: 0.0025,
        bulge: [-0.004, 0, -0.012],
        n: 3,
      },
    ],
    'abdominal-wall': [
      {
        origin: [
          o(P.pubicSymphysis, [0.012, 0.015, 0.0]),
          o(P.asis, [-0.01, 0.0, 0.0]),
          o(crest, [0.0, 0.0, 0.03]),
        ],
        // rectus abdominis up onto the fronts of the 5th–7th costal cartilages and the xiphoid
        // (Gray's Anatomy; Moore), the obliques to the lower ribs: ending at the 7th cartilage,
        // the wall left the upper 2–3 cm of the infrasternal angle to the fat
        insertion: [
          o(P.xiphoid, [0.012, 0.0, 0.006]),
          ribRing(6, 2.85),
          ribRing(5, 2.65),
          ribRing(9, 2.2),
          ribRing(10, 1.95),
          ribRing(11, 1.6),
        ],
        belly: 0.006,
        tendon: 0.004,
        // laid from the front onto the abdominal cavity and the costal margin, and brought in
        // onto them where a straight fibre would bridge over the cavity: raised on a forward
        // bulge of 8 cm, the wall stood 4–7 cm in front of the viscera (a needle through it met
        // that much "connective tissue" before the peritoneal cavity) and the waist was 346 mm
        // deep (ANSUR II men's mean 237.8 mm)
        lay: { axis: [0, 0], to: 1, drape: 0.08, ontoViscera: true },
        // 20 fibres left gaps between them below the costal margin
        n: 28,
      },
    ],
    'quadratus-lumborum': [
      {
        origin: [o(crest, [-0.045, 0.0, -0.012]), o(crest, [-0.075, -0.004, -0.02])],
        insertion: [ribRing(12, 0.7), ...range(L(1, 4), (v) => o(tp(v), [0.0, 0, 0.012]))],
        belly: 0.009,
        tendon: 0.005,
        n: 6,
      },
    ],
    // the erector spinae and multifidus are masses in the groove beside the spine
    // (paraspinal.ts); the longissimus also has its capitis part, from the transverse processes
    // of the upper thoracic vertebrae to the back of the mastoid process under splenius capitis
    // and sternocleidomastoid (Gray's Anatomy)
    iliocostalis: [],
    longissimus: [
      {
        origin: range(['t1', 't2', 't3'], (v) => o(tp(v), [-0.006, 0, -0.006])),
        insertion: [o(P.mastoid, [0, -0.004, -0.01]), o(P.mastoid, [-0.004, 0.002, -0.014])],
        belly: 0.0045,
        tendon: 0.003,
        n: 3,
      },
    ],
    multifidus: [],
    'gluteus-maximus': [
      {
        origin: [
          o(crest, [-0.06, 0.004, -0.04]),
          o(P.psis, [0.004, 0.01, -0.01]),
          o(P.psis, [-0.02, -0.04, -0.012]),
          [0.02, HEIGHTS.trochanter + 0.02, -0.11],
        ],
        insertion: [o(gt, [0.006, -0.04, -0.012]), femurAt(0.22, [0.024, 0, -0.018])],
        belly: 0.016,
        tendon: 0.006,
        bulge: [0.0, 0.0, -0.03],
        n: 12,
      },
    ],
    'gluteus-medius': [
      {
        origin: [
          o(crest, [-0.045, -0.01, -0.04]),
          o(crest, [0.0, -0.012, 0.0]),
          o(P.asis, [0.004, -0.012, -0.02]),
        ],
        insertion: [o(gt, [0.008, 0.01, -0.004]), o(gt, [0.008, 0.0, 0.012])],
        belly: 0.012,
        tendon: 0.006,
        n: 9,
      },
    ],
    'gluteus-minimus': [
      {
        origin: [o(crest, [-0.03, -0.04, -0.02]), o(P.asis, [-0.004, -0.03, -0.02])],
        insertion: [o(gt, [0.0, 0.015, 0.012])],
        belly: 0.008,
        tendon: 0.005,
        n: 6,
      },
    ],
    piriformis: [
      {
        origin: [
          o(SPINE[23]!.body, [0.03, -0.07, -0.03]),
          o(SPINE[23]!.body, [0.028, -0.1, -0.045]),
        ],
        insertion: [o(gt, [-0.01, 0.02, -0.006])],
        belly: 0.009,
        tendon: 0.004,
        n: 3,
      },
    ],
    'tensor-fasciae-latae': [
      {
        origin: [o(P.asis, [0.004, -0.004, 0.0]), o(P.asis, [0.016, -0.006, -0.02])],
        insertion: [femurAt(0.32, [0.05, 0, 0.01])],
        belly: 0.009,
        tendon: 0.004,
        n: 3,
      },
    ],
    iliopsoas: [
      {
        origin: [
          ...range(['t12', 'l2', 'l4'], (v) => o(body(v), [0.03, 0, 0.0])),
          o(crest, [-0.03, -0.02, 0.03]),
          o(P.asis, [-0.02, 0.02, -0.02]),
        ],
        insertion: [femurAt(0.12, [-0.006, 0, 0.004])],
        belly: 0.014,
        tendon: 0.006,
        bulge: [0.0, 0.0, 0.02],
        n: 6,
      },
    ],
    'rectus-femoris': [
      {
        origin: [o(P.asis, [-0.012, -0.035, -0.006])],
        insertion: [o(P.patella, [0, 0.028, 0.0])],
        belly: 0.017,
        tendon: 0.005,
        bulge: [0, 0, 0.02],
        n: 2,
      },
    ],
    'vastus-lateralis': [
      {
        origin: [
          o(gt, [0.0, -0.03, 0.005]),
          femurAt(0.4, [0.022, 0, -0.01]),
          femurAt(0.7, [0.018, 0, -0.012]),
        ],
        insertion: [o(P.patella, [0.014, 0.02, -0.006])],
        belly: 0.018,
        tendon: 0.006,
        bulge: [0.02, 0, 0.0],
        n: 5,
      },
    ],
    'vastus-medialis': [
      {
        origin: [femurAt(0.3, [-0.014, 0, -0.004]), femurAt(0.75, [-0.02, 0, -0.004])],
        insertion: [o(P.patella, [-0.016, 0.006, -0.004])],
        belly: 0.017,
        tendon: 0.006,
        bulge: [-0.02, -0.06, 0.01],
        n: 4,
      },
    ],
    'biceps-femoris': [
      {
        origin: [o(it, [0.006, -0.006, -0.004]), femurAt(0.55, [0.01, 0, -0.02])],
        insertion: [o(P.fibularHead, [0.002, 0.006, -0.006])],
        belly: 0.014,
        tendon: 0.005,
        bulge: [0.01, 0, -0.02],
        n: 3,
      },
    ],
    semitendinosus: [
      {
        origin: [o(it, [0.0, -0.008, -0.008])],
        insertion: [tibiaAt(0.16, [-0.028, 0, 0.004])],
        belly: 0.012,
        tendon: 0.004,
        bulge: [-0.008, 0, -0.028],
        n: 2,
      },
    ],
    semimembranosus: [
      {
        origin: [o(it, [0.008, 0.0, 0.002])],
        insertion: [o(knee, [-0.03, -0.012, -0.022])],
        belly: 0.014,
        tendon: 0.005,
        bulge: [-0.012, 0, -0.016],
        n: 2,
      },
    ],
    'adductor-longus': [
      {
        origin: [o(P.pubicSymphysis, [0.022, -0.01, -0.01])],
        insertion: [femurAt(0.45, [-0.008, 0, -0.012]), femurAt(0.62, [-0.006, 0, -0.012])],
        belly: 0.012,
        tendon: 0.005,
        n: 3,
      },
    ],
    'adductor-magnus': [
      {
        origin: [o(P.pubicSymphysis, [0.03, -0.045, -0.03]), o(it, [-0.008, -0.004, 0.0])],
        insertion: [
          femurAt(0.35, [-0.004, 0, -0.014]),
          femurAt(0.7, [-0.008, 0, -0.016]),
          o(knee, [-0.03, 0.05, -0.01]),
        ],
        belly: 0.016,
        tendon: 0.006,
        n: 6,
      },
    ],
    gastrocnemius: [
      {
        origin: [o(knee, [-0.024, 0.03, -0.03]), o(knee, [0.024, 0.03, -0.03])],
        insertion: [tibiaAt(0.55, [0.0, 0, -0.05]), tibiaAt(0.6, [0.006, 0, -0.05])],
        belly: 0.017,
        tendon: 0.006,
        bulge: [0, 0.02, -0.028],
        n: 4,
      },
      {
        origin: [tibiaAt(0.55, [0.003, 0, -0.05])],
        insertion: [o(heel, [0, 0.02, 0.0])],
        belly: 0.006,
        tendon: 0.005,
        n: 2,
      },
    ],
    soleus: [
      {
        origin: [o(P.fibularHead, [-0.004, -0.01, -0.014]), tibiaAt(0.3, [-0.006, 0, -0.018])],
        insertion: [o(heel, [0, 0.05, 0.012])],
        belly: 0.016,
        tendon: 0.005,
        bulge: [0, 0.04, -0.014],
        n: 4,
      },
    ],
    'tibialis-anterior': [
      {
        origin: [tibiaAt(0.12, [0.02, 0, 0.01]), tibiaAt(0.45, [0.018, 0, 0.012])],
        insertion: [o(P.medialMalleolus, [0.01, -0.02, 0.05])],
        belly: 0.011,
        tendon: 0.003,
        n: 3,
      },
    ],
    'fibularis-longus': [
      {
        origin: [
          o(P.fibularHead, [0.006, -0.01, 0.002]),
          o(m(P.fibularHead, P.lateralMalleolus, 0.4), [0.008, 0, 0.0]),
        ],
        insertion: [o(P.lateralMalleolus, [0.002, 0.02, -0.014])],
        belly: 0.009,
        tendon: 0.003,
        n: 3,
      },
    ],
    'plantar-muscles': [
      {
        origin: [o(heel, [-0.01, -0.015, 0.02]), o(heel, [0.01, -0.015, 0.02])],
        insertion: [
          o(P.firstMetatarsalHead, [0, -0.012, 0.0]),
          o(P.fifthMetatarsalHead, [-0.01, -0.01, 0.0]),
        ],
        belly: 0.008,
        tendon: 0.004,
        n: 5,
      },
    ],
  };
}

/** Evenly spaced points along a polyline. */
function resample(pts: V3[], n: number): V3[] {
  if (pts.length === 1) return Array.from({ length: n }, () => pts[0]!);
  const seg: number[] = [];
  let total = 0;
  for (let i = 0; i + 1 < pts.length; i++) {
    const l = len(sub(pts[i + 1]!, pts[i]!));
    seg.push(l);
    total += l;
  }
  const out: V3[] = [];
  for (let k = 0; k < n; k++) {
    let target = n === 1 ? total / 2 : (total * k) / (n - 1);
    let i = 0;
    while (i < seg.length - 1 && target > seg[i]!) {
      target -= seg[i]!;
      i++;
    }
    out.push(lerp3(pts[i]!, pts[i + 1]!, Math.min(1, target / (seg[i]! || 1))));
  }
  return out;
}

const polyLen = (pts: V3[]) => pts.slice(1).reduce((s, p, i) => s + len(sub(p, pts[i]!)), 0);

/** Pushes fibre points out of the deeper tissues so the fibre lies on them. */
function wrap(
  points: V3[],
  radii: number[],
  deeper: Shape | undefined,
  factor = 0.85,
  lay?: FanDef['lay'],
): V3[] {
  if (!deeper) return points;
  return points.map((p0, i) => {
    let p = p0;
    const clearance = radii[i]! * factor;
    if (lay && i <= lay.to * (points.length - 1)) {
      // out past the last deeper tissue within LAY_REACH that way: a point behind a thin layer
      // (the costal cartilages) is under it, even where it is in none
      const out = lay.axis
        ? norm([p[0] - lay.axis[0], 0, p[2] - lay.axis[1]])
        : norm(lay.dir ?? [0, 0, -1]);
      let last = -1;
      for (let k = 0; k <= (lay.reach ?? LAY_REACH) / 0.001; k++) {
        if (deeper.d(add(p, scale(out, k * 0.001))) < 0) last = k;
      }
      if (last >= 0) p = add(p, scale(out, (last + 1) * 0.001));
      // then on out to the clearance the same way: the gradient would push a point sideways off
      // a rib's end and part the fibres there
      for (let k = 0; k < 60 && deeper.d(p) < clearance; k++) p = add(p, scale(out, 0.0005));
      // a sheet lies on what is under it: back in toward a deeper tissue it bridges over
      if (lay.drape && last < 0) {
        for (let k = 0; k < lay.drape / 0.0005 && deeper.d(p) > clearance + 0.0005; k++) {
          const next = add(p, scale(out, -0.0005));
          if (deeper.d(next) < clearance) break;
          p = next;
        }
      }
      return p;
    }
    for (let it = 0; it < 6; it++) {
      const d = deeper.d(p);
      if (d >= clearance) break;
      const g = deeper.grad(p);
      p = add(p, scale(g, clearance - d + 0.0005));
    }
    return p;
  });
}

const SAMPLES = 12;
/** How far out from a fibre point `lay` looks for deeper tissue over it, metres. */
const LAY_REACH = 0.03;

/** Linear interpolation in a list of values spread evenly over [0, 1]. */
function across(values: number[] | undefined, u: number): number {
  if (!values || values.length === 0) return 1;
  if (values.length === 1) return values[0]!;
  const x = Math.min(1, Math.max(0, u)) * (values.length - 1);
  const i = Math.min(values.length - 2, Math.floor(x));
  return values[i]! + (values[i + 1]! - values[i]!) * (x - i);
}

function fanPrims(def: FanDef, side: 'left' | 'right', deeper: Shape | undefined) {
  const s = (p: V3) => sided(p, side);
  const width = Math.max(polyLen(def.origin), polyLen(def.insertion));
  const n = def.n ?? Math.min(36, Math.max(2, Math.ceil(width / (def.belly * 1.5))));
  const from = resample(def.origin, n);
  const to = resample(def.insertion, n);
  const mid = def.via ? resample(def.via, n) : undefined;
  const tendon = def.tendon ?? def.belly * 0.5;
  const samples = def.samples ?? SAMPLES;
  const prims: Primitive[] = [];
  const fibres: [V3, V3][] = [];
  const lay = def.lay && {
    ...def.lay,
    ...(def.lay.dir ? { dir: s(def.lay.dir) } : {}),
    ...(def.lay.axis
      ? { axis: [s([def.lay.axis[0], 0, 0])[0], def.lay.axis[1]] as [number, number] }
      : {}),
  };
  const raw: V3[][] = [];
  const radiiOf: number[][] = [];
  const laid: V3[][] = [];
  for (let f = 0; f < n; f++) {
    const pts: V3[] = [];
    const radii: number[] = [];
    const belly = def.belly * across(def.across, n === 1 ? 0.5 : f / (n - 1));
    // a quadratic curve through the via point at mid-length (control point 2·via − mean of ends)
    const ctl = mid ? sub(scale(mid[f]!, 2), scale(add(from[f]!, to[f]!), 0.5)) : undefined;
    for (let k = 0; k <= samples; k++) {
      const t = k / samples;
      const bump = Math.sin(Math.PI * t);
      let p = ctl
        ? add(
            add(scale(from[f]!, (1 - t) * (1 - t)), scale(ctl, 2 * t * (1 - t))),
            scale(to[f]!, t * t),
          )
        : lerp3(from[f]!, to[f]!, t);
      if (def.bulge) p = add(p, scale(def.bulge, bump));
      const end = (def.originRadius ?? tendon) + (tendon - (def.originRadius ?? tendon)) * t;
      const r = end + Math.max(0, belly - end) * Math.pow(bump, 0.6);
      // each side's muscles keep to their own side of the midline, so left and right mirror
      if (p[0] < r + 0.0015) p = [r + 0.0015, p[1], p[2]];
      pts.push(s(p));
      radii.push(r);
    }
    raw.push(pts);
    radiiOf.push(radii);
    laid.push(wrap(pts, radii, deeper, def.clearance, lay));
  }
  const placed = laid;
  placed.forEach((wrapped, f) => {
    const radii = radiiOf[f]!;
    for (let k = 0; k < samples; k++) {
      prims.push(capsule(wrapped[k]!, wrapped[k + 1]!, radii[k]!, radii[k + 1]!));
      fibres.push([wrapped[k]!, wrapped[k + 1]!]);
    }
  });
  return { prims, fibres };
}

/**
 * Clearance from the structures built before, metres, where the default (1 mm, generate.ts) is
 * too much: each mesh is already inset by its own simplification tolerance, so the surfaces stay
 * apart. Pectoralis major lies on the chest wall over the 2nd intercostal space, where the
 * published skin-to-pleura depth (median 31 mm, Wax & Leibowitz 2007) is short; the default gap
 * left a 3.5 mm void there.
 */
const GAP: Record<string, number> = {
  'pectoralis-major': 0,
  // the layers of the back between the scapula and the spine: trapezius, rhomboids, erector
  // spinae on the ribs (the published skin-to-rib depth there is 21–27 mm: every millimetre of
  // gap between them read as fat and put the rib deeper)
  'trapezius-middle': 0,
  'trapezius-lower': 0,
  'rhomboid-major': 0,
  'rhomboid-minor': 0,
  'latissimus-dorsi': 0,
  iliocostalis: 0,
  longissimus: 0,
  multifidus: 0,
};

/**
 * Simplification tolerance, metres, for large smooth muscles where the default (1.2 mm) spends
 * triangles the eye and the needle cannot tell from fewer: the model's budget is 600k triangles.
 */
const COARSE_TOL: Record<string, number> = {
  'abdominal-wall': 0.0018,
  multifidus: 0.0016,
  longissimus: 0.0016,
};

/**
 * Muscles of one layer that lie over others of the same layer where they meet: built after them
 * and wrapped over them. The lower trapezius covers the upper border of latissimus dorsi from
 * the T7 spinous process to the inferior angle of the scapula (Gray's Anatomy; Moore); without
 * this the latissimus fibres there were cut by the trapezius and showed a saw-toothed fringe.
 */
const OVER: Record<string, string[]> = {
  // splenius capitis wraps round semispinalis capitis, its neighbour of the same layer
  'splenius-capitis': ['semispinalis-capitis'],
  'trapezius-middle': ['latissimus-dorsi'],
  'trapezius-lower': ['latissimus-dorsi'],
  // serratus anterior lies on the chest wall, under pectoralis minor in front and subscapularis
  // behind (the scapulothoracic space: Gray's Anatomy; Moore)
  'pectoralis-minor': ['serratus-anterior'],
  subscapularis: ['serratus-anterior'],
};

/**
 * Muscles built before the rest of their layer, so that where they meet a neighbour they keep the
 * shared space. Teres minor runs along the lateral border of the scapula below infraspinatus
 * (Gray's Anatomy; Moore); infraspinatus's lowest fibres, from near the inferior angle to the
 * greater tubercle, follow that border too, and built first they left teres minor a sliver of
 * under 1 cm³ (a trigger point could not be placed in it).
 */
const BEFORE_NEIGHBOURS = new Set(['teres-minor']);

/** Whether a primitive is not part of the hanging arm (wholly beside the trunk, below the shoulder). */
function notArm(prim: Primitive): boolean {
  const b = prim.bounds;
  const beside = b.min[0] > ARM_X || b.max[0] < -ARM_X;
  return !(beside && b.max[1] < P.acromion[1]);
}
/** Distance from the midline beyond which a primitive beside the trunk belongs to the arm, metres. */
const ARM_X = 0.165;

export function muscleSpecs(): StructureSpec[] {
  const defs = definitions();
  const specs: StructureSpec[] = [];
  const deepPrims: Primitive[] = [...boneSpecs(), ...organSpecs()].flatMap((x) => x.prims);
  // the intercostal layer goes first in its layer: it lies on the ribs, under every other muscle
  // of the chest wall (subscapularis lies on serratus anterior, outside the ribs and their
  // intercostal spaces: Gray's Anatomy), so where they meet the chest wall keeps the space; then
  // the muscles that others of their layer lie over (OVER) and BEFORE_NEIGHBOURS
  const first = (stem: string) =>
    stem === 'intercostal-muscles'
      ? 0
      : BEFORE_NEIGHBOURS.has(stem) || Object.values(OVER).some((u) => u.includes(stem))
        ? 1
        : 2;
  const byLayer = [...MUSCLES].sort(
    (a, b) => (a.layer ?? 0) - (b.layer ?? 0) || first(a.stem) - first(b.stem),
  );
  let currentLayer = 0;
  let deeper: Shape | undefined;
  const built: Primitive[] = [];
  const builtOf = new Map<string, Primitive[]>();
  for (const mdef of byLayer) {
    if (mdef.layer !== currentLayer) {
      currentLayer = mdef.layer ?? 0;
      deeper = new Shape([...deepPrims, ...built], 0.002, 0.03);
    }
    for (const side of ['left', 'right'] as const) {
      const id = `${mdef.stem}-${side}`;
      const under = OVER[mdef.stem]?.flatMap((stem) => builtOf.get(`${stem}-${side}`) ?? []);
      if (mdef.stem === 'intercostal-muscles') {
        // meshed closer to the ribs than other tissues (tolerance 0.6 mm, no extra gap): each
        // surface is already inset by its own tolerance, so the two meshes stay apart; with the
        // default 1 mm gap and 1.2 mm tolerance a 3 mm void sleeved every rib and cartilage, and
        // about a quarter of horizontal paths out of the lung crossed the chest wall through it
        specs.push({
          id,
          prims: [intercostalPrimitive(side)],
          blend: 0,
          edge: 0.004,
          tol: 0.0006,
          // reaching 0.8 mm into the ribs' and cartilages' own surfaces, which their meshes are
          // inset from by 1 mm (bone) and 0.6 mm (cartilage): the two meshes still stay apart,
          // but the sleeve of nothing round each rib narrows from about 1.6 to 0.8 mm. Beside the
          // spine the ribs run level, and horizontal paths out of the lung slid along it.
          gap: -0.0008,
        });
        // the muscles over the chest wall (serratus anterior, the pectorals, the back muscles)
        // wrap over the intercostal layer, not into it: it is built first and would take the
        // overlap, leaving them a few millimetres thick over the ribs
        built.push(intercostalPrimitive(side));
        continue;
      }
      const fans = defs[mdef.stem];
      if (!fans) throw new Error(`muscleSpecs: no definition for ${mdef.stem}`);
      const prims: Primitive[] = [];
      const fibres: [V3, V3][] = [];
      if (PARASPINAL_STEMS.has(mdef.stem)) {
        const r = paraspinal(mdef.stem as Parameters<typeof paraspinal>[0], side);
        prims.push(...r.prims);
        fibres.push(...r.fibres);
      }
      for (const fan of fans) {
        // what the fan is laid on: the layers built before it (`deeper`), plus the muscles it lies
        // over (OVER) and the viscera (ontoViscera), less the hanging arm (trunkOnly, ontoViscera)
        const onto = [
          ...deepPrims,
          ...built,
          ...(under ?? []),
          ...(fan.lay?.ontoViscera ? visceraSpec().prims : []),
        ];
        const r = fanPrims(
          fan,
          side,
          fan.lay?.trunkOnly || fan.lay?.ontoViscera
            ? new Shape(onto.filter(notArm), 0.002, 0.03)
            : under?.length
              ? new Shape(onto, 0.002, 0.03)
              : deeper,
        );
        prims.push(...r.prims);
        fibres.push(...r.fibres);
      }
      const belly = PARASPINAL_STEMS.has(mdef.stem) ? 0.012 : Math.max(...fans.map((f) => f.belly));
      const gap = GAP[mdef.stem];
      const tol = COARSE_TOL[mdef.stem];
      specs.push({
        id,
        prims,
        blend: Math.min(0.006, belly * 0.8),
        edge: belly > 0.012 ? 0.006 : belly > 0.007 ? 0.005 : 0.004,
        fibres,
        ...(gap !== undefined ? { gap } : {}),
        ...(tol !== undefined ? { tol } : {}),
      });
      builtOf.set(id, prims);
      built.push(...prims);
    }
  }
  return specs;
}
