/**
 * The quiz file and answers file formats (documented in docs/quiz-format.md). A quiz file holds
 * only what the questions ask: trigger point ids, sides, tolerances, choices and needles. What
 * counts as right (the point's place on the model, its zone, the structure at risk) is worked out
 * again from the catalog and the model when an answer is scored, so a file cannot carry a wrong
 * key and stays right when the model improves.
 *
 * Files come from outside (instructors, links), so every field is bounded: strict objects (an
 * unknown key, `__proto__` included, is refused), kebab-case ids, finite numbers in range, short
 * texts that the app shows as text.
 */
import { z } from 'zod';
import { MAX_DEPTH_MM, NEEDLE_LENGTH_RANGE_MM } from '../needle/kinds.ts';

/** Adds an issue for every item whose `id` repeats an earlier one (`what` names the items). */
export function refuseDuplicateIds(
  items: readonly { readonly id: string }[],
  key: string,
  what: string,
  ctx: z.RefinementCtx,
): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id))
      ctx.addIssue({
        code: 'custom',
        path: [key, i, 'id'],
        message: `duplicate ${what} id "${item.id}"`,
      });
    seen.add(item.id);
  });
}

export const QUIZ_FORMAT = 'needlewise-quiz';
export const ANSWERS_FORMAT = 'needlewise-answers';
export const QUIZ_FORMAT_VERSION = 1;
/** The largest file the app or the command line reads. */
export const MAX_QUIZ_FILE_BYTES = 1_000_000;
export const MAX_QUESTIONS = 200;

export const QUESTION_TYPES = [
  'locate',
  'name-muscle',
  'paint-zone',
  'pick-trigger-points',
  'needle',
  'structure-at-risk',
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const QUESTION_TYPE_LABELS: Record<QuestionType, string> = {
  locate: 'Locate the trigger point',
  'name-muscle': 'Name the muscle from its referral pattern',
  'paint-zone': 'Paint the referral zone',
  'pick-trigger-points': 'Pain map: which trigger points to examine',
  needle: 'Needle placement',
  'structure-at-risk': 'Which structure is at risk?',
};

export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];
export const QUIZ_MODES = ['practice', 'exam'] as const;
export type QuizMode = (typeof QUIZ_MODES)[number];

const id = z
  .string()
  .max(80)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a kebab-case id');
/** A trigger point on one side: `<trigger point id>:<left|right>`. */
export const trpKey = z
  .string()
  .max(90)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*:(left|right)$/, 'a "<trigger-point-id>:<left|right>" key');
const side = z.enum(['left', 'right']);
/** The longest free text a quiz carries (an instructor's prompt, the description). */
export const MAX_TEXT_CHARS = 500;
/** The largest seed: the generator's seeds are unsigned 32-bit integers. */
export const MAX_SEED = 2 ** 32 - 1;
const text = z.string().max(MAX_TEXT_CHARS);
const metres = z.number().finite().min(-3).max(3);
const vec3 = z.tuple([metres, metres, metres]).readonly();
const direction = z
  .tuple([z.number().finite(), z.number().finite(), z.number().finite()])
  .refine(([x, y, z]) => Math.hypot(x, y, z) > 1e-9, 'a non-zero direction')
  .readonly();
const tolerance = z.number().finite().min(1).max(100);
const depth = z.number().finite().min(0).max(MAX_DEPTH_MM);

const base = {
  /** Unique within the quiz. */
  id: z
    .string()
    .min(1)
    .max(40)
    .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - or _'),
  /** The instructor's own wording, shown as text above the generated prompt. */
  prompt: text.optional(),
};

export const locateQuestionSchema = z.strictObject({
  ...base,
  type: z.literal('locate'),
  triggerPointId: id,
  side,
  /** Full marks within this distance along the skin (mm); none beyond three times it. */
  toleranceMm: tolerance,
});
/** A referral zone as the app paints it: region ids on one side (`<stem>-left`, midline ids). */
export const shownZoneSchema = z.strictObject({
  essential: z.array(id).min(1).max(40).readonly(),
  spillover: z.array(id).max(40).readonly(),
});
export type ShownZone = z.infer<typeof shownZoneSchema>;
/**
 * Two forms (src/domain/quiz/nameMuscle.ts): the practice form names the trigger point whose
 * pattern is painted; the exam form carries the painted zone instead, so the file does not name
 * the answer, and the key is the one choice with a trigger point of that zone on that side.
 */
export const nameMuscleQuestionSchema = z
  .strictObject({
    ...base,
    type: z.literal('name-muscle'),
    /** Practice form: whose pattern is shown (its essential and spillover zones on `side`). */
    triggerPointId: id.optional(),
    /** Exam form: the zone shown, in place of `triggerPointId`. */
    zone: shownZoneSchema.optional(),
    side,
    /** Muscle ids offered, in order; exactly one is the right muscle. */
    choices: z.array(id).min(2).max(8),
  })
  .superRefine((q, ctx) => {
    if ((q.triggerPointId === undefined) === (q.zone === undefined))
      ctx.addIssue({
        code: 'custom',
        path: q.zone === undefined ? ['triggerPointId'] : ['zone'],
        message:
          q.zone === undefined
            ? 'a name-muscle question needs triggerPointId (practice form) or zone (exam form)'
            : 'a name-muscle question gives triggerPointId or zone, not both',
      });
  });
export const paintZoneQuestionSchema = z.strictObject({
  ...base,
  type: z.literal('paint-zone'),
  triggerPointId: id,
  side,
});
export const pickTriggerPointsQuestionSchema = z.strictObject({
  ...base,
  type: z.literal('pick-trigger-points'),
  /** The patient's pain map: region ids. */
  painRegions: z.array(id).min(1).max(40),
  /** The trigger points offered. */
  choices: z.array(trpKey).min(2).max(12),
  /**
   * The ones to examine. Left out, they are the choices the lookup engine ranks at or above
   * EXAMINE_THRESHOLD for this pain map.
   */
  expected: z.array(trpKey).min(1).max(12).optional(),
});
export const needleQuestionSchema = z.strictObject({
  ...base,
  type: z.literal('needle'),
  triggerPointId: id,
  side,
  /** Full marks when the needle passes within this distance of the point (mm). */
  toleranceMm: tolerance,
});
export const needleSpecSchema = z.strictObject({
  /** Body frame, metres (CONTRACTS §1). */
  entry: vec3,
  direction,
  depthMm: depth,
  /** The needle chosen (mm): the simulator's range, NEEDLE_LENGTH_RANGE_MM. */
  lengthMm: z
    .number()
    .finite()
    .min(NEEDLE_LENGTH_RANGE_MM.min)
    .max(NEEDLE_LENGTH_RANGE_MM.max)
    .optional(),
});
export type NeedleSpec = z.infer<typeof needleSpecSchema>;
export const structureAtRiskQuestionSchema = z.strictObject({
  ...base,
  type: z.literal('structure-at-risk'),
  /** The trigger point the needle was meant for (context for the prompt). */
  triggerPointId: id,
  side,
  needle: needleSpecSchema,
  /** Model structure ids offered; the one at risk is worked out on the model. */
  choices: z.array(id).min(2).max(8),
});

export const questionSchema = z.discriminatedUnion('type', [
  locateQuestionSchema,
  nameMuscleQuestionSchema,
  paintZoneQuestionSchema,
  pickTriggerPointsQuestionSchema,
  needleQuestionSchema,
  structureAtRiskQuestionSchema,
]);
export type Question = z.infer<typeof questionSchema>;
export type QuestionOf<T extends QuestionType> = Extract<Question, { type: T }>;

export const quizSchema = z
  .strictObject({
    format: z.literal(QUIZ_FORMAT),
    version: z.literal(QUIZ_FORMAT_VERSION),
    title: z.string().min(1).max(120),
    description: text.optional(),
    /** The seed it was generated from, if it was. */
    seed: z.number().int().min(0).max(MAX_SEED).optional(),
    difficulty: z.enum(DIFFICULTIES).optional(),
    /** Practice: feedback after each answer. Exam: at the end. */
    mode: z.enum(QUIZ_MODES).optional(),
    timeLimitMinutes: z.number().finite().min(1).max(240).optional(),
    /** 'shuffled': the app asks the questions in an order drawn from the seed. */
    order: z.enum(['fixed', 'shuffled']).optional(),
    questions: z.array(questionSchema).min(1).max(MAX_QUESTIONS),
  })
  .superRefine((quiz, ctx) => refuseDuplicateIds(quiz.questions, 'questions', 'question', ctx));
export type Quiz = z.infer<typeof quizSchema>;

const answerBase = {
  questionId: base.id,
  /** Time taken on the question, if recorded. */
  timeMs: z.number().finite().min(0).max(86_400_000).optional(),
};
export const answerSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...answerBase, type: z.literal('locate'), point: vec3 }),
  z.strictObject({ ...answerBase, type: z.literal('name-muscle'), muscleId: id }),
  z.strictObject({
    ...answerBase,
    type: z.literal('paint-zone'),
    regions: z.array(id).max(200),
  }),
  z.strictObject({
    ...answerBase,
    type: z.literal('pick-trigger-points'),
    picks: z.array(trpKey).max(12),
  }),
  z.strictObject({ ...answerBase, type: z.literal('needle'), ...needleSpecSchema.shape }),
  z.strictObject({ ...answerBase, type: z.literal('structure-at-risk'), structureId: id }),
]);
export type Answer = z.infer<typeof answerSchema>;
export type AnswerOf<T extends QuestionType> = Extract<Answer, { type: T }>;

export const answersFileSchema = z.strictObject({
  format: z.literal(ANSWERS_FORMAT),
  version: z.literal(QUIZ_FORMAT_VERSION),
  /** The quiz's title, to catch answers meant for another quiz (informative only). */
  quizTitle: z.string().max(120).optional(),
  /** Who answered (a name or a class number), for an instructor collecting a class's files. */
  student: z.string().max(80).optional(),
  answers: z.array(answerSchema).max(MAX_QUESTIONS),
});
export type AnswersFile = z.infer<typeof answersFileSchema>;
