import { useEffect } from 'react';
import { useThree } from '@react-three/fiber';
import { useStore } from '../store/index.ts';

/** Degrees of azimuth and tilt per pixel dragged. */
const AZIMUTH_PER_PX = 0.6;
const TILT_PER_PX = 0.3;

/**
 * In needle mode with "drag to aim" on: a drag on the view turns the needle (sideways: the
 * direction of its tilt; up and down: the tilt) and the camera stays where it is.
 *
 * ```tsx
 * <Canvas><CameraRig /><AimDrag /></Canvas>
 * ```
 */
export function AimDrag() {
  const on = useStore((s) => s.aimDrag && s.mode === 'needle' && s.needleEntry !== null);
  const el = useThree((s) => s.gl.domElement);
  const controls = useThree((s) => s.controls) as { enabled: boolean } | null;

  useEffect(() => {
    if (controls) controls.enabled = !on;
    if (!on) return;
    let last: { x: number; y: number } | null = null;
    const down = (e: PointerEvent) => {
      last = { x: e.clientX, y: e.clientY };
      el.setPointerCapture(e.pointerId);
    };
    const move = (e: PointerEvent) => {
      if (!last) return;
      const s = useStore.getState();
      s.needleAimed(
        s.needleTiltDeg - (e.clientY - last.y) * TILT_PER_PX,
        s.needleAzimuthDeg + (e.clientX - last.x) * AZIMUTH_PER_PX,
      );
      last = { x: e.clientX, y: e.clientY };
    };
    const up = (e: PointerEvent) => {
      last = null;
      if (el.hasPointerCapture(e.pointerId)) el.releasePointerCapture(e.pointerId);
    };
    el.addEventListener('pointerdown', down);
    el.addEventListener('pointermove', move);
    el.addEventListener('pointerup', up);
    el.addEventListener('pointercancel', up);
    el.style.cursor = 'crosshair';
    return () => {
      el.removeEventListener('pointerdown', down);
      el.removeEventListener('pointermove', move);
      el.removeEventListener('pointerup', up);
      el.removeEventListener('pointercancel', up);
      el.style.cursor = '';
      if (controls) controls.enabled = true;
    };
  }, [on, el, controls]);
  return null;
}
