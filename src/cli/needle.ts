/**
 * `needlewise needle --entry x,y,z (--direction dx,dy,dz | --toward x,y,z | --normal | --trigger-point ID --side S)
 *  --depth MM [--length MM] [--json]` (CONTRACTS §3): the tissues a needle passes, the nearest
 * danger and a verdict, from the same simulator as the app.
 *
 * Every number is a plain decimal (no `0x10`, no empty value, nothing that overflows); the entry
 * must lie within MAX_ENTRY_FROM_SKIN_MM of the skin (it is moved onto it, and a point farther
 * away is a mistake, not an entry); a direction must have a length. Each refusal is one line,
 * exit 2.
 */
import { habitusIds, habitusLabel, habitusList } from '../domain/body/habitus.ts';
import { loadBodyFromDisk } from '../domain/body/node.ts';
import { loadCatalogFromDisk } from '../domain/catalog/node.ts';
import { placeTriggerPoint } from '../domain/catalog/placement.ts';
import { recommendedNeedle, ruleSubjectFor } from '../domain/catalog/needlePath.ts';
import { judgeForPoint, type RuleSubject } from '../domain/catalog/ruleCheck.ts';
import { loadNeedleBodyFromDisk } from '../domain/needle/node.ts';
import { entryProblem, MAX_DEPTH_MM, NEEDLE_LENGTH_RANGE_MM } from '../domain/needle/kinds.ts';
import { simulateNeedle, skinEntry, type NeedleResult } from '../domain/needle/simulate.ts';
import type { BodyVec3 } from '../domain/units.ts';
import { sub } from '../domain/vec.ts';
import { CliError } from './errors.ts';
import { numberOption, parseArgs, unitVector, vectorOption } from './args.ts';
import { printJson, printText } from './output.ts';

const USAGE =
  'usage: needlewise needle --entry x,y,z (--direction dx,dy,dz | --toward x,y,z | --normal) --depth MM [--length MM] [--trigger-point ID --side S] [--body lean|average|high-bmi] [--json]\n' +
  '       needlewise needle --trigger-point ID --side left|right [--depth MM] [--length MM] [--body …] [--json]';

const vec = (name: string, v: string | undefined): BodyVec3 => vectorOption(name, v);

function mmArg(name: string, v: string | undefined, min: number, max: number): number {
  return numberOption(name, v, { min, max, what: 'millimetres' });
}

/** The nearest a --toward target may be to the entry on the skin (mm). */
const MIN_TOWARD_MM = 1;

/** A direction given as a vector, scaled to length 1, or a one-line CliError. */
function directionArg(name: string, v: BodyVec3, why: string): BodyVec3 {
  const u = unitVector(v);
  if (!u) throw new CliError(`--${name}: ${why}`);
  return u;
}

/** Reads the command's options into a simulator input. */
export function needleInput(args: readonly string[]) {
  const opts = parseArgs(args, {
    values: ['entry', 'direction', 'toward', 'depth', 'length', 'trigger-point', 'side', 'body'],
    flags: ['normal', 'json'],
    usage: USAGE,
  });
  const habitus = opts.values.body ?? 'average';
  const offered = habitusIds(loadBodyFromDisk().manifest);
  if (!offered.includes(habitus))
    throw new CliError(`--body expects one of ${offered.join(', ')}, got "${habitus}"`);
  const { index } = loadBodyFromDisk(undefined, habitus);
  const length =
    opts.values.length !== undefined
      ? mmArg('length', opts.values.length, NEEDLE_LENGTH_RANGE_MM.min, NEEDLE_LENGTH_RANGE_MM.max)
      : undefined;
  const tp = opts.values['trigger-point'];
  // a trigger point: its rule judges the needle; without --entry the needle is its recommended line
  let subject: RuleSubject | undefined;
  if (tp !== undefined) {
    const side = opts.values.side;
    if (side !== 'left' && side !== 'right')
      throw new CliError(`--side expects left or right with --trigger-point, got "${side ?? ''}"`);
    const t = loadCatalogFromDisk().triggerPoints.find((x) => x.id === tp);
    if (!t)
      throw new CliError(`no trigger point "${tp}" in the catalog (see \`needlewise catalog\`)`);
    const { manifest } = loadBodyFromDisk(undefined, habitus);
    const placed = placeTriggerPoint(t, side, manifest.landmarks, index);
    if (!placed) throw new CliError(`${tp} cannot be placed on this model (${side})`, 1);
    subject = ruleSubjectFor(index, t.needling, side, placed);
    if (opts.values.entry === undefined) {
      const body = loadNeedleBodyFromDisk(undefined, habitus);
      const rec = recommendedNeedle(body, t.needling, side, placed);
      const depth =
        opts.values.depth !== undefined
          ? mmArg('depth', opts.values.depth, 0, MAX_DEPTH_MM)
          : Math.min(t.needling.depthMm.max, MAX_DEPTH_MM);
      return {
        json: opts.flags.json,
        habitus,
        subject,
        input: {
          entry: rec.entry,
          direction: rec.direction,
          depthMm: depth,
          ...(length !== undefined ? { lengthMm: length } : {}),
        },
      };
    }
  }
  const entry = vec('entry', opts.values.entry);
  const ways = [opts.values.direction, opts.values.toward, opts.flags.normal || undefined];
  if (ways.filter((w) => w !== undefined).length !== 1)
    throw new CliError(`give exactly one of --direction, --toward or --normal\n${USAGE}`);
  const depth = mmArg('depth', opts.values.depth, 0, MAX_DEPTH_MM);
  const given =
    opts.values.direction !== undefined ? vec('direction', opts.values.direction) : undefined;
  const target = opts.values.toward !== undefined ? vec('toward', opts.values.toward) : undefined;
  // before the skin is searched: a point metres away is refused, not moved onto the crown
  const far = entryProblem(index, entry);
  if (far) throw new CliError(`--entry ${opts.values.entry}: ${far}`);
  let direction: BodyVec3;
  if (given)
    direction = directionArg('direction', given, `"${opts.values.direction}" has no length`);
  else if (target) {
    // a target at the entry gives no direction (a fraction of a millimetre away, a random one)
    const d = sub(target, skinEntry(index, entry).point);
    const u = unitVector(d);
    if (!u || Math.hypot(...d) * 1000 < MIN_TOWARD_MM)
      throw new CliError(
        `--toward ${opts.values.toward}: less than ${MIN_TOWARD_MM} mm from the entry on the skin, so no direction`,
      );
    direction = u;
  } else direction = skinEntry(index, entry).inward;
  return {
    json: opts.flags.json,
    habitus,
    subject,
    input: {
      entry,
      direction,
      depthMm: depth,
      ...(length !== undefined ? { lengthMm: length } : {}),
    },
  };
}

const r3 = (v: BodyVec3): BodyVec3 => [
  Math.round(v[0] * 1e5) / 1e5,
  Math.round(v[1] * 1e5) / 1e5,
  Math.round(v[2] * 1e5) / 1e5,
];

/** The CONTRACTS §3 document, plus the simulator's extra fields. */
export function needleJson(r: NeedleResult) {
  return {
    entry: r3(r.entry),
    direction: r3(r.direction),
    depthMm: r.depthMm,
    reachedDepthMm: r.reachedDepthMm,
    lengthMm: r.lengthMm,
    layers: r.layers.map((l) => ({
      structure: l.structure,
      name: l.name,
      kind: l.kind,
      fromMm: l.fromMm,
      toMm: l.toMm,
      ...(l.interstitial ? { interstitial: true } : {}),
    })),
    tip: { position: r3(r.tip.position), structure: r.tip.structure, name: r.tip.name },
    stoppedBy: r.stoppedBy,
    entered: r.entered,
    ahead: r.ahead,
    nearestDanger: r.nearestDanger
      ? {
          structure: r.nearestDanger.structure,
          name: r.nearestDanger.name,
          kind: r.nearestDanger.kind,
          distanceFromPathMm: r.nearestDanger.distanceFromPathMm,
          distanceFromTipMm: r.nearestDanger.distanceFromTipMm,
        }
      : null,
    verdict: r.verdict,
    messages: r.messages,
  };
}

export function needleText(r: NeedleResult): string {
  const lines = [
    `Needle: ${r.depthMm} mm${r.lengthMm ? ` of a ${r.lengthMm} mm needle` : ''} from [${r3(r.entry).join(', ')}] along [${r3(r.direction).join(', ')}]`,
    '',
    '  from mm   to mm   tissue',
  ];
  for (const l of r.layers)
    lines.push(`  ${l.fromMm.toFixed(1).padStart(7)} ${l.toMm.toFixed(1).padStart(7)}   ${l.name}`);
  lines.push('', `Tip: ${r.tip.name} at ${r.reachedDepthMm} mm`);
  if (r.nearestDanger)
    lines.push(
      `Nearest danger: ${r.nearestDanger.name}, ${r.nearestDanger.distanceFromPathMm} mm from the shaft, ${r.nearestDanger.distanceFromTipMm} mm from the tip`,
    );
  lines.push(`Verdict: ${r.verdict.toUpperCase()}`, ...r.messages.map((m) => `  ${m}`));
  return `${lines.join('\n')}\n`;
}

export async function run(args: readonly string[]): Promise<number> {
  const { json, input, habitus, subject } = needleInput(args);
  let r: NeedleResult;
  try {
    r = simulateNeedle(loadNeedleBodyFromDisk(undefined, habitus), input);
    if (subject) r = judgeForPoint(subject, r);
  } catch (err) {
    if (err instanceof RangeError) throw new CliError(err.message.replace(/^simulateNeedle: /, ''));
    throw err;
  }
  const h = habitusList(loadBodyFromDisk().manifest).find((x) => x.id === habitus)!;
  if (json)
    printJson({ ...needleJson(r), body: { habitus: h.id, bmi: h.bmi, weightKg: h.weightKg } });
  else printText(`Body: ${habitusLabel(h)}\n${needleText(r)}`);
  return 0;
}
