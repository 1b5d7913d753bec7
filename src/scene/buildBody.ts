import {
  BufferAttribute,
  BufferGeometry,
  FrontSide,
  Group,
  Mesh,
  MeshStandardMaterial,
  Vector3,
  type Raycaster,
  type Intersection,
} from 'three';
import { MeshBVH, acceleratedRaycast } from 'three-mesh-bvh';
import type { MeshData } from '../domain/body/glb.ts';
import type { Structure, StructureKind } from '../domain/body/manifest.ts';
import { KIND_COLORS } from './appearance.ts';
import { createMuscleMaterial } from './muscleMaterial.ts';

export interface BodyItem {
  readonly id: string;
  readonly structure: Structure;
  readonly mesh: Mesh<BufferGeometry, MeshStandardMaterial>;
  /** Mean of the vertices, metres, body frame. */
  readonly centroid: Vector3;
}

export interface BuiltBody {
  readonly group: Group;
  readonly items: ReadonlyMap<string, BodyItem>;
  dispose(): void;
}

const ROUGHNESS: Partial<Record<StructureKind, number>> = {
  skin: 0.75,
  bone: 0.65,
  cartilage: 0.45,
  nerve: 0.5,
  artery: 0.35,
  vein: 0.35,
  lung: 0.6,
  pleura: 0.3,
};

/**
 * Builds the BVH the first time a structure becomes pickable: the fat alone is over a million
 * triangles and hidden by default, so building every tree up front would delay the first frame.
 */
export function ensureBoundsTree(geometry: BufferGeometry): void {
  if (!geometry.boundsTree) geometry.boundsTree = new MeshBVH(geometry);
}

/** Turns off picking for a mesh without removing it from the scene. */
export function noRaycast(_raycaster: Raycaster, _hits: Intersection[]): void {}
export { acceleratedRaycast };

function geometryOf(m: MeshData): BufferGeometry {
  const g = new BufferGeometry();
  g.setAttribute('position', new BufferAttribute(m.positions, 3));
  g.setIndex(new BufferAttribute(m.indices, 1));
  if (m.fibers) g.setAttribute('fiber', new BufferAttribute(m.fibers, 3));
  g.computeVertexNormals();
  g.computeBoundingBox();
  g.computeBoundingSphere();
  return g;
}

function centroidOf(positions: Float32Array): Vector3 {
  const c = new Vector3();
  const n = positions.length / 3;
  for (let i = 0; i < positions.length; i += 3) {
    c.x += positions[i] ?? 0;
    c.y += positions[i + 1] ?? 0;
    c.z += positions[i + 2] ?? 0;
  }
  return n > 0 ? c.divideScalar(n) : c;
}

/**
 * Builds one mesh per structure from the GLB data. Each mesh gets its own material so that
 * selection, opacity and X-ray can be set per structure; muscles with fibres share one program.
 */
export function buildBody(
  meshes: readonly MeshData[],
  structures: Readonly<Record<string, Structure>>,
): BuiltBody {
  const group = new Group();
  group.name = 'body';
  const items = new Map<string, BodyItem>();
  for (const m of meshes) {
    const structure = structures[m.id];
    if (!structure) continue; // a mesh the manifest does not describe: skip rather than guess
    const geometry = geometryOf(m);
    const params = {
      color: KIND_COLORS[structure.kind],
      roughness: ROUGHNESS[structure.kind] ?? 0.6,
      metalness: 0,
      side: FrontSide,
    };
    const material =
      structure.kind === 'muscle' && m.fibers
        ? createMuscleMaterial(params)
        : new MeshStandardMaterial(params);
    const mesh = new Mesh(geometry, material);
    mesh.name = m.id;
    mesh.userData.id = m.id;
    mesh.raycast = noRaycast; // the view state decides (Body)
    mesh.matrixAutoUpdate = false;
    group.add(mesh);
    items.set(m.id, { id: m.id, structure, mesh, centroid: centroidOf(m.positions) });
  }
  return {
    group,
    items,
    dispose() {
      for (const { mesh } of items.values()) {
        mesh.geometry.dispose();
        mesh.material.dispose();
      }
    },
  };
}
