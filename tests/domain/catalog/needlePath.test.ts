import { describe, expect, it } from 'vitest';
import { loadBodyFromDisk } from '../../../src/domain/body/node.ts';
import { loadCatalogFromDisk } from '../../../src/domain/catalog/node.ts';
import { placeTriggerPoint } from '../../../src/domain/catalog/placement.ts';
import { recommendedNeedle } from '../../../src/domain/catalog/needlePath.ts';
import { loadNeedleBodyFromDisk } from '../../../src/domain/needle/node.ts';
import { ruleDirection, TOWARD_WITHIN_DEG } from '../../../src/domain/catalog/ruleCheck.ts';
import { dot, norm, sub } from '../../../src/domain/vec.ts';

const { manifest, index } = loadBodyFromDisk();
const catalog = loadCatalogFromDisk();
const body = loadNeedleBodyFromDisk();

// Until 2026-11 a rule with a backstop bone aimed from the skin spot at the bone's nearest point,
// and a rule whose aim had a part to avoid dropped that part without moving the entry: 78 of the
// 170 recommended needles passed 8–58 mm from their trigger point (the supraspinatus needle met
// the spine of the scapula and never the muscle; the serratus anterior needle ran up the armpit).
/**
 * KNOWN DEVIATIONS (it.fails, so each turns red when corrected): with the arms at the sides the
 * serratus anterior point's skin spot, near the midaxillary line, lies in the crease where the
 * arm rests on the chest; the sources needle it side-lying with the arm raised. On the left the
 * search for a line that keeps the rule (2026-12) found one entering from the open air. With the
 * lung's apex rebuilt (2026-12-07) the left line, which had passed, misses the point by 12 mm too.
 * Since a line not aimed at the rule's bone keeps the rule's words (2026-12-08), the right line
 * found enters from the open air and passes through the point.
 */
const KNOWN = new Set(['serratus-anterior-trp1:left']);

describe('the recommended needle goes through its trigger point', () => {
  for (const t of catalog.triggerPoints) {
    for (const side of ['left', 'right'] as const) {
      const test = KNOWN.has(`${t.id}:${side}`) ? it.fails : it;
      test(`${t.id} (${side})`, () => {
        const p = placeTriggerPoint(t, side, manifest.landmarks, index);
        // every point is placed (placement.test.ts): a point that is not fails here too
        expect(p, 'placed in its muscle').toBeTruthy();
        if (!p) return;
        const rec = recommendedNeedle(body, t.needling, side, p);
        const d = p.point.map((v, k) => v - rec.entry[k]!);
        const along = d.reduce((s, v, k) => s + v * rec.direction[k]!, 0);
        const off = Math.sqrt(Math.max(0, d.reduce((s, v) => s + v * v, 0) - along * along));
        expect(along, 'the point lies ahead of the entry').toBeGreaterThan(0);
        expect(off * 1000, 'mm from the line').toBeLessThan(1);
        // the line goes in through the skin at its entry, from the open air: no tissue in the
        // 5 mm before it (where the arm rests on the chest the skin spot lies in a crease)
        const [ex, ey, ez] = rec.entry;
        const [dx, dy, dz] = rec.direction;
        const hits = index.hitsAlong(
          [ex - dx * 0.005, ey - dy * 0.005, ez - dz * 0.005],
          rec.direction,
          0.01,
        );
        expect(hits[0]?.structure).toBe('skin');
        expect(hits[0]?.entering).toBe(true);
        expect(hits[0]!.distance * 1000).toBeGreaterThan(4.5);
      });
    }
  }
});

describe('a line not aimed at the backstop bone keeps the rule’s words', () => {
  // A line aimed at the rule's bone is judged by the bone (ruleCheck.ts); until 2026-12-08 every
  // other line of a backstop rule was too, and the search picked lines 89–100° from the words:
  // teres minor and subscapularis aimed up toward the quadrangular space and the axilla, the
  // suboccipital point caudally at the gap below the occiput. A line that keeps the rule is now
  // within TOWARD_WITHIN_DEG of the words unless it is aimed at the bone.
  for (const t of catalog.triggerPoints) {
    const rule = t.needling.directionRule;
    if (!rule.backstop || rule.pincer) continue;
    for (const side of ['left', 'right'] as const) {
      it(`${t.id} (${side})`, () => {
        const p = placeTriggerPoint(t, side, manifest.landmarks, index);
        expect(p, 'placed in its muscle').toBeTruthy();
        if (!p) return;
        const rec = recommendedNeedle(body, t.needling, side, p);
        if (rec.backstop || !rec.obeysRule) return; // judged by its bone; or a listed rule gap
        const inward = norm(sub(p.point, p.skin));
        const off =
          (Math.acos(dot(rec.direction, ruleDirection(rule, side, inward))) * 180) / Math.PI;
        expect(off).toBeLessThanOrEqual(TOWARD_WITHIN_DEG + 1e-6);
      });
    }
  }
});
