import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadTechniqueCatalog } from '../../../src/domain/technique/load.ts';
import {
  applicableItems,
  screen,
  type Answer,
  type ScreeningContext,
} from '../../../src/domain/technique/screening.ts';
import { REGION_CLASSES, type ScreeningFile } from '../../../src/domain/technique/schema.ts';

const { screening } = loadTechniqueCatalog();

/** Every applicable item answered 'no', then the overrides. */
function answersFor(
  ctx: ScreeningContext,
  overrides: Record<string, Answer> = {},
  checklist: ScreeningFile = screening,
): Record<string, Answer> {
  const out: Record<string, Answer> = {};
  for (const item of applicableItems(checklist, ctx)) out[item.id] = 'no';
  return { ...out, ...overrides };
}

const limb: ScreeningContext = { region: 'limb', electricalStimulation: false };
const thorax: ScreeningContext = { region: 'thorax', electricalStimulation: false };
const abdomen: ScreeningContext = { region: 'abdomen-pelvis', electricalStimulation: false };

describe('screen: rules', () => {
  it('all answers no → go', () => {
    const r = screen(screening, answersFor(limb), limb);
    expect(r.decision).toBe('go');
    expect(r.reasons).toEqual([]);
  });

  it('result always carries the teaching-aid disclaimer', () => {
    const r = screen(screening, answersFor(limb), limb);
    expect(r.disclaimer).toMatch(/teaching aid/i);
    expect(r.disclaimer).toMatch(/not a clinical decision tool/i);
  });

  it('every absolute item answered yes → do-not-needle', () => {
    for (const item of screening.items.filter((i) => i.category === 'absolute')) {
      const ctx = {
        ...limb,
        ...(item.appliesTo?.regions ? { region: item.appliesTo.regions[0]! } : {}),
      };
      const r = screen(screening, answersFor(ctx, { [item.id]: 'yes' }), ctx);
      expect(r.decision, item.id).toBe('do-not-needle');
      expect(r.reasons[0]?.itemId).toBe(item.id);
    }
  });

  it('every relative item answered yes (no escalation context) → go-with-care', () => {
    for (const item of screening.items.filter((i) => i.category === 'relative')) {
      const r = screen(screening, answersFor(limb, { [item.id]: 'yes' }), limb);
      expect(r.decision, item.id).toBe('go-with-care');
    }
  });

  it('every precaution answered yes in a region it applies to → go-with-care', () => {
    for (const item of screening.items.filter((i) => i.category === 'precaution')) {
      const ctx = {
        ...limb,
        ...(item.appliesTo?.regions ? { region: item.appliesTo.regions[0]! } : {}),
      };
      const r = screen(screening, answersFor(ctx, { [item.id]: 'yes' }), ctx);
      expect(r.decision, item.id).toBe('go-with-care');
    }
  });

  it('unknown on an absolute item never gives go (blocks: do-not-needle)', () => {
    const r = screen(screening, answersFor(limb, { 'needle-phobia': 'unknown' }), limb);
    expect(r.decision).toBe('do-not-needle');
    expect(r.unanswered).toEqual(['needle-phobia']);
    expect(r.reasons[0]).toMatchObject({ itemId: 'needle-phobia', kind: 'unanswered' });
  });

  it('a missing answer counts as unknown', () => {
    const answers = answersFor(limb);
    delete answers['cannot-consent'];
    expect(screen(screening, answers, limb).decision).toBe('do-not-needle');
  });

  it('no answers at all → do-not-needle, every applicable item listed as unanswered', () => {
    const r = screen(screening, {}, limb);
    expect(r.decision).toBe('do-not-needle');
    expect(r.unanswered.length).toBe(applicableItems(screening, limb).length);
  });

  it('unknown on a relative item → go-with-care, not go', () => {
    const r = screen(screening, answersFor(limb, { diabetes: 'unknown' }), limb);
    expect(r.decision).toBe('go-with-care');
  });

  it('anticoagulant (warfarin), gluteal/limb target → go-with-care with a cited reason', () => {
    const r = screen(screening, answersFor(limb, { anticoagulant: 'yes' }), limb);
    expect(r.decision).toBe('go-with-care');
    expect(r.reasons[0]?.source).toMatch(/Muñoz/);
    expect(r.reasons[0]?.note).toMatch(/absolute/);
  });

  it('pregnancy with a limb target → go-with-care', () => {
    const r = screen(screening, answersFor(limb, { pregnancy: 'yes' }), limb);
    expect(r.decision).toBe('go-with-care');
  });

  it('pregnancy with an abdomen-pelvis target → do-not-needle', () => {
    const r = screen(screening, answersFor(abdomen, { pregnancy: 'yes' }), abdomen);
    expect(r.decision).toBe('do-not-needle');
    expect(r.reasons[0]).toMatchObject({ itemId: 'pregnancy', category: 'absolute' });
  });

  it('context.pregnant overrides a "no" pregnancy answer', () => {
    const ctx = { ...abdomen, pregnant: true };
    const r = screen(screening, answersFor(ctx, { pregnancy: 'no' }), ctx);
    expect(r.decision).toBe('do-not-needle');
  });

  it('context.pregnant false fills a missing pregnancy answer', () => {
    const ctx = { ...abdomen, pregnant: false };
    const answers = answersFor(ctx);
    delete answers['pregnancy'];
    expect(screen(screening, answers, ctx).decision).toBe('go');
  });

  it('unknown pregnancy with an abdomen target blocks (escalated absolute)', () => {
    const r = screen(screening, answersFor(abdomen, { pregnancy: 'unknown' }), abdomen);
    expect(r.decision).toBe('do-not-needle');
  });

  it('pacemaker with electrical stimulation → do-not-needle', () => {
    const ctx = { ...thorax, electricalStimulation: true };
    const r = screen(screening, answersFor(ctx, { 'implanted-electrical-device': 'yes' }), ctx);
    expect(r.decision).toBe('do-not-needle');
    expect(r.reasons[0]?.source).toMatch(/electroacupuncture/i);
  });

  it('pacemaker without electrical stimulation → go-with-care', () => {
    const r = screen(screening, answersFor(limb, { 'implanted-electrical-device': 'yes' }), limb);
    expect(r.decision).toBe('go-with-care');
  });

  it('lung disease matters over the thorax, is not asked for a limb', () => {
    expect(screen(screening, answersFor(thorax, { 'lung-disease': 'yes' }), thorax).decision).toBe(
      'go-with-care',
    );
    const r = screen(screening, answersFor(limb, { 'lung-disease': 'yes' }), limb);
    expect(r.decision).toBe('go');
    expect(r.notApplicable).toContain('lung-disease');
  });

  it('absolute beats relative when both are present', () => {
    const r = screen(
      screening,
      answersFor(limb, { anticoagulant: 'yes', 'local-infection': 'yes' }),
      limb,
    );
    expect(r.decision).toBe('do-not-needle');
    expect(r.reasons.map((x) => x.itemId)).toEqual(['local-infection', 'anticoagulant']);
  });

  it('rejects answers for item ids that do not exist', () => {
    expect(() => screen(screening, { 'warfarin-typo': 'yes' }, limb)).toThrow(
      'screen: unknown screening item id "warfarin-typo"',
    );
  });
});

describe('screen: properties', () => {
  const ctxArb = fc.record({
    region: fc.constantFrom(...REGION_CLASSES),
    electricalStimulation: fc.boolean(),
  });

  it('any applicable item left unknown → never go', () => {
    fc.assert(
      fc.property(ctxArb, fc.nat(), (ctx, k) => {
        const items = applicableItems(screening, ctx);
        const target = items[k % items.length]!;
        const r = screen(screening, answersFor(ctx, { [target.id]: 'unknown' }), ctx);
        return r.decision !== 'go';
      }),
    );
  });

  it('go only when every applicable answer is no', () => {
    const answerArb = fc.constantFrom<Answer>('yes', 'no', 'unknown');
    fc.assert(
      fc.property(ctxArb, fc.array(answerArb, { minLength: 30, maxLength: 30 }), (ctx, picks) => {
        const items = applicableItems(screening, ctx);
        const answers: Record<string, Answer> = {};
        items.forEach((item, i) => (answers[item.id] = picks[i] ?? 'no'));
        const r = screen(screening, answers, ctx);
        const allNo = items.every((i) => answers[i.id] === 'no');
        return (r.decision === 'go') === allNo;
      }),
    );
  });
});
