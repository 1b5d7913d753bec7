/**
 * The test API: only in builds for the browser tests (VITE_NEEDLEWISE_TEST_API=1, see
 * tests/e2e/harness.ts). A production build has no `window.__needlewise` and not this module:
 * in exam mode its `quizKey` would hand a trainee the answers.
 */
import { snapshot, useStore, type Snapshot } from '../store/index.ts';
import { sceneProbe } from './sceneProbe.ts';
export type { ProjectedPoint } from './sceneProbe.ts';
import type { ProjectedPoint } from './sceneProbe.ts';

/** The read-only test API on `window.__needlewise` (see tests/e2e). */
export interface NeedlewiseTestApi {
  getState(): Snapshot;
  /** Structure ids of the loaded model, in manifest order. */
  structures(): string[];
  /** Projects a structure's centroid to the page; null if unknown or the scene is not up. */
  project(id: string): ProjectedPoint | null;
  /** The structure a click at page point (x, y) would select, with the viewer's picking rules. */
  pick(x: number, y: number): string | null;
  /** Projects a body-frame point (metres) to the page. */
  projectPoint(p: readonly [number, number, number]): ProjectedPoint | null;
  /** The full-marks answer to the current quiz question (tests only), or null. */
  quizKey(): Promise<unknown>;
}

declare global {
  interface Window {
    __needlewise?: NeedlewiseTestApi;
  }
}

export function installTestApi(): void {
  window.__needlewise = Object.freeze({
    getState: () => snapshot(useStore.getState()),
    structures: () => useStore.getState().manifest?.structures.map((s) => s.id) ?? [],
    project: (id: string) => sceneProbe()?.project(id) ?? null,
    pick: (x: number, y: number) => sceneProbe()?.pick(x, y) ?? null,
    projectPoint: (p: readonly [number, number, number]) => sceneProbe()?.projectPoint(p) ?? null,
    quizKey: async () => (await import('./quizTestKey.ts')).currentQuizKey(),
  });
}
