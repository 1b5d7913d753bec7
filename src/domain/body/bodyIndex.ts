/**
 * Spatial queries on the body model for the needle, picking and the tests: every hit of a
 * segment through every mesh (entry and exit from the face orientation), which tissue holds a
 * point, and the distance from a point to a structure. One three-mesh-bvh per mesh.
 */
import { Box3, BufferAttribute, BufferGeometry, DoubleSide, Line3, Ray, Vector3 } from 'three';
import { MeshBVH, type ExtendedTriangle } from 'three-mesh-bvh';
import type { MeshData } from './glb.ts';
import type { BodyVec3 } from '../units.ts';

export interface IndexedMesh {
  readonly id: string;
  readonly geometry: BufferGeometry;
  readonly bvh: MeshBVH;
  readonly box: Box3;
}

export interface SegmentHit {
  readonly structure: string;
  /** Distance from the origin along the direction, metres. */
  readonly distance: number;
  /** True where the segment enters the structure, false where it leaves. */
  readonly entering: boolean;
}

/**
 * Structures stored as a closed surface that hold the remainder of their volume (see the
 * manifest's build.containers), innermost first: the pleural sacs inside the fat.
 */
export const CONTAINER_ORDER: readonly string[] = [
  'pleura-left',
  'pleura-right',
  'subcutaneous-fat',
];
export const CONTAINER_STRUCTURES: ReadonlySet<string> = new Set(CONTAINER_ORDER);

const ray = new Ray();
const tmp = new Vector3();
const tmpBox = new Box3();
const segment = new Line3();
const onTri = new Vector3();
const onSeg = new Vector3();
const boxHit = new Vector3();
const va = new Vector3();
const vb = new Vector3();
const vc = new Vector3();

/** Whether the segment (`segment`, module scratch) meets the box grown by `margin`. */
function segmentMeetsBox(box: Box3, margin: number): boolean {
  tmpBox.copy(box).expandByScalar(margin);
  if (tmpBox.containsPoint(segment.start)) return true;
  ray.origin.copy(segment.start);
  segment.delta(ray.direction);
  const len = ray.direction.length();
  if (len === 0) return false;
  ray.direction.divideScalar(len);
  const hit = ray.intersectBox(tmpBox, boxHit);
  return hit !== null && hit.distanceTo(segment.start) <= len;
}

export interface SegmentDistance {
  /** Metres from the segment to the structure's surface (0 where the segment crosses it). */
  distance: number;
  /** The closest point on the structure. */
  point: BodyVec3;
  /** The closest point on the segment. */
  onSegment: BodyVec3;
}
// three skewed directions: a ray that grazes an edge can miscount, a majority of three does not
const PARITY_DIRS = [
  new Vector3(0.5773, 0.5774, 0.5775).normalize(),
  new Vector3(-0.4123, 0.8165, -0.4041).normalize(),
  new Vector3(0.2673, -0.5345, 0.8018).normalize(),
];

/** Indexed meshes by their data: a body that shares meshes with another shares their trees. */
const indexed = new WeakMap<MeshData, IndexedMesh>();

function indexMesh(d: MeshData): IndexedMesh {
  const known = indexed.get(d);
  if (known) return known;
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new BufferAttribute(d.positions, 3));
  geometry.setIndex(new BufferAttribute(d.indices, 1));
  const bvh = new MeshBVH(geometry);
  geometry.computeBoundingBox();
  const m = { id: d.id, geometry, bvh, box: geometry.boundingBox!.clone() };
  indexed.set(d, m);
  return m;
}

export class BodyIndex {
  readonly meshes: readonly IndexedMesh[];
  private readonly byId: Map<string, IndexedMesh>;

  /** One BVH per mesh; a mesh already indexed for another body (same data) is reused. */
  constructor(data: readonly MeshData[]) {
    this.meshes = data.map(indexMesh);
    this.byId = new Map(this.meshes.map((m) => [m.id, m]));
  }

  get(id: string): IndexedMesh | undefined {
    return this.byId.get(id);
  }

  /** Every crossing of the segment origin + t·dir, 0 ≤ t ≤ maxDist, sorted by distance. */
  hitsAlong(
    origin: BodyVec3,
    dir: BodyVec3,
    maxDist: number,
    only?: ReadonlySet<string>,
  ): SegmentHit[] {
    ray.origin.set(origin[0], origin[1], origin[2]);
    ray.direction.set(dir[0], dir[1], dir[2]).normalize();
    const hits: SegmentHit[] = [];
    for (const m of this.meshes) {
      if (only && !only.has(m.id)) continue;
      if (!ray.intersectsBox(m.box) && !m.box.containsPoint(ray.origin)) continue;
      for (const h of m.bvh.raycast(ray, DoubleSide, 0, maxDist)) {
        const n = h.face?.normal;
        const entering = n ? n.dot(ray.direction) < 0 : true;
        hits.push({ structure: m.id, distance: h.distance, entering });
      }
    }
    hits.sort((a, b) => a.distance - b.distance);
    return hits;
  }

  /** The nearest surface hit of a ray (picking). */
  raycastFirst(
    origin: BodyVec3,
    dir: BodyVec3,
    visible?: ReadonlySet<string>,
  ): { structure: string; distance: number } | null {
    ray.origin.set(origin[0], origin[1], origin[2]);
    ray.direction.set(dir[0], dir[1], dir[2]).normalize();
    let best: { structure: string; distance: number } | null = null;
    for (const m of this.meshes) {
      if (visible && !visible.has(m.id)) continue;
      if (!ray.intersectsBox(m.box)) continue;
      const h = m.bvh.raycastFirst(ray, DoubleSide);
      if (h && (!best || h.distance < best.distance))
        best = { structure: m.id, distance: h.distance };
    }
    return best;
  }

  /** Whether the closed mesh contains the point (ray parity). */
  contains(id: string, p: BodyVec3): boolean {
    const m = this.byId.get(id);
    if (!m) throw new Error(`BodyIndex.contains: unknown structure ${id}`);
    tmp.set(p[0], p[1], p[2]);
    if (!m.box.containsPoint(tmp)) return false;
    let votes = 0;
    for (const d of PARITY_DIRS) {
      ray.origin.copy(tmp);
      ray.direction.copy(d);
      if (m.bvh.raycast(ray, DoubleSide).length % 2 === 1) votes++;
    }
    return votes >= 2;
  }

  /** Every structure whose closed mesh contains the point (containers included). */
  containing(p: BodyVec3): string[] {
    return this.meshes.filter((m) => this.contains(m.id, p)).map((m) => m.id);
  }

  /** The one tissue at a point: a structure, else a container, else null (outside the body). */
  tissueAt(p: BodyVec3): string | null {
    const inside = this.containing(p);
    return (
      inside.find((id) => !CONTAINER_STRUCTURES.has(id)) ??
      CONTAINER_ORDER.find((id) => inside.includes(id)) ??
      null
    );
  }

  /** Distance (metres) from a point to a structure's surface, and the closest point. */
  closest(id: string, p: BodyVec3): { distance: number; point: BodyVec3; faceIndex: number } {
    const m = this.mesh(id, 'closest');
    tmp.set(p[0], p[1], p[2]);
    const r = m.bvh.closestPointToPoint(tmp);
    if (!r) throw new Error(`BodyIndex.closest: ${id} has no triangles`);
    return {
      distance: r.distance,
      point: [r.point.x, r.point.y, r.point.z],
      faceIndex: r.faceIndex,
    };
  }

  /**
   * The outward unit normal of a structure's surface at a point on one of its faces, smoothed:
   * the vertex normals interpolated across the face, so it does not jump from face to face.
   */
  normalAt(id: string, point: BodyVec3, faceIndex: number): BodyVec3 {
    const m = this.mesh(id, 'normalAt');
    const g = m.geometry;
    if (!g.getAttribute('normal')) g.computeVertexNormals();
    const idx = g.index!;
    const pos = g.getAttribute('position');
    const nor = g.getAttribute('normal');
    const i0 = idx.getX(faceIndex * 3);
    const i1 = idx.getX(faceIndex * 3 + 1);
    const i2 = idx.getX(faceIndex * 3 + 2);
    va.fromBufferAttribute(pos, i0);
    vb.fromBufferAttribute(pos, i1);
    vc.fromBufferAttribute(pos, i2);
    // barycentric weights of the point in the face
    const v0 = vb.sub(va);
    const v1 = vc.sub(va);
    const v2 = tmp.set(point[0], point[1], point[2]).sub(va);
    const d00 = v0.dot(v0);
    const d01 = v0.dot(v1);
    const d11 = v1.dot(v1);
    const d20 = v2.dot(v0);
    const d21 = v2.dot(v1);
    const den = d00 * d11 - d01 * d01 || 1;
    const w1 = Math.min(1, Math.max(0, (d11 * d20 - d01 * d21) / den));
    const w2 = Math.min(1 - w1, Math.max(0, (d00 * d21 - d01 * d20) / den));
    const w0 = 1 - w1 - w2;
    const n = [0, 0, 0];
    for (const [i, w] of [
      [i0, w0],
      [i1, w1],
      [i2, w2],
    ] as const) {
      n[0]! += nor.getX(i) * w;
      n[1]! += nor.getY(i) * w;
      n[2]! += nor.getZ(i) * w;
    }
    const l = Math.hypot(n[0]!, n[1]!, n[2]!) || 1;
    return [n[0]! / l, n[1]! / l, n[2]! / l];
  }

  /**
   * Distance from the segment a→b to a structure's surface: exact over the mesh's triangles
   * (three-mesh-bvh shapecast), pruning boxes farther than the best found. `within` (metres)
   * stops the search early: beyond it, `null`.
   */
  distanceToSegment(
    id: string,
    a: BodyVec3,
    b: BodyVec3,
    within = Infinity,
  ): SegmentDistance | null {
    const m = this.mesh(id, 'distanceToSegment');
    segment.start.set(a[0], a[1], a[2]);
    segment.end.set(b[0], b[1], b[2]);
    if (!segmentMeetsBox(m.box, within)) return null;
    let best = within;
    let found: SegmentDistance | null = null;
    m.bvh.shapecast({
      intersectsBounds: (box) => segmentMeetsBox(box, best),
      intersectsTriangle: (tri: ExtendedTriangle) => {
        const d = tri.closestPointToSegment(segment, onTri, onSeg);
        if (d < best) {
          best = d;
          found = {
            distance: d,
            point: [onTri.x, onTri.y, onTri.z],
            onSegment: [onSeg.x, onSeg.y, onSeg.z],
          };
        }
        return d === 0;
      },
    });
    return found;
  }

  private mesh(id: string, fn: string): IndexedMesh {
    const m = this.byId.get(id);
    if (!m) throw new Error(`BodyIndex.${fn}: unknown structure ${id}`);
    return m;
  }
}
