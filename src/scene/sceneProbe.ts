/**
 * How the browser tests project and pick in the live scene: the scene registers a probe (test
 * builds only, see `TEST_API`) and the test API reads it.
 */

/** Whether this is a build for the browser tests (VITE_NEEDLEWISE_TEST_API=1 at build time). */
export const TEST_API = import.meta.env.VITE_NEEDLEWISE_TEST_API === '1';

/** Screen position of a structure, in CSS pixels of the page (for `page.mouse.click`). */
export interface ProjectedPoint {
  readonly x: number;
  readonly y: number;
  /** Whether the point is inside the canvas and in front of the camera. */
  readonly onScreen: boolean;
}

export interface SceneProbe {
  project(id: string): ProjectedPoint | null;
  pick(x: number, y: number): string | null;
  projectPoint(p: readonly [number, number, number]): ProjectedPoint | null;
}
let probe: SceneProbe | null = null;

/** The scene registers how to project and pick; cleared with `null` on unmount. */
export function setSceneProbe(p: SceneProbe | null): void {
  probe = p;
}

export const sceneProbe = (): SceneProbe | null => probe;
