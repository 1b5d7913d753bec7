import type { BuiltBody } from './buildBody.ts';

/**
 * The body currently in the scene, for code outside React's tree that needs the meshes
 * (camera fly-to, the window test API). Set by <Body>, cleared on unmount.
 */
export const sceneRegistry: { body: BuiltBody | null; camera: CameraAccess | null } = {
  body: null,
  camera: null,
};

/** The orbit camera's pose, for the URL: read it, or set it without a flight. */
export interface CameraAccess {
  pose(): { position: [number, number, number]; target: [number, number, number] };
  setPose(position: readonly number[], target: readonly number[]): void;
}
