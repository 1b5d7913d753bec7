import { useCallback, useEffect, useRef, useState } from 'react';
import { useStore } from '../store/index.ts';

/**
 * The technique shown on the needle: in to the catalog's shallowest depth, pistoning between
 * its shallowest and deepest depth a few times, then out. Slowed down to watch.
 */
export function useTechniqueDemo() {
  const [running, setRunning] = useState(false);
  const frame = useRef(0);
  const stop = useCallback(() => {
    cancelAnimationFrame(frame.current);
    setRunning(false);
  }, []);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);
  const start = useCallback((min: number, max: number) => {
    const s = useStore.getState();
    const restore = s.needleDepthMm;
    const entry = s.needleEntry;
    const t0 = performance.now();
    const steps: [number, number][] = [
      [0, 0],
      [1500, min],
      ...[0, 1, 2, 3].flatMap((i): [number, number][] => [
        [2100 + i * 1200, max],
        [2700 + i * 1200, min],
      ]),
      [7500, 0],
      [8300, restore],
    ];
    const tick = () => {
      // the user moved the needle or snapped it elsewhere: the demonstration ends there
      if (useStore.getState().needleEntry !== entry) {
        setRunning(false);
        return;
      }
      const t = performance.now() - t0;
      const k = steps.findIndex(([at]) => at > t);
      if (k < 0) {
        useStore.getState().needleDepthSet(restore);
        setRunning(false);
        return;
      }
      const [ta, da] = steps[k - 1] ?? steps[0]!;
      const [tb, db] = steps[k]!;
      useStore.getState().needleDepthSet(Math.round(da + ((db - da) * (t - ta)) / (tb - ta)));
      frame.current = requestAnimationFrame(tick);
    };
    setRunning(true);
    frame.current = requestAnimationFrame(tick);
  }, []);
  return { running, start, stop };
}
