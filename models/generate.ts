/** The generation pipeline, separate from build.ts's caching so tests and benchmarks can call it. */
import { Document, NodeIO } from '@gltf-transform/core';
import { EXTMeshoptCompression, KHRMeshQuantization } from '@gltf-transform/extensions';
import { reorder } from '@gltf-transform/functions';
import { MeshoptEncoder } from 'meshoptimizer';
import { ALL_STRUCTURES, idsOf, type StructureDef } from './structures.ts';
import { boneSpecs } from './anatomy/bones.ts';
import { neckVisceraSpec, organSpecs, visceraSpec } from './anatomy/organs.ts';
import { neurovascularSpecs } from './anatomy/neurovascular.ts';
import { muscleSpecs } from './anatomy/muscles.ts';
import { envelope, fatThickness, FAT_SOURCE, SKIN_THICKNESS } from './anatomy/envelope.ts';
import { bmiOf, habitusFat, HABITUS, HABITUS_SOURCE } from './anatomy/habitus.ts';
import { landmarkBonePoints } from './anatomy/landmarks.ts';
import { SOURCES } from './anatomy/frame.ts';
import type { StructureSpec } from './anatomy/spec.ts';
import { PriorityIndex, Shape, type Bounds, type V3 } from './lib/sdf.ts';
import { levelSet, manifoldApi, toArrays, type Manifold, type Arrays } from './lib/mesh.ts';
import type { ManifoldToplevel } from 'manifold-3d';
import { closestPointOnMesh } from './lib/closest.ts';
import { signedMeshDistance } from './lib/meshDistance.ts';
import { ANSUR_SOURCE, ansur } from './params/ansur.ts';
import type { Manifest, Structure } from '../src/domain/body/manifest.ts';

export interface GenerateOptions {
  version: string;
  log?: (msg: string) => void;
  /** Build only structures whose id starts with one of these (tests); default all. */
  only?: readonly string[];
}

interface Built {
  spec: StructureSpec;
  def: StructureDef;
  side: 'left' | 'right' | 'midline';
  m: Manifold;
}

/** Clearance kept between neighbouring tissues, metres: absorbs the mesher's error. */
const OVERLAP_GAP = 0.001;
/** Simplification tolerance by tissue, metres: thin structures keep more detail. */
const SIMPLIFY_BY_KIND: Record<StructureDef['kind'], number> = {
  skin: 0.002,
  fat: 0.002,
  muscle: 0.0012,
  bone: 0.001,
  cartilage: 0.0006,
  lung: 0.0012,
  pleura: 0.0005,
  organ: 0.0015,
  nerve: 0.0004,
  artery: 0.0004,
  vein: 0.0004,
};
const ENVELOPE_TOL = 0.002;

export const PLEURA_CONTAINER =
  'pleura-left/right are stored as the closed surface of the pleural sac (parietal pleura); the pleura and pleural space are that volume less the lung, and a path that crosses the surface has reached the parietal pleura';

export const FAT_CONTAINER =
  'subcutaneous-fat is stored as the closed surface under the skin; the fat tissue is that volume less every other structure, so a point inside it belongs to the fat only when it is in no other structure';

const DEFS = new Map<string, { def: StructureDef; side: 'left' | 'right' | 'midline' }>();
for (const def of ALL_STRUCTURES) {
  for (const id of idsOf(def)) {
    DEFS.set(id, { def, side: def.paired ? (id.endsWith('-left') ? 'left' : 'right') : 'midline' });
  }
}

export async function generateBody(opts: GenerateOptions): Promise<{
  glb: Uint8Array;
  manifest: Manifest;
  /** Further files beside body.glb: the body builds' skin and fat. */
  extra: { file: string; glb: Uint8Array }[];
}> {
  const log = opts.log ?? (() => {});
  const api = await manifoldApi();
  const specs: StructureSpec[] = [
    ...boneSpecs(),
    ...organSpecs(),
    ...neurovascularSpecs(),
    ...muscleSpecs(),
    visceraSpec(),
    neckVisceraSpec(),
  ];
  const built: Built[] = [];
  specs.forEach((spec) => {
    const entry = DEFS.get(spec.id);
    if (!entry) throw new Error(`generateBody: ${spec.id} is not in models/structures.ts`);
  });
  // Fat and skin: the union of everything, deep structures too (the envelope must have no voids
  // inside the body), offset by a regional fat thickness.
  const env = envelope(specs);
  log('sampled the envelope');
  // containers do not push later structures away: leave them out of the priority index
  const index = new PriorityIndex(specs.map((s) => (s.container ? { prims: [], blend: 0 } : s)));
  specs.forEach((spec, k) => {
    const entry = DEFS.get(spec.id)!;
    if (opts.only && !opts.only.some((p) => spec.id.startsWith(p))) return;
    const t0 = performance.now();
    const shape = new Shape(spec.prims, spec.blend);
    const gap = spec.gap ?? OVERLAP_GAP;
    // Tissues do not overlap: what was built first keeps the shared space, and everything stays
    // inside the fat's outer surface. A small gap absorbs the mesher's error.
    const d = (p: V3) => {
      const own = shape.d(p);
      if (own > 0.004) return own;
      return Math.max(own, gap - index.d(p, k), env.d(p) + OVERLAP_GAP);
    };
    // Mesh the surface inset by the simplification tolerance, then simplify: the simplified
    // surface stays inside the structure's own region, so neighbours never overlap.
    const tol = spec.tol ?? SIMPLIFY_BY_KIND[entry.def.kind];
    const m = levelSet(api, d, shape.bounds, {
      edge: spec.edge,
      simplify: tol,
      level: tol,
      pad: spec.blend + spec.edge * 2,
    });
    if (m.isEmpty())
      throw new Error(`generateBody: ${spec.id} vanished after removing the overlap`);
    if (process.env.MODEL_DEBUG)
      log(`  ${spec.id}: ${m.numTri()} tris in ${(performance.now() - t0).toFixed(0)} ms`);
    built.push({ spec, def: entry.def, side: entry.side, m });
  });
  log(`meshed ${built.length} structures`);
  const { fat, skin, skinArrays } = meshEnvelope(api, env.d, env.bounds);
  log('meshed the envelope');
  const all: {
    id: string;
    def: StructureDef;
    side: Built['side'];
    m: Manifold;
    fibres?: [V3, V3][];
  }[] = [
    { id: 'skin', ...DEFS.get('skin')!, m: skin },
    { id: 'subcutaneous-fat', ...DEFS.get('subcutaneous-fat')!, m: fat },
    ...built.map((x) => ({
      id: x.spec.id,
      def: x.def,
      side: x.side,
      m: x.m,
      ...(x.spec.fibres ? { fibres: x.spec.fibres } : {}),
    })),
  ];

  const { glb, structures } = await writeGlb(all);

  // Body builds: the same body with the skin and fat of a lighter and a heavier man
  const extra: { file: string; glb: Uint8Array }[] = [];
  for (const h of HABITUS) {
    if (!h.glb) continue;
    const e = meshEnvelope(api, env.withFat(habitusFat(h, fatThickness)), env.bounds);
    const out = await writeGlb([
      { id: 'skin', ...DEFS.get('skin')!, m: e.skin },
      { id: 'subcutaneous-fat', ...DEFS.get('subcutaneous-fat')!, m: e.fat },
    ]);
    extra.push({ file: h.glb, glb: out.glb });
    log(`meshed the ${h.id} build`);
  }
  // Landmarks: the bony point, and the nearest point on the skin over it.
  const landmarks: Manifest['landmarks'] = {};
  for (const [id, lm] of Object.entries(landmarkBonePoints())) {
    const skinPt = closestPointOnMesh(skinArrays, lm.point, lm.toward);
    landmarks[id] = { bone: round3(lm.point), skin: round3(skinPt), source: lm.source };
  }
  const manifest: Manifest = {
    version: opts.version,
    units: 'm',
    body: {
      sex: 'male',
      statureMm: Math.round(ansur('stature') * 10000) / 10,
      source: ANSUR_SOURCE,
    },
    structures,
    landmarks,
    habitus: HABITUS.map((h) => ({
      id: h.id,
      name: h.name,
      bmi: bmiOf(h),
      weightKg: Math.round(h.weightKg * 10) / 10,
      glb: h.glb,
      structures: h.glb ? ['skin', 'subcutaneous-fat'] : [],
      source: HABITUS_SOURCE,
    })),
    build: {
      sources: SOURCES,
      fat: FAT_SOURCE,
      containers: {
        'subcutaneous-fat': FAT_CONTAINER,
        'pleura-left': PLEURA_CONTAINER,
        'pleura-right': PLEURA_CONTAINER,
      },
    },
  };
  return { glb, manifest, extra };
}

/** Simplification tolerance of the skin's outer surface, metres. */
const SKIN_TOL = 0.0015;
/** The thinnest skin the simplified meshes may leave, metres. */
export const SKIN_MIN = 0.001;

/**
 * The fat's outer surface and the skin over it, from a signed distance to the fat surface. The
 * surfaces are grown by the tolerance before simplifying, so the simplified fat surface stays
 * outside everything it must contain.
 *
 * The skin's outer surface is the union of the level set SKIN_THICKNESS outside the fat's and
 * the simplified fat mesh itself grown by 3.3 mm (SKIN_MIN + SKIN_TOL + a margin for the grid's
 * chords). The two level sets alone, each simplified on its own, met or crossed wherever d was
 * steep (the fat thickness steps, e.g. at the xiphoid: a ring round the chest at y ≈ 1.25 m), and
 * the fat was then the outermost tissue. Grown from the fat mesh, the skin keeps at least about
 * SKIN_MIN after simplifying (about 2–3.5 mm over most of the body). Inner voids of the union (no
 * structure there) are filled with fat rather than wrapped in closed pieces of skin.
 */
function meshEnvelope(api: ManifoldToplevel, d: (p: V3) => number, bounds: Bounds) {
  const inner = largestPiece(
    levelSet(api, d, bounds, {
      edge: 0.008,
      simplify: ENVELOPE_TOL,
      pad: 0.01,
      level: -ENVELOPE_TOL,
    }),
  );
  // the margin: the grid's chords cut into a convex offset by up to about half a millimetre, and
  // by up to 0.7 mm where the fat mesh has a sharp crease (the front of the abdomen at y = 1.19 m
  // left 0.78 mm of skin on one build when the grid moved with the body's bounds)
  const grow = SKIN_MIN + SKIN_TOL + 0.0008;
  const reach = 0.016;
  const dist = signedMeshDistance(toArrays(inner) as Arrays, reach);
  // the skin's surface: within reach of the fat mesh, the farther out of the two surfaces. The
  // side of the fat surface is read from the mesh, not from d: where the fat thickness steps, the
  // mesh and d's level set part by up to half a cell.
  const outerD = (p: V3): number => {
    const a = d(p) - SKIN_THICKNESS - ENVELOPE_TOL;
    if (a < -0.03 || a > 0.03) return a;
    const s = dist(p);
    if (!(Math.abs(s) < reach)) return a;
    return Math.min(a, s - grow);
  };
  const outer = largestPiece(
    levelSet(api, outerD, bounds, { edge: 0.008, simplify: SKIN_TOL, pad: 0.012 }),
  );
  // The fat is stored as its outer surface: it fills that volume wherever no other structure is
  // (FAT_CONTAINER in the manifest). Storing it cut would copy every other surface into it.
  return {
    fat: inner,
    skin: outer.subtract(inner),
    skinArrays: toArrays(outer) as Arrays,
  };
}

/**
 * The connected piece of largest volume: drops a solid's inner voids (inverted pieces) and stray
 * bits. Not for a shell, whose inner surface is a piece of its own.
 */
function largestPiece(m: Manifold): Manifold {
  const parts = m.decompose();
  if (parts.length <= 1) {
    parts.forEach((p) => p.delete());
    return m;
  }
  let best = 0;
  parts.forEach((p, i) => {
    if (p.volume() > parts[best]!.volume()) best = i;
  });
  parts.forEach((p, i) => {
    if (i !== best) p.delete();
  });
  return parts[best]!;
}

interface GlbPart {
  id: string;
  def: StructureDef;
  side: Built['side'];
  m: Manifold;
  fibres?: [V3, V3][];
}

/** One GLB with a node per structure, and the structures' manifest entries. */
async function writeGlb(
  all: readonly GlbPart[],
): Promise<{ glb: Uint8Array; structures: Structure[] }> {
  const doc = new Document();
  // positions as 16-bit integers with the node's scale and translation (KHR_mesh_quantization):
  // half the bytes, 0.03 mm resolution at worst
  doc.createExtension(KHRMeshQuantization).setRequired(true);
  const buffer = doc.createBuffer();
  const scene = doc.createScene('body');
  const structures: Structure[] = [];
  for (const s of all) {
    if (s.m.status() !== 'NoError')
      throw new Error(`generateBody: ${s.id}: manifold status ${s.m.status()}`);
    const arr = toArrays(s.m);
    const q = quantize(arr.positions);
    const prim = doc
      .createPrimitive()
      .setAttribute(
        'POSITION',
        doc.createAccessor().setType('VEC3').setArray(q.values).setBuffer(buffer),
      )
      .setIndices(
        doc
          .createAccessor()
          .setType('SCALAR')
          .setArray(arr.positions.length / 3 < 65536 ? Uint16Array.from(arr.indices) : arr.indices)
          .setBuffer(buffer),
      );
    if (s.fibres) {
      prim.setAttribute(
        '_FIBER',
        doc
          .createAccessor()
          .setType('VEC3')
          .setArray(fibreDirections(arr.positions, s.fibres))
          .setNormalized(true)
          .setBuffer(buffer),
      );
    }
    const mesh = doc.createMesh(s.id).addPrimitive(prim);
    scene.addChild(
      doc.createNode(s.id).setMesh(mesh).setTranslation(q.translation).setScale(q.scale),
    );
    const entry: Structure = {
      id: s.id,
      name: s.def.name,
      kind: s.def.kind,
      side: s.side,
      closed: s.m.status() === 'NoError' && !s.m.isEmpty(),
      triangles: arr.indices.length / 3,
      volumeCm3: Math.round(s.m.volume() * 1e6 * 10) / 10,
    };
    if (s.def.group) entry.group = s.def.group;
    if (s.def.layer !== undefined) entry.layer = s.def.layer;
    if (s.def.source) entry.source = s.def.source;
    structures.push(entry);
  }
  // Vertices and triangles reordered for locality, then each buffer view meshopt-encoded
  // (EXT_meshopt_compression, no lossy filters): the file gzips to under half the size.
  await MeshoptEncoder.ready;
  await doc.transform(reorder({ encoder: MeshoptEncoder, target: 'size' }));
  doc
    .createExtension(EXTMeshoptCompression)
    .setRequired(true)
    .setEncoderOptions({ method: EXTMeshoptCompression.EncoderMethod.QUANTIZE });
  const glb = await new NodeIO()
    .registerExtensions([KHRMeshQuantization, EXTMeshoptCompression])
    .registerDependencies({ 'meshopt.encoder': MeshoptEncoder })
    .writeBinary(doc);
  return { glb, structures };
}

/** Positions as int16 with p = translation + scale · q, per axis. */
function quantize(p: Float32Array): {
  values: Int16Array<ArrayBuffer>;
  translation: V3;
  scale: V3;
} {
  const min: V3 = [Infinity, Infinity, Infinity];
  const max: V3 = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i < p.length; i++) {
    const a = i % 3;
    min[a] = Math.min(min[a]!, p[i]!);
    max[a] = Math.max(max[a]!, p[i]!);
  }
  const scale = [0, 1, 2].map((a) => Math.max((max[a]! - min[a]!) / 65534, 1e-9)) as V3;
  const translation = [0, 1, 2].map((a) => (min[a]! + max[a]!) / 2) as V3;
  const values = new Int16Array(p.length);
  for (let i = 0; i < p.length; i++) {
    const a = i % 3;
    values[i] = Math.max(
      -32767,
      Math.min(32767, Math.round((p[i]! - translation[a]!) / scale[a]!)),
    );
  }
  return { values, translation, scale };
}

const round3 = (p: V3): [number, number, number] => [
  Math.round(p[0] * 1e5) / 1e5,
  Math.round(p[1] * 1e5) / 1e5,
  Math.round(p[2] * 1e5) / 1e5,
];

/** The direction of the nearest fibre segment at each vertex, as normalized signed bytes. */
function fibreDirections(positions: Float32Array, fibres: [V3, V3][]): Int8Array<ArrayBuffer> {
  const n = positions.length / 3;
  const out = new Int8Array(n * 3);
  for (let i = 0; i < n; i++) {
    const px = positions[i * 3]!;
    const py = positions[i * 3 + 1]!;
    const pz = positions[i * 3 + 2]!;
    let best = Infinity;
    let bx = 0;
    let by = 1;
    let bz = 0;
    for (const [a, b] of fibres) {
      const abx = b[0] - a[0];
      const aby = b[1] - a[1];
      const abz = b[2] - a[2];
      const l2 = abx * abx + aby * aby + abz * abz || 1e-12;
      const t = Math.min(
        1,
        Math.max(0, ((px - a[0]) * abx + (py - a[1]) * aby + (pz - a[2]) * abz) / l2),
      );
      const dx = px - a[0] - abx * t;
      const dy = py - a[1] - aby * t;
      const dz = pz - a[2] - abz * t;
      const d2 = dx * dx + dy * dy + dz * dz;
      if (d2 < best) {
        best = d2;
        const l = Math.sqrt(l2);
        bx = abx / l;
        by = aby / l;
        bz = abz / l;
      }
    }
    out[i * 3] = Math.round(bx * 127);
    out[i * 3 + 1] = Math.round(by * 127);
    out[i * 3 + 2] = Math.round(bz * 127);
  }
  return out;
}
