import { useEffect, useMemo } from 'react';
import { useThree } from '@react-three/fiber';
import { BufferAttribute, Color, Mesh, MeshBasicMaterial } from 'three';
import { depthBand } from '../domain/needle/dangerMap.ts';
import { useStore } from '../store/index.ts';
import { lungDepthsFor, useNeedleBody } from './needleService.ts';
import { sceneRegistry } from './registry.ts';

const tmp = new Color();

/**
 * The lung fields painted on the skin: each skin vertex coloured by how deep the pleura lies
 * under it along the skin's inward normal (red under 20 mm … green 60–80 mm), clear elsewhere.
 * Shares the skin's geometry; only a colour attribute is added.
 *
 * ```tsx
 * <Canvas><Body /><LungMap /></Canvas>
 * ```
 */
export function LungMap() {
  const on = useStore((s) => s.lungMap && (s.mode === 'needle' || s.mode === 'teach'));
  const modelRevision = useStore((s) => s.modelRevision);
  const body = useNeedleBody(on);
  const invalidate = useThree((s) => s.invalidate);

  const mesh = useMemo(() => {
    void modelRevision;
    if (!on || !body) return null;
    const skin = sceneRegistry.body?.items.get('skin');
    const map = lungDepthsFor(body);
    if (!skin || !map) return null;
    const colors = new Float32Array(map.depths.length * 4);
    map.depths.forEach((mm, i) => {
      const band = depthBand(mm);
      if (!band) return;
      tmp.set(band.color);
      colors.set([tmp.r, tmp.g, tmp.b, 0.85], i * 4);
    });
    const geometry = skin.mesh.geometry.clone();
    geometry.setAttribute('color', new BufferAttribute(colors, 4));
    const m = new Mesh(
      geometry,
      new MeshBasicMaterial({
        vertexColors: true,
        transparent: true,
        depthWrite: false,
        polygonOffset: true,
        polygonOffsetFactor: -2,
        polygonOffsetUnits: -2,
      }),
    );
    m.renderOrder = 900;
    m.raycast = () => {};
    m.userData.buildMs = map.ms;
    return m;
  }, [on, body, modelRevision]);

  useEffect(() => {
    invalidate();
    return () => {
      mesh?.geometry.dispose();
      (mesh?.material as MeshBasicMaterial | undefined)?.dispose();
    };
  }, [mesh, invalidate]);

  return mesh ? <primitive object={mesh} /> : null;
}
