import { create, type StateCreator } from 'zustand';
import { createModelSlice } from './modelSlice.ts';
import { createNeedleSlice } from './needleSlice.ts';
import { createTriggerSlice } from './triggerSlice.ts';
import { createPainSlice } from './painSlice.ts';
import { createQuizSlice } from './quizSlice.ts';
import { createTeachSlice } from './teachSlice.ts';
import { createSelectionSlice } from './selectionSlice.ts';
import { createViewSlice } from './viewSlice.ts';
import type { Full } from './types.ts';
import { withZoneSkin } from './zoneSkin.ts';

export type { Full } from './types.ts';

/** The slices combined once; also used by tests to build a fresh store. */
export const createFull: StateCreator<Full> = withZoneSkin((...a) => ({
  ...createModelSlice(...a),
  ...createSelectionSlice(...a),
  ...createViewSlice(...a),
  ...createNeedleSlice(...a),
  ...createTriggerSlice(...a),
  ...createPainSlice(...a),
  ...createQuizSlice(...a),
  ...createTeachSlice(...a),
}));

/**
 * The app's single store. Select one field per hook call:
 *
 * ```tsx
 * const selectedId = useStore((s) => s.selectedId);
 * const structureSelected = useStore((s) => s.structureSelected);
 * ```
 */
export const useStore = create<Full>()(createFull);

/** A JSON-safe snapshot of the state for the window test API (no geometry, no functions). */
export function snapshot(s: Full) {
  return {
    mode: s.mode,
    modelPhase: s.modelPhase,
    modelVersion: s.manifest?.version ?? null,
    bytesReceived: s.bytesReceived,
    bytesTotal: s.bytesTotal,
    modelError: s.modelError,
    selectedId: s.selectedId,
    hoveredId: s.hoveredId,
    isolatedId: s.isolatedId,
    hiddenIds: Object.keys(s.hiddenIds),
    layers: s.layers,
    xray: s.xray,
    cameraPreset: s.cameraRequest?.preset ?? null,
    focusRequest: s.focusRequest,
    needle: s.needleEntry
      ? {
          entry: s.needleEntry.point,
          tiltDeg: s.needleTiltDeg,
          azimuthDeg: s.needleAzimuthDeg,
          depthMm: s.needleDepthMm,
          lengthMm: s.needleLengthMm,
          target: s.needleTarget,
        }
      : null,
    needleHistory: { past: s.needlePast.length, future: s.needleFuture.length },
    habitus: s.habitus,
    zoneTriggers: s.zoneTriggers,
    quizZone: s.quizZone,
    painRegions: s.painRegions,
    painting: s.painting,
    cutaway: s.cutaway,
    lungMap: s.lungMap,
    quiz: s.quizSession
      ? {
          index: s.quizSession.index,
          total: s.quizSession.questions.length,
          type: s.quizSession.questions[s.quizSession.index]?.type ?? null,
          mode: s.quizSession.mode,
          answered: Object.keys(s.quizSession.answers).length,
          finished: s.quizSession.finishedAt !== null,
          score: s.quizSession.summary?.score ?? null,
          results: Object.values(s.quizSession.results).map((r) => ({
            questionId: r.questionId,
            type: r.type,
            score: r.score,
          })),
        }
      : null,
    quizPoint: s.quizPoint,
    presenting: s.presenting,
    pointerTool: s.pointerTool,
    strokes: s.strokes.length,
    classMarks: s.classMarks?.marks.length ?? null,
    classMarkList:
      s.classMarks?.marks.map((m) => ({
        student: m.student,
        verdict: m.verdict ?? null,
        depthMm: m.depthMm ?? null,
        point: m.point,
        tip: m.tip ?? null,
      })) ?? null,
    tour: s.tour ? { id: s.tour.id, step: s.tourStep, steps: s.tour.steps.length } : null,
    quizInput: s.quizInput,
  };
}
export type Snapshot = ReturnType<typeof snapshot>;
