/**
 * The needle simulator in the browser: one BodyIndex over the loaded meshes (built once, the
 * first time the needle needs it, after a paint so the "preparing" message shows), and the
 * current needle's result, computed once per change and shared by the panel and the scene.
 */
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { BodyIndex } from '../domain/body/bodyIndex.ts';
import type { MeshData } from '../domain/body/glb.ts';
import type { Structure } from '../domain/body/manifest.ts';
import { aimFrame, directionFromAim } from '../domain/needle/aim.ts';
import { perpendicularDepthMap } from '../domain/needle/dangerMap.ts';
import {
  needleBody,
  simulateNeedle,
  skinEntry,
  type NeedleBody,
  type NeedleResult,
} from '../domain/needle/simulate.ts';
import { useStore, type Full } from '../store/index.ts';
import type { BodyVec3 } from '../domain/units.ts';
import type { Manifest } from '../domain/body/manifest.ts';
import { browserCatalog } from '../domain/catalog/browser.ts';
import type { CatalogSide } from '../domain/catalog/load.ts';
import {
  recommendedNeedle,
  ruleSubjectFor,
  type RecommendedNeedle,
} from '../domain/catalog/needlePath.ts';
import { judgeForPoint, type JudgedNeedle, type RuleSubject } from '../domain/catalog/ruleCheck.ts';
import { placeTriggerPoint } from '../domain/catalog/placement.ts';
import { needleCone, type Cone } from '../domain/needle/cone.ts';
import { MAX_DEPTH_MM } from '../domain/needle/kinds.ts';
import { along, cross, dot, norm, scale, sub } from '../domain/vec.ts';

interface Built {
  readonly meshes: readonly MeshData[];
  readonly body: NeedleBody;
  /** Per skin vertex: depth (mm) to the pleura along the inward normal; NaN where none. */
  lungDepths?: Float32Array;
  readonly buildMs: number;
}

let built: Built | null = null;
let building: readonly MeshData[] | null = null;
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());

function build(meshes: readonly MeshData[], structures: readonly Structure[]): void {
  if (built?.meshes === meshes || building === meshes) return;
  building = meshes;
  // after the body's first frame (the ready signal), and after a paint so the "preparing"
  // message shows: a second or so of tree building must not delay the first view
  const start = () => {
    if (building !== meshes) return;
    if (document.body.dataset.sceneReady !== 'true') {
      setTimeout(start, 100);
      return;
    }
    const t0 = performance.now();
    const body = needleBody(new BodyIndex(meshes), structures, useStore.getState().habitus);
    built = { meshes, body, buildMs: performance.now() - t0 };
    building = null;
    notify();
  };
  setTimeout(start, 30);
}

/**
 * The needle body for the loaded model, or null while it is being prepared. `enabled` false
 * never starts the build (it costs a second or so, so only the needle's users start it).
 */
export function useNeedleBody(enabled = true): NeedleBody | null {
  const meshes = useStore((s) => s.meshes);
  const manifest = useStore((s) => s.manifest);
  useEffect(() => {
    if (enabled && meshes && manifest) build(meshes, manifest.structures);
  }, [enabled, meshes, manifest]);
  const current = useSyncExternalStore(
    (l) => (listeners.add(l), () => listeners.delete(l)),
    () => built,
  );
  return current && current.meshes === meshes ? current.body : null;
}

/**
 * Calls `then` once, when a needle body is next built (at once if one is built); returns a
 * function that cancels the wait.
 */
export function afterNeedleBody(then: (body: NeedleBody) => void): () => void {
  if (built) {
    then(built.body);
    return () => {};
  }
  const l = () => {
    if (!built) return;
    listeners.delete(l);
    then(built.body);
  };
  listeners.add(l);
  return () => listeners.delete(l);
}

/** The needle body if it is built (for event handlers outside React's render). */
export function currentNeedleBody(): NeedleBody | null {
  return built?.body ?? null;
}

/** The lung-field depths on the skin (computed on first use). */
export function lungDepthsFor(body: NeedleBody): { depths: Float32Array; ms: number } | null {
  if (!built || built.body !== body) return null;
  const skin = built.meshes.find((m) => m.id === 'skin');
  if (!skin) return null;
  const t0 = performance.now();
  built.lungDepths ??= perpendicularDepthMap(body.index, skin);
  return { depths: built.lungDepths, ms: performance.now() - t0 };
}

export type NeedleOutcome =
  | { readonly ok: true; readonly result: NeedleResult | JudgedNeedle }
  | { readonly ok: false; readonly error: string };

/** What the store holds of the needle. */
export interface NeedleSettings {
  readonly entry: Full['needleEntry'];
  readonly tiltDeg: number;
  readonly azimuthDeg: number;
  readonly depthMm: number;
  readonly lengthMm: number;
}

export const settingsOf = (s: Full): NeedleSettings => ({
  entry: s.needleEntry,
  tiltDeg: s.needleTiltDeg,
  azimuthDeg: s.needleAzimuthDeg,
  depthMm: s.needleDepthMm,
  lengthMm: s.needleLengthMm,
});

let lastKey = '';
let lastBody: NeedleBody | null = null;
let lastOutcome: NeedleOutcome | null = null;
let lastRule: RuleSubject | null = null;

/**
 * The simulator's answer for a needle (the last one cached: the panel and scene share it). A
 * needle placed for a trigger point (snapped to it, and not moved off its entry since) is judged
 * by that point's rule as well (`ruleCheck.ts`).
 */
export function needleOutcome(
  body: NeedleBody,
  n: NeedleSettings,
  rule?: RuleSubject | null,
): NeedleOutcome | null {
  const e = n.entry;
  if (!e) return null;
  const key = [...e.point, n.tiltDeg, n.azimuthDeg, n.depthMm, n.lengthMm].join(',');
  if (key === lastKey && body === lastBody && lastRule === rule && lastOutcome) return lastOutcome;
  const direction = directionFromAim(aimFrame(e.inward), n.tiltDeg, n.azimuthDeg);
  try {
    const result = simulateNeedle(body, {
      entry: e.point,
      direction,
      depthMm: n.depthMm,
      lengthMm: n.lengthMm,
    });
    lastOutcome = { ok: true, result: rule ? judgeForPoint(rule, result) : result };
  } catch (err) {
    lastOutcome = { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  lastKey = key;
  lastBody = body;
  lastRule = rule ?? null;
  return lastOutcome;
}

/** The current needle's outcome, recomputed when one of its settings changes. */
export function useNeedleOutcome(body: NeedleBody | null): NeedleOutcome | null {
  const settings = useStore(useShallow(settingsOf));
  const guide = useTargetGuide(body);
  return useMemo(
    () => (body ? needleOutcome(body, settings, guide?.rule ?? null) : null),
    [body, settings, guide],
  );
}

/**
 * Flies the camera to a needle: centred a little under the entry, seen from the side of the
 * shaft (a needle seen end-on shows nothing) and from outside the body, on the camera's side.
 */
export function focusNeedle(
  entry: { readonly point: BodyVec3; readonly inward: BodyVec3 },
  cameraPosition?: BodyVec3,
): void {
  const n = entry.inward;
  let side = cross(n, [0, 1, 0]);
  if (Math.hypot(...side) < 0.3) side = cross(n, [0, 0, 1]);
  side = norm(side);
  if (cameraPosition && dot(side, sub(cameraPosition, entry.point)) < 0) side = scale(side, -1);
  useStore.getState().placeFocused({
    center: along(entry.point, n, 0.015),
    radius: 0.09,
    from: norm(along(scale(n, -0.6), side, 0.8)),
  });
}

export interface TargetGuide {
  readonly triggerPointId: string;
  readonly side: CatalogSide;
  /** The trigger point inside its muscle. */
  readonly point: BodyVec3;
  readonly rec: RecommendedNeedle;
  readonly cone: Cone;
  /** What a needle placed for this point is judged by. */
  readonly rule: RuleSubject;
}

let lastGuideKey = '';
let lastGuide: TargetGuide | null = null;
let lastGuideBody: NeedleBody | null = null;

/** The snapped trigger point's recommended line and its cone of directions (cached). */
export function targetGuide(
  body: NeedleBody,
  landmarks: Manifest['landmarks'],
  target: { readonly triggerPointId: string; readonly side: CatalogSide },
): TargetGuide | null {
  const key = `${target.triggerPointId}:${target.side}`;
  if (key === lastGuideKey && lastGuide && lastGuideBody === body) return lastGuide;
  const t = browserCatalog().triggerPoints.find((x) => x.id === target.triggerPointId);
  if (!t) return null;
  const placed = placeTriggerPoint(t, target.side, landmarks, body.index);
  if (!placed) return null;
  const rec = recommendedNeedle(body, t.needling, target.side, placed);
  const entry = skinEntry(body.index, rec.entry).point;
  lastGuide = {
    ...target,
    point: rec.target,
    rec,
    rule: ruleSubjectFor(body.index, t.needling, target.side, placed),
    cone: needleCone(body, entry, rec.direction, Math.min(t.needling.depthMm.max, MAX_DEPTH_MM)),
  };
  lastGuideKey = key;
  lastGuideBody = body;
  return lastGuide;
}

/** The guide for the store's snapped trigger point, if any. */
export function useTargetGuide(body: NeedleBody | null): TargetGuide | null {
  const target = useStore((s) => s.needleTarget);
  const manifest = useStore((s) => s.manifest);
  return useMemo(
    () => (body && target && manifest ? targetGuide(body, manifest.landmarks, target) : null),
    [body, target, manifest],
  );
}
