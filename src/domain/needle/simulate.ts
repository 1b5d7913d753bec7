/**
 * The needle simulator: a straight needle from a point on the skin, in a direction, to a depth,
 * measured through the model's meshes. It lists every tissue the shaft crosses with the depths at
 * which it enters and leaves, the tissue the tip rests in, the nearest danger structure and its
 * distance from the tip and from the path, and a verdict in words. The app, the `needle` command
 * and the quiz all call this one function.
 */
import { CONTAINER_STRUCTURES, type BodyIndex } from '../body/bodyIndex.ts';
import type { StructureKind } from '../body/manifest.ts';
import type { BodyVec3 } from '../units.ts';
import { along, dot, norm, sub } from '../vec.ts';
import { DANGER_KINDS, MAX_DEPTH_MM, NEEDLE_LENGTHS_MM, STOP_KINDS } from './kinds.ts';

/** What the simulator needs to know of each structure besides its mesh. */
export interface StructureInfo {
  readonly id: string;
  readonly name: string;
  readonly kind: StructureKind;
  readonly side: 'left' | 'right' | 'midline';
}

export interface NeedleBody {
  readonly index: BodyIndex;
  readonly structures: ReadonlyMap<string, StructureInfo>;
  /** Which body build this is (a manifest habitus id: average, lean, high-bmi), for the readout. */
  readonly build: string;
}

/** Builds the simulator's view of a loaded model (of one body build). */
export function needleBody(
  index: BodyIndex,
  structures: readonly StructureInfo[],
  build = 'average',
): NeedleBody {
  return { index, structures: new Map(structures.map((s) => [s.id, s])), build };
}

/** "average", "lean", "high-BMI": a build's id as the readout names it. */
const buildWords = (build: string) => build.replace(/-bmi$/, '-BMI');

export { DANGER_KINDS, MAX_DEPTH_MM, NEEDLE_LENGTHS_MM, STOP_KINDS };

export interface NeedleOptions {
  /**
   * Caution margin (mm): a tip or shaft this close to a danger structure earns "caution". A
   * teaching rule of this project, not a published threshold.
   */
  marginMm?: number;
  /** How far past the tip (mm) the line is followed to say what lies ahead. */
  lookaheadMm?: number;
}
export const NEEDLE_DEFAULTS: Required<NeedleOptions> = { marginMm: 5, lookaheadMm: 80 };

export interface NeedleInput {
  /** A point on or near the skin (body frame, metres); it is moved to the nearest skin point. */
  readonly entry: BodyVec3;
  /** The direction into the body (any length; normalised). */
  readonly direction: BodyVec3;
  /** How far the needle is pushed in from the skin surface (mm). */
  readonly depthMm: number;
  /** The needle's length (mm), if chosen: a needle long enough to reach a danger is flagged. */
  readonly lengthMm?: number;
}

export interface NeedleLayer {
  readonly structure: string;
  readonly name: string;
  readonly kind: StructureKind;
  /** Depth from the skin surface (mm) where the needle enters this tissue. */
  readonly fromMm: number;
  /** Depth where it leaves it, or where the tip rests. */
  readonly toMm: number;
  /**
   * True for the thin runs of the fat container between two modelled structures (fascia and
   * connective tissue in the body, not modelled separately).
   */
  readonly interstitial?: boolean;
}

export interface DangerDistance {
  readonly structure: string;
  readonly name: string;
  readonly kind: StructureKind;
  readonly distanceFromPathMm: number;
  readonly distanceFromTipMm: number;
  /** The closest point of the structure to the shaft (for drawing). */
  readonly closestPoint: BodyVec3;
  /** The point of the shaft nearest the structure. */
  readonly closestOnShaft: BodyVec3;
}

export type Verdict = 'safe' | 'caution' | 'unsafe';

export interface NeedleResult {
  /** The entry on the skin surface. */
  readonly entry: BodyVec3;
  readonly direction: BodyVec3;
  /** The depth asked for (mm). */
  readonly depthMm: number;
  /** The depth the tip reached (mm): less than asked where bone stopped the needle. */
  readonly reachedDepthMm: number;
  readonly lengthMm: number | null;
  readonly layers: readonly NeedleLayer[];
  readonly tip: {
    readonly position: BodyVec3;
    readonly structure: string | null;
    readonly name: string;
  };
  /** The bone or cartilage that stopped the needle, if one did. */
  readonly stoppedBy: {
    readonly structure: string;
    readonly name: string;
    readonly depthMm: number;
  } | null;
  /** The first danger structure the needle entered, if any. */
  readonly entered: {
    readonly structure: string;
    readonly name: string;
    readonly kind: StructureKind;
    readonly depthMm: number;
  } | null;
  /** The first danger straight ahead of the tip along the line, before any bone. */
  readonly ahead: {
    readonly structure: string;
    readonly name: string;
    readonly kind: StructureKind;
    readonly depthMm: number;
  } | null;
  /**
   * The first danger structure on the needle's line within its reach (the depth, or the chosen
   * length, plus the lookahead), bone or no bone: what the needle is aimed at. A bone in the way
   * on the model does not make a direction safe (a needle can slip past a rib).
   */
  readonly onLine: {
    readonly structure: string;
    readonly name: string;
    readonly kind: StructureKind;
    readonly depthMm: number;
  } | null;
  /** The skin's inward normal at the entry (tilt 0). */
  readonly inward: BodyVec3;
  readonly nearestDanger: DangerDistance | null;
  readonly verdict: Verdict;
  readonly messages: readonly string[];
}

/** The skin's outer surface nearest a point, with the inward unit normal there. */
export function skinEntry(index: BodyIndex, p: BodyVec3): { point: BodyVec3; inward: BodyVec3 } {
  const c = index.closest('skin', p);
  const n = index.normalAt('skin', c.point, c.faceIndex);
  // Which side is the body is decided by looking, not by trusting the face's normal: where the
  // skin folds (neck, armpit) the nearest face can be the shell's inner surface, or face the
  // wrong way. Just off the surface, a point is skin, fat (under the skin) or outside.
  const hasFat = index.get(FAT) !== undefined;
  const look = (q: BodyVec3) =>
    index.contains('skin', q) ? 'skin' : hasFat && index.contains(FAT, q) ? 'fat' : 'out';
  const EPS = 0.0008;
  const plus = look(along(c.point, n, EPS));
  const minus = look(along(c.point, n, -EPS));
  const flip = (v: BodyVec3): BodyVec3 => [-v[0], -v[1], -v[2]];
  // outward: where the open air is; on the shell's inner surface (body on both sides), beyond
  // the skin side
  const outward =
    plus === 'out'
      ? n
      : minus === 'out'
        ? flip(n)
        : minus === 'skin' && plus !== 'skin'
          ? flip(n)
          : n;
  // From just under the skin, go out: the entry is where the line leaves the skin into the open
  // (the nearest face may be the shell's inner surface, and the skin can be thinner than a probe).
  const start = along(c.point, outward, -0.003);
  for (const h of index.hitsAlong(start, outward, 0.03, new Set(['skin']))) {
    if (h.entering || look(along(start, outward, h.distance + EPS)) !== 'out') continue;
    const q = index.closest('skin', along(start, outward, h.distance));
    const m = index.normalAt('skin', q.point, q.faceIndex);
    return { point: q.point, inward: dot(m, outward) > 0 ? flip(m) : m };
  }
  return { point: c.point, inward: flip(outward) };
}

const BACKOFF = 0.003; // start 3 mm outside the skin so its entry is seen
const FAT = 'subcutaneous-fat';
const isFat = (id: string) => id === FAT;

function info(body: NeedleBody, id: string): StructureInfo {
  return (
    body.structures.get(id) ?? { id, name: id, kind: 'muscle' as StructureKind, side: 'midline' }
  );
}

/** The display name of a structure with its side, e.g. "Pectoralis major (left)". */
export function displayName(s: StructureInfo): string {
  return s.side === 'midline' ? s.name : `${s.name} (${s.side})`;
}

/** The one tissue of a set of structures the needle is inside: a structure before a container. */
function tissueOf(inside: ReadonlyMap<string, number>): string | null {
  let container: string | null = null;
  for (const [id, n] of inside) {
    if (n <= 0) continue;
    if (!CONTAINER_STRUCTURES.has(id)) return id;
    // pleura before fat: the pleural sac lies inside the fat container
    if (container === null || isFat(container)) container = id;
  }
  return container;
}

/** Runs of tissue along the line from the start point, in metres from the start. */
function runsAlong(
  body: NeedleBody,
  start: BodyVec3,
  dir: BodyVec3,
  maxDist: number,
): { structure: string | null; from: number; to: number }[] {
  // Where a thin shell (the skin) pinches, its outer and inner surfaces cross the line at the
  // same point: an entry and an exit at one distance, which cancel (entries sorted first, so the
  // duplicates below sit together).
  // A line through a shared edge reports one crossing twice: keep one.
  const hits = body.index
    .hitsAlong(start, dir, maxDist)
    .sort((a, b) =>
      Math.abs(a.distance - b.distance) > 1e-7
        ? a.distance - b.distance
        : Number(b.entering) - Number(a.entering),
    )
    .filter(
      (h, i, all) =>
        !all
          .slice(Math.max(0, i - 3), i)
          .some(
            (g) =>
              g.structure === h.structure &&
              g.entering === h.entering &&
              Math.abs(g.distance - h.distance) < 1e-7,
          ),
    );
  // Each crossing toggles the line in or out of its structure (parity, as the oracle tests count).
  // The faces' normals only say where a structure's crossings start: a line that starts inside a
  // structure (a fold of the skin behind the entry) leaves it first. Where simplification folded a
  // surface over itself, the normals of a sliver point the wrong way round (a fold of latissimus
  // dorsi 0.05 mm thick reported its exit before its entry), so a first crossing that claims to be
  // an exit is checked against the mesh itself.
  const inside = new Map<string, number>();
  for (const h of hits) {
    if (inside.has(h.structure)) continue;
    const startsIn = !h.entering && body.index.contains(h.structure, start);
    inside.set(h.structure, startsIn ? 1 : 0);
  }
  const runs: { structure: string | null; from: number; to: number }[] = [];
  let at = 0;
  let current: string | null = tissueOf(inside);
  for (const h of hits) {
    if (h.distance > at) {
      runs.push({ structure: current, from: at, to: h.distance });
      at = h.distance;
    }
    inside.set(h.structure, 1 - inside.get(h.structure)!);
    current = tissueOf(inside);
  }
  if (maxDist > at) runs.push({ structure: current, from: at, to: maxDist });
  return runs;
}

/** Simulates one needle. Throws on input out of range (with the function's name). */
export function simulateNeedle(
  body: NeedleBody,
  input: NeedleInput,
  options: NeedleOptions = {},
): NeedleResult {
  const opts = { ...NEEDLE_DEFAULTS, ...options };
  const { depthMm, lengthMm } = input;
  if (!Number.isFinite(depthMm) || depthMm < 0 || depthMm > MAX_DEPTH_MM)
    throw new RangeError(`simulateNeedle: depth ${depthMm} mm is outside 0–${MAX_DEPTH_MM} mm`);
  if (lengthMm !== undefined) {
    if (!Number.isFinite(lengthMm) || lengthMm <= 0 || lengthMm > MAX_DEPTH_MM)
      throw new RangeError(
        `simulateNeedle: needle length ${lengthMm} mm is outside 1–${MAX_DEPTH_MM} mm`,
      );
    if (depthMm > lengthMm)
      throw new RangeError(
        `simulateNeedle: depth ${depthMm} mm is more than the ${lengthMm} mm needle's length`,
      );
  }
  const l = Math.hypot(...input.direction);
  if (!(l > 1e-9)) throw new RangeError('simulateNeedle: the direction has no length');
  const dir = norm(input.direction);
  const { point: entry, inward } = skinEntry(body.index, input.entry);
  if (dot(dir, inward) <= 0.05)
    throw new RangeError(
      'simulateNeedle: the direction points out of the skin or along it (more than 87° from the inward normal)',
    );

  const start = along(entry, dir, -BACKOFF);
  const reachMm = Math.max(depthMm, lengthMm ?? 0) + opts.lookaheadMm;
  const runs = runsAlong(body, start, dir, BACKOFF + reachMm / 1000);
  // depth 0 is the entry, which lies on the skin's surface; anything before it (a fold of the
  // skin the line crossed on its way in from outside) is not part of the needle's path
  const zero = BACKOFF;
  const toMm = (d: number) => Math.max(0, (d - zero) * 1000);

  // the line's tissues in depth order, merged and with slivers (< 0.05 mm) dropped
  const line: { structure: string; fromMm: number; toMm: number }[] = [];
  for (const r of runs) {
    if (r.structure === null || r.to <= zero) continue;
    const a = toMm(r.from);
    const b = toMm(r.to);
    if (b - a < 0.05) continue;
    const last = line.at(-1);
    if (last && last.structure === r.structure && a - last.toMm < 0.05) last.toMm = b;
    else line.push({ structure: r.structure, fromMm: a, toMm: b });
  }

  const kindOf = (id: string) => info(body, id).kind;
  const stop = line.find((r) => STOP_KINDS.has(kindOf(r.structure)) && r.fromMm < depthMm);
  const reached = stop ? Math.min(depthMm, stop.fromMm) : depthMm;
  const dangerAt = (r: { structure: string }) => DANGER_KINDS.has(kindOf(r.structure));
  const enteredRun = line.find((r) => dangerAt(r) && r.fromMm < reached);
  const wall = line.find((r) => STOP_KINDS.has(kindOf(r.structure)) && r.fromMm >= reached);
  const aheadRun = line.find(
    (r) => dangerAt(r) && r.fromMm >= reached && (!wall || r.fromMm < wall.fromMm),
  );
  const onLineRun = line.find(dangerAt);

  let sawFat = false;
  const layers: NeedleLayer[] = [];
  for (const r of line) {
    if (r.fromMm >= reached) break;
    const s = info(body, r.structure);
    const interstitial = isFat(r.structure) && sawFat;
    if (isFat(r.structure)) sawFat = true;
    layers.push({
      structure: r.structure,
      name: interstitial
        ? 'Connective tissue between modelled structures'
        : r.structure === 'subcutaneous-fat'
          ? 'Subcutaneous fat'
          : displayName(s),
      kind: s.kind,
      fromMm: round(r.fromMm),
      toMm: round(Math.min(r.toMm, reached)),
      ...(interstitial ? { interstitial: true } : {}),
    });
  }
  const tipRun = layers.at(-1);
  const tipPos = along(entry, dir, reached / 1000);
  const tipStructure = tipRun && tipRun.toMm >= round(reached) - 0.01 ? tipRun.structure : null;

  const nearestDanger = nearestDangerTo(body, entry, tipPos, opts.marginMm + 40);
  const named = (r: { structure: string; fromMm: number }) => {
    const s = info(body, r.structure);
    return { structure: r.structure, name: displayName(s), kind: s.kind, depthMm: round(r.fromMm) };
  };
  const entered = enteredRun ? named(enteredRun) : null;
  const ahead = aheadRun ? named(aheadRun) : null;
  const onLine = onLineRun ? named(onLineRun) : null;
  const stoppedBy = stop && stop.fromMm < depthMm ? named(stop) : null;

  const messages: string[] = [];
  let verdict: Verdict = 'safe';
  // a gap in the layers before the tip: the line left the body through a fold of the surface
  const gap = layers.findIndex((l, i) => i > 0 && l.fromMm - layers[i - 1]!.toMm > 0.2);
  const outside =
    gap > 0
      ? layers[gap - 1]!.toMm
      : tipStructure === null && reached > 0
        ? layers.at(-1)?.toMm
        : undefined;
  if (outside !== undefined)
    messages.push(
      `The needle comes out of the skin again at ${fmt(outside)} mm: this line only crosses a fold of the surface.`,
    );
  if (entered) {
    verdict = 'unsafe';
    messages.push(
      `The needle enters the ${lowerName(entered)} at ${fmt(entered.depthMm)} mm: ${RISK[entered.kind] ?? 'a danger structure'}.`,
    );
  }
  if (stoppedBy)
    messages.push(
      `The needle meets bone (${stoppedBy.name}) at ${fmt(stoppedBy.depthMm)} mm and stops there; the tip cannot reach ${fmt(depthMm)} mm.`,
    );
  if (!entered && nearestDanger) {
    const close =
      nearestDanger.distanceFromTipMm < opts.marginMm ||
      nearestDanger.distanceFromPathMm < opts.marginMm;
    if (close) {
      verdict = 'caution';
      messages.push(
        `The ${lowerName(nearestDanger)} is ${fmt(nearestDanger.distanceFromPathMm)} mm from the shaft and ${fmt(nearestDanger.distanceFromTipMm)} mm from the tip: closer than the ${opts.marginMm} mm margin this trainer uses.`,
      );
    }
  }
  if (!entered && ahead) {
    const room = ahead.depthMm - reached;
    if (lengthMm !== undefined && lengthMm >= ahead.depthMm) {
      verdict = 'caution';
      messages.push(
        `A ${lengthMm} mm needle is long enough to reach the ${lowerName(ahead)} ${fmt(room)} mm further along this line (at ${fmt(ahead.depthMm)} mm): control the depth, or use a needle shorter than ${fmt(ahead.depthMm)} mm.`,
      );
    } else {
      messages.push(
        `Straight ahead, the ${lowerName(ahead)} lies ${fmt(room)} mm beyond the tip (at ${fmt(ahead.depthMm)} mm).`,
      );
    }
  }
  if (verdict === 'safe')
    messages.unshift(
      nearestDanger
        ? `No danger structure is entered; the nearest, the ${lowerName(nearestDanger)}, is ${fmt(nearestDanger.distanceFromPathMm)} mm from the shaft.`
        : 'No danger structure is entered or near.',
    );
  messages.push(
    `Measured on one generated ${buildWords(body.build)} adult body; real patients vary with build, sex, posture and breathing.`,
  );

  return {
    entry,
    direction: dir,
    depthMm,
    reachedDepthMm: round(reached),
    lengthMm: lengthMm ?? null,
    layers,
    tip: {
      position: tipPos,
      structure: tipStructure,
      name: tipStructure ? (layers.at(-1)?.name ?? tipStructure) : 'outside the body',
    },
    stoppedBy,
    entered,
    ahead,
    onLine,
    inward,
    nearestDanger,
    verdict,
    messages,
  };
}

const RISK: Partial<Record<StructureKind, string>> = {
  pleura: 'risk of pneumothorax',
  lung: 'risk of pneumothorax',
  nerve: 'risk of nerve injury',
  artery: 'risk of arterial puncture and bleeding',
  vein: 'risk of venous puncture and bleeding',
  organ: 'risk of organ injury',
};

const round = (v: number) => Math.round(v * 10) / 10;
const fmt = (v: number) => (Math.round(v * 10) / 10).toFixed(1).replace(/\.0$/, '');
/** "the pleura (left)" reads better as "left pleura" in a sentence. */
function lowerName(d: { name: string }): string {
  const m = /^(.*) \((left|right)\)$/.exec(d.name);
  const base = m ? `${m[2]} ${m[1]!.charAt(0).toLowerCase()}${m[1]!.slice(1)}` : d.name;
  return m ? base : `${base.charAt(0).toLowerCase()}${base.slice(1)}`;
}

/**
 * The danger structure nearest the shaft (entry → tip), searched within `withinMm`; ties on
 * the shaft go to the one nearer the tip.
 */
export function nearestDangerTo(
  body: NeedleBody,
  entry: BodyVec3,
  tip: BodyVec3,
  withinMm: number,
): DangerDistance | null {
  let best: DangerDistance | null = null;
  let within = withinMm / 1000;
  for (const m of body.index.meshes) {
    const s = body.structures.get(m.id);
    if (!s || !DANGER_KINDS.has(s.kind)) continue;
    const d = body.index.distanceToSegment(m.id, entry, tip, within + 1e-6);
    if (!d) continue;
    const fromTip = body.index.closest(m.id, tip).distance;
    const inside = d.distance === 0 && body.index.contains(m.id, tip);
    const cand: DangerDistance = {
      structure: m.id,
      name: displayName(s),
      kind: s.kind,
      distanceFromPathMm: round(d.distance * 1000),
      distanceFromTipMm: inside ? 0 : round(fromTip * 1000),
      closestPoint: d.point,
      closestOnShaft: d.onSegment,
    };
    if (
      !best ||
      cand.distanceFromPathMm < best.distanceFromPathMm ||
      (cand.distanceFromPathMm === best.distanceFromPathMm &&
        cand.distanceFromTipMm < best.distanceFromTipMm)
    ) {
      best = cand;
      within = d.distance;
    }
  }
  return best;
}

/** The inward direction a needle would take perpendicular to the skin at a point. */
export function normalInto(index: BodyIndex, p: BodyVec3): BodyVec3 {
  return skinEntry(index, p).inward;
}

/** Direction from the entry toward a target point. */
export function toward(entry: BodyVec3, target: BodyVec3): BodyVec3 {
  return norm(sub(target, entry));
}
