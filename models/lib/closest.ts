import type { V3 } from './sdf.ts';
import type { Arrays } from './mesh.ts';

/**
 * The skin point over a bony landmark: the first skin vertex region hit going from the bone along
 * `toward` (a unit direction, usually outward), else the nearest vertex. Brute force: it runs
 * once per landmark at build time.
 */
export function closestPointOnMesh(mesh: Arrays, p: V3, toward?: V3): V3 {
  const pos = mesh.positions;
  let best = Infinity;
  let bi = 0;
  for (let i = 0; i < pos.length / 3; i++) {
    const dx = pos[i * 3]! - p[0];
    const dy = pos[i * 3 + 1]! - p[1];
    const dz = pos[i * 3 + 2]! - p[2];
    let d2 = dx * dx + dy * dy + dz * dz;
    if (toward) {
      // prefer points along the given direction: penalise the off-axis part
      const along = dx * toward[0] + dy * toward[1] + dz * toward[2];
      const off = d2 - along * along;
      d2 = along > 0 ? off * 4 + along * along : d2 * 10;
    }
    if (d2 < best) {
      best = d2;
      bi = i;
    }
  }
  return [pos[bi * 3]!, pos[bi * 3 + 1]!, pos[bi * 3 + 2]!];
}
