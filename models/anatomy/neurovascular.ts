/**
 * Nerves and vessels as tubes along their courses, from the landmark frame. Courses follow the
 * standard descriptions (Gray's Anatomy 42nd ed.; Moore, Clinically Oriented Anatomy 8th ed.):
 * the sciatic nerve leaves the pelvis below piriformis and runs midway between the greater
 * trochanter and the ischial tuberosity; the radial nerve winds round the back of the humerus in
 * the spiral groove; the ulnar nerve passes behind the medial epicondyle; the common fibular nerve
 * winds round the fibular neck; the vertebral artery climbs through the transverse foramina of
 * C6–C1 and crosses the posterior arch of the atlas; the femoral nerve, artery and vein lie
 * lateral to medial under the inguinal ligament.
 */
import { add, lerp3, type V3 } from '../lib/sdf.ts';
import { P, vert, sided, type VertebraName } from './frame.ts';
import { chain } from './bones.ts';
import type { StructureSpec } from './spec.ts';

type Course = { stem: string; pts: V3[]; r: number; r1?: number };

function courses(): Course[] {
  const sh = P.shoulder;
  const el = P.elbow;
  const wr = P.wrist;
  const axilla: V3 = [sh[0] - 0.03, sh[1] - 0.06, sh[2] + 0.01];
  const knee = P.knee;
  const popliteal: V3 = [knee[0], knee[1] + 0.05, knee[2] - 0.045];
  // The femoral artery passes under the inguinal ligament at the mid-inguinal point, midway
  // between the ASIS and the pubic symphysis (Moore 8th ed., surface anatomy of the femoral
  // triangle; Gray's 42nd ed.). It was 26 mm lateral of it (x 0.085), in front of the middle of
  // the iliopsoas, so the nerve and the vessels covered the whole muscle.
  const inguinal: V3 = lerp3(P.asis, P.pubicSymphysis, 0.5);
  // the adductor hiatus, 10 cm above the knee (the junction of the middle and lower thirds of
  // the thigh: Gray's; Moore), where the femoral vessels become the popliteal
  const hiatus: V3 = add(popliteal, [-0.008, 0.05, 0.01]);
  // the outer border of the first rib, where the subclavian vessels become the axillary. On
  // this model the first rib rises above the clavicle and ends about 7 cm from the midline, and
  // the pleural cupula under it is broad and flat-topped (an estimate of the model, not of the
  // body: the cupula should peak over the rib's neck); the vessels arch over the cupula, as the
  // artery does in life (Gray's 1918; Moore 8th ed.), and meet the rib's end there. Courses checked
  // against the built tissues (bench probes): a course through the lung is carved away to nothing.
  const notch = P.jugularNotch[1];
  const firstRibArtery: V3 = [0.078, notch + 0.043, 0.008];
  const firstRibVein: V3 = [0.075, notch + 0.041, 0.04];
  const cervical = (n: number, dx = 0, dz = 0): V3 => {
    const v = vert(`c${n}` as VertebraName);
    return [v.transverse[0] * 0.78 + dx, v.body[1], v.body[2] + 0.004 + dz];
  };
  return [
    {
      stem: 'brachial-plexus',
      pts: [
        cervical(6, 0.012, -0.008),
        [0.06, 1.5, -0.005],
        [0.09, P.clavicleMedial[1] - 0.002, -0.005],
        [0.13, P.clavicleLateral[1] - 0.035, 0.002],
        axilla,
      ],
      r: 0.0055,
      r1: 0.0065,
    },
    {
      stem: 'suprascapular-nerve',
      pts: [
        [0.09, P.clavicleMedial[1] + 0.006, -0.008],
        [0.115, P.superiorAngle[1] + 0.008, -0.035],
        [P.glenoid[0] - 0.035, P.glenoid[1] + 0.028, -0.052],
        [P.glenoid[0] - 0.03, P.glenoid[1] - 0.005, -0.048],
        [P.glenoid[0] - 0.05, P.glenoid[1] - 0.035, -0.058],
      ],
      r: 0.0018,
    },
    {
      stem: 'radial-nerve',
      pts: [
        axilla,
        add(lerp3(sh, el, 0.3), [-0.012, 0, -0.018]),
        add(lerp3(sh, el, 0.5), [0.0, 0, -0.02]),
        add(lerp3(sh, el, 0.7), [0.016, 0, -0.008]),
        add(el, [0.022, 0.03, 0.012]),
        add(el, [0.02, -0.02, 0.015]),
        add(lerp3(el, wr, 0.6), [0.02, 0, 0.008]),
      ],
      r: 0.0026,
    },
    {
      stem: 'median-nerve',
      pts: [
        axilla,
        add(lerp3(sh, el, 0.5), [-0.02, 0, 0.012]),
        add(el, [-0.008, 0.01, 0.02]),
        add(lerp3(el, wr, 0.5), [0.0, 0, 0.014]),
        add(wr, [0.0, -0.01, 0.014]),
      ],
      r: 0.0026,
    },
    {
      stem: 'ulnar-nerve',
      pts: [
        axilla,
        add(lerp3(sh, el, 0.5), [-0.024, 0, 0.0]),
        add(el, [-0.03, 0.015, -0.014]),
        add(el, [-0.026, -0.02, -0.006]),
        add(lerp3(el, wr, 0.6), [-0.02, 0, 0.006]),
        add(wr, [-0.018, -0.01, 0.01]),
      ],
      r: 0.0024,
    },
    {
      stem: 'sciatic-nerve',
      pts: [
        [0.05, P.psis[1] - 0.045, P.psis[2] + 0.04],
        [0.085, P.hip[1] + 0.03, -0.055],
        lerp3(add(P.greaterTrochanter, [0, 0, -0.04]), P.ischialTuberosity, 0.5),
        [0.1, P.hip[1] - 0.18, -0.035],
        add(popliteal, [0.0, 0.06, 0.0]),
      ],
      r: 0.0055,
    },
    {
      stem: 'tibial-nerve',
      pts: [
        add(popliteal, [0.0, 0.06, 0.0]),
        popliteal,
        add(knee, [-0.005, -0.12, -0.04]),
        add(P.medialMalleolus, [0.006, 0.05, -0.025]),
        add(P.medialMalleolus, [0.006, -0.005, -0.02]),
      ],
      r: 0.003,
    },
    {
      stem: 'common-fibular-nerve',
      pts: [
        add(popliteal, [0.0, 0.06, 0.0]),
        add(popliteal, [0.025, 0.01, 0.0]),
        add(P.fibularHead, [0.006, -0.01, -0.01]),
        add(P.fibularHead, [0.008, -0.035, 0.008]),
        add(P.fibularHead, [-0.002, -0.06, 0.018]),
      ],
      r: 0.0025,
    },
    {
      stem: 'femoral-nerve',
      // lateral of the artery and outside the femoral sheath, about 1 cm at the ligament, in the
      // groove of the iliopsoas under the fascia iliaca (Gray's; Moore); it spreads into its
      // branches some 4 cm lower. Offsets and the slight lateral drift are estimates.
      pts: [
        [0.07, P.asis[1] + 0.02, 0.02],
        add(inguinal, [0.012, 0, -0.006]),
        add(inguinal, [0.018, -0.05, -0.008]),
      ],
      r: 0.0035,
    },
    {
      stem: 'femoral-artery',
      pts: [
        [0.06, P.asis[1] + 0.02, 0.035],
        inguinal,
        // down the middle of the femoral triangle to its apex 10 cm lower (Moore); depth: estimate
        add(inguinal, [0.0, -0.1, -0.012]),
        [0.075, P.knee[1] + 0.2, 0.0],
        // through the adductor hiatus, where it becomes the popliteal artery
        hiatus,
      ],
      r: 0.0042,
    },
    {
      stem: 'femoral-vein',
      pts: [
        [0.05, P.asis[1] + 0.02, 0.035],
        // medial of the artery at the ligament, behind it at the apex of the triangle (Moore);
        // spacing: estimate from the vessels' radii
        add(inguinal, [-0.013, 0, -0.002]),
        add(inguinal, [-0.006, -0.1, -0.02]),
        [0.066, P.knee[1] + 0.2, -0.01],
        add(hiatus, [-0.004, 0, -0.006]),
      ],
      r: 0.005,
    },
    {
      stem: 'vertebral-artery',
      pts: [
        [0.032, P.jugularNotch[1] + 0.02, -0.0],
        cervical(6),
        cervical(5),
        cervical(4),
        cervical(3),
        cervical(2),
        cervical(1, 0.004),
        [0.028, vert('c1').body[1] + 0.006, vert('c1').body[2] - 0.024],
        [0.012, vert('c1').body[1] + 0.014, vert('c1').body[2] - 0.016],
      ],
      r: 0.0019,
    },
    {
      stem: 'common-carotid-artery',
      pts: [
        [0.012, P.jugularNotch[1] - 0.01, 0.03],
        [0.026, P.jugularNotch[1] + 0.03, 0.03],
        [0.03, vert('c4').body[1], 0.028],
        [0.032, vert('c3').body[1], 0.025],
      ],
      r: 0.0038,
    },
    {
      stem: 'internal-jugular-vein',
      pts: [
        [0.03, P.jugularNotch[1] + 0.0, 0.04],
        [0.042, P.jugularNotch[1] + 0.035, 0.034],
        [0.045, vert('c4').body[1], 0.024],
        [0.042, vert('c1').body[1] + 0.005, 0.012],
      ],
      r: 0.0055,
    },
    {
      stem: 'subclavian-artery',
      pts: [
        [0.014, notch - 0.015, 0.025],
        // up beside the trachea and over the cupula of the pleura
        [0.018, notch + 0.031, 0.02],
        [0.05, notch + 0.043, 0.012],
        firstRibArtery,
      ],
      r: 0.0038,
    },
    {
      stem: 'subclavian-vein',
      pts: [
        // behind the sternoclavicular joint, where it joins the internal jugular
        [0.02, notch + 0.017, 0.05],
        [0.04, notch + 0.031, 0.045],
        firstRibVein,
      ],
      r: 0.0048,
    },
    ...dangerCourses({ axilla, inguinal, popliteal, firstRibArtery, firstRibVein, hiatus }),
  ];
}

interface Junctions {
  axilla: V3;
  inguinal: V3;
  popliteal: V3;
  firstRibArtery: V3;
  firstRibVein: V3;
  hiatus: V3;
}

/**
 * The danger structures added for the safety review: where each runs, from the frame's
 * landmarks. The source of every course is in courseSources.ts (it reaches the manifest);
 * offsets between named layers are estimates, as the sources say.
 */
function dangerCourses(j: Junctions): Course[] {
  const sh = P.shoulder;
  const el = P.elbow;
  const wr = P.wrist;
  const acr = P.acromion;
  // the lower border of teres major: the axillary vessels become the brachial
  const teresMajorBorder = sh[1] - 0.075;
  const axillaryEnd: V3 = [0.17, teresMajorBorder, 0.02];
  // the surgical neck of the humerus, about 5.5 cm below the acromion behind and beside it
  const neckY = acr[1] - 0.058;
  const brachialAt = (t: number, d: V3): V3 =>
    add(lerp3(axillaryEnd, add(el, [-0.01, 0.0, 0.024]), t), d);
  const radHead = add(el, [0.014, -0.01, 0.004]);
  return [
    {
      stem: 'axillary-nerve',
      pts: [
        add(j.axilla, [0.004, 0.006, -0.006]),
        // the quadrangular space: below teres minor, above teres major, beside the long head
        [0.171, neckY - 0.012, -0.026],
        // round the back of the surgical neck, on the bone under the deltoid
        [0.19, neckY - 0.004, -0.027],
        [0.206, neckY, -0.011],
        [0.209, neckY + 0.002, 0.01],
        [0.199, neckY + 0.004, 0.03],
      ],
      r: 0.002,
    },
    {
      stem: 'posterior-circumflex-humeral-artery',
      pts: [
        add(j.axilla, [0.008, 0.002, 0.008]),
        [0.173, neckY - 0.018, -0.022],
        [0.191, neckY - 0.011, -0.03],
        [0.21, neckY - 0.007, -0.013],
        [0.213, neckY - 0.005, 0.006],
      ],
      r: 0.0016,
    },
    {
      stem: 'phrenic-nerve',
      pts: [
        // from C4 at the lateral border of scalenus anterior, across its front to the medial
        // border, then between the subclavian artery and vein into the thorax; followed to the
        // thoracic inlet over the cupula (below it the nerve runs in the mediastinum, beyond a
        // needle's reach from the neck, and on this model the broad cupula fills the inlet)
        [0.04, vert('c4').body[1], 0.011],
        [0.043, vert('c6').body[1], 0.017],
        [0.042, P.jugularNotch[1] + 0.06, 0.024],
        [0.037, P.jugularNotch[1] + 0.038, 0.027],
      ],
      r: 0.0014,
    },
    {
      stem: 'long-thoracic-nerve',
      pts: [
        // C5–C7 through scalenus medius, behind the plexus and the clavicle over rib 1
        [0.04, vert('c6').body[1], -0.012],
        [0.07, P.jugularNotch[1] + 0.07, -0.02],
        [0.112, P.jugularNotch[1] + 0.037, -0.02],
        [0.142, sh[1] + 0.011, -0.014],
        // on the outer surface of serratus anterior near the midaxillary line
        [0.148, sh[1] - 0.06, -0.006],
        // (on the muscle: 3 mm outside the chest wall as built; a nerve out in the fat moved the
        // skin of the flank)
        [0.146, P.nipple[1], 0.0],
        [0.135, P.xiphoid[1] - 0.01, 0.006],
        [0.127, P.xiphoid[1] - 0.05, 0.01],
      ],
      r: 0.0014,
    },
    {
      stem: 'dorsal-scapular-nerve',
      pts: [
        // C5 through scalenus medius, back deep to levator scapulae
        [0.042, vert('c5').body[1], -0.012],
        [0.055, vert('c7').body[1], -0.04],
        [0.064, P.superiorAngle[1] + 0.012, -0.07],
        // down about 1 cm medial of the medial border, deep to the rhomboids
        add(P.superiorAngle, [-0.012, -0.01, -0.002]),
        add(P.rootOfSpine, [-0.012, -0.01, 0.008]),
        add(P.inferiorAngle, [-0.014, 0.03, 0.006]),
        add(P.inferiorAngle, [-0.012, 0.0, 0.006]),
      ],
      r: 0.0013,
    },
    {
      stem: 'posterior-interosseous-nerve',
      pts: [
        // the deep branch leaves the radial nerve in front of the lateral epicondyle
        add(el, [0.021, 0.0, 0.014]),
        // into supinator, round the lateral side of the radial neck, out behind
        add(radHead, [0.013, -0.02, 0.006]),
        add(radHead, [0.015, -0.04, -0.006]),
        add(radHead, [0.008, -0.06, -0.016]),
        add(lerp3(el, wr, 0.35), [0.02, 0, -0.018]),
        add(lerp3(el, wr, 0.6), [0.014, 0, -0.016]),
      ],
      r: 0.0013,
    },
    {
      stem: 'lateral-femoral-cutaneous-nerve',
      pts: [
        // out of the lateral border of psoas at L4, across iliacus to the ASIS
        [0.055, vert('l4').body[1], 0.0],
        [0.085, vert('l5').body[1] - 0.005, 0.03],
        add(P.asis, [-0.016, 0.008, -0.012]),
        // under the inguinal ligament medial of the spine and just below it
        add(P.asis, [-0.015, -0.018, 0.004]),
        // over sartorius, into the lateral thigh; subcutaneous about 10 cm below the spine
        add(P.asis, [-0.006, -0.05, 0.002]),
        add(P.asis, [0.006, -0.1, -0.004]),
        add(P.asis, [0.016, -0.15, -0.01]),
      ],
      r: 0.0012,
    },
    {
      stem: 'axillary-artery',
      pts: [
        j.firstRibArtery,
        add(j.firstRibArtery, [0.042, -0.02, 0.002]),
        // behind pectoralis minor, among the cords of the plexus
        add(j.axilla, [0.004, 0.004, 0.012]),
        axillaryEnd,
      ],
      r: 0.0036,
    },
    {
      stem: 'axillary-vein',
      pts: [
        add(axillaryEnd, [-0.006, 0.002, 0.008]),
        add(j.axilla, [-0.002, 0.0, 0.02]),
        add(j.axilla, [-0.016, 0.061, 0.024]),
        add(j.firstRibVein, [0.03, -0.004, 0.002]),
        j.firstRibVein,
      ],
      r: 0.0045,
    },
    {
      stem: 'brachial-artery',
      pts: [
        axillaryEnd,
        // down the medial bicipital groove beside the median nerve
        brachialAt(0.35, [-0.006, 0, -0.002]),
        brachialAt(0.7, [-0.004, 0, 0.002]),
        // the cubital fossa, medial of the biceps tendon; divides about 1 cm below the crease
        add(el, [-0.008, 0.006, 0.022]),
        add(el, [-0.004, -0.018, 0.02]),
      ],
      r: 0.0028,
    },
    {
      stem: 'brachial-veins',
      pts: [
        add(axillaryEnd, [-0.006, 0.002, 0.008]),
        brachialAt(0.35, [-0.012, 0, 0.004]),
        brachialAt(0.7, [-0.01, 0, 0.006]),
        add(el, [-0.015, 0.006, 0.02]),
      ],
      r: 0.0026,
    },
    {
      stem: 'profunda-femoris-artery',
      pts: [
        // from the back of the femoral artery about 4 cm below the inguinal ligament
        add(j.inguinal, [0.002, -0.04, -0.006]),
        add(j.inguinal, [0.014, -0.06, -0.03]),
        // down behind adductor longus, close to the femur
        [0.08, P.hip[1] - 0.08, 0.035],
        [0.09, P.hip[1] - 0.17, 0.024],
        [0.095, P.hip[1] - 0.25, 0.018],
      ],
      r: 0.003,
    },
    {
      stem: 'popliteal-artery',
      pts: [
        j.hiatus,
        // the deepest of the three in the fossa, on the femur and the capsule
        add(j.popliteal, [-0.002, 0, 0.01]),
        // medial of the nerve behind the bulge of the condyles
        [P.knee[0] - 0.008, P.knee[1] + 0.025, P.knee[2] - 0.043],
        [P.knee[0], P.knee[1], P.knee[2] - 0.034],
        // to the lower border of popliteus
        [P.knee[0] - 0.002, P.knee[1] - 0.05, P.knee[2] - 0.036],
      ],
      r: 0.0034,
    },
    {
      stem: 'popliteal-vein',
      pts: [
        // between the artery (deep) and the tibial nerve (superficial), a little lateral of both
        // where the fossa is narrow between the heads of gastrocnemius
        [P.knee[0] + 0.005, P.knee[1] - 0.05, P.knee[2] - 0.04],
        [P.knee[0] + 0.004, P.knee[1], P.knee[2] - 0.038],
        [P.knee[0] + 0.006, P.knee[1] + 0.025, P.knee[2] - 0.051],
        add(j.popliteal, [0.005, 0, 0.008]),
        // crossing behind the artery from lateral to medial on its way up to the hiatus
        add(j.popliteal, [-0.004, 0.025, -0.001]),
        add(j.hiatus, [-0.004, 0, -0.006]),
      ],
      r: 0.0032,
    },
    {
      stem: 'medial-plantar-nerve',
      pts: [
        // from the tibial nerve under the flexor retinaculum, forward deep to abductor hallucis
        add(P.medialMalleolus, [0.006, -0.016, -0.018]),
        add(P.medialMalleolus, [0.004, -0.06, 0.008]),
        [P.firstMetatarsalHead[0] + 0.006, 0.017, 0.09],
        [P.firstMetatarsalHead[0] + 0.008, 0.014, 0.13],
      ],
      r: 0.0016,
    },
    {
      stem: 'lateral-plantar-nerve',
      pts: [
        add(P.medialMalleolus, [0.008, -0.018, -0.016]),
        add(P.medialMalleolus, [0.012, -0.062, 0.006]),
        // between flexor digitorum brevis and quadratus plantae toward the fifth metatarsal base
        [0.09, 0.016, 0.07],
        [0.115, 0.015, 0.1],
        [P.fifthMetatarsalHead[0] - 0.005, 0.015, 0.12],
      ],
      r: 0.0015,
    },
  ];
}

/**
 * The spinal cord and its dural sac, down the middle of the vertebral canal: between the back of
 * each vertebral body and its laminae, from the foramen magnum to about S2 (the cord itself ends at
 * L1–L2). Source: courseSources.ts. Midline, so one structure.
 */
function spinalCordLine(): V3[] {
  const canal = (name: VertebraName): V3 => {
    const v = vert(name);
    // the atlas has no body: its canal lies behind the dens
    if (name === 'c1') return [0, v.body[1], v.body[2] - 0.012];
    return [0, v.body[1], v.body[2] - v.size[2] - 0.009];
  };
  const names: VertebraName[] = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7'];
  for (let i = 1; i <= 12; i++) names.push(`t${i}` as VertebraName);
  for (let i = 1; i <= 5; i++) names.push(`l${i}` as VertebraName);
  const pts: V3[] = [add(canal('c1'), [0, 0.024, -0.004]), ...names.map(canal)];
  const l5 = canal('l5');
  pts.push(add(l5, [0, -0.035, -0.008]));
  return pts;
}

function spinalCordSpec(): StructureSpec {
  const pts = spinalCordLine();
  return { id: 'spinal-cord', prims: chain(pts, 0.0052, 0.0055), blend: 0.004, edge: 0.003 };
}

/** Each tube's centre line, per side (tests: every structure lies on its course). */
export function courseLines(): { id: string; pts: V3[]; r: number }[] {
  const out = courses().flatMap((c) =>
    (['left', 'right'] as const).map((side) => ({
      id: `${c.stem}-${side}`,
      pts: c.pts.map((p) => sided(p, side)),
      r: Math.min(c.r, c.r1 ?? c.r),
    })),
  );
  out.push({ id: 'spinal-cord', pts: spinalCordLine(), r: 0.0052 });
  return out;
}

export function neurovascularSpecs(): StructureSpec[] {
  const specs: StructureSpec[] = [];
  for (const c of courses()) {
    for (const side of ['left', 'right'] as const) {
      const pts = c.pts.map((p) => sided(p, side));
      specs.push({
        id: `${c.stem}-${side}`,
        prims: chain(pts, c.r, c.r1 ?? c.r),
        blend: 0.003,
        edge: Math.min(0.004, c.r * 1.4),
      });
    }
  }
  specs.push(spinalCordSpec());
  return specs;
}
