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
        add(popliteal, [-0.008, 0.1, 0.01]),
        popliteal,
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
        add(popliteal, [-0.014, 0.1, 0.004]),
        add(popliteal, [-0.008, -0.004, -0.006]),
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
        [0.014, P.jugularNotch[1] - 0.015, 0.025],
        [0.05, P.jugularNotch[1] + 0.014, 0.012],
        [0.085, P.clavicleMedial[1] + 0.006, 0.004],
        [0.12, P.clavicleLateral[1] - 0.028, 0.008],
        add(axilla, [0.004, 0.004, 0.012]),
      ],
      r: 0.0038,
    },
    {
      stem: 'subclavian-vein',
      pts: [
        [0.026, P.jugularNotch[1] - 0.006, 0.042],
        [0.07, P.clavicleMedial[1] - 0.008, 0.032],
        [0.115, P.clavicleLateral[1] - 0.03, 0.02],
        add(axilla, [0.0, 0.0, 0.02]),
      ],
      r: 0.0048,
    },
  ];
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
  return specs;
}
