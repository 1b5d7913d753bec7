import { useEffect, useMemo } from 'react';
import { useThree, type ThreeEvent } from '@react-three/fiber';
import {
  BufferGeometry,
  Color,
  Float32BufferAttribute,
  Group,
  InstancedMesh,
  DoubleSide,
  LineBasicMaterial,
  LineSegments,
  Matrix4,
  Mesh,
  MeshBasicMaterial,
  SphereGeometry,
} from 'three';
import { browserCatalog } from '../domain/catalog/browser.ts';
import { useStore } from '../store/index.ts';
import type { TriggerRef } from '../store/triggerSlice.ts';
import { refKey, usePlacements, ZONE_COLORS } from './catalogService.ts';
import { crossTriangles } from './crossMark.ts';
import { useNeedleBody } from './needleService.ts';
import { add, norm, scale, sub } from '../domain/vec.ts';

const SKIN_ONLY: ReadonlySet<string> = new Set(['skin']);

const m = new Matrix4();
const idle = new Color('#fff3b0');
const c = new Color();

/**
 * A marker at every trigger point's spot on the skin and at the point inside its muscle, joined
 * by a line (click either: show its referral zone; Shift-click: add it to those shown); for the
 * points whose zones are shown, a cross on the skin and the point in the zone's colour.
 *
 * ```tsx
 * <Canvas><Body /><TriggerPointMarkers /></Canvas>
 * ```
 */
export function TriggerPointMarkers() {
  const mode = useStore((s) => s.mode);
  const on = useStore((s) => s.triggerMarkers) && mode === 'explore';
  const shown = useStore((s) => s.zoneTriggers);
  const body = useNeedleBody(on || shown.length > 0);
  const placements = usePlacements(body);
  const invalidate = useThree((s) => s.invalidate);

  const refs = useMemo<TriggerRef[]>(
    () =>
      placements
        ? browserCatalog().triggerPoints.flatMap((t) =>
            (['left', 'right'] as const)
              .filter((side) => placements.has(refKey(t.id, side)))
              .map((side) => ({ id: t.id, side })),
          )
        : [],
    [placements],
  );

  const markers = useMemo(() => {
    if (!placements || refs.length === 0) return null;
    const mesh = new InstancedMesh(
      new SphereGeometry(0.0045, 12, 8),
      new MeshBasicMaterial({ color: '#ffffff' }),
      refs.length,
    );
    refs.forEach((r, i) => {
      const p = placements.get(refKey(r.id, r.side))!;
      m.makeTranslation(p.skin[0], p.skin[1], p.skin[2]);
      mesh.setMatrixAt(i, m);
      mesh.setColorAt(i, idle);
    });
    mesh.renderOrder = 950;
    return mesh;
  }, [placements, refs]);

  // every point inside its muscle too, joined to its skin spot: seen where the layers above it
  // are hidden, faint or in X-ray
  const inner = useMemo(() => {
    if (!placements || refs.length === 0) return null;
    const g = new Group();
    const dots = new InstancedMesh(
      new SphereGeometry(0.0028, 10, 6),
      new MeshBasicMaterial({ color: '#ffb347' }),
      refs.length,
    );
    const pos: number[] = [];
    refs.forEach((r, i) => {
      const p = placements.get(refKey(r.id, r.side))!;
      dots.setMatrixAt(i, m.makeTranslation(p.point[0], p.point[1], p.point[2]));
      pos.push(...p.skin, ...p.point);
    });
    dots.renderOrder = 951;
    const geo = new BufferGeometry();
    geo.setAttribute('position', new Float32BufferAttribute(pos, 3));
    const lines = new LineSegments(
      geo,
      new LineBasicMaterial({ color: '#ffb347', transparent: true, opacity: 0.6 }),
    );
    lines.raycast = () => {};
    g.add(dots, lines);
    return g;
  }, [placements, refs]);
  useEffect(
    () => () =>
      inner?.traverse((o) => {
        const x = o as InstancedMesh;
        x.geometry?.dispose();
        (x.material as MeshBasicMaterial | undefined)?.dispose();
      }),
    [inner],
  );

  // colour the shown points; crosses on the skin and the points inside the muscles
  const extras = useMemo(() => {
    if (!placements || shown.length === 0) return null;
    const g = new Group();
    const rim: number[] = [];
    const core: number[] = [];
    const col: number[] = [];
    const inner = new SphereGeometry(0.0035, 12, 8);
    shown.forEach((r, k) => {
      const p = placements.get(refKey(r.id, r.side));
      if (!p) return;
      c.set(ZONE_COLORS[k % ZONE_COLORS.length]!);
      // a bold × lying on the skin: a light rim under a bar in the zone's colour
      const out = norm(sub(p.skin, p.point));
      // the placement's spot is where the line leaves the skin's inner face: the × goes on
      // its outer face, found along the same line
      const through =
        body?.index.hitsAlong(p.skin, out, 0.02, SKIN_ONLY).find((h) => !h.entering)?.distance ?? 0;
      const at = add(p.skin, scale(out, through));
      rim.push(...crossTriangles(at, out, 0.011, 0.0028, 0.0015));
      const bars = crossTriangles(at, out, 0.0095, 0.0014, 0.0022);
      core.push(...bars);
      for (let i = 0; i < bars.length / 3; i++) col.push(c.r, c.g, c.b);
      const dot = new InstancedMesh(
        inner,
        // inside the muscle: seen where the layers above it are hidden, faint, or in X-ray
        new MeshBasicMaterial({ color: c.clone() }),
        1,
      );
      dot.setMatrixAt(0, m.makeTranslation(p.point[0], p.point[1], p.point[2]));
      dot.renderOrder = 1004;
      dot.raycast = () => {};
      g.add(dot);
    });
    const mesh = (xyz: number[], material: MeshBasicMaterial, order: number, colors?: number[]) => {
      const geo = new BufferGeometry();
      geo.setAttribute('position', new Float32BufferAttribute(xyz, 3));
      if (colors) geo.setAttribute('color', new Float32BufferAttribute(colors, 3));
      const x = new Mesh(geo, material);
      x.renderOrder = order;
      x.raycast = () => {};
      return x;
    };
    g.add(mesh(rim, new MeshBasicMaterial({ color: '#ffffff', side: DoubleSide }), 1003));
    g.add(mesh(core, new MeshBasicMaterial({ vertexColors: true, side: DoubleSide }), 1004, col));
    return g;
  }, [placements, shown, body]);

  useEffect(() => {
    if (!markers) return;
    refs.forEach((r, i) => {
      const k = shown.findIndex((s) => s.id === r.id && s.side === r.side);
      markers.setColorAt(i, k >= 0 ? c.set(ZONE_COLORS[k % ZONE_COLORS.length]!) : idle);
    });
    if (markers.instanceColor) markers.instanceColor.needsUpdate = true;
    invalidate();
  }, [markers, refs, shown, invalidate]);

  useEffect(() => {
    invalidate();
    return () => {
      markers?.geometry.dispose();
      (markers?.material as MeshBasicMaterial | undefined)?.dispose();
    };
  }, [markers, invalidate]);
  useEffect(
    () => () =>
      extras?.traverse((o) => {
        const x = o as InstancedMesh;
        x.geometry?.dispose();
        (x.material as MeshBasicMaterial | undefined)?.dispose();
      }),
    [extras],
  );

  return (
    <>
      {on && markers && (
        <primitive
          object={markers}
          onClick={(e: ThreeEvent<MouseEvent>) => {
            if (e.instanceId === undefined || e.delta > 4) return;
            e.stopPropagation();
            const r = refs[e.instanceId];
            if (r) useStore.getState().triggerPointSelected(r, e.nativeEvent.shiftKey);
          }}
          onPointerOver={(e: ThreeEvent<PointerEvent>) => {
            e.stopPropagation();
            document.body.style.cursor = 'pointer';
          }}
        />
      )}
      {on && inner && (
        <primitive
          object={inner}
          onClick={(e: ThreeEvent<MouseEvent>) => {
            if (e.instanceId === undefined || e.delta > 4) return;
            e.stopPropagation();
            const r = refs[e.instanceId];
            if (r) useStore.getState().triggerPointSelected(r, e.nativeEvent.shiftKey);
          }}
        />
      )}
      {extras && mode === 'explore' && <primitive object={extras} />}
    </>
  );
}
