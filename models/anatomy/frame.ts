/**
 * The skeleton of landmarks: joint centres, the spine as a station per vertebra, and the palpable
 * bony points, in the body frame of CONTRACTS §1 (metres, +Y up, +Z anterior, +X the patient's
 * left, origin on the floor midway between the heels). Points are built for the left side and
 * mirrored for the right.
 *
 * Heights and breadths are ANSUR II male means. Where ANSUR has no figure the value is a
 * modelling estimate, marked `estimate` in SOURCES with the reasoning: these are the places a
 * better figure should replace.
 */
import { ansur, ANSUR_SOURCE } from '../params/ansur.ts';
import type { V3 } from '../lib/sdf.ts';

export const SOURCES: Record<string, string> = {
  heights: `${ANSUR_SOURCE}: stature, cervicale, acromial, suprasternale, chest, tenth rib, iliocristale, trochanterion, omphalion, crotch, knee (mid-patella), tibial, lateral malleolus, axilla and wrist heights`,
  breadths: `${ANSUR_SOURCE}: biacromial, chest, waist, hip and bicristal breadths; chest, waist and buttock depths; head breadth and length; neck circumference`,
  limbs: `${ANSUR_SOURCE}: acromion–radiale, radiale–stylion, hand and foot lengths`,
  vertebralLevels:
    "Vertebral levels of the landmarks: superior angle of the scapula T2, root of the spine T3, inferior angle T7 (T8 on imaging: Haneline et al. 2008, J Manipulative Physiol Ther), iliac crests L4–L5 (Anesthesiology 2003;99:1359), PSIS S2 (Gray's Anatomy, 42nd ed.; Moore, Clinically Oriented Anatomy, 8th ed.)",
  spine:
    'estimate: vertebral stations spaced between the ANSUR cervicale height (C7) and the iliocristale height (L4–L5), lumbar spacing 1.45 × thoracic as in adult segment heights; sagittal curves (cervical and lumbar lordosis, thoracic kyphosis) placed by eye from standard lateral radiograph proportions',
  ribs: 'estimate: rib rings sized to the ANSUR chest breadth and depth less the soft tissue over them, sloping down anteriorly by about three vertebral levels (Gray’s Anatomy, thoracic wall); sternal attachments rib 1 at the manubrium, rib 2 at the sternal angle, ribs 3–7 down the body to the xiphisternal joint',
  lungs:
    'Surface markings of the lungs and pleura (Gray’s Anatomy; Moore, Clinically Oriented Anatomy): apex about 2.5 cm above the medial third of the clavicle; pleura crosses rib 8 midclavicular, rib 10 midaxillary, rib 12 paravertebral; lung two ribs higher',
};

const Y = {
  vertex: ansur('stature'),
  tragion: ansur('stature') - ansur('tragiontopofhead'),
  c7Tip: ansur('cervicaleheight'),
  acromion: ansur('acromialheight'),
  jugular: ansur('suprasternaleheight'),
  chest: ansur('chestheight'),
  rib10: ansur('tenthribheight'),
  crest: ansur('iliocristaleheight'),
  trochanter: ansur('trochanterionheight'),
  umbilicus: ansur('waistheightomphalion'),
  crotch: ansur('crotchheight'),
  patella: ansur('kneeheightmidpatella'),
  tibial: ansur('tibialheight'),
  malleolus: ansur('lateralmalleolusheight'),
  axilla: ansur('axillaheight'),
  wrist: ansur('wristheight'),
};
export const HEIGHTS = Y;

export const BREADTH = {
  acromion: ansur('biacromialbreadth') / 2,
  deltoid: ansur('bideltoidbreadth') / 2,
  chest: ansur('chestbreadth') / 2,
  chestDepth: ansur('chestdepth'),
  waist: ansur('waistbreadth') / 2,
  waistDepth: ansur('waistdepth'),
  hip: ansur('hipbreadth') / 2,
  crest: ansur('bicristalbreadth') / 2,
  buttockDepth: ansur('buttockdepth'),
  head: ansur('headbreadth') / 2,
  headLength: ansur('headlength'),
  neckRadius: ansur('neckcircumference') / (2 * Math.PI),
};

export const VERTEBRA_NAMES = [
  'c1',
  'c2',
  'c3',
  'c4',
  'c5',
  'c6',
  'c7',
  't1',
  't2',
  't3',
  't4',
  't5',
  't6',
  't7',
  't8',
  't9',
  't10',
  't11',
  't12',
  'l1',
  'l2',
  'l3',
  'l4',
  'l5',
] as const;
export type VertebraName = (typeof VERTEBRA_NAMES)[number];

export interface Vertebra {
  name: VertebraName;
  /** Centre of the body (for C1, the centre of the ring). */
  body: V3;
  /** Tip of the spinous process (bone). */
  spinous: V3;
  /** Tip of the left transverse process. */
  transverse: V3;
  /** Half-width, half-height and half-depth of the body. */
  size: V3;
}

/** Sagittal position (z) of the vertebral bodies: lordosis, kyphosis, lordosis. */
function spineZ(y: number): number {
  // anchor points (y, z) of the body centres, smooth piecewise-linear interpolation
  const pts: [number, number][] = [
    [1.64, -0.005],
    [1.56, 0.0],
    [1.52, -0.02],
    [1.42, -0.05],
    [1.33, -0.058],
    [1.24, -0.045],
    [1.15, -0.02],
    [1.08, -0.01],
    [1.02, -0.03],
  ];
  if (y >= pts[0]![0]) return pts[0]![1];
  for (let i = 1; i < pts.length; i++) {
    const [y1, z1] = pts[i]!;
    const [y0, z0] = pts[i - 1]!;
    if (y >= y1) {
      const t = (y0 - y) / (y0 - y1);
      const s = t * t * (3 - 2 * t);
      return z0 + (z1 - z0) * s;
    }
  }
  return pts[pts.length - 1]![1];
}

function buildSpine(): Vertebra[] {
  const out: Vertebra[] = [];
  // Cervical: C1 just below the skull base, C7 body above its (lower) spinous tip.
  const c7Body = Y.c7Tip + 0.016;
  const c1 = Y.tragion - 0.027;
  // Thoracic and lumbar spacing so that the L4–L5 disc lies at the iliac crest height.
  const l45 = Y.crest + 0.004;
  const t = (c7Body - l45 - 0.5 * 1.45 * 0.0257) / (12 + 4 * 1.45);
  const l = 1.45 * t;
  for (let i = 0; i < 24; i++) {
    const name = VERTEBRA_NAMES[i]!;
    let y: number;
    let size: V3;
    let spinousBack: number;
    let spinousDrop: number;
    let tpx: number;
    if (i < 7) {
      y = c1 - ((c1 - c7Body) * i) / 6;
      size = [0.009 + i * 0.0012, 0.0065, 0.008 + i * 0.0005];
      spinousBack = i === 0 ? 0.04 : 0.045 + i * 0.004;
      spinousDrop = i === 6 ? 0.016 : 0.008;
      tpx = i === 0 ? 0.04 : 0.028 + i * 0.0015;
    } else if (i < 19) {
      const k = i - 6; // 1..12
      y = c7Body - k * t;
      size = [0.013 + k * 0.0009, 0.009 + k * 0.0003, 0.011 + k * 0.0008];
      spinousBack = 0.06 + (k > 3 && k < 10 ? 0.004 : 0);
      spinousDrop = k < 4 ? 0.016 : k < 10 ? 0.026 : 0.014;
      tpx = 0.045 - Math.max(0, k - 9) * 0.006;
    } else {
      const k = i - 18; // 1..5
      y = c7Body - 12 * t - k * l;
      size = [0.022 + k * 0.0008, 0.0125, 0.016 + k * 0.0005];
      spinousBack = 0.072;
      spinousDrop = 0.008;
      tpx = 0.045 + (k === 3 ? 0.008 : 0);
    }
    const z = spineZ(y);
    out.push({
      name,
      body: [0, y, z],
      spinous: [0, y - spinousDrop, z - spinousBack],
      transverse: [tpx, y + 0.002, z - (i < 7 ? 0.002 : 0.03)],
      size,
    });
  }
  return out;
}

export const SPINE = buildSpine();
export const vert = (name: VertebraName): Vertebra => {
  const v = SPINE.find((s) => s.name === name);
  if (!v) throw new Error(`vert: unknown vertebra ${name}`);
  return v;
};

const l5 = vert('l5');
const t1 = vert('t1');

/** Left-side and midline points of the skeleton (bone surface or joint centre). */
export const P = {
  // head
  vertex: [0, Y.vertex - 0.004, 0.005] as V3,
  skullCentre: [0, Y.tragion + 0.045, 0.012] as V3,
  inion: [0, Y.tragion + 0.005, -0.085] as V3,
  mastoid: [0.05, Y.tragion - 0.022, -0.012] as V3,
  tragion: [0.072, Y.tragion, 0.0] as V3,
  angleOfMandible: [0.05, Y.tragion - 0.065, 0.022] as V3,
  chin: [0, Y.tragion - 0.098, 0.1] as V3,
  zygoma: [0.06, Y.tragion + 0.01, 0.055] as V3,
  // trunk, front
  jugularNotch: [0, Y.jugular - 0.004, 0.068] as V3,
  sternalAngle: [0, Y.jugular - 0.052, 0.09] as V3,
  xiphoid: [0, Y.jugular - 0.19, 0.118] as V3,
  clavicleMedial: [0.022, Y.jugular + 0.004, 0.062] as V3,
  clavicleLateral: [BREADTH.acromion - 0.022, Y.acromion + 0.004, 0.0] as V3,
  acromion: [BREADTH.acromion - 0.01, Y.acromion, -0.012] as V3,
  coracoid: [BREADTH.acromion - 0.045, Y.acromion - 0.03, 0.04] as V3,
  // scapula (vertebral levels: superior angle T2, root of spine T3, inferior angle T7)
  superiorAngle: [0.075, vert('t2').spinous[1], -0.085] as V3,
  rootOfSpine: [0.08, vert('t3').spinous[1] - 0.006, -0.1] as V3,
  inferiorAngle: [0.1, vert('t7').spinous[1], -0.092] as V3,
  glenoid: [BREADTH.acromion - 0.04, Y.acromion - 0.04, -0.004] as V3,
  // shoulder and arm
  shoulder: [BREADTH.acromion - 0.022, Y.acromion - 0.042, -0.002] as V3,
  greaterTubercle: [BREADTH.acromion + 0.003, Y.acromion - 0.035, 0.012] as V3,
  elbow: [BREADTH.acromion + 0.012, Y.acromion - ansur('acromionradialelength'), -0.012] as V3,
  wrist: [
    BREADTH.acromion + 0.045,
    Y.acromion - ansur('acromionradialelength') - ansur('radialestylionlength'),
    0.01,
  ] as V3,
  handTip: [
    BREADTH.acromion + 0.05,
    Y.acromion -
      ansur('acromionradialelength') -
      ansur('radialestylionlength') -
      ansur('handlength'),
    0.02,
  ] as V3,
  // pelvis and lower limb
  hip: [0.088, Y.trochanter + 0.004, 0.028] as V3,
  greaterTrochanter: [0.152, Y.trochanter - 0.012, 0.008] as V3,
  iliacCrestTop: [BREADTH.crest - 0.002, Y.crest, -0.025] as V3,
  asis: [0.118, Y.crest - 0.07, 0.085] as V3,
  psis: [0.045, l5.body[1] - 0.055, -0.1] as V3,
  ischialTuberosity: [0.06, Y.trochanter - 0.085, -0.045] as V3,
  pubicSymphysis: [0, Y.trochanter - 0.01, 0.09] as V3,
  knee: [0.09, Y.tibial + 0.01, 0.03] as V3,
  patella: [0.092, Y.patella, 0.078] as V3,
  fibularHead: [0.125, Y.tibial - 0.03, 0.01] as V3,
  tibialTuberosity: [0.092, Y.tibial - 0.05, 0.07] as V3,
  ankle: [0.09, Y.malleolus + 0.01, 0.035] as V3,
  lateralMalleolus: [0.118, Y.malleolus, 0.022] as V3,
  medialMalleolus: [0.064, Y.malleolus + 0.012, 0.04] as V3,
  calcaneusPosterior: [0.088, 0.035, -0.03] as V3,
  firstMetatarsalHead: [0.06, 0.022, ansur('footlength') - 0.1] as V3,
  fifthMetatarsalHead: [0.13, 0.02, ansur('footlength') - 0.115] as V3,
  toeTip: [0.075, 0.015, ansur('footlength') - 0.03] as V3,
  // soft-tissue reference points (skin landmarks only)
  umbilicus: [0, Y.umbilicus, 0.11] as V3,
  nipple: [0.095, Y.chest, 0.125] as V3,
  t1Spinous: t1.spinous,
};

/** Mirror a point of the left side to the right (or keep midline points). */
export function sided(p: V3, side: 'left' | 'right'): V3 {
  return side === 'left' ? p : [-p[0], p[1], p[2]];
}
