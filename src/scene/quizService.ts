/**
 * The quiz engine in the browser: its world (catalog, lookup, the needle simulator on the loaded
 * body, the trigger points already placed for the markers) and the one way events reach the
 * session reducer, so the panel, the scene and the shortcuts all go through the same rules.
 */
import { useMemo } from 'react';
import { browserCatalog } from '../domain/catalog/browser.ts';
import type { Placement } from '../domain/catalog/placement.ts';
import type { NeedleBody } from '../domain/needle/simulate.ts';
import { applyQuizEvent, type QuizEvent } from '../domain/quiz/session.ts';
import { quizWorld, type QuizWorld } from '../domain/quiz/world.ts';
import { useStore } from '../store/index.ts';
import { usePlacements } from './catalogService.ts';
import { currentNeedleBody, useNeedleBody } from './needleService.ts';

const worlds = new WeakMap<NeedleBody, QuizWorld>();

function worldFor(
  body: NeedleBody,
  landmarks: Parameters<typeof quizWorld>[2],
  placements?: ReadonlyMap<string, Placement>,
): QuizWorld {
  let w = worlds.get(body);
  if (!w) {
    w = quizWorld(browserCatalog(), body, landmarks, placements ? { placements } : {});
    worlds.set(body, w);
  }
  return w;
}

/** The quiz world for the loaded body, or null while the body's index is being built. */
export function useQuizWorld(): QuizWorld | null {
  const body = useNeedleBody(true);
  const manifest = useStore((s) => s.manifest);
  const placements = usePlacements(body);
  return useMemo(
    () => (body && manifest && placements ? worldFor(body, manifest.landmarks, placements) : null),
    [body, manifest, placements],
  );
}

/** The world if it is ready (for handlers outside render). */
export function currentQuizWorld(): QuizWorld | null {
  const body = currentNeedleBody();
  const manifest = useStore.getState().manifest;
  return body && manifest ? worldFor(body, manifest.landmarks) : null;
}

/** Applies one event to the current session through the domain's reducer. */
export function quizDispatch(event: QuizEvent): void {
  const s = useStore.getState();
  const world = currentQuizWorld();
  if (!s.quizSession || !world) return;
  s.quizSessionChanged(applyQuizEvent(world, s.quizSession, event));
}
