import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeView, encodeView, type ViewState } from '../../src/ui/urlState.ts';

describe('the view in the URL', () => {
  it('round-trips a full view', () => {
    const v: ViewState = {
      mode: 'needle',
      selectedId: 'trapezius-upper-left',
      layers: {
        skin: { visible: true, opacity: 0.18 },
        fat: { visible: false, opacity: 0.5 },
        muscles: { visible: true, opacity: 1 },
        bones: { visible: true, opacity: 1 },
        lungs: { visible: true, opacity: 0.5 },
        neurovascular: { visible: false, opacity: 1 },
      },
      xray: true,
      zones: [
        { id: 'upper-trapezius-trp1', side: 'right' },
        { id: 'infraspinatus-trp1', side: 'left' },
      ],
      pain: ['temple-left', 'sternum'],
      habitus: 'high-bmi',
      needle: {
        entry: [0.10812, 1.50243, -0.05429],
        inward: [-0.5166, -0.4364, 0.7367],
        tiltDeg: 44.5,
        azimuthDeg: 26,
        depthMm: 20,
        lengthMm: 30,
      },
      camera: { position: [0.5, 1.6, 1.2], target: [0.05, 1.4, 0] },
    };
    const { view, skipped } = decodeView(`#${encodeView(v)}`);
    expect(skipped).toEqual([]);
    expect(view).toEqual(v);
  });

  it('skips what is malformed and keeps the rest', () => {
    const { view, skipped } = decodeView(
      '#m=fly&s=<script>&z=upper-trapezius-trp1:r,bad:q&c=1,2,x&n=1,2&b=high-bmi&l=1a_00.5',
    );
    expect(view.mode).toBeUndefined();
    expect(view.selectedId).toBeUndefined();
    expect(view.zones).toEqual([{ id: 'upper-trapezius-trp1', side: 'right' }]);
    expect(view.camera).toBeUndefined();
    expect(view.needle).toBeUndefined();
    expect(view.habitus).toBe('high-bmi');
    expect(skipped.length).toBeGreaterThanOrEqual(6);
  });

  it('fuzz: any hash decodes without throwing', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (h) => {
        expect(() => decodeView(h)).not.toThrow();
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});
