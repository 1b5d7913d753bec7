import { snapshot, useStore, type Snapshot } from '../store/index.ts';

/** Screen position of a structure, in CSS pixels of the page (for `page.mouse.click`). */
export interface ProjectedPoint {
  readonly x: number;
  readonly y: number;
  /** Whether the point is inside the canvas and in front of the camera. */
  readonly onScreen: boolean;
}

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

interface SceneProbe {
  project(id: string): ProjectedPoint | null;
  pick(x: number, y: number): string | null;
  projectPoint(p: readonly [number, number, number]): ProjectedPoint | null;
}
let probe: SceneProbe | null = null;

/** The scene registers how to project and pick; cleared with `null` on unmount. */
export function setSceneProbe(p: SceneProbe | null): void {
  probe = p;
}

export function installTestApi(): void {
  window.__needlewise = Object.freeze({
    getState: () => snapshot(useStore.getState()),
    structures: () => useStore.getState().manifest?.structures.map((s) => s.id) ?? [],
    project: (id: string) => probe?.project(id) ?? null,
    pick: (x: number, y: number) => probe?.pick(x, y) ?? null,
    projectPoint: (p: readonly [number, number, number]) => probe?.projectPoint(p) ?? null,
    quizKey: async () => (await import('./quizTestKey.ts')).currentQuizKey(),
  });
}
