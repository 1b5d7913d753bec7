import { afterEach, describe, expect, it, vi } from 'vitest';
import { create } from 'zustand';
import { createFull, type Full } from '../../src/store/index.ts';
import {
  MAX_TILT_DEG,
  NEEDLE_HISTORY_LIMIT,
  NEEDLE_HISTORY_MERGE_MS,
} from '../../src/store/needleSlice.ts';

const fresh = () => create<Full>()(createFull);
const entry = { point: [0, 1.2, -0.15] as const, inward: [0, 0, 1] as const };

describe('needle slice', () => {
  it('the depth never exceeds the needle; a shorter needle pulls it back', () => {
    const s = fresh();
    s.getState().needlePlaced(entry);
    s.getState().needleLengthChosen(30);
    s.getState().needleDepthSet(45);
    expect(s.getState().needleDepthMm).toBe(30);
    s.getState().needleLengthChosen(15);
    expect(s.getState().needleDepthMm).toBe(15);
    s.getState().needleDepthSet(-3);
    expect(s.getState().needleDepthMm).toBe(0);
  });
  it('a length between the offered ones becomes the next longer needle', () => {
    const s = fresh();
    s.getState().needleLengthChosen(33);
    expect(s.getState().needleLengthMm).toBe(40);
    s.getState().needleLengthChosen(500);
    expect(s.getState().needleLengthMm).toBe(100);
  });
  it('tilt is clamped, azimuth wraps, NaN is refused', () => {
    const s = fresh();
    s.getState().needleAimed(120, -30);
    expect(s.getState().needleTiltDeg).toBe(MAX_TILT_DEG);
    expect(s.getState().needleAzimuthDeg).toBe(330);
    s.getState().needleAimed(Number.NaN, Number.NaN);
    expect(s.getState().needleTiltDeg).toBe(0);
    expect(s.getState().needleAzimuthDeg).toBe(0);
  });
  it('placing the needle elsewhere forgets the trigger point it was snapped to', () => {
    const s = fresh();
    s.getState().needleSnapped({
      entry,
      tiltDeg: 10,
      azimuthDeg: 20,
      depthMm: 12,
      lengthMm: 30,
      target: { triggerPointId: 'upper-trapezius-trp1', side: 'left' },
    });
    expect(s.getState().needleTarget?.triggerPointId).toBe('upper-trapezius-trp1');
    s.getState().needlePlaced(entry);
    expect(s.getState().needleTarget).toBeNull();
  });
  it('a needle put on the skin goes in perpendicular, whatever the last one was aimed at', () => {
    const s = fresh();
    s.getState().needlePlaced(entry);
    s.getState().needleAimed(35, 120);
    s.getState().needlePlaced({ point: [0.05, 1.2, -0.15], inward: [0, 0, 1] });
    expect(s.getState().needleTiltDeg).toBe(0);
    expect(s.getState().needleAzimuthDeg).toBe(0);
  });
  it('a safety topic opens Safety mode and asks for the topic', () => {
    const s = fresh();
    s.getState().safetyTopicOpened('safety-side-effect-pneumothorax');
    expect(s.getState().mode).toBe('safety');
    expect(s.getState().safetyFocus?.id).toBe('safety-side-effect-pneumothorax');
  });
});

describe('trigger point zones', () => {
  it('a click shows one zone; Shift adds up to four, newest first, without repeats', () => {
    const s = fresh();
    const st = s.getState;
    st().triggerPointSelected({ id: 'a', side: 'left' });
    st().triggerPointSelected({ id: 'b', side: 'left' }, true);
    st().triggerPointSelected({ id: 'a', side: 'left' }, true);
    expect(st().zoneTriggers.map((r) => r.id)).toEqual(['a', 'b']);
    for (const id of ['c', 'd', 'e']) st().triggerPointSelected({ id, side: 'right' }, true);
    expect(st().zoneTriggers.map((r) => r.id)).toEqual(['e', 'd', 'c', 'a']);
    st().triggerPointSelected({ id: 'z', side: 'left' });
    expect(st().zoneTriggers.map((r) => r.id)).toEqual(['z']);
    st().triggerPointRemoved({ id: 'z', side: 'left' });
    expect(st().zoneTriggers).toEqual([]);
  });
  it('"needle this point" switches to needle mode with the point pending', () => {
    const s = fresh();
    s.getState().needleSnapRequested({ triggerPointId: 'infraspinatus-trp1', side: 'left' });
    expect(s.getState().mode).toBe('needle');
    expect(s.getState().pendingSnap?.triggerPointId).toBe('infraspinatus-trp1');
    s.getState().pendingSnapHandled();
    expect(s.getState().pendingSnap).toBeNull();
  });
});

describe('needle history (undo / redo)', () => {
  afterEach(() => vi.useRealTimers());
  const other = { point: [0.1, 1.3, -0.12] as const, inward: [-0.2, 0, 0.98] as const };
  /** The needle's own fields, to compare before and after. */
  const needle = (s: ReturnType<typeof fresh>) => {
    const x = s.getState();
    return [x.needleEntry, x.needleTiltDeg, x.needleAzimuthDeg, x.needleDepthMm, x.needleLengthMm];
  };

  it('a stray click moves the needle; Undo puts it back where it was, aimed as it was; Redo again', () => {
    vi.useFakeTimers();
    const s = fresh();
    const st = s.getState;
    st().needlePlaced(entry);
    vi.advanceTimersByTime(2000);
    st().needleAimed(25, 90);
    vi.advanceTimersByTime(2000);
    st().needleDepthSet(22);
    const aimed = needle(s);
    vi.advanceTimersByTime(2000);
    st().needlePlaced(other); // the stray click: a new spot, perpendicular
    expect(st().needleEntry).toEqual(other);
    expect(st().needleTiltDeg).toBe(0);
    st().needleUndone();
    expect(needle(s)).toEqual(aimed);
    st().needleRedone();
    expect(st().needleEntry).toEqual(other);
    expect(st().needleTiltDeg).toBe(0);
    // all the way back: no needle at all, and nothing more to undo
    for (let i = 0; i < 10; i++) st().needleUndone();
    expect(st().needleEntry).toBeNull();
    expect(st().needlePast).toEqual([]);
    expect(st().needleFuture).toHaveLength(4);
  });

  it('a slider dragged (many changes of one kind in quick succession) is undone in one step', () => {
    vi.useFakeTimers();
    const s = fresh();
    const st = s.getState;
    st().needlePlaced(entry);
    vi.advanceTimersByTime(2000);
    for (let tilt = 1; tilt <= 30; tilt++) {
      st().needleAimed(tilt, 0);
      vi.advanceTimersByTime(16);
    }
    st().needleUndone();
    expect(st().needleTiltDeg).toBe(0);
    expect(st().needleEntry).toEqual(entry);
    // the same kind after a pause is a step of its own
    st().needleRedone();
    vi.advanceTimersByTime(NEEDLE_HISTORY_MERGE_MS + 1);
    st().needleAimed(40, 0);
    st().needleUndone();
    expect(st().needleTiltDeg).toBe(30);
  });

  it('a change after Undo forgets what was undone; a change that changes nothing is not a step', () => {
    const s = fresh();
    const st = s.getState;
    st().needlePlaced(entry);
    st().needlePlaced(other);
    st().needleUndone();
    expect(st().needleFuture).toHaveLength(1);
    st().needleCleared();
    expect(st().needleFuture).toEqual([]);
    st().needleUndone();
    expect(st().needleEntry).toEqual(entry);
    const steps = st().needlePast.length;
    st().needlePlaced(entry); // the same spot again, already perpendicular
    st().needleDepthSet(st().needleDepthMm);
    expect(st().needlePast).toHaveLength(steps);
    // with nothing to undo or redo, both are no-ops
    const t = fresh();
    t.getState().needleUndone();
    t.getState().needleRedone();
    expect(t.getState().needleEntry).toBeNull();
  });

  it(`keeps at most ${NEEDLE_HISTORY_LIMIT} steps, forgetting the oldest`, () => {
    const s = fresh();
    const st = s.getState;
    for (let i = 0; i < NEEDLE_HISTORY_LIMIT + 20; i++)
      st().needlePlaced({ point: [i / 1000, 1.2, -0.15], inward: [0, 0, 1] });
    expect(st().needlePast).toHaveLength(NEEDLE_HISTORY_LIMIT);
    for (let i = 0; i < NEEDLE_HISTORY_LIMIT + 5; i++) st().needleUndone();
    // the oldest kept: the needle placed 20th, not the first (or none)
    expect(st().needleEntry?.point[0]).toBeCloseTo(19 / 1000, 9);
    expect(st().needleFuture).toHaveLength(NEEDLE_HISTORY_LIMIT);
  });

  it('undo restores a snapped needle with its trigger point; Remove needle can be undone', () => {
    const s = fresh();
    const st = s.getState;
    const target = { triggerPointId: 'upper-trapezius-trp1', side: 'right' as const };
    st().needleSnapped({ entry, tiltDeg: 10, azimuthDeg: 200, depthMm: 18, lengthMm: 40, target });
    st().needleCleared();
    expect(st().needleEntry).toBeNull();
    st().needleUndone();
    expect(st().needleEntry).toEqual(entry);
    expect(st().needleTarget).toEqual(target);
    expect([st().needleTiltDeg, st().needleAzimuthDeg, st().needleDepthMm]).toEqual([10, 200, 18]);
    expect(st().needleLengthMm).toBe(40);
  });
});
