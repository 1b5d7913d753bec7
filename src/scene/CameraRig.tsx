import { useEffect, useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { OrbitControls } from '@react-three/drei';
import type { OrbitControls as OrbitControlsImpl } from 'three-stdlib';
import { MathUtils, Vector3 } from 'three';
import { useStore } from '../store/index.ts';
import {
  BODY_TARGET,
  CAMERA_FOV_DEG,
  MAX_DISTANCE,
  MIN_DISTANCE,
  presetPose,
} from './cameraPresets.ts';
import { fitInWindow, sphereDistance } from '../domain/regions/frame.ts';
import { sceneRegistry } from './registry.ts';
import { clearWindow } from './viewWindow.ts';

/** Camera never dips below this height (m): no looking up from under the floor. */
const MIN_CAMERA_Y = 0.03;
const FLIGHT_SECONDS = 0.9;
/** Share of the clear part of the view a framed zone may fill (the view's labels sit at its edges). */
const FRAME_FILL = 0.88;

// per-frame state lives in plain objects, scratch vectors at module scope
const flight = {
  active: false,
  start: 0,
  fromPos: new Vector3(),
  toPos: new Vector3(),
  fromTarget: new Vector3(),
  toTarget: new Vector3(),
};
const scratchDir = new Vector3();
const scratchOut = new Vector3();

const easeInOutCubic = (t: number) => (t < 0.5 ? 4 * t * t * t : 1 - (-2 * t + 2) ** 3 / 2);

/**
 * Orbit controls with limits, camera presets and smooth fly-to, driven by store events.
 *
 * ```tsx
 * <Canvas><CameraRig /></Canvas>
 * ```
 */
export function CameraRig() {
  const controls = useRef<OrbitControlsImpl>(null);
  const camera = useThree((s) => s.camera);
  const invalidate = useThree((s) => s.invalidate);
  const clock = useThree((s) => s.clock);
  const size = useThree((s) => s.size);
  const gl = useThree((s) => s.gl);
  const cameraRequest = useStore((s) => s.cameraRequest);
  const focusRequest = useStore((s) => s.focusRequest);

  const fly = (pos: Vector3, target: Vector3) => {
    const c = controls.current;
    if (!c) return;
    flight.fromPos.copy(camera.position);
    flight.fromTarget.copy(c.target);
    flight.toPos.copy(pos);
    flight.toTarget.copy(target);
    flight.start = clock.getElapsedTime();
    flight.active = true;
    invalidate();
  };

  useEffect(() => {
    sceneRegistry.camera = {
      pose: () => {
        const t = controls.current?.target ?? new Vector3(...BODY_TARGET);
        return {
          position: [camera.position.x, camera.position.y, camera.position.z],
          target: [t.x, t.y, t.z],
        };
      },
      setPose: (position, target) => {
        const c = controls.current;
        if (!c) return;
        flight.active = false;
        camera.position.set(position[0] ?? 0, position[1] ?? 0, position[2] ?? 0);
        c.target.set(target[0] ?? 0, target[1] ?? 0, target[2] ?? 0);
        c.update();
        invalidate();
      },
    };
    return () => {
      sceneRegistry.camera = null;
    };
  }, [camera, invalidate]);

  useEffect(() => {
    if (!cameraRequest) return;
    const pose = presetPose(cameraRequest.preset);
    fly(new Vector3(...pose.position), new Vector3(...pose.target));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [cameraRequest]);

  useEffect(() => {
    if (!focusRequest) return;
    const c = controls.current;
    const at = focusRequest.at;
    if (at && c) {
      const center = new Vector3(...at.center);
      const dir = new Vector3(...at.from).normalize();
      const aspect = size.width / Math.max(1, size.height);
      if (at.fit?.length) {
        // frame this: into the band the caption and toolbars leave clear
        const w = fitInWindow(
          at.fit,
          at.center,
          at.from,
          CAMERA_FOV_DEG,
          aspect,
          clearWindow(gl.domElement),
          FRAME_FILL,
        );
        const target = new Vector3(...w.target);
        const d = MathUtils.clamp(w.distance, MIN_DISTANCE, MAX_DISTANCE * 0.8);
        fly(target.clone().addScaledVector(dir, d), target);
        return;
      }
      const fit = sphereDistance(at.radius, CAMERA_FOV_DEG, aspect);
      fly(
        center.clone().addScaledVector(dir, MathUtils.clamp(fit, MIN_DISTANCE, MAX_DISTANCE * 0.8)),
        center,
      );
      return;
    }
    const item = sceneRegistry.body?.items.get(focusRequest.id);
    if (!item || !c) return;
    const sphere = item.mesh.geometry.boundingSphere;
    const center = sphere ? sphere.center.clone() : item.centroid.clone();
    const radius = Math.max(sphere?.radius ?? 0.1, 0.03);
    // look from outside the body towards the structure, biased towards the current view
    const current = new Vector3().subVectors(camera.position, c.target).normalize();
    const outward = new Vector3(center.x, 0, center.z);
    const dir =
      outward.length() > 0.03
        ? outward.normalize().addScaledVector(current, 0.35)
        : current.clone();
    dir.y += 0.2;
    dir.normalize();
    const aspect = size.width / Math.max(1, size.height);
    const fit = sphereDistance(radius, CAMERA_FOV_DEG, aspect);
    const distance = MathUtils.clamp(fit * 1.8, 0.5, MAX_DISTANCE * 0.8);
    fly(center.clone().addScaledVector(dir, distance), center);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusRequest]);

  useFrame((state) => {
    const c = controls.current;
    if (!c || !flight.active) return;
    const t = Math.min(1, (state.clock.getElapsedTime() - flight.start) / FLIGHT_SECONDS);
    const e = easeInOutCubic(t);
    state.camera.position.lerpVectors(flight.fromPos, flight.toPos, e);
    c.target.lerpVectors(flight.fromTarget, flight.toTarget, e);
    c.update();
    if (t >= 1) flight.active = false;
    else state.invalidate();
  });

  return (
    <OrbitControls
      ref={controls}
      makeDefault
      target={BODY_TARGET}
      minDistance={MIN_DISTANCE}
      maxDistance={MAX_DISTANCE}
      maxPolarAngle={Math.PI / 2 + 0.12}
      enableDamping
      dampingFactor={0.15}
      onStart={() => {
        flight.active = false;
      }}
      onChange={() => {
        const c = controls.current;
        if (!c) return;
        if (camera.position.y < MIN_CAMERA_Y) camera.position.y = MIN_CAMERA_Y;
        // keep panning near the body so the user cannot lose it
        scratchOut.copy(c.target);
        c.target.x = MathUtils.clamp(c.target.x, -1.2, 1.2);
        c.target.y = MathUtils.clamp(c.target.y, 0, 2);
        c.target.z = MathUtils.clamp(c.target.z, -1.2, 1.2);
        if (!scratchOut.equals(c.target)) {
          scratchDir.subVectors(c.target, scratchOut);
          camera.position.add(scratchDir);
        }
      }}
    />
  );
}
