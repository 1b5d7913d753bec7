/**
 * The recommended needle path of a trigger point on the model: a line through the point that
 * obeys the catalog's direction rule, reaches the point within the catalog's depth range and, at
 * the catalog's maximum depth, enters no danger structure.
 */
import type { BodyIndex } from '../body/bodyIndex.ts';
import type { BodyVec3 } from '../units.ts';
import type { CatalogSide } from './load.ts';
import type { DirectionRule, Needling } from './schema.ts';
import { along, cross, dot, norm, sub } from '../vec.ts';
import { simulateNeedle, skinEntry, type NeedleBody } from '../needle/simulate.ts';
import { directionBreaches, ruleDirection, type RuleSubject } from './ruleCheck.ts';
import { depthInRange, runAlong } from './placement.ts';

export { ruleDirection };

/**
 * The id of a direction rule's backstop bone on one side (stems of paired bones get the side).
 */
export function backstopId(
  rule: DirectionRule,
  side: CatalogSide,
  exists: (id: string) => boolean,
): string | undefined {
  if (!rule.backstop) return undefined;
  const sided = `${rule.backstop}-${side}`;
  return exists(sided) ? sided : exists(rule.backstop) ? rule.backstop : undefined;
}

/**
 * A rib backstop is the rib the fingers bracket under the point: the catalog names the rib where
 * its sources put the point, and on the model the point may lie over the next one. So the nearest
 * of that rib, the one above and the two below (by the distance from the point) stands in for it.
 */
function nearestRib(index: BodyIndex, bone: string | undefined, p: BodyVec3): string | undefined {
  const m = bone ? /^rib-(\d+)-(left|right)$/.exec(bone) : null;
  if (!bone || !m) return bone;
  const n = Number(m[1]);
  let best = bone;
  let bestD = index.closest(bone, p).distance;
  for (const k of [n - 1, n + 1, n + 2]) {
    const id = `rib-${k}-${m[2]}`;
    if (k < 1 || k > 12 || !index.get(id)) continue;
    const d = index.closest(id, p).distance;
    if (d < bestD) [best, bestD] = [id, d];
  }
  return best;
}

/**
 * How far past the point's needle length (mm) a backstop bone may lie on a needle's line for the
 * needle to count as aimed at it: the bone a needle pushed home would meet on one average model
 * (a teaching threshold, not a published figure; the masseter's mandible lies 26 mm along its
 * 25 mm needle's line).
 */
export const BACKSTOP_REACH_MM = 10;

/**
 * A trigger point's rule for judging a needle placed for it (ruleCheck.ts), with the test of
 * whether a needle is aimed at the rule's backstop bone: its line meets the bone (for a rib, the
 * rib nearest the point) within the point's needle length and BACKSTOP_REACH_MM.
 */
export function ruleSubjectFor(
  index: BodyIndex,
  needling: Needling,
  side: CatalogSide,
  placed: { readonly point: BodyVec3; readonly structure?: string },
): RuleSubject {
  const bone = nearestRib(
    index,
    backstopId(needling.directionRule, side, (id) => !!index.get(id)),
    placed.point,
  );
  const reach = (needling.needleLengthMm + BACKSTOP_REACH_MM) / 1000;
  return {
    needling,
    side,
    ...(placed.structure ? { muscleStructure: placed.structure } : {}),
    ...(bone
      ? {
          meetsBackstop: (entry: BodyVec3, direction: BodyVec3) =>
            index
              .hitsAlong(entry, direction, reach)
              .some((h) => h.entering && h.structure === bone),
        }
      : {}),
  };
}

/** A trigger point's recommended needle on the model, for one side. */
export interface RecommendedNeedle {
  /** The skin spot over the point. */
  readonly entry: BodyVec3;
  /** Unit direction: the catalog's rule, or aimed at its backstop bone. */
  readonly direction: BodyVec3;
  /** The trigger point inside its muscle. */
  readonly target: BodyVec3;
  /** The catalog's depth range (mm) and needle length for the average adult. */
  readonly depthMm: { readonly min: number; readonly max: number };
  readonly needleLengthMm: number;
  /** The bone the needle is aimed at, if the rule names one on this model. */
  readonly backstop?: string;
  /** The line keeps every direction part of the rule (toward, avoid, tangential). */
  readonly obeysRule: boolean;
  /** At the catalog's maximum depth the line enters no danger structure. */
  readonly safeAtMax: boolean;
  /** The point lies along the line within the catalog's depth range. */
  readonly withinDepth: boolean;
  /** How far along the line the point lies (mm from the skin). */
  readonly pointDepthMm: number;
}

interface Candidate {
  readonly entry: BodyVec3;
  readonly direction: BodyVec3;
  readonly backstop?: string;
}

/** Tilts (degrees from the skin spot's normal) and azimuths the search tries after the rules. */
const SEARCH_TILTS = [0, 15, 30, 40, 50, 55, 60, 65, 70, 78];
const SEARCH_AZIMUTHS = 16;
/**
 * How far (m) the point may move along a recommended line toward the depth range. Placement
 * already moved it along the line in from its nearest skin spot; a line at another angle finds
 * it at another depth, and moving it further there would take the needle's target away from the
 * marker every view shows (by up to 4 cm on a line through the length of a muscle).
 */
const LINE_SLIDE = 0.004;
/** How far from the point (m) the search looks for an entry. */
const SEARCH_REACH = 0.15;

/**
 * The recommended needle for a placed trigger point: how the catalog's words become a line on
 * the model. Every line passes through the trigger point (a needle shown beside its target would
 * teach the wrong spot). The lines tried, in this order:
 * - with a backstop bone, from the skin spot through the point when that line goes on to meet
 *   the bone within the needle's length, then through the point straight at the bone;
 * - along the rule's direction through the point, entering where that line leaves the skin;
 * - from the skin spot at the point, first with any part along an avoided direction taken out;
 * - then a search of lines through the point at tilts and azimuths around the skin spot's normal,
 *   nearest the rule's direction first.
 * The first line that obeys the rule's directions, enters no danger at the catalog's maximum
 * depth and reaches the point within the depth range is the answer; when none does, the best by
 * those three in that order, and the answer says which it misses (the UI shows it, and the tests
 * list each such point as a known gap of the model or the catalog).
 */
export function recommendedNeedle(
  body: NeedleBody,
  needling: Needling,
  side: CatalogSide,
  placed: { readonly point: BodyVec3; readonly skin: BodyVec3; readonly structure?: string },
): RecommendedNeedle {
  const { index } = body;
  const length = needling.needleLengthMm / 1000;
  /** The line through the point along `dir`, entering where it leaves the skin going back. */
  const through = (dir: BodyVec3, reach: number) => {
    const back: BodyVec3 = [-dir[0], -dir[1], -dir[2]];
    const exit = index
      .hitsAlong(placed.point, back, reach, new Set(['skin']))
      .find((h) => !h.entering);
    if (!exit) return null;
    const entry = skinEntry(index, along(placed.point, back, exit.distance));
    // the line must go in through the skin, not graze it
    return dot(dir, entry.inward) > 0.1 ? entry : null;
  };
  const meets = (from: BodyVec3, dir: BodyVec3, id: string) =>
    index.hitsAlong(from, dir, length).some((h) => h.entering && h.structure === id);
  const spot = skinEntry(index, placed.skin);
  const direct = norm(sub(placed.point, spot.point));
  const directGoesIn = dot(direct, spot.inward) > 0.1;
  const bone = nearestRib(
    index,
    backstopId(needling.directionRule, side, (id) => !!index.get(id)),
    placed.point,
  );
  const rule = ruleDirection(needling.directionRule, side, norm(sub(placed.point, placed.skin)));

  function* candidates(): Generator<Candidate & { inward: BodyVec3 }> {
    if (bone) {
      if (directGoesIn && meets(spot.point, direct, bone))
        yield { entry: spot.point, inward: spot.inward, direction: direct, backstop: bone };
      const onto = norm(sub(index.closest(bone, placed.point).point, placed.point));
      const e = through(onto, length);
      if (e) yield { entry: e.point, inward: e.inward, direction: onto, backstop: bone };
    }
    const e = through(rule, length);
    if (e) yield { entry: e.point, inward: e.inward, direction: rule };
    let aim = direct;
    for (const a of needling.directionRule.avoid) {
      const u = ruleDirection({ toward: [a], avoid: [] }, side, spot.inward);
      const k = dot(aim, u);
      if (k > 0) aim = sub(aim, [u[0] * k, u[1] * k, u[2] * k]);
    }
    if (Math.hypot(...aim) > 0.5) {
      const via = through(norm(aim), length);
      if (via) yield { entry: via.point, inward: via.inward, direction: norm(aim) };
    }
    if (directGoesIn) yield { entry: spot.point, inward: spot.inward, direction: direct };
    // the search: lines through the point around the skin spot's normal, nearest the rule first
    const n = spot.inward;
    let u = cross(n, [0, 1, 0]);
    if (Math.hypot(...u) < 0.2) u = cross(n, [1, 0, 0]);
    u = norm(u);
    const v = cross(n, u);
    const dirs: BodyVec3[] = [];
    for (const tilt of SEARCH_TILTS) {
      const t = (tilt * Math.PI) / 180;
      for (let k = 0; k < (tilt === 0 ? 1 : SEARCH_AZIMUTHS); k++) {
        const a = (2 * Math.PI * k) / SEARCH_AZIMUTHS;
        const c = Math.cos(t);
        const s = Math.sin(t);
        dirs.push(
          norm([
            n[0] * c + (u[0] * Math.cos(a) + v[0] * Math.sin(a)) * s,
            n[1] * c + (u[1] * Math.cos(a) + v[1] * Math.sin(a)) * s,
            n[2] * c + (u[2] * Math.cos(a) + v[2] * Math.sin(a)) * s,
          ]),
        );
      }
    }
    dirs.sort((a, b) => dot(b, rule) - dot(a, rule));
    // (past the needle's length too: a line that keeps the rule but is long is still told apart
    // from one that breaks it, and the answer says the point lies deeper than the range)
    for (const d of dirs) {
      const via = through(d, Math.max(length, SEARCH_REACH));
      if (via) yield { entry: via.point, inward: via.inward, direction: d };
    }
  }

  /**
   * The trigger point on a candidate line: the placed point, or, when that lies outside the
   * catalog's depth range along this line, the point of the same run of its muscle on the line
   * nearest the range (placement.ts, depthInRange). The line passes through it either way.
   */
  const onLine = (c: Candidate): BodyVec3 => {
    if (!placed.structure) return placed.point;
    const at = dot(sub(placed.point, c.entry), c.direction);
    const run = runAlong(index, placed.structure, c.entry, c.direction, at);
    if (!run) return placed.point;
    const wanted = depthInRange(run, at, needling.depthMm);
    const depth = Math.min(Math.max(wanted, at - LINE_SLIDE), at + LINE_SLIDE);
    if (depth === at) return placed.point;
    const moved = along(c.entry, c.direction, depth);
    return index.contains(placed.structure, moved) ? moved : placed.point;
  };
  const { min, max } = needling.depthMm;
  type Ranked = RecommendedNeedle & { readonly rank: number; readonly outside: number };
  let best: Ranked | null = null;
  for (const c of candidates()) {
    const target = onLine(c);
    const pointDepthMm = dot(sub(target, c.entry), c.direction) * 1000;
    // a line aimed at the rule's bone is judged by the bone; any other keeps the rule's words (the
    // search had found lines far from them: for teres minor and subscapularis, up toward the
    // quadrangular space and the axilla)
    const obeysRule =
      directionBreaches(needling, side, c.direction, c.inward, !!c.backstop).length === 0;
    const withinDepth = pointDepthMm >= min - 0.5 && pointDepthMm <= max + 0.5;
    // of two lines alike in rank, the one whose point lies nearer the depth range
    const outside = Math.max(0, min - pointDepthMm, pointDepthMm - max);
    const better = (rank: number) =>
      !best || rank > best.rank || (rank === best.rank && outside < best.outside - 1);
    // the simulator is the costly part: only for a line that could beat the best so far
    if (!better((obeysRule ? 4 : 0) + 2 + (withinDepth ? 1 : 0))) continue;
    let safeAtMax = false;
    try {
      const r = simulateNeedle(body, { entry: c.entry, direction: c.direction, depthMm: max });
      safeAtMax = r.entered === null && r.verdict !== 'unsafe';
    } catch {
      continue; // a line the simulator refuses (along the skin) is no recommendation
    }
    const rank = (obeysRule ? 4 : 0) + (safeAtMax ? 2 : 0) + (withinDepth ? 1 : 0);
    if (better(rank)) {
      best = {
        entry: c.entry,
        direction: c.direction,
        ...(c.backstop ? { backstop: c.backstop } : {}),
        target,
        depthMm: needling.depthMm,
        needleLengthMm: needling.needleLengthMm,
        obeysRule,
        safeAtMax,
        withinDepth,
        pointDepthMm,
        rank,
        outside,
      };
      if (rank === 7) break;
    }
  }
  const fallback: Ranked = best ?? {
    entry: spot.point,
    direction: spot.inward,
    target: placed.point,
    depthMm: needling.depthMm,
    needleLengthMm: needling.needleLengthMm,
    obeysRule: false,
    safeAtMax: false,
    withinDepth: false,
    pointDepthMm: dot(sub(placed.point, spot.point), spot.inward) * 1000,
    rank: 0,
    outside: Infinity,
  };
  const { rank: _rank, outside: _outside, ...rec } = fallback;
  return rec;
}
