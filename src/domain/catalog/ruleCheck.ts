/**
 * A needle placed for a trigger point, checked against that point's own rule in the catalog:
 * its direction (toward, avoid, tangential), its maximum depth, its needle length and its pincer.
 * The simulator alone says what the needle meets on the model; a needle that meets nothing on
 * this one body can still break the rule that keeps real patients safe (straight down at the top
 * of the shoulder a rib stops it on the model, but the lung apex lies under that rib). So
 * wherever a needle is placed for a trigger point (Needle mode, the quiz, the tours, the `needle`
 * command) its verdict is the worse of the simulator's and this check's:
 * - breaking any part of the rule is at least "caution", with the rule named;
 * - aiming along a direction the rule says to avoid, with a danger structure on that line (bone
 *   or no bone, within the simulator's lookahead past the needle), is "unsafe".
 *
 * The angles below are this project's teaching thresholds, not published figures (README).
 */
import type { NeedleResult, Verdict } from '../needle/simulate.ts';
import type { BodyVec3 } from '../units.ts';
import { dot, norm } from '../vec.ts';
import type { CatalogSide } from './load.ts';
import type { BodyDirection, DirectionRule, Needling } from './schema.ts';

/** A needle "aims along" an avoided direction when it lies within this angle of it. */
export const AVOID_WITHIN_DEG = 45;
/** A needle more than this far from the rule's direction does not follow it. */
export const TOWARD_WITHIN_DEG = 60;
/** A tangential needle lies within this angle of the skin's plane. */
export const TANGENTIAL_WITHIN_DEG = 45;
/** Depth past the catalog's maximum that still counts as within it (rounding of the controls). */
export const DEPTH_SLACK_MM = 0.5;

export type RulePart = 'avoid' | 'toward' | 'tangential' | 'depth' | 'length' | 'pincer';

export interface RuleBreach {
  readonly part: RulePart;
  readonly severity: 'caution' | 'unsafe';
  readonly message: string;
}

export interface RuleCheck {
  readonly breaches: readonly RuleBreach[];
  /** The worse of the simulator's verdict and the breaches'. */
  readonly verdict: Verdict;
}

const RANK: Record<Verdict, number> = { safe: 0, caution: 1, unsafe: 2 };
export const worse = (a: Verdict, b: Verdict): Verdict => (RANK[a] >= RANK[b] ? a : b);

const deg = (cos: number) => (Math.acos(Math.max(-1, Math.min(1, cos))) * 180) / Math.PI;
const fmt = (v: number) => String(Math.round(v));

/** A unit vector in the body frame for a direction rule on one side. */
export function ruleDirection(rule: DirectionRule, side: CatalogSide, inward: BodyVec3): BodyVec3 {
  const lat = side === 'left' ? 1 : -1;
  const v: [number, number, number] = [0, 0, 0];
  for (const t of rule.toward) {
    const d: BodyVec3 =
      t === 'anterior'
        ? [0, 0, 1]
        : t === 'posterior'
          ? [0, 0, -1]
          : t === 'cranial'
            ? [0, 1, 0]
            : t === 'caudal'
              ? [0, -1, 0]
              : t === 'lateral'
                ? [lat, 0, 0]
                : t === 'medial'
                  ? [-lat, 0, 0]
                  : inward;
    v[0] += d[0];
    v[1] += d[1];
    v[2] += d[2];
  }
  return norm(v);
}

/** The rule's direction in words ("medial and posterior", "perpendicular to the skin"). */
export function towardInWords(toward: readonly string[]): string {
  return toward.map((t) => (t === 'inward' ? 'perpendicular to the skin' : t)).join(' and ');
}

export interface RuleSubject {
  readonly needling: Needling;
  readonly side: CatalogSide;
  /** The trigger point's muscle on this side (model structure id), for the pincer. */
  readonly muscleStructure?: string;
  /**
   * Whether a needle along this line meets the rule's backstop bone within the point's needle
   * length and BACKSTOP_REACH_MM (needlePath.ts, ruleSubjectFor). Without it every needle of a
   * backstop rule counts as aimed at the bone.
   */
  readonly meetsBackstop?: (entry: BodyVec3, direction: BodyVec3) => boolean;
}

/** How a direction sits against the rule: what the recommended line and the verdict both use. */
export function directionBreaches(
  needling: Needling,
  side: CatalogSide,
  direction: BodyVec3,
  inward: BodyVec3,
  aimedAtBackstop = true,
): { part: RulePart; message: string; avoided?: BodyDirection }[] {
  const rule = needling.directionRule;
  const out: { part: RulePart; message: string; avoided?: BodyDirection }[] = [];
  for (const a of rule.avoid) {
    const u = ruleDirection({ toward: [a], avoid: [] }, side, inward);
    const angle = deg(dot(direction, u));
    if (angle < AVOID_WITHIN_DEG)
      out.push({
        part: 'avoid',
        avoided: a,
        message: `The rule says never aim ${a}; this needle points ${fmt(angle)}° from straight ${a} (the trainer flags within ${AVOID_WITHIN_DEG}°).`,
      });
  }
  const want = ruleDirection(rule, side, inward);
  const off = deg(dot(direction, want));
  // a needle aimed at a backstop rule's bone is judged by the bone, which the rule's words only
  // roughly point to; any other needle keeps to the words
  if ((!rule.backstop || !aimedAtBackstop) && !rule.pincer && off > TOWARD_WITHIN_DEG)
    out.push({
      part: 'toward',
      message: `The rule aims ${towardInWords(rule.toward)}; this needle is ${fmt(off)}° from that (the trainer allows ${TOWARD_WITHIN_DEG}°).`,
    });
  if (rule.tangential) {
    const fromPlane = 90 - deg(dot(direction, inward));
    if (fromPlane > TANGENTIAL_WITHIN_DEG)
      out.push({
        part: 'tangential',
        message: `The rule keeps this needle almost parallel to the skin and the wall beneath; it is ${fmt(fromPlane)}° from the skin's plane (the trainer allows ${TANGENTIAL_WITHIN_DEG}°).`,
      });
  }
  return out;
}

/** Checks a simulated needle against the trigger point's rule. */
export function checkNeedleRule(subject: RuleSubject, r: NeedleResult): RuleCheck {
  const { needling, side } = subject;
  const breaches: RuleBreach[] = [];
  const aimed = subject.meetsBackstop?.(r.entry, r.direction) ?? true;
  for (const b of directionBreaches(needling, side, r.direction, r.inward, aimed)) {
    // aimed where the rule forbids, at a danger on that line (within the simulator's lookahead
    // past the needle's reach): the model's depths are one average body's, a patient's less
    const toDanger = b.part === 'avoid' && r.onLine !== null;
    breaches.push({
      part: b.part,
      severity: toDanger ? 'unsafe' : 'caution',
      message: toDanger
        ? `${b.message} The ${r.onLine!.name} lies on this line at ${fmt(r.onLine!.depthMm)} mm.`
        : b.message,
    });
  }
  const max = needling.depthMm.max;
  if (r.reachedDepthMm > max + DEPTH_SLACK_MM)
    breaches.push({
      part: 'depth',
      severity: 'caution',
      message: `The tip is ${fmt(r.reachedDepthMm)} mm deep; the catalog's maximum for this point is ${max} mm.`,
    });
  if (r.lengthMm !== null && r.lengthMm > needling.needleLengthMm)
    breaches.push({
      part: 'length',
      severity: 'caution',
      message: `A ${r.lengthMm} mm needle is longer than the ${needling.needleLengthMm} mm the catalog gives for this point.`,
    });
  if (needling.directionRule.pincer && subject.muscleStructure) {
    // the needle stays in the fold held between the fingers: once in the muscle, nothing deeper
    const m = subject.muscleStructure;
    const first = r.layers.findIndex((l) => l.structure === m);
    const past =
      first < 0
        ? undefined
        : r.layers
            .slice(first + 1)
            .find(
              (l) =>
                l.structure !== m &&
                l.kind !== 'skin' &&
                l.structure !== 'subcutaneous-fat' &&
                l.toMm - l.fromMm > 1,
            );
    if (past)
      breaches.push({
        part: 'pincer',
        severity: 'caution',
        message: `The rule holds the muscle in a pincer grip and keeps the needle in the fold; this needle goes on into the ${past.name} at ${fmt(past.fromMm)} mm.`,
      });
  }
  let verdict = r.verdict;
  for (const b of breaches) verdict = worse(verdict, b.severity);
  return { breaches, verdict };
}

/** A needle's result with the point's rule folded in: the worse verdict, the breaches first. */
export interface JudgedNeedle extends NeedleResult {
  readonly rule: RuleCheck;
}

export function judgeForPoint(subject: RuleSubject, r: NeedleResult): JudgedNeedle {
  const rule = checkNeedleRule(subject, r);
  if (rule.breaches.length === 0) return { ...r, rule };
  // "no danger structure is entered" is true of the model, but not the whole verdict now
  const kept = r.verdict === 'safe' ? r.messages.slice(1) : r.messages;
  return {
    ...r,
    verdict: rule.verdict,
    messages: [...rule.breaches.map((b) => `Against this point's rule: ${b.message}`), ...kept],
    rule,
  };
}
