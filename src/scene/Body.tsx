import { useEffect, useMemo } from 'react';
import { useThree, type ThreeEvent } from '@react-three/fiber';
import { Color } from 'three';
import { useStore } from '../store/index.ts';
import { appearanceOf } from './appearance.ts';
import { acceleratedRaycast, buildBody, ensureBoundsTree, noRaycast } from './buildBody.ts';
import { sceneRegistry } from './registry.ts';
import { currentNeedleBody, focusNeedle } from './needleService.ts';
import { paintAt } from './painPicker.ts';
import { skinEntry } from '../domain/needle/simulate.ts';

const SELECTED_EMISSIVE = new Color('#ffc840');
const HOVER_EMISSIVE = new Color('#ffffff');
const NO_EMISSIVE = new Color('#000000');

/** Pointer travel (px) beyond which a press is an orbit drag, not a click. */
const CLICK_SLOP_PX = 4;

/**
 * The body model: one mesh per manifest structure, drawn per the layer, X-ray and selection state.
 *
 * ```tsx
 * <Canvas frameloop="demand"><Body /></Canvas>
 * ```
 */
const SKIN_ONLY: ReadonlySet<string> = new Set(['skin']);

export function Body() {
  const meshes = useStore((s) => s.meshes);
  const structuresById = useStore((s) => s.structuresById);
  const layers = useStore((s) => s.layers);
  const xray = useStore((s) => s.xray);
  const selectedId = useStore((s) => s.selectedId);
  const hoveredId = useStore((s) => s.hoveredId);
  const isolatedId = useStore((s) => s.isolatedId);
  const hiddenIds = useStore((s) => s.hiddenIds);
  const invalidate = useThree((s) => s.invalidate);

  const body = useMemo(
    () => (meshes ? buildBody(meshes, structuresById) : null),
    [meshes, structuresById],
  );

  useEffect(() => {
    sceneRegistry.body = body;
    return () => {
      if (sceneRegistry.body === body) sceneRegistry.body = null;
      body?.dispose();
    };
  }, [body]);

  useEffect(() => {
    if (!body) return;
    const view = { layers, xray, selectedId, hoveredId, isolatedId, hiddenIds };
    for (const item of body.items.values()) {
      const a = appearanceOf(item.structure, view);
      const { mesh } = item;
      const mat = mesh.material;
      mesh.visible = a.visible;
      mesh.renderOrder = a.renderOrder;
      if (a.pickable) ensureBoundsTree(mesh.geometry);
      mesh.raycast = a.pickable ? acceleratedRaycast : noRaycast;
      if (mat.transparent !== a.transparent) mat.needsUpdate = true;
      mat.transparent = a.transparent;
      mat.opacity = a.opacity;
      mat.depthWrite = a.depthWrite;
      mat.emissive.copy(
        a.highlight === 2 ? SELECTED_EMISSIVE : a.highlight === 1 ? HOVER_EMISSIVE : NO_EMISSIVE,
      );
      mat.emissiveIntensity = a.highlight === 2 ? 0.42 : a.highlight === 1 ? 0.18 : 0;
    }
    invalidate();
  }, [body, layers, xray, selectedId, hoveredId, isolatedId, hiddenIds, invalidate]);

  if (!body) return null;

  const idOf = (e: ThreeEvent<PointerEvent | MouseEvent>): string | null => {
    const id: unknown = e.object.userData.id;
    return typeof id === 'string' ? id : null;
  };

  return (
    <primitive
      object={body.group}
      onPointerMove={(e: ThreeEvent<PointerEvent>) => {
        e.stopPropagation();
        useStore.getState().structureHovered(idOf(e));
        document.body.style.cursor = 'pointer';
      }}
      onPointerOut={() => {
        useStore.getState().structureHovered(null);
        document.body.style.cursor = '';
      }}
      onClick={(e: ThreeEvent<MouseEvent>) => {
        e.stopPropagation();
        if (e.delta > CLICK_SLOP_PX) return;
        const s = useStore.getState();
        if (s.mode === 'explore' && s.painting) {
          // painting pain: the region of the skin under the click joins the pain map
          const pt: [number, number, number] = [e.point.x, e.point.y, e.point.z];
          paintAt(pt);
          return;
        }
        if (s.mode === 'quiz' && s.quizInput) {
          // the quiz's question decides what a click gives: a spot, a painted region or a needle
          const pt: [number, number, number] = [e.point.x, e.point.y, e.point.z];
          const needle = currentNeedleBody();
          if (!needle) return;
          // the skin under the cursor, however faint the skin layer is drawn
          const o: [number, number, number] = [e.ray.origin.x, e.ray.origin.y, e.ray.origin.z];
          const d: [number, number, number] = [
            e.ray.direction.x,
            e.ray.direction.y,
            e.ray.direction.z,
          ];
          const hit = needle.index.raycastFirst(o, d, SKIN_ONLY);
          const onSkin: [number, number, number] = hit
            ? [o[0] + d[0] * hit.distance, o[1] + d[1] * hit.distance, o[2] + d[2] * hit.distance]
            : pt;
          if (s.quizInput === 'paint') {
            paintAt(onSkin);
            return;
          }
          const entry = skinEntry(needle.index, onSkin);
          if (s.quizInput === 'point') s.quizPointPlaced(entry.point);
          else s.needlePlaced(entry);
          return;
        }
        if (s.mode === 'needle') {
          // in needle mode a click puts the needle on the skin nearest the point clicked
          const needle = currentNeedleBody();
          if (!needle) return;
          const entry = skinEntry(needle.index, [e.point.x, e.point.y, e.point.z]);
          s.needlePlaced(entry);
          // from afar, come closer; nearby, leave the camera where the user put it
          const cam = e.camera.position;
          if (cam.distanceTo(e.point) > 0.9) focusNeedle(entry, [cam.x, cam.y, cam.z]);
          return;
        }
        s.structureSelected(idOf(e));
      }}
    />
  );
}
