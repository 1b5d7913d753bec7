/** Bones as smooth unions of capsules, ellipsoids and rounded boxes built on the landmark frame. */
import {
  add,
  capsule,
  ellipsoid,
  lerp3,
  norm,
  roundBox,
  sub,
  cross,
  type Primitive,
  type V3,
} from '../lib/sdf.ts';
import { P, SPINE, BREADTH, HEIGHTS, sided } from './frame.ts';
import { RIBS } from './ribs.ts';
import type { StructureSpec } from './spec.ts';

type Side = 'left' | 'right';

/** A capsule chain along a polyline. */
export function chain(pts: V3[], r0: number, r1 = r0): Primitive[] {
  const out: Primitive[] = [];
  for (let i = 0; i + 1 < pts.length; i++) {
    const ra = r0 + ((r1 - r0) * i) / Math.max(1, pts.length - 1);
    const rb = r0 + ((r1 - r0) * (i + 1)) / Math.max(1, pts.length - 1);
    out.push(capsule(pts[i]!, pts[i + 1]!, ra, rb));
  }
  return out;
}

/** A basis whose second axis runs from a to b. */
function basisAlong(a: V3, b: V3, hint: V3 = [0, 0, 1]): [V3, V3, V3] {
  const v = norm(sub(b, a));
  const u = norm(cross(v, hint));
  const w = cross(u, v);
  return [u, v, w];
}

function vertebraPrims(i: number): Primitive[] {
  const v = SPINE[i]!;
  const [w, h, d] = v.size;
  const prims: Primitive[] = [];
  const body = v.body;
  if (v.name === 'c1') {
    // the atlas: a ring with lateral masses, no body
    prims.push(
      ...chain(
        [
          [0, body[1], body[2] + 0.012],
          [0.018, body[1], body[2] + 0.005],
          [0.022, body[1], body[2] - 0.018],
          [0, body[1] - 0.002, v.spinous[2] + 0.004],
          [-0.022, body[1], body[2] - 0.018],
          [-0.018, body[1], body[2] + 0.005],
          [0, body[1], body[2] + 0.012],
        ],
        0.0045,
      ),
    );
  } else {
    prims.push(roundBox(body, [w, h, d], Math.min(w, h, d) * 0.6));
  }
  const archBack = add(body, [0, 0, -d - 0.012]);
  for (const s of [1, -1]) {
    const ped = add(body, [s * w * 0.75, 0.001, -d - 0.002]);
    const lam: V3 = [s * 0.01, body[1] - 0.002, archBack[2] - 0.006];
    prims.push(capsule(ped, lam, 0.0042));
    prims.push(
      capsule(ped, [s * v.transverse[0], v.transverse[1], v.transverse[2]], 0.0038, 0.003),
    );
    // articular processes
    prims.push(capsule(add(ped, [0, h * 1.1, -0.006]), add(ped, [0, -h * 1.1, -0.008]), 0.0035));
  }
  prims.push(capsule([0, body[1] - 0.002, archBack[2] - 0.006], v.spinous, 0.0042, 0.0035));
  return prims;
}

function skull(): Primitive[] {
  const c = P.skullCentre;
  const halfLen = BREADTH.headLength / 2 - 0.008;
  const halfBr = BREADTH.head - 0.008;
  return [
    // neurocranium
    ellipsoid(add(c, [0, 0.02, -0.01]), [halfBr - 0.004, 0.075, halfLen]),
    // occiput down to the inion
    ellipsoid(add(P.inion, [0, 0.02, 0.03]), [0.05, 0.04, 0.04]),
    // face: maxilla, zygomatic arches, orbits' rims
    roundBox(add(c, [0, -0.06, 0.06]), [0.034, 0.032, 0.03], 0.014),
    capsule(P.zygoma, add(P.tragion, [-0.008, 0.004, 0.008]), 0.006),
    capsule(sided(P.zygoma, 'right'), add(sided(P.tragion, 'right'), [0.008, 0.004, 0.008]), 0.006),
    ellipsoid(add(c, [0, -0.025, 0.07]), [0.055, 0.025, 0.03]),
    // mastoid processes and the skull base
    capsule(add(P.mastoid, [0, 0.02, 0]), P.mastoid, 0.009, 0.006),
    capsule(add(sided(P.mastoid, 'right'), [0, 0.02, 0]), sided(P.mastoid, 'right'), 0.009, 0.006),
    ellipsoid(add(c, [0, -0.05, -0.015]), [0.05, 0.025, 0.05]),
  ];
}

function mandible(): Primitive[] {
  const l = P.angleOfMandible;
  const r = sided(l, 'right');
  const condL = add(P.tragion, [-0.012, -0.008, 0.012]);
  const condR = sided(condL, 'right');
  return [
    ...chain([condL, l, [0.035, P.chin[1] + 0.005, 0.075], P.chin], 0.0065, 0.008),
    ...chain([condR, r, [-0.035, P.chin[1] + 0.005, 0.075], P.chin], 0.0065, 0.008),
    // coronoid processes (temporalis insertion)
    capsule(add(l, [0, 0.02, 0.03]), add(l, [-0.002, 0.05, 0.035]), 0.006, 0.004),
    capsule(add(r, [0, 0.02, 0.03]), add(r, [0.002, 0.05, 0.035]), 0.006, 0.004),
    // the body of the mandible as a plate: its alveolar part and the lower teeth rise from the
    // lower border to the occlusal plane under the maxilla (Gray's Anatomy); as a rod along the
    // lower border alone, it left a slot under the maxilla that the skin sank into
    ...[0.009, 0.018, 0.027, 0.036, 0.045].flatMap((up) =>
      [1, -1].flatMap((sx) =>
        chain(
          [
            [sx * (l[0] - 0.004), l[1] + up, l[2] + 0.022],
            [sx * 0.034, P.chin[1] + up + 0.004, 0.073],
            [0, P.chin[1] + up, 0.098 - up * 0.1],
          ],
          0.005,
          0.005,
        ),
      ),
    ),
  ];
}

function sacrumPrims(): Primitive[] {
  const l5 = SPINE[23]!;
  const top: V3 = [0, l5.body[1] - 0.03, l5.body[2] - 0.01];
  const tip: V3 = [0, HEIGHTS.trochanter + 0.03, l5.body[2] - 0.075];
  const [u, v, w] = basisAlong(tip, top);
  const mid = lerp3(top, tip, 0.45);
  return [
    roundBox(mid, [0.045, 0.055, 0.014], 0.01, [u, v, w]),
    ellipsoid(lerp3(top, tip, 0.15), [0.055, 0.02, 0.025]),
  ];
}

function hipBone(side: Side): Primitive[] {
  const s = (p: V3) => sided(p, side);
  const crestPost: V3 = [P.psis[0] + 0.01, P.psis[1] + 0.05, P.psis[2] + 0.01];
  const crestLat: V3 = [P.iliacCrestTop[0], P.iliacCrestTop[1], P.iliacCrestTop[2]];
  const crestAnt: V3 = [P.asis[0] + 0.005, P.asis[1] + 0.035, P.asis[2] - 0.025];
  const acet: V3 = add(P.hip, [0.012, 0.0, 0.0]);
  const prims: Primitive[] = [
    // iliac crest: PSIS → highest point → ASIS
    ...chain([P.psis, crestPost, crestLat, crestAnt, P.asis].map(s), 0.008),
    // iliac wing: blade between crest and acetabulum
    ...chain([crestLat, lerp3(crestLat, acet, 0.5), acet].map(s), 0.012, 0.02),
    ...chain([crestPost, lerp3(crestPost, acet, 0.5), acet].map(s), 0.01, 0.016),
    ...chain([crestAnt, lerp3(crestAnt, acet, 0.5)].map(s), 0.01, 0.012),
    // sacroiliac part
    capsule(s(P.psis), s([0.035, P.psis[1] + 0.02, P.psis[2] + 0.03]), 0.012),
    // acetabulum rim
    ellipsoid(s(acet), [0.028, 0.03, 0.03]),
    // ischium down to the tuberosity, pubis to the symphysis
    ...chain(
      (
        [
          acet,
          [P.ischialTuberosity[0] + 0.01, acet[1] - 0.04, acet[2] - 0.04],
          P.ischialTuberosity,
        ] as V3[]
      ).map(s),
      0.014,
      0.012,
    ),
    ...chain(
      (
        [
          acet,
          [0.04, acet[1] - 0.01, P.pubicSymphysis[2] - 0.01],
          [0.006, P.pubicSymphysis[1], P.pubicSymphysis[2]],
        ] as V3[]
      ).map(s),
      0.011,
      0.01,
    ),
    ...chain(
      (
        [
          P.ischialTuberosity,
          [0.025, P.pubicSymphysis[1] - 0.04, P.pubicSymphysis[2] - 0.02],
          [0.006, P.pubicSymphysis[1] - 0.02, P.pubicSymphysis[2] - 0.005],
        ] as V3[]
      ).map(s),
      0.008,
    ),
  ];
  return prims;
}

function scapula(side: Side): Primitive[] {
  const s = (p: V3) => sided(p, side);
  const sa = P.superiorAngle;
  const ia = P.inferiorAngle;
  const root = P.rootOfSpine;
  const lateralAngle = add(P.glenoid, [-0.012, 0, -0.015]);
  const spineTip = add(P.acromion, [-0.02, 0.0, -0.012]);
  const prims: Primitive[] = [
    // blade as a thin surface between the three angles (flat capsules along the borders + fill)
    ...chain([sa, root, ia].map(s), 0.0045),
    ...chain([ia, lerp3(ia, lateralAngle, 0.5), lateralAngle].map(s), 0.006),
    ...chain([sa, lerp3(sa, lateralAngle, 0.5), lateralAngle].map(s), 0.004),
    // fill the blade
    ...chain([lerp3(root, ia, 0.5), lerp3(lateralAngle, ia, 0.3)].map(s), 0.005),
    ...chain([root, lateralAngle].map(s), 0.005),
    ...chain([lerp3(sa, root, 0.5), lerp3(sa, lateralAngle, 0.6)].map(s), 0.0045),
    // spine of the scapula and acromion
    ...chain(
      [root, lerp3(root, spineTip, 0.5), spineTip].map((p, i) =>
        s(add(p, [0, 0.004 * i, -0.008 - 0.002 * i])),
      ),
      0.005,
      0.007,
    ),
    capsule(s(spineTip), s(P.acromion), 0.008, 0.007),
    // glenoid and neck, coracoid process
    ellipsoid(s(P.glenoid), [0.01, 0.018, 0.013]),
    ...chain(
      [
        add(P.glenoid, [-0.01, 0.012, 0.005]),
        add(P.coracoid, [-0.01, 0.012, -0.015]),
        P.coracoid,
      ].map(s),
      0.006,
      0.0055,
    ),
  ];
  return prims;
}

function longBone(a: V3, b: V3, ra: number, rShaft: number, rb: number): Primitive[] {
  return [
    ellipsoid(a, [ra, ra, ra]),
    capsule(lerp3(a, b, 0.08), lerp3(a, b, 0.92), rShaft),
    ellipsoid(b, [rb, rb * 0.8, rb]),
  ];
}

function humerus(side: Side): Primitive[] {
  const s = (p: V3) => sided(p, side);
  const head = add(P.shoulder, [-0.004, 0, -0.004]);
  const elbow = P.elbow;
  return [
    ellipsoid(s(head), [0.023, 0.024, 0.023]),
    ellipsoid(s(P.greaterTubercle), [0.012, 0.016, 0.013]),
    capsule(s(lerp3(head, elbow, 0.1)), s(lerp3(head, elbow, 0.9)), 0.0115, 0.011),
    // condyles with the epicondyles
    capsule(s(add(elbow, [-0.028, 0.012, -0.004])), s(add(elbow, [0.024, 0.012, -0.004])), 0.0105),
    ellipsoid(s(add(elbow, [-0.002, 0.022, -0.006])), [0.022, 0.02, 0.011]),
  ];
}

function forearm(side: Side): { radius: Primitive[]; ulna: Primitive[] } {
  const s = (p: V3) => sided(p, side);
  const radHead = add(P.elbow, [0.014, -0.01, 0.004]);
  const radDist = add(P.wrist, [0.018, 0.012, 0.004]);
  const olecranon = add(P.elbow, [-0.012, 0.012, -0.024]);
  const ulnaDist = add(P.wrist, [-0.018, 0.012, -0.006]);
  return {
    radius: [
      ellipsoid(s(radHead), [0.011, 0.009, 0.011]),
      ...chain(
        [radHead, lerp3(radHead, radDist, 0.45), radDist].map((p, i) =>
          s(add(p, [i === 1 ? 0.006 : 0, 0, 0])),
        ),
        0.0065,
        0.009,
      ),
      ellipsoid(s(radDist), [0.016, 0.011, 0.011]),
    ],
    ulna: [
      ellipsoid(s(olecranon), [0.011, 0.017, 0.011]),
      ...chain(
        [
          olecranon,
          add(P.elbow, [-0.012, -0.01, -0.012]),
          lerp3(olecranon, ulnaDist, 0.6),
          ulnaDist,
        ].map(s),
        0.009,
        0.006,
      ),
      ellipsoid(s(ulnaDist), [0.008, 0.008, 0.008]),
    ],
  };
}

function hand(side: Side): Primitive[] {
  const s = (p: V3) => sided(p, side);
  const w = P.wrist;
  const palm = add(w, [0.003, -0.05, 0.004]);
  const prims: Primitive[] = [
    roundBox(s(add(w, [0.002, -0.02, 0.002])), [0.022, 0.014, 0.01], 0.007),
  ];
  // metacarpals and fingers (palm forward; thumb lateral)
  const fingers: [number, number][] = [
    [-0.017, 0.07],
    [-0.006, 0.083],
    [0.006, 0.088],
    [0.018, 0.082],
  ];
  for (const [dx, l] of fingers) {
    const base = add(w, [dx, -0.032, 0.003]);
    const mc = add(base, [dx * 0.3, -0.055, 0.0]);
    prims.push(...chain([base, mc, add(mc, [dx * 0.1, -l, 0.004])].map(s), 0.005, 0.004));
  }
  const tb = add(w, [0.024, -0.015, 0.01]);
  prims.push(
    ...chain(
      [tb, add(tb, [0.018, -0.035, 0.014]), add(tb, [0.026, -0.07, 0.022])].map(s),
      0.006,
      0.0045,
    ),
  );
  void palm;
  return prims;
}

function femur(side: Side): Primitive[] {
  const s = (p: V3) => sided(p, side);
  const knee = P.knee;
  return [
    ellipsoid(s(P.hip), [0.024, 0.024, 0.024]),
    capsule(s(P.hip), s(add(P.greaterTrochanter, [-0.02, -0.01, 0.0])), 0.016),
    ellipsoid(s(P.greaterTrochanter), [0.014, 0.025, 0.02]),
    capsule(
      s(add(P.greaterTrochanter, [-0.018, -0.025, 0.0])),
      s(add(knee, [0.0, 0.07, -0.008])),
      0.015,
      0.014,
    ),
    ellipsoid(s(add(knee, [0.0, 0.03, -0.01])), [0.04, 0.03, 0.03]),
    capsule(s(add(knee, [-0.022, 0.02, -0.016])), s(add(knee, [0.022, 0.02, -0.016])), 0.022),
  ];
}

export function boneSpecs(): StructureSpec[] {
  const specs: StructureSpec[] = [];
  const add_ = (id: string, prims: Primitive[], blend = 0.004, edge = 0.004) =>
    specs.push({ id, prims, blend, edge });
  add_('skull', skull(), 0.015, 0.005);
  add_('mandible', mandible(), 0.006, 0.004);
  SPINE.forEach((v, i) => add_(`vertebra-${v.name}`, vertebraPrims(i), 0.004, 0.0032));
  add_('sacrum', sacrumPrims(), 0.01, 0.004);
  add_(
    'coccyx',
    chain(
      [
        [0, HEIGHTS.trochanter + 0.028, SPINE[23]!.body[2] - 0.078],
        [0, HEIGHTS.trochanter + 0.0, SPINE[23]!.body[2] - 0.07],
      ],
      0.006,
      0.004,
    ),
    0.003,
    0.003,
  );
  add_(
    'sternum',
    [
      ...chain(
        [P.jugularNotch, P.sternalAngle, P.xiphoid].map((p) => add(p, [0, 0, -0.006])),
        0.008,
      ),
      roundBox(add(P.jugularNotch, [0, -0.022, 0.004]), [0.024, 0.022, 0.006], 0.005),
      roundBox(
        lerp3(P.sternalAngle, P.xiphoid, 0.45),
        [0.016, 0.06, 0.0055],
        0.004,
        basisAlong(P.xiphoid, P.sternalAngle),
      ),
    ],
    0.006,
    0.004,
  );
  for (const side of ['left', 'right'] as const) {
    const s = (p: V3) => sided(p, side);
    add_(`hip-bone-${side}`, hipBone(side), 0.012, 0.005);
    for (const rib of RIBS)
      add_(`rib-${rib.n}-${side}`, chain(rib.bone.map(s), rib.radius), 0.002, 0.004);
    add_(
      `costal-cartilages-${side}`,
      RIBS.filter((r) => r.cartilage.length > 1).flatMap((r) =>
        chain(r.cartilage.map(s), r.radius * 0.95),
      ),
      0.002,
      0.004,
    );
    add_(
      `clavicle-${side}`,
      chain(
        [
          P.clavicleMedial,
          add(lerp3(P.clavicleMedial, P.clavicleLateral, 0.35), [0, 0.004, 0.018]),
          add(lerp3(P.clavicleMedial, P.clavicleLateral, 0.7), [0, 0.006, -0.002]),
          P.clavicleLateral,
        ].map(s),
        0.0075,
        0.0065,
      ),
      0.004,
      0.004,
    );
    add_(`scapula-${side}`, scapula(side), 0.008, 0.004);
    add_(`humerus-${side}`, humerus(side), 0.008, 0.005);
    const fa = forearm(side);
    add_(`radius-${side}`, fa.radius, 0.006, 0.004);
    add_(`ulna-${side}`, fa.ulna, 0.006, 0.004);
    add_(`hand-bones-${side}`, hand(side), 0.006, 0.004);
    add_(`femur-${side}`, femur(side), 0.012, 0.005);
    add_(`patella-${side}`, [ellipsoid(s(P.patella), [0.021, 0.022, 0.01])], 0.002, 0.004);
    add_(
      `tibia-${side}`,
      [
        ellipsoid(s(add(P.knee, [0.0, -0.025, 0.0])), [0.036, 0.022, 0.028]),
        ...longBone(
          s(add(P.knee, [0.0, -0.04, 0.005])),
          s(add(P.medialMalleolus, [0.02, 0.01, -0.006])),
          0.015,
          0.0125,
          0.016,
        ),
        ellipsoid(s(P.tibialTuberosity), [0.01, 0.015, 0.008]),
        ellipsoid(s(P.medialMalleolus), [0.008, 0.014, 0.01]),
      ],
      0.01,
      0.005,
    );
    add_(
      `fibula-${side}`,
      [
        ...chain(
          [P.fibularHead, lerp3(P.fibularHead, P.lateralMalleolus, 0.5), P.lateralMalleolus].map(s),
          0.008,
          0.0065,
        ),
        ellipsoid(s(P.fibularHead), [0.009, 0.011, 0.009]),
        ellipsoid(s(P.lateralMalleolus), [0.007, 0.015, 0.01]),
      ],
      0.006,
      0.004,
    );
    add_(
      `calcaneus-${side}`,
      [
        ...chain([P.calcaneusPosterior, add(P.ankle, [0.005, -0.04, 0.02])].map(s), 0.02, 0.016),
        ellipsoid(s(add(P.ankle, [0.0, -0.02, 0.0])), [0.018, 0.016, 0.022]),
      ],
      0.008,
      0.004,
    );
    const mid = add(P.ankle, [0.008, -0.035, 0.06]);
    add_(
      `foot-bones-${side}`,
      [
        ellipsoid(s(mid), [0.025, 0.016, 0.03]),
        ...chain(
          [mid, P.firstMetatarsalHead, add(P.toeTip, [-0.013, 0, 0.005])].map(s),
          0.009,
          0.007,
        ),
        ...chain(
          [mid, P.fifthMetatarsalHead, add(P.fifthMetatarsalHead, [0.0, -0.002, 0.035])].map(s),
          0.0065,
          0.005,
        ),
        ...chain(
          [
            mid,
            lerp3(P.firstMetatarsalHead, P.fifthMetatarsalHead, 0.4),
            add(lerp3(P.firstMetatarsalHead, P.fifthMetatarsalHead, 0.4), [0, -0.002, 0.045]),
          ].map(s),
          0.0065,
          0.005,
        ),
      ],
      0.008,
      0.004,
    );
  }
  return specs;
}
