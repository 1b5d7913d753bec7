import { useEffect, useMemo } from 'react';
import { useThree } from '@react-three/fiber';
import {
  BufferAttribute,
  BufferGeometry,
  CylinderGeometry,
  Group,
  LineBasicMaterial,
  LineSegments,
  Mesh,
  MeshBasicMaterial,
  Quaternion,
  SphereGeometry,
  Vector3,
} from 'three';
import { useStore } from '../store/index.ts';
import { VERDICT_COLORS } from './Needle.tsx';
import { useNeedleBody, useTargetGuide, type TargetGuide } from './needleService.ts';

const Y = new Vector3(0, 1, 0);

function build(g: TargetGuide): Group {
  const group = new Group();
  const { rec, cone } = g;
  const e = new Vector3(...rec.entry);
  const d = new Vector3(...rec.direction);
  // the cone: each simulated direction drawn to the depth it reached, coloured by its verdict
  const pos: number[] = [];
  const col: number[] = [];
  for (const r of cone.rays) {
    if (r.verdict === null || r.tiltDeg === 0) continue;
    const end = e.clone().addScaledVector(new Vector3(...r.direction), r.reachedDepthMm / 1000);
    pos.push(e.x, e.y, e.z, end.x, end.y, end.z);
    const hex = VERDICT_COLORS[r.verdict];
    const rgb = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
    col.push(...rgb, ...rgb);
  }
  const geo = new BufferGeometry();
  geo.setAttribute('position', new BufferAttribute(new Float32Array(pos), 3));
  geo.setAttribute('color', new BufferAttribute(new Float32Array(col), 3));
  const rays = new LineSegments(
    geo,
    new LineBasicMaterial({
      vertexColors: true,
      depthTest: false,
      transparent: true,
      opacity: 0.7,
    }),
  );
  rays.renderOrder = 998;
  // the catalog's depth range on the recommended line
  const a = e.clone().addScaledVector(d, rec.depthMm.min / 1000);
  const b = e.clone().addScaledVector(d, rec.depthMm.max / 1000);
  const band = new Mesh(
    new CylinderGeometry(1, 1, 1, 10),
    new MeshBasicMaterial({ color: '#5fd3ff', transparent: true, opacity: 0.45, depthTest: false }),
  );
  band.position.copy(a).add(b).multiplyScalar(0.5);
  band.quaternion.copy(new Quaternion().setFromUnitVectors(Y, d));
  band.scale.set(0.0025, Math.max(a.distanceTo(b), 0.0005), 0.0025);
  band.renderOrder = 997;
  // the trigger point itself
  const dot = new Mesh(
    new SphereGeometry(0.0025, 16, 12),
    new MeshBasicMaterial({ color: '#ffe14d', depthTest: false, transparent: true }),
  );
  dot.position.set(...g.point);
  dot.renderOrder = 1003;
  group.add(rays, band, dot);
  for (const o of group.children) o.raycast = () => {};
  return group;
}

/**
 * For a trigger point the needle was snapped to: the point (yellow), the catalog's depth range
 * on its recommended line (blue band) and the cone of directions around that line, each
 * simulated on the model and coloured safe, caution or unsafe.
 *
 * ```tsx
 * <Canvas><Needle /><NeedleGuide /></Canvas>
 * ```
 */
export function NeedleGuide() {
  const on = useStore((s) => s.mode === 'needle');
  const body = useNeedleBody(on);
  const guide = useTargetGuide(on ? body : null);
  const invalidate = useThree((s) => s.invalidate);
  const group = useMemo(() => (guide ? build(guide) : null), [guide]);
  useEffect(() => {
    invalidate();
    return () => {
      group?.traverse((o) => {
        const m = o as Mesh;
        m.geometry?.dispose();
        (m.material as MeshBasicMaterial | undefined)?.dispose();
      });
    };
  }, [group, invalidate]);
  return group ? <primitive object={group} /> : null;
}
