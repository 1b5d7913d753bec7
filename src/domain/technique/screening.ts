/**
 * Pre-needling screening as a teaching aid: pure functions over the screening checklist.
 *
 * Decision rules, in order of severity (the most severe applicable rule wins):
 * - an item answered 'yes' contributes its effect: absolute → 'do-not-needle',
 *   relative or precaution → 'go-with-care';
 * - an escalation whose context matches (e.g. pregnancy + abdomen-pelvis, implanted device +
 *   electrical stimulation) replaces the item's category and effect;
 * - an item that is unanswered or 'unknown' never lets the result be 'go': if its effective
 *   category is absolute the result is 'do-not-needle' until it is answered, otherwise at
 *   least 'go-with-care';
 * - items whose `appliesTo` does not match the context are not asked and do not count;
 * - `context.pregnant === true` counts as a 'yes' to the pregnancy item whatever the answer
 *   says (the safer reading of a conflict); `false` fills in a missing answer as 'no'.
 */
import {
  REGION_CLASSES,
  type Certainty,
  type ContextFilter,
  type Decision,
  type ItemEffect,
  type RegionClass,
  type ScreeningCategory,
  type ScreeningFile,
  type ScreeningItem,
  type Source,
} from './schema.ts';
import { mulberry32, pick, shuffled, type Rng } from './random.ts';

export type Answer = 'yes' | 'no' | 'unknown';
/** Item id → answer. Missing ids count as 'unknown'. */
export type Answers = Readonly<Partial<Record<string, Answer>>>;

export interface ScreeningContext {
  /** The body region class of the target. */
  region: RegionClass;
  /** Whether electrical stimulation through the needles is planned. */
  electricalStimulation: boolean;
  /** Known pregnancy status; overrides a missing or contrary pregnancy answer when true. */
  pregnant?: boolean;
}

export const PREGNANCY_ITEM_ID = 'pregnancy';

export interface ScreeningReason {
  itemId: string;
  /** Why this item affects the decision, in words. */
  text: string;
  /** The citations behind the reason, joined with '; '. */
  source: string;
  sourceIds: string[];
  /** 'unanswered': the item was not answered 'yes' or 'no'. */
  kind: 'contraindication' | 'unanswered';
  category: ScreeningCategory;
  effect: ItemEffect;
  certainty: Certainty;
  /** Where sources disagree or are thin. */
  note?: string;
}

export interface ScreeningResult {
  decision: Decision;
  /** Most severe first, then checklist order. */
  reasons: ScreeningReason[];
  /** Ids of applicable items not answered 'yes' or 'no'. */
  unanswered: string[];
  /** Ids of items skipped because `appliesTo` did not match the context. */
  notApplicable: string[];
  /** This is a teaching aid, not a clinical tool. */
  disclaimer: string;
}

const SEVERITY: Record<Decision, number> = { go: 0, 'go-with-care': 1, 'do-not-needle': 2 };

/** Whether a context filter matches; every field given must match. */
export function matchesContext(filter: ContextFilter | undefined, ctx: ScreeningContext): boolean {
  if (!filter) return true;
  if (filter.regions && !filter.regions.includes(ctx.region)) return false;
  if (
    filter.electricalStimulation !== undefined &&
    filter.electricalStimulation !== ctx.electricalStimulation
  ) {
    return false;
  }
  return true;
}

export interface EffectiveRule {
  category: ScreeningCategory;
  effect: ItemEffect;
  reason: string;
  sourceIds: string[];
  note?: string;
  escalated: boolean;
}

/** The item's rule in this context: the most severe matching escalation, or the item itself. */
export function effectiveRule(item: ScreeningItem, ctx: ScreeningContext): EffectiveRule {
  let rule: EffectiveRule = {
    category: item.category,
    effect: item.effect,
    reason: item.reason,
    sourceIds: item.sources,
    escalated: false,
    ...(item.note !== undefined ? { note: item.note } : {}),
  };
  for (const e of item.escalations ?? []) {
    if (!matchesContext(e.when, ctx)) continue;
    if (SEVERITY[e.effect] < SEVERITY[rule.effect]) continue;
    rule = {
      category: e.category,
      effect: e.effect,
      reason: e.reason,
      sourceIds: e.sources,
      escalated: true,
      ...(e.note !== undefined ? { note: e.note } : {}),
    };
  }
  return rule;
}

function citations(sources: readonly Source[], ids: readonly string[]): string {
  return ids
    .map((sid) => sources.find((s) => s.id === sid)?.citation ?? `[unknown source ${sid}]`)
    .join('; ');
}

function answerFor(item: ScreeningItem, answers: Answers, ctx: ScreeningContext): Answer {
  const given = answers[item.id];
  if (item.id === PREGNANCY_ITEM_ID) {
    if (ctx.pregnant === true) return 'yes';
    if (ctx.pregnant === false && given === undefined) return 'no';
  }
  return given ?? 'unknown';
}

/**
 * Screens a patient against the checklist for one target region and technique.
 *
 * @example
 * screen(checklist, { anticoagulant: 'yes', ... }, { region: 'limb', electricalStimulation: false })
 * // → { decision: 'go-with-care', reasons: [{ itemId: 'anticoagulant', ... }], ... }
 */
export function screen(
  checklist: ScreeningFile,
  answers: Answers,
  ctx: ScreeningContext,
): ScreeningResult {
  const known = new Set(checklist.items.map((i) => i.id));
  for (const key of Object.keys(answers)) {
    if (!known.has(key))
      throw new Error(`screen: unknown screening item id ${JSON.stringify(key)}`);
  }

  const reasons: ScreeningReason[] = [];
  const unanswered: string[] = [];
  const notApplicable: string[] = [];
  let decision: Decision = 'go';

  for (const item of checklist.items) {
    if (!matchesContext(item.appliesTo, ctx)) {
      notApplicable.push(item.id);
      continue;
    }
    const answer = answerFor(item, answers, ctx);
    if (answer === 'no') continue;
    const rule = effectiveRule(item, ctx);
    const base = {
      itemId: item.id,
      source: citations(checklist.sources, rule.sourceIds),
      sourceIds: [...rule.sourceIds],
      category: rule.category,
      effect: rule.effect,
      certainty: item.certainty,
      ...(rule.note !== undefined ? { note: rule.note } : {}),
    };
    if (answer === 'yes') {
      reasons.push({ ...base, kind: 'contraindication', text: rule.reason });
    } else {
      unanswered.push(item.id);
      const text =
        rule.category === 'absolute'
          ? `Not answered: "${item.question}" This is an absolute item here, so needling must wait until it is ruled out.`
          : `Not answered: "${item.question}" Treat with care until it is answered.`;
      reasons.push({ ...base, kind: 'unanswered', text });
    }
    if (SEVERITY[rule.effect] > SEVERITY[decision]) decision = rule.effect;
  }

  reasons.sort((a, b) => SEVERITY[b.effect] - SEVERITY[a.effect]);
  return { decision, reasons, unanswered, notApplicable, disclaimer: checklist.disclaimer };
}

/** The items a clinician should be asked for this context, in checklist order. */
export function applicableItems(checklist: ScreeningFile, ctx: ScreeningContext): ScreeningItem[] {
  return checklist.items.filter((i) => matchesContext(i.appliesTo, ctx));
}

// ---------------------------------------------------------------- quiz scenarios

/** Example target muscles per region class, for scenario wording only. */
export const EXAMPLE_MUSCLES: Readonly<Record<RegionClass, readonly string[]>> = {
  head: ['masseter', 'temporalis'],
  neck: ['upper trapezius', 'levator scapulae'],
  thorax: ['pectoralis major', 'serratus anterior'],
  back: ['rhomboid major', 'lumbar erector spinae', 'quadratus lumborum'],
  'abdomen-pelvis': ['rectus abdominis', 'iliacus'],
  limb: ['gastrocnemius', 'vastus lateralis', 'extensor carpi radialis longus'],
};

export interface Scenario {
  /** `${seed}-${index}-${itemId}`: stable for a seed. */
  id: string;
  prompt: string;
  /** The screening item the scenario is built around. */
  itemId: string;
  answer: Exclude<Answer, 'no'>;
  muscle: string;
  context: ScreeningContext;
  /** The full answer sheet: the target item as `answer`, every other applicable item 'no'. */
  answers: Answers;
  expected: Decision;
  explanation: string;
  sourceIds: string[];
  certainty: Certainty;
}

export interface ScenarioOptions {
  /** Seed for the PRNG; the same seed and data give the same scenarios. */
  seed: number;
  /** How many scenarios; defaults to one per item. */
  count?: number;
  /** Probability that the target item is left unanswered instead of 'yes'. Default 0.25. */
  unknownRate?: number;
}

export const SCENARIO_DEFAULTS = { unknownRate: 0.25 } as const;

function chooseContext(item: ScreeningItem, rng: Rng): ScreeningContext {
  const regionEscalations = (item.escalations ?? []).flatMap((e) => e.when.regions ?? []);
  const stimEscalation = (item.escalations ?? []).some(
    (e) => e.when.electricalStimulation === true,
  );
  let region: RegionClass;
  if (item.appliesTo?.regions) region = pick(rng, item.appliesTo.regions);
  else if (regionEscalations.length > 0 && rng() < 0.5) region = pick(rng, regionEscalations);
  else region = pick(rng, REGION_CLASSES);
  let electricalStimulation: boolean;
  if (item.appliesTo?.electricalStimulation !== undefined) {
    electricalStimulation = item.appliesTo.electricalStimulation;
  } else if (stimEscalation) electricalStimulation = rng() < 0.5;
  else electricalStimulation = rng() < 0.2;
  return { region, electricalStimulation };
}

/**
 * Turns screening items into quiz scenarios with the expected decision and an explanation.
 * Deterministic for a given seed and checklist.
 *
 * @example
 * generateScenarios(checklist, { seed: 42, count: 5 })[0].prompt
 * // → 'A patient who takes warfarin asks for dry needling of the gastrocnemius.'
 */
export function generateScenarios(checklist: ScreeningFile, options: ScenarioOptions): Scenario[] {
  const rng = mulberry32(options.seed);
  const count = options.count ?? checklist.items.length;
  const unknownRate = options.unknownRate ?? SCENARIO_DEFAULTS.unknownRate;
  const out: Scenario[] = [];
  let deck: ScreeningItem[] = [];
  for (let index = 0; index < count; index++) {
    if (deck.length === 0) deck = shuffled(rng, checklist.items);
    const item = deck.pop() as ScreeningItem;
    const ctx = chooseContext(item, rng);
    const answer: Scenario['answer'] = rng() < unknownRate ? 'unknown' : 'yes';
    if (item.id === PREGNANCY_ITEM_ID && answer === 'yes') ctx.pregnant = true;
    const muscle = pick(rng, EXAMPLE_MUSCLES[ctx.region]);
    const answers: Partial<Record<string, Answer>> = {};
    for (const other of applicableItems(checklist, ctx)) {
      answers[other.id] = other.id === item.id ? answer : 'no';
    }
    const result = screen(checklist, answers, ctx);
    const stim = ctx.electricalStimulation ? ' with electrical stimulation' : '';
    const prompt =
      answer === 'yes'
        ? `A patient who ${item.vignette} asks for dry needling of the ${muscle}${stim}. All other screening answers are "no".`
        : `A patient asks for dry needling of the ${muscle}${stim}. Every screening question has been answered "no" except one that was never asked: "${item.question}"`;
    const reason = result.reasons.find((r) => r.itemId === item.id);
    const explanation = reason
      ? `${reason.text}${reason.note ? ` Note: ${reason.note}` : ''}`
      : 'No screening item applies in this context.';
    out.push({
      id: `${options.seed}-${index}-${item.id}`,
      prompt,
      itemId: item.id,
      answer,
      muscle,
      context: ctx,
      answers,
      expected: result.decision,
      explanation,
      sourceIds: reason?.sourceIds ?? [...item.sources],
      certainty: reason?.certainty ?? item.certainty,
    });
  }
  return out;
}
