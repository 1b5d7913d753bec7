import type { Primitive, V3 } from '../lib/sdf.ts';

/** What the generator meshes for one structure. */
export interface StructureSpec {
  id: string;
  prims: Primitive[];
  /** Smooth-union blend width, metres. */
  blend: number;
  /** Mesh edge length, metres. */
  edge: number;
  /** Muscles: fibre segments (from, to) to give each vertex a fibre direction. */
  fibres?: [V3, V3][];
  /**
   * A container holds the remainder of its volume (the pleural sac around the lung): later
   * structures do not give way to it.
   */
  container?: boolean;
  /** Simplification tolerance and mesh inset, metres (default: by the structure's kind). */
  tol?: number;
  /** Clearance from the structures built before it, metres (default OVERLAP_GAP). */
  gap?: number;
}
