/**
 * Teach mode on the body: the laser pointer (a bright dot that follows the pointer over what is
 * drawn), freehand strokes that stay on the body as the camera turns, and the class heat map with
 * the target: each student's spot (overlapping spots adding up, coloured by score, the centre in
 * the student's colour), or each needle as it was scored, from its entry (in the student's
 * colour) along its direction to the depth it reached, in its verdict's colour.
 */
import { useEffect, useMemo } from 'react';
import { useThree } from '@react-three/fiber';
import {
  AdditiveBlending,
  Color,
  Group,
  Mesh,
  MeshBasicMaterial,
  Raycaster,
  SphereGeometry,
  Vector2,
} from 'three';
import { Line2 } from 'three/examples/jsm/lines/Line2.js';
import { LineGeometry } from 'three/examples/jsm/lines/LineGeometry.js';
import { LineMaterial } from 'three/examples/jsm/lines/LineMaterial.js';
import type { BodyVec3 } from '../domain/units.ts';
import { useStore } from '../store/index.ts';
import { VERDICT_COLORS } from './Needle.tsx';
import { sceneRegistry } from './registry.ts';
import { studentColor } from './studentColors.ts';

const sphere = new SphereGeometry(1, 16, 12);
const raycaster = new Raycaster();
raycaster.firstHitOnly = true;
const ndc = new Vector2();
/** A new stroke point only this far (m) from the last, so strokes stay light. */
const STROKE_STEP = 0.002;

function dot(p: BodyVec3, color: string | Color, radius: number, additive = false): Mesh {
  const m = new Mesh(
    sphere,
    new MeshBasicMaterial({
      color,
      depthTest: false,
      transparent: true,
      opacity: additive ? 0.35 : 0.95,
      ...(additive ? { blending: AdditiveBlending, depthWrite: false } : {}),
    }),
  );
  m.position.set(p[0], p[1], p[2]);
  m.scale.setScalar(radius);
  m.renderOrder = 995;
  m.raycast = () => {};
  return m;
}

/** A needle that could not go in: no verdict, so no verdict's colour. */
export const NO_VERDICT_COLOR = '#8a94a0';

function segment(
  a: BodyVec3,
  b: BodyVec3,
  color: string,
  width: number,
  size: { width: number; height: number },
): Line2 {
  const geo = new LineGeometry();
  geo.setPositions([a[0], a[1], a[2], b[0], b[1], b[2]]);
  const mat = new LineMaterial({ color, linewidth: width, depthTest: false, transparent: true });
  mat.resolution.set(size.width, size.height);
  const line = new Line2(geo, mat);
  line.renderOrder = 997;
  line.raycast = () => {};
  return line;
}

/** Drawn over the needles' lines: the entries and the target. */
function onTop(m: Mesh): Mesh {
  m.renderOrder = 998;
  return m;
}

/** Green (full marks) to red (none). */
export function scoreColor(score: number): Color {
  return new Color().setHSL((Math.max(0, Math.min(1, score)) * 120) / 360, 0.9, 0.5);
}

function usePointerTools() {
  const on = useStore((s) => s.mode === 'teach' && s.pointerTool !== 'orbit');
  const tool = useStore((s) => s.pointerTool);
  const el = useThree((s) => s.gl.domElement);
  const camera = useThree((s) => s.camera);
  const controls = useThree((s) => s.controls) as { enabled: boolean } | null;
  useEffect(() => {
    if (controls) controls.enabled = !on;
    if (!on) return;
    const hitAt = (e: PointerEvent): BodyVec3 | null => {
      const body = sceneRegistry.body;
      if (!body) return null;
      const rect = el.getBoundingClientRect();
      ndc.set(
        ((e.clientX - rect.left) / rect.width) * 2 - 1,
        -((e.clientY - rect.top) / rect.height) * 2 + 1,
      );
      raycaster.setFromCamera(ndc, camera);
      const hit = raycaster.intersectObject(body.group, true)[0];
      return hit ? [hit.point.x, hit.point.y, hit.point.z] : null;
    };
    let drawing = false;
    let last: BodyVec3 | null = null;
    const down = (e: PointerEvent) => {
      if (tool !== 'pen') return;
      const p = hitAt(e);
      if (!p) return;
      drawing = true;
      last = p;
      el.setPointerCapture(e.pointerId);
      useStore.getState().strokeStarted(p);
    };
    const move = (e: PointerEvent) => {
      const s = useStore.getState();
      const p = hitAt(e);
      if (tool === 'laser') {
        s.laserMoved(p);
        return;
      }
      if (!drawing || !p) return;
      if (last && Math.hypot(p[0] - last[0], p[1] - last[1], p[2] - last[2]) < STROKE_STEP) return;
      last = p;
      s.strokeExtended(p);
    };
    const up = (e: PointerEvent) => {
      drawing = false;
      last = null;
      if (el.hasPointerCapture(e.pointerId)) el.releasePointerCapture(e.pointerId);
    };
    const leave = () => {
      if (tool === 'laser') useStore.getState().laserMoved(null);
    };
    el.addEventListener('pointerdown', down);
    el.addEventListener('pointermove', move);
    el.addEventListener('pointerup', up);
    el.addEventListener('pointercancel', up);
    el.addEventListener('pointerleave', leave);
    el.style.cursor = tool === 'pen' ? 'crosshair' : 'none';
    return () => {
      el.removeEventListener('pointerdown', down);
      el.removeEventListener('pointermove', move);
      el.removeEventListener('pointerup', up);
      el.removeEventListener('pointercancel', up);
      el.removeEventListener('pointerleave', leave);
      el.style.cursor = '';
      if (controls) controls.enabled = true;
      useStore.getState().laserMoved(null);
    };
  }, [on, tool, el, camera, controls]);
}

export function TeachOverlay() {
  const mode = useStore((s) => s.mode);
  const laser = useStore((s) => s.laserAt);
  const strokes = useStore((s) => s.strokes);
  const classMarks = useStore((s) => s.classMarks);
  const size = useThree((s) => s.size);
  const invalidate = useThree((s) => s.invalidate);
  usePointerTools();

  const group = useMemo(() => {
    const g = new Group();
    for (const stroke of strokes) {
      if (stroke.length < 2) {
        if (stroke[0]) g.add(dot(stroke[0], '#ffd60a', 0.003));
        continue;
      }
      const geo = new LineGeometry();
      geo.setPositions(stroke.flatMap((p) => [p[0], p[1], p[2]]));
      const mat = new LineMaterial({
        color: 0xffd60a,
        linewidth: 5,
        depthTest: false,
        transparent: true,
      });
      mat.resolution.set(size.width, size.height);
      const line = new Line2(geo, mat);
      line.renderOrder = 996;
      line.raycast = () => {};
      g.add(line);
    }
    if (classMarks) {
      for (const m of classMarks.marks) {
        const own = studentColor(m.studentIndex);
        if (m.verdict === undefined) {
          // a spot: the heat, then whose it is
          g.add(dot(m.point, scoreColor(m.score), 0.012, true));
          g.add(dot(m.point, own, 0.003));
        } else if (m.tip && m.verdict) {
          const c = VERDICT_COLORS[m.verdict];
          g.add(segment(m.point, m.tip, c, 4, size));
          g.add(dot(m.tip, c, 0.0022));
          g.add(onTop(dot(m.point, own, 0.003)));
        } else {
          // a needle that could not go in: only where it was meant to
          g.add(dot(m.point, NO_VERDICT_COLOR, 0.008, true));
          g.add(onTop(dot(m.point, own, 0.003)));
        }
      }
      if (classMarks.target) {
        const t = dot(classMarks.target, '#ffffff', 0.004);
        t.renderOrder = 999;
        g.add(t);
      }
    }
    return g;
  }, [strokes, classMarks, size]);

  const laserMesh = useMemo(() => {
    const g = new Group();
    if (laser) {
      g.add(dot(laser, '#ff2d2d', 0.009, true));
      g.add(dot(laser, '#ff5050', 0.0035));
    }
    return g;
  }, [laser]);

  useEffect(() => {
    invalidate();
    return () => {
      group.traverse((o) => {
        const m = o as Mesh;
        if (m.geometry && m.geometry !== sphere) m.geometry.dispose();
        (m.material as MeshBasicMaterial | undefined)?.dispose?.();
      });
    };
  }, [group, invalidate]);
  useEffect(() => {
    invalidate();
    return () =>
      laserMesh.traverse((o) =>
        ((o as Mesh).material as MeshBasicMaterial | undefined)?.dispose?.(),
      );
  }, [laserMesh, invalidate]);

  if (mode !== 'teach') return null;
  return (
    <>
      <primitive object={group} />
      <primitive object={laserMesh} />
    </>
  );
}
