import { describe, expect, it } from 'vitest';
import { loadBodyFromDisk } from '../../src/domain/body/node.ts';
import { ALL_STRUCTURE_IDS } from '../../models/structures.ts';
import { ribRing } from '../../models/anatomy/ribs.ts';
import { vert } from '../../models/anatomy/frame.ts';
import { CONTAINER_STRUCTURES } from '../../src/domain/body/bodyIndex.ts';
import { mulberry32 } from '../../src/domain/random.ts';
import { MIDLINE_LANDMARKS, PAIRED_LANDMARKS } from '../../src/domain/catalog/schema.ts';

const body = loadBodyFromDisk();
const { manifest, meshes, index } = body;
const lm = (id: string) => {
  const l = manifest.landmarks[id];
  if (!l) throw new Error(`missing landmark ${id}`);
  return l;
};

/** The landmark ids of CONTRACTS §2 (the catalog's vocabulary of landmarks is the same list). */
const REQUIRED_LANDMARKS = [
  ...MIDLINE_LANDMARKS,
  ...PAIRED_LANDMARKS.flatMap((id) => [`${id}-left`, `${id}-right`]),
];

describe('the manifest and the GLB', () => {
  it('has one manifest entry per GLB node, with matching triangle counts', () => {
    const byId = new Map(manifest.structures.map((s) => [s.id, s]));
    expect(meshes.map((m) => m.id).sort()).toEqual([...byId.keys()].sort());
    for (const m of meshes) expect(byId.get(m.id)?.triangles).toBe(m.indices.length / 3);
  });
  it('contains every structure of the registry and every contract landmark', () => {
    const ids = new Set(manifest.structures.map((s) => s.id));
    expect(ALL_STRUCTURE_IDS.filter((id) => !ids.has(id))).toEqual([]);
    expect(REQUIRED_LANDMARKS.filter((id) => !manifest.landmarks[id])).toEqual([]);
  });
  it('stays within the triangle budget of 600k', () => {
    expect(manifest.structures.reduce((s, x) => s + x.triangles, 0)).toBeLessThanOrEqual(600_000);
  });
});

describe('every mesh is closed and outward-facing', () => {
  it.each(meshes.map((m) => [m.id, m] as const))(
    '%s: each edge is shared by two opposite triangles',
    (_id, m) => {
      const edges = new Map<string, number>();
      const ix = m.indices;
      for (let t = 0; t < ix.length; t += 3) {
        for (let e = 0; e < 3; e++) {
          const a = ix[t + e]!;
          const b = ix[t + ((e + 1) % 3)]!;
          const k = `${a},${b}`;
          edges.set(k, (edges.get(k) ?? 0) + 1);
        }
      }
      let bad = 0;
      for (const [k, n] of edges) {
        const [a, b] = k.split(',');
        if (n !== 1 || edges.get(`${b},${a}`) !== 1) bad++;
      }
      expect(bad).toBe(0);
      // outward: positive signed volume
      let vol = 0;
      const p = m.positions;
      for (let t = 0; t < ix.length; t += 3) {
        const [a, b, c] = [ix[t]! * 3, ix[t + 1]! * 3, ix[t + 2]! * 3];
        vol +=
          (p[a]! * (p[b + 1]! * p[c + 2]! - p[b + 2]! * p[c + 1]!) -
            p[a + 1]! * (p[b]! * p[c + 2]! - p[b + 2]! * p[c]!) +
            p[a + 2]! * (p[b]! * p[c + 1]! - p[b + 1]! * p[c]!)) /
          6;
      }
      expect(vol).toBeGreaterThan(0);
    },
  );
});

describe('tissues do not overlap', () => {
  it('seed 7: 3000 random points inside the body each belong to one structure at most', () => {
    const rnd = mulberry32(7);
    let checked = 0;
    let overlapping = 0;
    const examples: string[] = [];
    while (checked < 3000) {
      const p: [number, number, number] = [rnd() * 0.6 - 0.3, rnd() * 1.76, rnd() * 0.36 - 0.16];
      if (!index.contains('subcutaneous-fat', p)) continue;
      checked++;
      const inside = index.containing(p).filter((id) => !CONTAINER_STRUCTURES.has(id));
      if (inside.length > 1) {
        overlapping++;
        if (examples.length < 5) examples.push(inside.join('+'));
      }
    }
    expect(examples).toEqual([]);
    expect(overlapping).toBe(0);
  });
});

const y = (id: string) => lm(id).bone[1];

describe('landmarks at their published vertebral levels', () => {
  for (const side of ['left', 'right']) {
    it(`superior angle of the scapula at T2 (${side})`, () => {
      expect(
        Math.abs(y(`superior-angle-of-scapula-${side}`) - y('t2-spinous-process')),
      ).toBeLessThan(0.015);
    });
    it(`root of the spine of the scapula at T3 (${side})`, () => {
      expect(
        Math.abs(y(`root-of-spine-of-scapula-${side}`) - y('t3-spinous-process')),
      ).toBeLessThan(0.015);
    });
    it(`inferior angle of the scapula between T7 and T8 (${side})`, () => {
      const v = y(`inferior-angle-of-scapula-${side}`);
      expect(v).toBeLessThanOrEqual(y('t7-spinous-process') + 0.01);
      expect(v).toBeGreaterThanOrEqual(y('t8-spinous-process') - 0.01);
    });
    it(`iliac crest between L3–L4 and L5–S1 (${side})`, () => {
      const v = y(`iliac-crest-highest-point-${side}`);
      expect(v).toBeLessThan(y('l3-spinous-process'));
      expect(v).toBeGreaterThan(y('l5-spinous-process') - 0.02);
    });
    it(`PSIS at S2 (${side})`, () => {
      expect(Math.abs(y(`psis-${side}`) - y('s2'))).toBeLessThan(0.01);
    });
  }
  it('C7 spinous process at the ANSUR II cervicale height (1517 mm)', () => {
    expect(Math.abs(y('c7-spinous-process') - 1.5173)).toBeLessThan(0.003);
  });
  // The abdominal wall is laid onto the abdominal cavity (models/anatomy/muscles.ts): raised on a
  // forward bulge instead, the waist was 346 mm deep and 4–7 cm of "connective tissue" lay
  // between the wall and the viscera, so a needle through the wall was shown safe far too deep.
  it('chest depth at the nipples within the ANSUR II men’s mean ± 2 SD (253.8 ± 52.4 mm)', () => {
    const yn = manifest.landmarks['nipple-left']!.skin[1];
    const depthMm = trunkDepthMm(yn);
    expect(depthMm).toBeGreaterThan(253.8 - 52.4);
    expect(depthMm).toBeLessThan(253.8 + 52.4);
  });
  it('waist depth at the omphalion within the ANSUR II men’s mean ± 2 SD (237.8 ± 69.4 mm)', () => {
    const yw = 1.0565;
    const depthMm = trunkDepthMm(yw);
    expect(depthMm).toBeGreaterThan(237.8 - 69.4);
    expect(depthMm).toBeLessThan(237.8 + 69.4);
  });
  it('under the abdominal wall the abdominal cavity begins within 15 mm, over the whole front of the abdomen', () => {
    // a grid from the anterior superior iliac spines' level to just below the costal margin
    // (y 1.04–1.18), 8 cm each side of the midline (the linea alba itself, between the two
    // walls, is left out)
    let checked = 0;
    for (let i = 0; i <= 7; i++) {
      const y = 1.04 + 0.02 * i;
      for (const x of [-0.08, -0.06, -0.04, -0.02, 0.02, 0.04, 0.06, 0.08]) {
        const hits = index.hitsAlong([x, y, 0.6], [0, 0, -1], 1.2);
        const wallOut = hits.find((h) => h.structure.startsWith('abdominal-wall') && !h.entering);
        const viscera = hits.find((h) => h.structure === 'abdominal-viscera' && h.entering);
        expect(wallOut, `wall at x ${x}, y ${y.toFixed(2)}`).toBeDefined();
        expect(viscera, `viscera at x ${x}, y ${y.toFixed(2)}`).toBeDefined();
        const gapMm = (viscera!.distance - wallOut!.distance) * 1000;
        expect(gapMm, `x ${x}, y ${y.toFixed(2)}`).toBeGreaterThan(0);
        expect(gapMm, `x ${x}, y ${y.toFixed(2)}`).toBeLessThan(15);
        checked++;
      }
    }
    expect(checked).toBe(64);
  });
  it('between the recti above the umbilicus the gap (the linea alba) is at most 22 mm wide (Beer et al. 2009)', () => {
    // ultrasound of 150 nulliparous women: normal (90th percentile) up to 15 mm at the xiphoid
    // and 22 mm 3 cm above the umbilicus; the model's linea alba, a thin aponeurosis, is left
    // out, so there the fat reaches the abdominal cavity. From 1.5 cm below the xiphoid's level
    // (at its level the xiphoid itself lies between the recti) to 2 cm above the umbilicus.
    const edge = (y: number, s: number) => {
      for (let x = 0; x <= 0.06; x += 0.001) {
        const hits = index.hitsAlong([s * x, y, 0.4], [0, 0, -1], 0.4);
        const wall = hits.find((h) => h.entering && h.structure.startsWith('abdominal-wall'));
        const cavity = hits.find((h) => h.entering && h.structure === 'abdominal-viscera');
        if (wall && (!cavity || wall.distance < cavity.distance)) return x;
      }
      return Infinity;
    };
    const top = lm('xiphoid-process').skin[1] - 0.015;
    const bottom = lm('umbilicus').skin[1] + 0.02;
    let checked = 0;
    for (let y = top; y >= bottom; y -= 0.01) {
      const gapMm = (edge(y, 1) + edge(y, -1)) * 1000;
      expect(gapMm, `y ${y.toFixed(3)}`).toBeLessThanOrEqual(22);
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
  });
  it('from the front, between the chin and the upper teeth, the mandible lies under the skin', () => {
    // the body of the mandible rises from its lower border to the lower teeth, under the maxilla
    // (Gray's Anatomy); as a rod along the lower border alone it left a slot under the maxilla
    // that the skin sank into, and there the first tissue under the fat was the neck viscera.
    // 20 mm is a loose bound, not a published depth.
    const mand = meshes.find((m) => m.id === 'mandible')!;
    let low = Infinity;
    for (let i = 1; i < mand.positions.length; i += 3) low = Math.min(low, mand.positions[i]!);
    for (const up of [0.015, 0.025, 0.035, 0.045]) {
      const hits = index.hitsAlong([0, low + up, 0.4], [0, 0, -1], 0.4);
      const skin = hits.find((h) => h.structure === 'skin' && h.entering)!;
      const first = hits.find(
        (h) => h.entering && !['skin', 'subcutaneous-fat'].includes(h.structure),
      );
      expect(first?.structure, `${up * 1000} mm above the chin`).toBe('mandible');
      expect((first!.distance - skin.distance) * 1000).toBeLessThan(20);
    }
  });
  it('the face has a nose: in the midline it stands at least 15 mm in front of the cheeks', () => {
    // (the face was a mask, the midline 7 mm in front of the cheeks); a loose bound on the
    // model's estimated nose, not a published figure
    const tragion = lm('mastoid-process-left').bone[1] + 0.022;
    const front = (x: number, yy: number) => {
      const hit = index.hitsAlong([x, yy, 0.5], [0, 0, -1], 0.5, new Set(['skin']))[0];
      return hit ? 0.5 - hit.distance : -Infinity;
    };
    let tip = { y: 0, z: -Infinity };
    for (let yy = tragion - 0.06; yy <= tragion + 0.005; yy += 0.0025) {
      const z = front(0, yy);
      if (z > tip.z) tip = { y: yy, z };
    }
    expect(tip.z - front(0.035, tip.y)).toBeGreaterThan(0.015);
    expect(tip.z - front(-0.035, tip.y)).toBeGreaterThan(0.015);
  });
  it('in the middle of the neck a needle from the front meets the neck viscera, not only fat', () => {
    // (before the neck viscera were modelled the middle of the neck, between the carotid
    // sheaths, was all fat down to the vertebrae); 25 mm is a loose bound, not a published depth
    for (const y of [1.475, 1.49, 1.5]) {
      const hits = index.hitsAlong([0, y, 0.3], [0, 0, -1], 0.4);
      const skin = hits.find((h) => h.structure === 'skin' && h.entering)!;
      const first = hits.find(
        (h) => h.entering && !['skin', 'subcutaneous-fat'].includes(h.structure),
      );
      expect(first?.structure, `y ${y}`).toBe('neck-viscera');
      expect((first!.distance - skin.distance) * 1000, `y ${y}`).toBeLessThan(25);
    }
  });
  for (const side of ['left', 'right'] as const) {
    it(`at mid-neck sternocleidomastoid covers the internal jugular vein (${side})`, () => {
      // the carotid sheath lies under the anterior border of sternocleidomastoid (Moore): a
      // needle aimed at the vein from the front and side meets the muscle first (it used to be
      // a thin cord among the vessels, and the needle met the vein through fat)
      const sx = side === 'left' ? 1 : -1;
      const y = (lm(`mastoid-process-${side}`).bone[1] + lm('jugular-notch').bone[1]) / 2;
      const vein = meshes.find((m) => m.id === `internal-jugular-vein-${side}`)!;
      let cx = 0;
      let cz = 0;
      let k = 0;
      for (let i = 0; i < vein.positions.length; i += 3) {
        if (Math.abs(vein.positions[i + 1]! - y) > 0.005) continue;
        cx += vein.positions[i]!;
        cz += vein.positions[i + 2]!;
        k++;
      }
      expect(k).toBeGreaterThan(0);
      const at: [number, number, number] = [cx / k, y, cz / k];
      for (const deg of [30, 45, 60]) {
        const a = (deg * Math.PI) / 180;
        const d: [number, number, number] = [-sx * Math.sin(a), 0, -Math.cos(a)];
        const first = index
          .hitsAlong([at[0] - d[0] * 0.15, y, at[2] - d[2] * 0.15], d, 0.15)
          .find((h) => h.entering && !['skin', 'subcutaneous-fat'].includes(h.structure));
        expect(first?.structure, `${deg}° from the front`).toBe(`sternocleidomastoid-${side}`);
      }
    });
  }
  it('skin points lie within 6 cm of their bony points', () => {
    // the umbilicus and nipples are soft-tissue landmarks: their "bone" point is the deep reference
    for (const [id, l] of Object.entries(manifest.landmarks).filter(
      ([k]) => !/^(umbilicus|nipple)/.test(k),
    )) {
      const d = Math.hypot(l.skin[0] - l.bone[0], l.skin[1] - l.bone[1], l.skin[2] - l.bone[2]);
      expect(d, id).toBeLessThan(0.06);
    }
  });
});

/** The trunk's depth (mm) at a height: the skin's most forward point to its most backward one. */
function trunkDepthMm(y: number): number {
  let front = -Infinity;
  let back = Infinity;
  for (let x = -0.15; x <= 0.15; x += 0.005) {
    const f = index.hitsAlong([x, y, 0.6], [0, 0, -1], 1.2, new Set(['skin']))[0];
    if (f) front = Math.max(front, 0.6 - f.distance);
    const b = index.hitsAlong([x, y, -0.6], [0, 0, 1], 1.2, new Set(['skin']))[0];
    if (b) back = Math.min(back, -0.6 + b.distance);
  }
  return (front - back) * 1000;
}

/** Depth (mm) from the skin to the first entry into any of the structures, along a direction. */
function depthTo(
  skinPoint: readonly number[],
  dir: [number, number, number],
  targets: string[],
): number | null {
  const l = Math.hypot(...dir);
  const d: [number, number, number] = [dir[0] / l, dir[1] / l, dir[2] / l];
  // start 5 cm outside and find the skin's outer surface first
  const start: [number, number, number] = [
    skinPoint[0]! - d[0] * 0.05,
    skinPoint[1]! - d[1] * 0.05,
    skinPoint[2]! - d[2] * 0.05,
  ];
  const hits = index.hitsAlong(start, d, 0.3);
  const skin = hits.find((h) => h.structure === 'skin' && h.entering);
  if (!skin) return null;
  const target = hits.find(
    (h) => targets.includes(h.structure) && h.entering && h.distance > skin.distance,
  );
  return target ? (target.distance - skin.distance) * 1000 : null;
}

describe('depths at needling sites within the published ranges', () => {
  for (const side of ['left', 'right'] as const) {
    const sx = side === 'left' ? 1 : -1;
    it(`2nd intercostal space, midclavicular, perpendicular: skin to pleura 14–69 mm (Wax & Leibowitz 2007) (${side})`, () => {
      const mid = lm(`clavicle-midpoint-${side}`).skin;
      const rib2 = manifest.structures.find((s) => s.id === `rib-2-${side}`);
      expect(rib2).toBeDefined();
      // the 2nd space lies about 4–5 cm below the clavicle at the midclavicular line
      const d = depthTo([mid[0], mid[1] - 0.045, 0.25], [0, 0, -1], [`pleura-${side}`]);
      expect(d).not.toBeNull();
      expect(d!).toBeGreaterThanOrEqual(14);
      expect(d!).toBeLessThanOrEqual(69);
    });
    // (main had the costal margin's lowest point at T12 until 2026-11: the pleura had already
    // ended here, 11 cm above its published level)
    it(`anterior axillary line at the level of the xiphoid: skin to pleura 10–60 mm (Wax & Leibowitz 2007: median 26, from 10) (${side})`, () => {
      // the anterior axillary line taken 45° round from the front (estimate), perpendicular to
      // the trunk's axis
      const y = lm('xiphoid-process').skin[1];
      const a = Math.PI / 4;
      const d = depthTo(
        [sx * 0.2 * Math.sin(a), y, 0.2 * Math.cos(a)],
        [-sx * Math.sin(a), 0, -Math.cos(a)],
        [`pleura-${side}`],
      );
      expect(d).not.toBeNull();
      expect(d!).toBeGreaterThanOrEqual(10);
      expect(d!).toBeLessThanOrEqual(60);
    });
    // the lowest point of the costal margin (the 10th costal cartilage) is the ANSUR II tenth rib
    // height, level with L3 (the subcostal plane; Moore, Clinically Oriented Anatomy)
    it(`the costal margin's lowest point within 2 cm of the ANSUR II tenth rib height (1120.7 mm) and of L3 (${side})`, () => {
      const cart = meshes.find((m) => m.id === `costal-cartilages-${side}`)!;
      let low = Infinity;
      for (let i = 1; i < cart.positions.length; i += 3) low = Math.min(low, cart.positions[i]!);
      expect(Math.abs(low - 1.1207)).toBeLessThan(0.02);
      expect(Math.abs(low - lm('l3-spinous-process').bone[1])).toBeLessThan(0.02);
    });
    it(`rhomboid major beside the scapula: skin to rib 18–30 mm, skin to rhomboid 10–20 mm (Ann Rehabil Med 2014: 21–27 and 12–18 mm) (${side})`, () => {
      // (main had 35 mm to the rib in 2026-11: rhomboid major bridged the groove over the ribs,
      // with 8 mm of nothing under it)
      const root = lm(`root-of-spine-of-scapula-${side}`).bone;
      const x = root[0] * 0.55;
      const from: [number, number, number] = [x, y('t5-spinous-process'), -0.25];
      const ribs = Array.from({ length: 12 }, (_, i) => `rib-${i + 1}-${side}`);
      const d = depthTo(from, [0, 0, 1], ribs);
      expect(d).not.toBeNull();
      expect(d!).toBeGreaterThanOrEqual(18);
      expect(d!).toBeLessThanOrEqual(30);
      const r = depthTo(from, [0, 0, 1], [`rhomboid-major-${side}`]);
      expect(r).not.toBeNull();
      expect(r!).toBeGreaterThanOrEqual(10);
      expect(r!).toBeLessThanOrEqual(20);
    });
    it(`beside the scapula, trapezius and rhomboid are about as thick as by ultrasound (Hung et al. 2011, men: 4.9 ± 1.0 and 6.3 ± 2.3 mm) (${side})`, () => {
      // within two standard deviations of the men's means, near the medial border at T5
      const root = lm(`root-of-spine-of-scapula-${side}`).bone;
      const hits = index.hitsAlong(
        [root[0] * 0.55, y('t5-spinous-process'), -0.25],
        [0, 0, 1],
        0.3,
      );
      const thickness = (id: string) => {
        const a = hits.find((h) => h.structure === id && h.entering);
        const b = hits.find(
          (h) => h.structure === id && !h.entering && a && h.distance > a.distance,
        );
        return a && b ? (b.distance - a.distance) * 1000 : null;
      };
      const trap = thickness(`trapezius-lower-${side}`) ?? thickness(`trapezius-middle-${side}`);
      const rhomboid = thickness(`rhomboid-major-${side}`);
      expect(trap).not.toBeNull();
      expect(rhomboid).not.toBeNull();
      expect(trap!).toBeGreaterThanOrEqual(2.9);
      expect(trap!).toBeLessThanOrEqual(6.9);
      expect(rhomboid!).toBeGreaterThanOrEqual(1.7);
      expect(rhomboid!).toBeLessThanOrEqual(10.9);
    });
    it(`beside the scapula at T5 the deep border of rhomboid major is 15–25 mm deep and the pleura deeper (Valera-Calero et al.: about 19 mm) (${side})`, () => {
      // the deepest insertion that still stays in rhomboid major, by ultrasound of 59 adults
      const root = lm(`root-of-spine-of-scapula-${side}`).bone;
      const hits = index.hitsAlong(
        [root[0] * 0.55, y('t5-spinous-process'), -0.25],
        [0, 0, 1],
        0.3,
      );
      const skin = hits.find((h) => h.structure === 'skin' && h.entering)!;
      const deep = hits.filter((h) => h.structure === `rhomboid-major-${side}` && !h.entering);
      const pleura = hits.find((h) => h.structure === `pleura-${side}` && h.entering);
      expect(deep.length).toBeGreaterThan(0);
      const deepMm = (deep[deep.length - 1]!.distance - skin.distance) * 1000;
      expect(deepMm).toBeGreaterThanOrEqual(15);
      expect(deepMm).toBeLessThanOrEqual(25);
      expect(pleura).toBeDefined();
      expect((pleura!.distance - skin.distance) * 1000).toBeGreaterThan(deepMm + 5);
    });
    it(`teres minor is a muscle along the lateral border of the scapula, not a sliver (${side})`, () => {
      // (it was under 1 cm³ while infraspinatus, built first, took its space; the model's teres
      // major is about 25 cm³: an estimate of the floor, not a published volume)
      // (the manifest's volume, measured by the generator on the mesh it wrote)
      const volume = (id: string) => manifest.structures.find((x) => x.id === id)!.volumeCm3;
      expect(volume(`teres-minor-${side}`)).toBeGreaterThan(0.3 * volume(`teres-major-${side}`));
    });
    it(`serratus anterior covers the chest wall between pectoralis major and latissimus dorsi (${side})`, () => {
      // where it is palpated (Moore; Gray's Anatomy): 70–85° round from the front, at y 1.29–1.31,
      // below the arm's contact with the chest. Wrapped along the gradient of the intercostal
      // band, its fibres went into the chest wall and the muscle was cut down to 8 cm³, so a
      // needle there met the ribs under the fat
      const sgn = side === 'left' ? 1 : -1;
      for (const y of [1.29, 1.3, 1.31]) {
        for (const deg of [70, 75, 80, 85]) {
          const a = (deg * Math.PI) / 180;
          const out: [number, number, number] = [sgn * Math.sin(a), 0, Math.cos(a)];
          const first = index
            .hitsAlong([0.35 * out[0], y, 0.35 * out[2]], [-out[0], 0, -out[2]], 0.35)
            .find((h) => h.entering && /^(serratus|rib|intercostal|costal)/.test(h.structure));
          expect(first?.structure, `${deg}° at y ${y}`).toBe(`serratus-anterior-${side}`);
        }
      }
    });
    it(`latissimus dorsi covers the back lateral to the lower trapezius, T10–T12 (${side})`, () => {
      // seen from behind, 6–14 cm from the midline at y 1.22–1.30 (about T12 to T10 in the
      // model), the first muscle is latissimus dorsi (Gray's Anatomy; Moore): as a fan of
      // separate fibres it left the erector spinae and the ribs showing there in speckles
      const sgn = side === 'left' ? 1 : -1;
      for (const y of [1.22, 1.24, 1.26, 1.28, 1.3]) {
        for (const x of [0.06, 0.08, 0.1, 0.12, 0.14]) {
          const first = index
            .hitsAlong([sgn * x, y, -0.5], [0, 0, 1], 0.5)
            .find((h) => h.entering && !/^(skin|subcutaneous-fat)$/.test(h.structure));
          expect(first?.structure, `x ${x}, y ${y}`).toBe(`latissimus-dorsi-${side}`);
        }
      }
    });
    it(`upper trapezius midway C7–acromion, vertical: pleura deeper than 30 mm (Kearns et al. 2022) (${side})`, () => {
      const c7 = lm('c7-spinous-process').skin;
      const ac = lm(`acromion-${side}`).skin;
      const d = depthTo(
        [(c7[0] + ac[0]) / 2, 1.7, (c7[2] + ac[2]) / 2 + 0.02],
        [0, -1, 0],
        [`pleura-${side}`],
      );
      if (d !== null) expect(d).toBeGreaterThan(30);
    });
    it(`lung apex 2–4 cm above the medial third of the clavicle (${side})`, () => {
      const pleura = meshes.find((m) => m.id === `pleura-${side}`)!;
      let top = -Infinity;
      for (let i = 1; i < pleura.positions.length; i += 3)
        top = Math.max(top, pleura.positions[i]!);
      const cm = lm(`clavicle-medial-end-${side}`).bone;
      const cmid = lm(`clavicle-midpoint-${side}`).bone;
      const third = cm[1] + (cmid[1] - cm[1]) * (2 / 3);
      expect(top - third).toBeGreaterThanOrEqual(0.015);
      expect(top - third).toBeLessThanOrEqual(0.04);
      void sx;
    });
  }
});

describe('the lower borders of the pleura and the lungs at their surface markings', () => {
  // the parietal pleura crosses rib 8 at the midclavicular line, rib 10 at the midaxillary line
  // and rib 12 beside the spine; the lung (quiet breathing) about two ribs higher: 6, 8 and 10
  // (Gray's Anatomy; Moore). Angles from the posterior midline; a rib's height there is its
  // centre line (at the midclavicular line the ribs are costal cartilage). Within 1.5 cm.
  const LINES: [string, number, number, number][] = [
    ['midclavicular', 2.45, 8, 6],
    ['midaxillary', Math.PI / 2, 10, 8],
    ['paravertebral', 0.5, 12, 10],
  ];
  for (const side of ['left', 'right'] as const) {
    const sx = side === 'left' ? 1 : -1;
    for (const [line, th, pleuraRib, lungRib] of LINES) {
      it(`${line}: the pleura at rib ${pleuraRib}, the lung at rib ${lungRib} (${side})`, () => {
        const [dx, , dz] = [sx * Math.sin(th), 0, -Math.cos(th)];
        // the lowest point of a sac along that line: vertical rays up from below at several
        // distances from the trunk's axis
        const lowest = (id: string) => {
          let low = Infinity;
          for (const r of [0.03, 0.05, 0.07, 0.09, 0.11]) {
            const hit = index
              .hitsAlong([dx * r, 0.9, dz * r], [0, 1, 0], 0.7, new Set([id]))
              .find((h) => h.entering);
            if (hit) low = Math.min(low, 0.9 + hit.distance);
          }
          return low;
        };
        expect(Math.abs(lowest(`pleura-${side}`) - ribRing(pleuraRib, th)[1])).toBeLessThan(0.015);
        expect(Math.abs(lowest(`lung-${side}`) - ribRing(lungRib, th)[1])).toBeLessThan(0.015);
      });
    }
  }
});

describe('the pleura ends behind about level with T12', () => {
  // Next to the spine the parietal pleura crosses rib 12 and ends about level with T12, some
  // 2 cm lateral to its spinous process (Gray's Anatomy; Moore, Clinically Oriented Anatomy).
  // Until 2026-12 the medial recess beside T12–L1, judged by its angle round the chest, took the
  // midaxillary line's height and reached 61 mm below the T12 spinous process.
  for (const side of ['left', 'right'] as const) {
    it(`within 7 cm of the midline, behind the coronal midplane, its lowest point lies within 25 mm below the T12 spinous process (${side})`, () => {
      const p = meshes.find((m) => m.id === `pleura-${side}`)!.positions;
      let low = Infinity;
      for (let i = 0; i < p.length; i += 3)
        if (Math.abs(p[i]!) < 0.07 && p[i + 2]! < 0.01) low = Math.min(low, p[i + 1]!);
      const t12 = lm('t12-spinous-process').bone[1]!;
      expect((t12 - low) * 1000).toBeLessThan(25);
      expect((t12 - low) * 1000).toBeGreaterThan(-15);
    });
  }
});

describe('lungs lie inside the rib cage', () => {
  for (const side of ['left', 'right'] as const) {
    it(`lateral rays from lung vertices below rib 1 cross the chest wall (${side})`, () => {
      const lung = meshes.find((m) => m.id === `lung-${side}`)!;
      const wall = new Set([
        ...Array.from({ length: 12 }, (_, i) => `rib-${i + 1}-${side}`),
        `intercostal-muscles-${side}`,
        `costal-cartilages-${side}`,
        'sternum',
        ...Array.from({ length: 12 }, (_, i) => `vertebra-t${i + 1}`),
      ]);
      const apexLimit = lm(`clavicle-medial-end-${side}`).bone[1] - 0.01;
      let n = 0;
      let covered = 0;
      for (let i = 0; i < lung.positions.length; i += 3 * 7) {
        const p: [number, number, number] = [
          lung.positions[i]!,
          lung.positions[i + 1]!,
          lung.positions[i + 2]!,
        ];
        if (p[1] > apexLimit) continue;
        const out: [number, number, number] = [p[0], 0, p[2]];
        const l = Math.hypot(out[0], out[2]);
        if (l < 1e-6 || Math.abs(p[0]) < 0.04) continue;
        n++;
        const hits = index.hitsAlong(p, [out[0] / l, 0, out[2] / l], 0.2, wall);
        if (hits.length > 0) covered++;
      }
      expect(n).toBeGreaterThan(50);
      expect(covered / n).toBeGreaterThan(0.97);
    });
  }
});

describe('suboccipital midline: skin to the C2 spinous process', () => {
  // 37 ± 7.3 mm (mean ± SD, measured through a midline incision in 25 prone cadavers of mean age
  // 80; Musculoskelet Sci Pract 2025;76:103260): the model's average body
  // within two SD, and the depth growing with the build. (On the model the midline there is fat
  // down to the bone: there is no ligamentum nuchae yet.)
  const depthMm = (build: string) => {
    const b = loadBodyFromDisk(undefined, build);
    const bone = b.manifest.landmarks['c2-spinous-process']!.bone;
    const hits = b.index.hitsAlong([0, bone[1], -0.3], [0, 0, 1], 0.4);
    const skin = hits.find((h) => h.structure === 'skin' && h.entering)!;
    const c2 = hits.find((h) => h.structure === 'vertebra-c2' && h.entering)!;
    return (c2.distance - skin.distance) * 1000;
  };
  it('the average body: within 37 ± 2 × 7.3 mm (22.4–51.6 mm)', () => {
    const d = depthMm('average');
    expect(d).toBeGreaterThanOrEqual(37 - 2 * 7.3);
    expect(d).toBeLessThanOrEqual(37 + 2 * 7.3);
  });
  it('lean < average < high-BMI', () => {
    const [lean, avg, high] = ['lean', 'average', 'high-bmi'].map(depthMm);
    expect(lean!).toBeLessThan(avg!);
    expect(avg!).toBeLessThan(high!);
  });
});

describe('cervical midline: skin to the dura between the laminae', () => {
  // Skin to the epidural space by a midline needle, men (mean ± SD): 47 ± 6 mm at C5–6, 51 ± 6 at
  // C6–7, 56 ± 8 at C7–T1 (Han et al., Reg Anesth Pain Med 2003;28:95–97, 816 patients,
  // fluoroscopy); the epidural space behind the dural sac about 3–5 mm deep there (Aldrete et
  // al., J Clin Anesth 1998;10:309–13, MRI of 100 patients). The model's shortest midline path
  // from the skin to the dural sac that meets no bone, minus 4 mm, is compared with the mean ±
  // 2 SD. Measured 2026-12-08 on the average body: 70, 63 and 59 mm (the 4 mm taken off): the
  // back of the neck stands too far behind the mid-cervical spine (the trapezius and splenius run
  // straight across the lordosis, and the cervical spinous processes are long), so C5–6 (3.9 SD
  // deep) and C6–7 (at 2 SD) are known gaps (`it.fails`: a fix turns them into failures to
  // un-mark).
  const EPIDURAL_MM = 4;
  const depthMm = (build: string, upper: 'c5' | 'c6' | 'c7', lower: 'c6' | 'c7' | 't1') => {
    const b = loadBodyFromDisk(undefined, build);
    const [y0, y1] = [vert(lower).spinous[1], vert(upper).spinous[1]];
    let best = Infinity;
    for (let y = y0; y <= y1; y += 0.001)
      for (const tilt of [0, 0.15, 0.3, 0.45]) {
        const l = Math.hypot(tilt, 1);
        const dir: [number, number, number] = [0, tilt / l, 1 / l];
        // every line passes the midline at (y, z = −6 cm), behind the canal
        const from: [number, number, number] = [0.0005, y - dir[1] * 0.25, -0.06 - dir[2] * 0.25];
        const hits = b.index.hitsAlong(from, dir, 0.3);
        const skin = hits.find((h) => h.structure === 'skin' && h.entering);
        const dura = hits.find((h) => h.structure === 'spinal-cord' && h.entering);
        const bone = hits.find((h) => h.entering && h.structure.startsWith('vertebra-'));
        if (!skin || !dura || (bone && bone.distance < dura.distance)) continue;
        best = Math.min(best, (dura.distance - skin.distance) * 1000 - EPIDURAL_MM);
      }
    return best;
  };
  const LEVELS = [
    ['c5', 'c6', 47, 6, true],
    ['c6', 'c7', 51, 6, true],
    ['c7', 't1', 56, 8, false],
  ] as const;
  for (const [upper, lower, mean, sd, gap] of LEVELS) {
    (gap ? it.fails : it)(
      `${upper.toUpperCase()}–${lower.toUpperCase()}, the average body: within ${mean} ± 2 × ${sd} mm`,
      () => {
        const d = depthMm('average', upper, lower);
        expect(d).toBeGreaterThanOrEqual(mean - 2 * sd);
        expect(d).toBeLessThanOrEqual(mean + 2 * sd);
      },
    );
  }
  it('C7–T1: lean < average < high-BMI', () => {
    const [lean, avg, high] = ['lean', 'average', 'high-bmi'].map((b) => depthMm(b, 'c7', 't1'));
    expect(lean!).toBeLessThan(avg!);
    expect(avg!).toBeLessThan(high!);
  });
});

describe('anterior mid-thigh: skin to the femur', () => {
  // Ultrasound of the anterior thigh midway between the anterior superior iliac spine and the top
  // of the patella, validated against MRI (Mechelli et al., Methods Protoc 2019;2(3):58, 20
  // adults aged 36–64): rectus femoris and vastus intermedius together 28.0 ± 7.1 mm thick and the
  // subcutaneous fat 10.4 ± 4.1 mm (their two-year cohort, J Cachexia Sarcopenia Muscle Clin Rep
  // 2019). Skin to femur taken as the sum, about 38 mm, ± 2 SD of the sum (the two taken as
  // independent: SD 8.2 mm).
  // Measured 2026-12-08: 107–108 mm on the average body, with about 5 cm of filler between rectus
  // femoris and the femur (the model has no vastus intermedius, and the thigh is deep in front:
  // issue 21's excess thigh girth): a known gap (`it.fails`).
  const depthMm = (side: 'left' | 'right') => {
    const a = lm(`asis-${side}`).skin;
    const p = lm(`patella-center-${side}`).skin;
    const x = (a[0] + p[0]) / 2;
    const y = (a[1] + p[1]) / 2;
    const hits = index.hitsAlong([x, y, 0.3], [0, 0, -1], 0.4);
    const skin = hits.find((h) => h.structure === 'skin' && h.entering)!;
    const femur = hits.find((h) => h.structure === `femur-${side}` && h.entering);
    return femur ? (femur.distance - skin.distance) * 1000 : Infinity;
  };
  for (const side of ['left', 'right'] as const)
    it.fails(`${side}: within 38 ± 16 mm (22–54 mm)`, () => {
      const d = depthMm(side);
      expect(d).toBeGreaterThanOrEqual(22);
      expect(d).toBeLessThanOrEqual(54);
    });
  it('the femur lies under the front of the mid-thigh at all (the measurement is taken)', () => {
    for (const side of ['left', 'right'] as const) expect(depthMm(side)).toBeLessThan(200);
  });
});
