import { useEffect, useMemo } from 'react';
import { useThree } from '@react-three/fiber';
import { BufferAttribute, Color, Mesh, ShaderMaterial } from 'three';
import { browserCatalog } from '../domain/catalog/browser.ts';
import { regionIdsFor } from '../domain/catalog/load.ts';
import { zoneWeights } from '../domain/regions/patches.ts';
import { useStore } from '../store/index.ts';
import { usePatches, ZONE_COLORS } from './catalogService.ts';
import { sceneRegistry } from './registry.ts';

// Travell & Simons draw the essential zone solid and the spillover zone stippled: here the
// stipple is a screen-space dot pattern, so it reads the same at any zoom.
const vertexShader = /* glsl */ `
  attribute vec4 zoneColor;
  attribute float zoneStipple;
  varying vec4 vColor;
  varying float vStipple;
  void main() {
    vColor = zoneColor;
    vStipple = zoneStipple;
    gl_Position = projectionMatrix * modelViewMatrix * vec4(position, 1.0);
  }
`;
const fragmentShader = /* glsl */ `
  varying vec4 vColor;
  varying float vStipple;
  void main() {
    if (vColor.a < 0.02) discard;
    if (vStipple > 0.5) {
      vec2 g = mod(gl_FragCoord.xy, 7.0) - 3.5;
      if (dot(g, g) > 4.0) discard;
    }
    gl_FragColor = vColor;
  }
`;

const tmp = new Color();

/**
 * The referral zones of the trigger points shown (the store's `zoneTriggers`), painted on the
 * skin in their colours: essential zones solid, spillover zones stippled, each fading at the
 * edge of its regions' patches.
 *
 * ```tsx
 * <Canvas><Body /><ReferralZones /></Canvas>
 * ```
 */
export function ReferralZones() {
  const shown = useStore((s) => s.zoneTriggers);
  const mode = useStore((s) => s.mode);
  const patches = usePatches();
  const invalidate = useThree((s) => s.invalidate);

  const mesh = useMemo(() => {
    const skinItem = sceneRegistry.body?.items.get('skin');
    if (!patches || !skinItem || shown.length === 0) return null;
    const n = patches.skin.positions.length / 3;
    const color = new Float32Array(n * 4);
    const stipple = new Float32Array(n);
    const strength = new Float32Array(n);
    const catalog = browserCatalog();
    // the first shown point is drawn over the others
    [...shown].reverse().forEach((ref) => {
      const k = shown.indexOf(ref);
      const t = catalog.triggerPoints.find((x) => x.id === ref.id);
      if (!t) return;
      tmp.set(ZONE_COLORS[k % ZONE_COLORS.length]!);
      const essential = zoneWeights(
        n,
        patches.patches,
        regionIdsFor(t.referral.essential, ref.side, catalog.regions),
      );
      const spill = zoneWeights(
        n,
        patches.patches,
        regionIdsFor(t.referral.spillover, ref.side, catalog.regions),
      );
      for (let i = 0; i < n; i++) {
        const e = essential[i]!;
        const s = spill[i]!;
        const w = Math.max(e, s);
        if (w <= 0.02 || w < strength[i]! * 0.5) continue;
        strength[i] = w;
        color.set([tmp.r, tmp.g, tmp.b, 0.9 * w], i * 4);
        stipple[i] = e >= s ? 0 : 1;
      }
    });
    const geometry = skinItem.mesh.geometry.clone();
    geometry.setAttribute('zoneColor', new BufferAttribute(color, 4));
    geometry.setAttribute('zoneStipple', new BufferAttribute(stipple, 1));
    const m = new Mesh(
      geometry,
      new ShaderMaterial({
        vertexShader,
        fragmentShader,
        transparent: true,
        depthWrite: false,
        polygonOffset: true,
        polygonOffsetFactor: -3,
        polygonOffsetUnits: -3,
      }),
    );
    m.renderOrder = 920;
    m.raycast = () => {};
    return m;
  }, [patches, shown]);

  useEffect(() => {
    invalidate();
    return () => {
      mesh?.geometry.dispose();
      (mesh?.material as ShaderMaterial | undefined)?.dispose();
    };
  }, [mesh, invalidate]);

  return mesh && mode === 'explore' ? <primitive object={mesh} /> : null;
}
