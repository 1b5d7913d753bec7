import { useEffect, useMemo } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import {
  BufferGeometry,
  CylinderGeometry,
  DoubleSide,
  FrontSide,
  Group,
  Line,
  LineBasicMaterial,
  LineDashedMaterial,
  Mesh,
  MeshBasicMaterial,
  MeshStandardMaterial,
  Plane,
  Quaternion,
  SphereGeometry,
  Vector3,
} from 'three';
import type { NeedleResult, Verdict } from '../domain/needle/simulate.ts';
import type { BodyVec3 } from '../domain/units.ts';
import { useStore } from '../store/index.ts';
import { useNeedleBody, useNeedleOutcome } from './needleService.ts';
import { sceneRegistry } from './registry.ts';

export const VERDICT_COLORS: Record<Verdict, string> = {
  safe: '#3ccf6e',
  caution: '#f5b731',
  unsafe: '#ff3b3b',
};

const Y = new Vector3(0, 1, 0);
const a = new Vector3();
const b = new Vector3();
const q = new Quaternion();
const camDir = new Vector3();
const planeNormal = new Vector3();

/** Places a unit cylinder (height 1 along Y, centred) between two points with a radius. */
function span(mesh: Mesh, from: BodyVec3, to: BodyVec3, radius: number): void {
  a.set(from[0], from[1], from[2]);
  b.set(to[0], to[1], to[2]);
  const len = a.distanceTo(b);
  mesh.visible = len > 1e-6;
  if (!mesh.visible) return;
  mesh.position.copy(a).add(b).multiplyScalar(0.5);
  q.setFromUnitVectors(Y, b.sub(a).normalize());
  mesh.quaternion.copy(q);
  mesh.scale.set(radius, len, radius);
}

const at = (p: BodyVec3, d: BodyVec3, mm: number): BodyVec3 => [
  p[0] + (d[0] * mm) / 1000,
  p[1] + (d[1] * mm) / 1000,
  p[2] + (d[2] * mm) / 1000,
];

/** The objects of the needle, made once and moved as the needle changes. */
function makeParts() {
  const unit = new CylinderGeometry(1, 1, 1, 12);
  // drawn over the tissues so the inserted part shows through skin and muscle
  const inside = new Mesh(
    unit,
    new MeshBasicMaterial({ color: VERDICT_COLORS.safe, depthTest: false, transparent: true }),
  );
  inside.renderOrder = 1000;
  const outside = new Mesh(
    unit,
    new MeshStandardMaterial({ color: '#c9ced6', metalness: 0.8, roughness: 0.3 }),
  );
  const handle = new Mesh(
    unit,
    new MeshStandardMaterial({ color: '#7d8795', metalness: 0.6, roughness: 0.4 }),
  );
  const tip = new Mesh(
    new SphereGeometry(1, 16, 12),
    new MeshBasicMaterial({ color: VERDICT_COLORS.safe, depthTest: false, transparent: true }),
  );
  tip.renderOrder = 1001;
  const dangerLine = new Line(
    new BufferGeometry(),
    new LineDashedMaterial({
      color: '#ff5a5a',
      dashSize: 0.003,
      gapSize: 0.002,
      depthTest: false,
      transparent: true,
    }),
  );
  dangerLine.renderOrder = 1002;
  const aheadLine = new Line(
    new BufferGeometry(),
    new LineBasicMaterial({ color: '#ffffff', depthTest: false, transparent: true, opacity: 0.5 }),
  );
  aheadLine.renderOrder = 999;
  const group = new Group();
  group.add(inside, outside, handle, tip, dangerLine, aheadLine);
  for (const o of group.children) o.raycast = () => {};
  return { group, inside, outside, handle, tip, dangerLine, aheadLine };
}
type Parts = ReturnType<typeof makeParts>;

function place(parts: Parts, r: NeedleResult): void {
  const { entry, direction: d } = r;
  const length = r.lengthMm ?? r.depthMm;
  span(parts.inside, entry, r.tip.position, 0.0009);
  const hub = at(entry, d, -(length - r.reachedDepthMm));
  span(parts.outside, hub, entry, 0.0006);
  span(parts.handle, at(hub, d, -30), hub, 0.0022);
  const color = VERDICT_COLORS[r.verdict];
  (parts.inside.material as MeshBasicMaterial).color.set(color);
  (parts.tip.material as MeshBasicMaterial).color.set(color);
  parts.tip.position.set(...r.tip.position);
  parts.tip.scale.setScalar(0.0022);
  const nd = r.nearestDanger;
  parts.dangerLine.visible = !!nd && nd.distanceFromPathMm > 0.05;
  if (nd) {
    parts.dangerLine.geometry.setFromPoints([
      new Vector3(...nd.closestOnShaft),
      new Vector3(...nd.closestPoint),
    ]);
    parts.dangerLine.computeLineDistances();
  }
  // the line ahead of the tip to the first danger along it, faint
  parts.aheadLine.visible = !!r.ahead;
  if (r.ahead)
    parts.aheadLine.geometry.setFromPoints([
      new Vector3(...r.tip.position),
      new Vector3(...at(entry, d, r.ahead.depthMm)),
    ]);
}

/**
 * The virtual needle: its shaft in the body coloured by the verdict, the part above the skin and
 * its handle, the tip, a dashed line to the nearest danger, and (with `cutaway`) the body cut
 * along the needle's plane facing the camera.
 *
 * ```tsx
 * <Canvas><Body /><Needle /></Canvas>
 * ```
 */
export function Needle() {
  const mode = useStore((s) => s.mode);
  const cutaway = useStore((s) => s.cutaway);
  // Teach mode shows the needle of a tour's step
  const shown = mode === 'needle' || mode === 'teach';
  const body = useNeedleBody(shown);
  const outcome = useNeedleOutcome(shown ? body : null);
  const invalidate = useThree((s) => s.invalidate);
  const gl = useThree((s) => s.gl);
  const parts = useMemo(makeParts, []);
  const plane = useMemo(() => new Plane(), []);
  const result = outcome?.ok ? outcome.result : null;

  useEffect(() => {
    parts.group.visible = !!result;
    if (result) place(parts, result);
    invalidate();
  }, [parts, result, invalidate]);

  // the cutaway: the body's materials clip against a plane through the needle
  const cutting = cutaway && !!result;
  useEffect(() => {
    gl.localClippingEnabled = cutting;
    const items = sceneRegistry.body?.items.values() ?? [];
    for (const { mesh } of items) {
      mesh.material.clippingPlanes = cutting ? [plane] : null;
      mesh.material.clipShadows = false;
      mesh.material.side = cutting ? DoubleSide : FrontSide;
      mesh.material.needsUpdate = true;
    }
    invalidate();
  }, [cutting, gl, plane, invalidate]);

  useEffect(
    () => () => {
      for (const { mesh } of sceneRegistry.body?.items.values() ?? []) {
        mesh.material.clippingPlanes = null;
        mesh.material.side = FrontSide;
      }
      for (const o of parts.group.children) {
        const m = o as Mesh;
        m.geometry.dispose();
        (m.material as MeshBasicMaterial).dispose();
      }
    },
    [parts],
  );

  useFrame(({ camera }) => {
    if (!cutting || !result) return;
    // the plane holds the needle and faces the camera; the half nearer the camera is cut away
    const e = result.entry;
    const d = result.direction;
    camDir.set(e[0], e[1], e[2]).sub(camera.position);
    a.set(d[0], d[1], d[2]);
    planeNormal.copy(camDir).addScaledVector(a, -camDir.dot(a)).normalize();
    plane.setFromNormalAndCoplanarPoint(planeNormal, b.set(e[0], e[1], e[2]));
  });

  return shown ? <primitive object={parts.group} /> : null;
}
