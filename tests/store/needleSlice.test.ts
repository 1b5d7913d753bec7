import { describe, expect, it } from 'vitest';
import { create } from 'zustand';
import { createFull, type Full } from '../../src/store/index.ts';
import { MAX_TILT_DEG } from '../../src/store/needleSlice.ts';

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
