/**
 * Words for where the user is looking from, in the body frame (CONTRACTS §1: +Z anterior,
 * +X the patient's left, +Y up). Pure so it is unit-tested; the HUD calls it every frame.
 */
export interface OrientationLabels {
  /** e.g. "Anterior view". */
  readonly view: string;
  /** What lies towards the left edge of the screen. */
  readonly screenLeft: string;
  /** What lies towards the right edge of the screen. */
  readonly screenRight: string;
}

type V3 = { readonly x: number; readonly y: number; readonly z: number };

function sideWord(x: number, z: number): string {
  if (Math.abs(x) >= Math.abs(z)) return x > 0 ? "Patient's left" : "Patient's right";
  return z > 0 ? 'Anterior' : 'Posterior';
}

/**
 * @param toCamera unit vector from the orbit target to the camera
 * @param screenRight unit vector of the camera's +X axis in world space
 */
export function orientationLabels(toCamera: V3, screenRight: V3): OrientationLabels {
  const ax = Math.abs(toCamera.x);
  const ay = Math.abs(toCamera.y);
  const az = Math.abs(toCamera.z);
  let view: string;
  if (ay > 0.8) view = toCamera.y > 0 ? 'Superior view' : 'Inferior view';
  else if (az >= ax) view = toCamera.z > 0 ? 'Anterior view' : 'Posterior view';
  else view = toCamera.x > 0 ? 'Left lateral view' : 'Right lateral view';
  return {
    view,
    screenLeft: sideWord(-screenRight.x, -screenRight.z),
    screenRight: sideWord(screenRight.x, screenRight.z),
  };
}
