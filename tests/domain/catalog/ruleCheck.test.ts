/**
 * A needle placed for a trigger point is judged by the point's own rule as well as by what it
 * meets on the model (src/domain/catalog/ruleCheck.ts), and every recommended line keeps that
 * rule. Until 2026-12 the verdict looked only at the model: straight down at the top of the
 * shoulder (the upper trapezius rule: never caudal, toward the lung apex) a rib stopped the needle
 * on the model and the verdict was a green "Safe"; a class quiz counted it right at 82 %.
 */
import { describe, expect, it } from 'vitest';
import { loadBodyFromDisk } from '../../../src/domain/body/node.ts';
import { loadCatalogFromDisk } from '../../../src/domain/catalog/node.ts';
import { placeTriggerPoint } from '../../../src/domain/catalog/placement.ts';
import { recommendedNeedle, ruleSubjectFor } from '../../../src/domain/catalog/needlePath.ts';
import {
  AVOID_WITHIN_DEG,
  checkNeedleRule,
  directionBreaches,
  judgeForPoint,
  ruleDirection,
} from '../../../src/domain/catalog/ruleCheck.ts';
import type { TriggerPoint } from '../../../src/domain/catalog/schema.ts';
import { loadNeedleBodyFromDisk } from '../../../src/domain/needle/node.ts';
import { simulateNeedle, skinEntry } from '../../../src/domain/needle/simulate.ts';
import { loadQuizWorldFromDisk } from '../../../src/domain/quiz/node.ts';
import { PASS_SCORE, scoreAnswer } from '../../../src/domain/quiz/score.ts';
import type { BodyVec3 } from '../../../src/domain/units.ts';
import { dot, norm, sub } from '../../../src/domain/vec.ts';

const { manifest, index } = loadBodyFromDisk();
const body = loadNeedleBodyFromDisk();
const catalog = loadCatalogFromDisk();
const trp = (id: string) => catalog.triggerPoints.find((t) => t.id === id)!;
const subjectOf = (t: TriggerPoint, side: 'left' | 'right') => {
  const p = placeTriggerPoint(t, side, manifest.landmarks, index)!;
  return { p, subject: ruleSubjectFor(index, t.needling, side, p) };
};

/** The skin straight above the upper trapezius point: where a needle "straight down" goes in. */
function topOfShoulder(): { entry: BodyVec3; t: TriggerPoint; side: 'left' } {
  const t = trp('upper-trapezius-trp1');
  const { p } = subjectOf(t, 'left');
  const hit = index.hitsAlong([p.point[0], 2, p.point[2]], [0, -1, 0], 1, new Set(['skin']))[0]!;
  return { entry: [p.point[0], 2 - hit.distance, p.point[2]], t, side: 'left' };
}

describe('the verdict follows the point’s rule', () => {
  it('straight down at the top of the shoulder (upper trapezius: never caudal) is unsafe, whatever the model stops it on', () => {
    const { entry, t, side } = topOfShoulder();
    const { subject } = subjectOf(t, side);
    for (const depthMm of [20, 30, 40]) {
      const sim = simulateNeedle(body, { entry, direction: [0, -1, 0], depthMm, lengthMm: 40 });
      const r = judgeForPoint(subject, sim);
      expect(r.verdict, `${depthMm} mm`).toBe('unsafe');
      const avoid = r.rule.breaches.find((b) => b.part === 'avoid');
      expect(avoid?.severity).toBe('unsafe');
      expect(avoid?.message).toMatch(/never aim caudal/);
      expect(r.messages[0]).toMatch(/^Against this point's rule/);
    }
  });

  it('the same needle in a quiz scores 0 and is not counted right', () => {
    const world = loadQuizWorldFromDisk();
    const { entry } = topOfShoulder();
    const r = scoreAnswer(
      world,
      {
        id: 'q',
        type: 'needle',
        triggerPointId: 'upper-trapezius-trp1',
        side: 'left',
        toleranceMm: 30,
      },
      { questionId: 'q', type: 'needle', entry, direction: [0, -1, 0], depthMm: 50, lengthMm: 50 },
    );
    expect(r.score).toBe(0);
    expect(r.score).toBeLessThan(PASS_SCORE);
    expect(r.correct).toBe(false);
    expect(r.feedback.join(' ')).toMatch(/never aim caudal/);
  });

  it('the recommended line, pushed past the catalog’s maximum or with a longer needle, earns caution with the part named', () => {
    let checked = 0;
    for (const t of catalog.triggerPoints) {
      const { p, subject } = subjectOf(t, 'left');
      const rec = recommendedNeedle(body, t.needling, 'left', p);
      if (!rec.obeysRule || t.needling.depthMm.max + 10 > 100) continue;
      const at = (depthMm: number, lengthMm: number) =>
        simulateNeedle(body, { entry: rec.entry, direction: rec.direction, depthMm, lengthMm });
      const deep = at(t.needling.depthMm.max + 10, 100);
      if (deep.verdict !== 'safe' || deep.stoppedBy) continue;
      const judged = checkNeedleRule(subject, deep);
      expect(judged.breaches.map((b) => b.part)).toEqual(
        expect.arrayContaining(['depth', 'length']),
      );
      expect(judged.verdict).not.toBe('safe');
      // at the maximum, with the catalog's needle, the same line keeps the rule
      const ok = checkNeedleRule(subject, at(t.needling.depthMm.max, t.needling.needleLengthMm));
      expect(ok.breaches.filter((b) => b.part === 'depth' || b.part === 'length')).toEqual([]);
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('a pincer needle that leaves the grasped muscle for deeper tissue breaks the pincer', () => {
    let checked = 0;
    for (const t of catalog.triggerPoints.filter((x) => x.needling.directionRule.pincer)) {
      const { p, subject } = subjectOf(t, 'left');
      const rec = recommendedNeedle(body, t.needling, 'left', p);
      const deep = simulateNeedle(body, {
        entry: rec.entry,
        direction: rec.direction,
        depthMm: 100,
      });
      const m = deep.layers.findIndex((l) => l.structure === p.structure);
      const beyond = deep.layers
        .slice(m + 1)
        .find((l) => l.structure !== p.structure && l.kind !== 'skin' && l.kind !== 'fat');
      if (m < 0 || !beyond || beyond.toMm - beyond.fromMm <= 1) continue;
      expect(checkNeedleRule(subject, deep).breaches.map((b) => b.part)).toContain('pincer');
      checked++;
    }
    expect(checked).toBeGreaterThan(3);
  });

  it(`a direction within ${AVOID_WITHIN_DEG}° of an avoided one breaks the rule, one just outside does not`, () => {
    const t = trp('upper-trapezius-trp1');
    const inward: BodyVec3 = [0, -1, 0];
    const tilt = (deg: number): BodyVec3 => {
      const a = (deg * Math.PI) / 180;
      return [0, -Math.cos(a), -Math.sin(a)];
    };
    const parts = (d: BodyVec3) =>
      directionBreaches(t.needling, 'left', d, inward).map((b) => b.part);
    expect(parts(tilt(AVOID_WITHIN_DEG - 2))).toContain('avoid');
    expect(parts(tilt(AVOID_WITHIN_DEG + 2))).not.toContain('avoid');
  });
});

/**
 * KNOWN DEVIATIONS, run as `it.fails` so each turns red when mended.
 * - RULE_GAPS: no line through the point on this model keeps the whole direction rule (the left
 *   intercostal point's skin spot lies under the arm, its normal pointing up; subscapularis is
 *   needled through an axilla the hanging arm closes).
 * - DEPTH_GAPS: the line keeps the rule, but the point lies along it outside the catalog's depth
 *   range, because the muscle itself lies there on the model: the point is put at the depth in its
 *   muscle nearest the range (placement.ts, depthInRange), and what is left is tissue over the
 *   muscle that is thicker on the model than the catalog allows for (skin, fat, or a gap between
 *   two muscles), or a range that is too shallow. The app says so under the point. Until 2026-12-07
 *   the point lay midway through its muscle and 70 lines missed; placed by depth, 51 do.
 */
const RULE_GAPS = new Set([
  'intercostal-muscles-trp1:left',
  // the axillary approach wants the arm abducted; with the model's arm at the side no line keeps
  // the rule (until 2026-12-08 a line not aimed at the scapula was not held to the rule's words,
  // and the recommended line went up into the axilla, 100° from them)
  'subscapularis-trp1:left',
  'subscapularis-trp1:right',
]);
const DEPTH_GAPS = new Set<string>([
  ...[
    'iliocostalis-trp1',
    'iliopsoas-trp1',
    'intercostal-muscles-trp1',
    'latissimus-dorsi-trp2',
    'middle-trapezius-trp1',
    'middle-trapezius-trp2',
    'pectoralis-major-trp1',
    'pectoralis-major-trp2',
    'pectoralis-major-trp3',
    'pectoralis-minor-trp1',
    'piriformis-trp1',
    'piriformis-trp2',
    'rectus-abdominis-trp1',
    'rhomboid-major-trp1',
    'rhomboid-minor-trp1',
    'scalenes-trp1',
    'serratus-anterior-trp1',
    'sternocleidomastoid-trp1',
    'sternocleidomastoid-trp2',
    'suboccipital-muscles-trp1',
    'subscapularis-trp1',
    'temporalis-trp2',
    'teres-minor-trp1',
    'triceps-brachii-trp1',
    'triceps-brachii-trp2',
  ].flatMap((id) => [`${id}:left`, `${id}:right`]),
  'extensor-carpi-radialis-brevis-trp1:right',
]);

describe('every recommended line keeps its own rule and is safe at the catalog’s maximum', () => {
  for (const t of catalog.triggerPoints) {
    for (const side of ['left', 'right'] as const) {
      const key = `${t.id}:${side}`;
      (RULE_GAPS.has(key) ? it.fails : it)(key, () => {
        const p = placeTriggerPoint(t, side, manifest.landmarks, index);
        // every point is placed (placement.test.ts): a point that is not fails here too
        expect(p, 'placed in its muscle').toBeTruthy();
        if (!p) return;
        const rec = recommendedNeedle(body, t.needling, side, p);
        const sim = simulateNeedle(body, {
          entry: rec.entry,
          direction: rec.direction,
          depthMm: t.needling.depthMm.max,
        });
        // judged as the app judges it
        const judged = judgeForPoint(ruleSubjectFor(index, t.needling, side, p), sim);
        const direction = judged.rule.breaches.filter(
          (b) => b.part === 'avoid' || b.part === 'toward' || b.part === 'tangential',
        );
        expect(direction.map((b) => b.message)).toEqual([]);
        expect(rec.obeysRule).toBe(true);
        expect(rec.safeAtMax).toBe(true);
        expect(sim.entered, sim.messages.join(' ')).toBeNull();
        expect(judged.verdict).not.toBe('unsafe');
      });
    }
  }
});

describe('every recommended line reaches its point within the catalog’s depth range', () => {
  for (const t of catalog.triggerPoints) {
    for (const side of ['left', 'right'] as const) {
      const key = `${t.id}:${side}`;
      (DEPTH_GAPS.has(key) ? it.fails : it)(key, () => {
        const p = placeTriggerPoint(t, side, manifest.landmarks, index);
        // every point is placed (placement.test.ts): a point that is not fails here too
        expect(p, 'placed in its muscle').toBeTruthy();
        if (!p) return;
        const rec = recommendedNeedle(body, t.needling, side, p);
        expect(rec.withinDepth).toBe(true);
        expect(rec.pointDepthMm).toBeGreaterThanOrEqual(t.needling.depthMm.min - 0.5);
        expect(rec.pointDepthMm).toBeLessThanOrEqual(t.needling.depthMm.max + 0.5);
      });
    }
  }
});

describe('a needle of a backstop rule is judged by the bone only when it is aimed at the bone', () => {
  // Until 2026-12-08 every needle for a point with a backstop bone was exempt from the rule's
  // words: for teres minor (medially onto the lateral border of the scapula) a needle from the
  // point's skin spot up and forward, toward the quadrangular space, broke nothing.
  const t = trp('teres-minor-trp1');
  const p = placeTriggerPoint(t, 'left', manifest.landmarks, index)!;
  const subject = ruleSubjectFor(index, t.needling, 'left', p);
  const entry = skinEntry(index, p.skin).point;
  const parts = (direction: BodyVec3) =>
    checkNeedleRule(subject, simulateNeedle(body, { entry, direction, depthMm: 20 })).breaches.map(
      (b) => b.part,
    );
  it('up and forward, missing the scapula: against the rule’s words (caution at least)', () => {
    const up = norm([0, 0.72, 0.69]);
    expect(subject.meetsBackstop!(entry, up)).toBe(false);
    expect(parts(up)).toContain('toward');
  });
  it('a line aimed at the bone is judged by the bone, however far from the words (masseter onto the mandible)', () => {
    const m = trp('masseter-trp1');
    const pm = placeTriggerPoint(m, 'left', manifest.landmarks, index)!;
    const sm = ruleSubjectFor(index, m.needling, 'left', pm);
    const rec = recommendedNeedle(body, m.needling, 'left', pm);
    expect(rec.backstop).toBeDefined();
    expect(sm.meetsBackstop!(rec.entry, rec.direction)).toBe(true);
    const words = ruleDirection(m.needling.directionRule, 'left', norm(sub(pm.point, pm.skin)));
    expect((Math.acos(dot(rec.direction, words)) * 180) / Math.PI).toBeGreaterThan(60);
    const r = simulateNeedle(body, { entry: rec.entry, direction: rec.direction, depthMm: 15 });
    expect(checkNeedleRule(sm, r).breaches.map((b) => b.part)).not.toContain('toward');
  });
});
