/**
 * Spatial queries on the body model for the needle, picking and the tests: every hit of a
 * segment through every mesh (entry and exit from the face orientation), which tissue holds a
 * point, and the distance from a point to a structure. One three-mesh-bvh per mesh.
 */
import { Box3, BufferAttribute, BufferGeometry, DoubleSide, Ray, Vector3 } from 'three';
import { MeshBVH } from 'three-mesh-bvh';
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
// three skewed directions: a ray that grazes an edge can miscount, a majority of three does not
const PARITY_DIRS = [
  new Vector3(0.5773, 0.5774, 0.5775).normalize(),
  new Vector3(-0.4123, 0.8165, -0.4041).normalize(),
  new Vector3(0.2673, -0.5345, 0.8018).normalize(),
];

export class BodyIndex {
  readonly meshes: readonly IndexedMesh[];
  private readonly byId: Map<string, IndexedMesh>;

  constructor(data: readonly MeshData[]) {
    this.meshes = data.map((d) => {
      const geometry = new BufferGeometry();
      geometry.setAttribute('position', new BufferAttribute(d.positions, 3));
      geometry.setIndex(new BufferAttribute(d.indices, 1));
      const bvh = new MeshBVH(geometry);
      geometry.computeBoundingBox();
      return { id: d.id, geometry, bvh, box: geometry.boundingBox!.clone() };
    });
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
  closest(id: string, p: BodyVec3): { distance: number; point: BodyVec3 } {
    const m = this.byId.get(id);
    if (!m) throw new Error(`BodyIndex.closest: unknown structure ${id}`);
    tmp.set(p[0], p[1], p[2]);
    const r = m.bvh.closestPointToPoint(tmp);
    if (!r) throw new Error(`BodyIndex.closest: ${id} has no triangles`);
    return { distance: r.distance, point: [r.point.x, r.point.y, r.point.z] };
  }
}
