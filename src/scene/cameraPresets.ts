import type { CameraPreset } from '../store/viewSlice.ts';
import type { BodyVec3 } from '../domain/units.ts';

/** Orbit target at about the body's mid-height (metres, body frame). */
export const BODY_TARGET: BodyVec3 = [0, 0.92, 0];
/** Distance that fits a 1.76 m body in a 35° vertical field of view, with a margin. */
export const PRESET_DISTANCE = 3.4;
export const CAMERA_FOV_DEG = 35;
export const MIN_DISTANCE = 0.25;
export const MAX_DISTANCE = 6;

export interface CameraPose {
  readonly position: BodyVec3;
  readonly target: BodyVec3;
}

/** Where the camera stands for each preset: "left" looks at the patient's left side (+X). */
export function presetPose(preset: CameraPreset, distance = PRESET_DISTANCE): CameraPose {
  const [tx, ty, tz] = BODY_TARGET;
  switch (preset) {
    case 'front':
      return { position: [tx, ty + 0.1, tz + distance], target: BODY_TARGET };
    case 'back':
      return { position: [tx, ty + 0.1, tz - distance], target: BODY_TARGET };
    case 'left':
      return { position: [tx + distance, ty + 0.1, tz], target: BODY_TARGET };
    case 'right':
      return { position: [tx - distance, ty + 0.1, tz], target: BODY_TARGET };
    case 'top':
      // a little anterior: the orbit avoids its pole and left/right stay as in the front view
      return { position: [tx, ty + distance, tz + 0.02], target: BODY_TARGET };
  }
}

/** Text for the UI. */
export const PRESET_LABELS: Record<CameraPreset, string> = {
  front: 'Front (anterior)',
  back: 'Back (posterior)',
  left: "Patient's left",
  right: "Patient's right",
  top: 'Top (superior)',
};
