import { describe, expect, it } from 'vitest';
import {
  loadTechniqueCatalog,
  parseAdverseEvents,
  parseScreening,
  parseTechniques,
} from '../../../src/domain/technique/load.ts';
import techniquesJson from '../../../data/technique/techniques.json';
import screeningJson from '../../../data/technique/screening.json';
import adverseEventsJson from '../../../data/technique/adverse-events.json';

describe('bundled technique data', () => {
  it('techniques.json validates', () => {
    expect(() => parseTechniques(techniquesJson)).not.toThrow();
  });
  it('screening.json validates', () => {
    expect(() => parseScreening(screeningJson)).not.toThrow();
  });
  it('adverse-events.json validates', () => {
    expect(() => parseAdverseEvents(adverseEventsJson)).not.toThrow();
  });

  const { techniques, screening, adverseEvents } = loadTechniqueCatalog();

  it('every technique and every technique parameter has at least one source', () => {
    for (const t of techniques.techniques) {
      expect(t.sources.length, t.id).toBeGreaterThan(0);
      for (const p of t.parameters) expect(p.sources.length, `${t.id}.${p.id}`).toBeGreaterThan(0);
    }
  });

  it('every screening item (and escalation) has at least one source', () => {
    for (const item of screening.items) {
      expect(item.sources.length, item.id).toBeGreaterThan(0);
      for (const e of item.escalations ?? []) expect(e.sources.length, item.id).toBeGreaterThan(0);
    }
  });

  it('every adverse event, survey and aftercare entry has at least one source', () => {
    for (const e of adverseEvents.events) expect(e.sources.length, e.id).toBeGreaterThan(0);
    for (const s of adverseEvents.surveys) expect(s.sources.length, s.id).toBeGreaterThan(0);
    for (const a of adverseEvents.aftercare) expect(a.sources.length, a.id).toBeGreaterThan(0);
  });

  it('covers the checklist topics the trainer teaches', () => {
    const ids = screening.items.map((i) => i.id);
    for (const required of [
      'local-infection',
      'systemic-infection',
      'pregnancy',
      'cannot-consent',
      'needle-phobia',
      'anticoagulant',
      'bleeding-disorder',
      'lymphoedema-at-site',
      'recent-surgery-at-site',
      'implanted-electrical-device',
      'lung-disease',
      'immunocompromise',
      'diabetes',
      'epilepsy',
      'vascular-disease',
      'metal-allergy',
      'child',
    ]) {
      expect(ids).toContain(required);
    }
  });

  it('has all three categories in the checklist', () => {
    const cats = new Set(screening.items.map((i) => i.category));
    expect([...cats].sort()).toEqual(['absolute', 'precaution', 'relative']);
  });

  it('records the Brady 2014 and Boyce 2020 survey figures as published', () => {
    const brady = adverseEvents.surveys.find((s) => s.id === 'brady-2014');
    const boyce = adverseEvents.surveys.find((s) => s.id === 'boyce-2020');
    expect(brady).toMatchObject({
      therapists: 39,
      treatments: 7629,
      minorEvents: { count: 1463, reportedRate: { comparator: '=', percent: 19.18 } },
      seriousEvents: { count: 0, reportedRate: { comparator: '<=', percent: 0.04 } },
    });
    expect(boyce).toMatchObject({
      therapists: 420,
      treatments: 20464,
      minorEvents: { count: 7531, reportedRate: { percent: 36.7 } },
      seriousEvents: { count: 20, reportedRate: { comparator: '<', percent: 0.1 } },
    });
    // The abstract's own 20,464 vs 20,494 discrepancy must stay visible.
    expect(boyce?.seriousEvents.note).toMatch(/20,494/);
  });

  it('marks the known disagreements as disputed', () => {
    const item = (id: string) => screening.items.find((i) => i.id === id);
    expect(item('anticoagulant')?.certainty).toBe('disputed');
    expect(item('pregnancy')?.certainty).toBe('disputed');
    expect(item('lymphoedema-at-site')?.certainty).toBe('disputed');
    const ev = (id: string) => adverseEvents.events.find((e) => e.id === id);
    expect(ev('bleeding')?.certainty).toBe('disputed');
    expect(ev('post-needling-soreness')?.certainty).toBe('disputed');
    const tech = techniques.techniques.find((t) => t.id === 'deep-trigger-point-dry-needling');
    expect(tech?.certainty).toBe('disputed');
  });

  it('labels aftercare advice without evidence as tradition', () => {
    const hydration = adverseEvents.aftercare.find((a) => a.id === 'hydration');
    expect(hydration?.evidence).toBe('tradition');
  });

  it('records Baldry superficial needling as 5-10 mm for about 30 s', () => {
    const sdn = techniques.techniques.find((t) => t.id === 'superficial-dry-needling');
    const depth = sdn?.parameters.find((p) => p.id === 'depth');
    const dwell = sdn?.parameters.find((p) => p.id === 'dwell-time');
    expect(depth).toMatchObject({ min: 5, max: 10, unit: 'mm' });
    expect(dwell).toMatchObject({ min: 30, max: 30, unit: 's' });
  });

  it('every source says how much of it was read', () => {
    for (const file of [techniques, screening, adverseEvents]) {
      for (const s of file.sources)
        expect(['full-text', 'abstract', 'excerpt', 'secondary']).toContain(s.verified);
    }
  });
});
