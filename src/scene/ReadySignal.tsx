import { useEffect, useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { useStore } from '../store/index.ts';

/**
 * Sets `document.body.dataset.sceneReady = "true"` once a frame with the loaded body has been
 * drawn (CONTRACTS §4). useFrame runs before the render of its frame, so the flag goes up on the
 * frame after the first one that contained the body.
 */
export function ReadySignal() {
  const revision = useStore((s) => s.modelRevision);
  const phase = useStore((s) => s.modelPhase);
  const invalidate = useThree((s) => s.invalidate);
  const seen = useRef({ revision: -1, frames: 0 });

  useEffect(() => {
    if (phase === 'ready') invalidate();
  }, [phase, revision, invalidate]);

  useFrame(() => {
    const s = seen.current;
    if (useStore.getState().modelPhase !== 'ready' || s.revision === revision) return;
    s.frames += 1;
    if (s.frames >= 2) {
      s.revision = revision;
      s.frames = 0;
      document.body.dataset.sceneReady = 'true';
    } else {
      invalidate();
    }
  });
  return null;
}
