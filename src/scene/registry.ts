import type { BuiltBody } from './buildBody.ts';

/**
 * The body currently in the scene, for code outside React's tree that needs the meshes
 * (camera fly-to, the window test API). Set by <Body>, cleared on unmount.
 */
export const sceneRegistry: { body: BuiltBody | null } = { body: null };
