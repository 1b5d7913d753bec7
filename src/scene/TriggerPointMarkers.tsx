import { useEffect, useMemo } from 'react';
import { useThree, type ThreeEvent } from '@react-three/fiber';
import {
  BufferGeometry,
  Color,
  Float32BufferAttribute,
  Group,
  InstancedMesh,
  LineBasicMaterial,
  LineSegments,
  Matrix4,
  MeshBasicMaterial,
  SphereGeometry,
} from 'three';
import { browserCatalog } from '../domain/catalog/browser.ts';
import { useStore } from '../store/index.ts';
import type { TriggerRef } from '../store/triggerSlice.ts';
import { refKey, usePlacements, ZONE_COLORS } from './catalogService.ts';
import { useNeedleBody } from './needleService.ts';

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
    const pos: number[] = [];
    const col: number[] = [];
    const inner = new SphereGeometry(0.0035, 12, 8);
    shown.forEach((r, k) => {
      const p = placements.get(refKey(r.id, r.side));
      if (!p) return;
      const s = 0.009;
      c.set(ZONE_COLORS[k % ZONE_COLORS.length]!);
      const [x, y, z] = p.skin;
      // a cross in the plane facing the viewer is enough at this size: two short diagonals
      pos.push(x - s, y - s, z, x + s, y + s, z, x - s, y + s, z, x + s, y - s, z);
      pos.push(x, y - s, z - s, x, y + s, z + s, x, y - s, z + s, x, y + s, z - s);
      for (let i = 0; i < 8; i++) col.push(c.r, c.g, c.b);
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
    const geo = new BufferGeometry();
    geo.setAttribute('position', new Float32BufferAttribute(pos, 3));
    geo.setAttribute('color', new Float32BufferAttribute(col, 3));
    const crosses = new LineSegments(geo, new LineBasicMaterial({ vertexColors: true }));
    crosses.renderOrder = 1003;
    crosses.raycast = () => {};
    g.add(crosses);
    return g;
  }, [placements, shown]);

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
