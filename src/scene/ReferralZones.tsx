import { useEffect, useMemo } from 'react';
import { useThree } from '@react-three/fiber';
import { BufferAttribute, BufferGeometry, Color, Mesh, ShaderMaterial } from 'three';
import { browserCatalog } from '../domain/catalog/browser.ts';
import { regionIdsFor } from '../domain/catalog/load.ts';
import { zoneWeights } from '../domain/regions/patches.ts';
import { paintZones, PATTERN } from '../domain/regions/zones.ts';
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
    if (vStipple > 1.5) {
      // hatching: the patient's pain map
      if (mod(gl_FragCoord.x + gl_FragCoord.y, 9.0) > 3.0) discard;
    } else if (vStipple > 0.5) {
      vec2 g = mod(gl_FragCoord.xy, 7.0) - 3.5;
      if (dot(g, g) > 4.0) discard;
    }
    gl_FragColor = vColor;
  }
`;

/**
 * A mesh over the skin (its geometry shared in shape, with its own attributes): per-vertex
 * colour and alpha, and a pattern (solid, dots, hatching) drawn in screen space.
 */
export function skinOverlay(
  skin: BufferGeometry,
  color: Float32Array,
  pattern: Float32Array,
  renderOrder: number,
): Mesh {
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', skin.getAttribute('position'));
  geometry.setIndex(skin.getIndex());
  geometry.setAttribute('zoneColor', new BufferAttribute(color, 4));
  geometry.setAttribute('zoneStipple', new BufferAttribute(pattern, 1));
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
  m.renderOrder = renderOrder;
  m.raycast = () => {};
  return m;
}

const tmp = new Color();
/** The k-th zone colour as linear RGB. */
function rgbOf(k: number): readonly [number, number, number] {
  tmp.set(ZONE_COLORS[k % ZONE_COLORS.length]!);
  return [tmp.r, tmp.g, tmp.b];
}

/**
 * The referral zones of the trigger points shown (the store's `zoneTriggers`, and a quiz's own
 * `quizZone` given by its regions), painted on the
 * skin in their colours: essential zones solid, spillover zones stippled, each fading at the
 * edge of its regions' patches.
 *
 * ```tsx
 * <Canvas><Body /><ReferralZones /></Canvas>
 * ```
 */
export function ReferralZones() {
  const shown = useStore((s) => s.zoneTriggers);
  // a question's pattern belongs to the quiz: not carried into another mode
  const quizZone = useStore((s) => (s.mode === 'quiz' ? s.quizZone : null));
  const mode = useStore((s) => s.mode);
  const patches = usePatches();
  const invalidate = useThree((s) => s.invalidate);

  const mesh = useMemo(() => {
    const skinItem = sceneRegistry.body?.items.get('skin');
    if (!patches || !skinItem || (shown.length === 0 && !quizZone)) return null;
    const n = patches.skin.positions.length / 3;
    const catalog = browserCatalog();
    // a question's zone comes by its regions (no trigger point named), first, in the first colour
    const own = quizZone
      ? [
          {
            essential: quizZone.essential,
            spillover: quizZone.spillover,
            rgb: rgbOf(0),
          },
        ]
      : [];
    const zones = shown.flatMap((ref, j) => {
      const k = j + own.length;
      const t = catalog.triggerPoints.find((x) => x.id === ref.id);
      if (!t) return [];
      return [
        {
          essential: regionIdsFor(t.referral.essential, ref.side, catalog.regions),
          spillover: regionIdsFor(t.referral.spillover, ref.side, catalog.regions),
          rgb: rgbOf(k),
        },
      ];
    });
    const { color, pattern: stipple } = paintZones(n, patches.patches, [...own, ...zones]);
    return skinOverlay(skinItem.mesh.geometry, color, stipple, 920);
  }, [patches, shown, quizZone]);

  // the pain map: hatched over the zones, so both read where they overlap
  const painRegions = useStore((s) => s.painRegions);
  const pain = useMemo(() => {
    const skinItem = sceneRegistry.body?.items.get('skin');
    if (!patches || !skinItem || painRegions.length === 0) return null;
    const n = patches.skin.positions.length / 3;
    const w = zoneWeights(n, patches.patches, painRegions);
    const color = new Float32Array(n * 4);
    const pattern = new Float32Array(n).fill(PATTERN.hatch);
    for (let i = 0; i < n; i++) if (w[i]! > 0.02) color.set([0.95, 0.95, 1, 0.95 * w[i]!], i * 4);
    return skinOverlay(skinItem.mesh.geometry, color, pattern, 925);
  }, [patches, painRegions]);

  useEffect(() => {
    invalidate();
    return () => {
      for (const m of [mesh, pain]) {
        m?.geometry.dispose();
        (m?.material as ShaderMaterial | undefined)?.dispose();
      }
    };
  }, [mesh, pain, invalidate]);

  if (mode !== 'explore' && mode !== 'quiz' && mode !== 'teach') return null;
  return (
    <>
      {mesh && <primitive object={mesh} />}
      {pain && <primitive object={pain} />}
    </>
  );
}
