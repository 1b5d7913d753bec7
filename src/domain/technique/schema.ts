/**
 * Technique and safety knowledge: the zod schemas, their TypeScript types and the format
 * version live together so a change to one is a change to all (tldraw's record pattern).
 *
 * Every fact in these files names its sources by id; each file carries its own source
 * registry, and validation fails when an id is not in it. Where sources disagree or are
 * thin, `certainty` says so and `note` says how.
 */
import { z } from 'zod';

/** Bumped when a data file's shape changes; files declare the version they were written for. */
export const TECHNIQUE_DATA_VERSION = 1;

/** Body region classes the screening rules speak of. */
export const REGION_CLASSES = ['head', 'neck', 'thorax', 'back', 'abdomen-pelvis', 'limb'] as const;
export type RegionClass = (typeof REGION_CLASSES)[number];

export const SOURCE_KINDS = [
  'guideline',
  'textbook',
  'study',
  'review',
  'case-report',
  'course-material',
  'professional-blog',
  'patient-information',
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** How much of a source was actually read: the honest provenance of each citation. */
export const VERIFICATION_LEVELS = ['full-text', 'abstract', 'excerpt', 'secondary'] as const;
export type VerificationLevel = (typeof VERIFICATION_LEVELS)[number];

/** established: sources agree; thin: one weak source or none specific; disputed: sources disagree. */
export const CERTAINTIES = ['established', 'thin', 'disputed'] as const;
export type Certainty = (typeof CERTAINTIES)[number];

export const EVIDENCE_GRADES = ['textbook', 'study', 'guideline', 'course-material'] as const;
export type EvidenceGrade = (typeof EVIDENCE_GRADES)[number];

export const SCREENING_CATEGORIES = ['absolute', 'relative', 'precaution'] as const;
export type ScreeningCategory = (typeof SCREENING_CATEGORIES)[number];

export const DECISIONS = ['go', 'go-with-care', 'do-not-needle'] as const;
export type Decision = (typeof DECISIONS)[number];
/** Effects an item can have when it applies; 'go' is never an item's effect. */
export const ITEM_EFFECTS = ['go-with-care', 'do-not-needle'] as const;
export type ItemEffect = (typeof ITEM_EFFECTS)[number];

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'kebab-case id');
const text = z.string().min(1);
const sourceIds = z.array(id).min(1);

export const sourceSchema = z
  .object({
    id,
    citation: text,
    url: z.url().optional(),
    kind: z.enum(SOURCE_KINDS),
    verified: z.enum(VERIFICATION_LEVELS),
    verifiedNote: text.optional(),
  })
  .strict();
export type Source = z.infer<typeof sourceSchema>;

// ---------------------------------------------------------------- techniques

export const techniqueParameterSchema = z
  .object({
    id,
    label: text,
    /** The parameter in words, as the sources state it. */
    value: text,
    min: z.number().optional(),
    max: z.number().optional(),
    unit: z.enum(['mm', 's', 'min', 'count']).optional(),
    sources: sourceIds,
    certainty: z.enum(CERTAINTIES),
    note: text.optional(),
  })
  .strict();
export type TechniqueParameter = z.infer<typeof techniqueParameterSchema>;

export const techniqueSchema = z
  .object({
    id,
    name: text,
    description: text,
    whenUsed: text,
    parameters: z.array(techniqueParameterSchema).min(1),
    evidenceGrade: z.enum(EVIDENCE_GRADES),
    sources: sourceIds,
    certainty: z.enum(CERTAINTIES),
    notes: text.optional(),
  })
  .strict();
export type Technique = z.infer<typeof techniqueSchema>;

export const evidenceStatementSchema = z
  .object({
    id,
    statement: text,
    sources: sourceIds,
    certainty: z.enum(CERTAINTIES),
    note: text.optional(),
  })
  .strict();
export type EvidenceStatement = z.infer<typeof evidenceStatementSchema>;

export const techniquesFileSchema = z
  .object({
    version: z.literal(TECHNIQUE_DATA_VERSION),
    kind: z.literal('techniques'),
    sources: z.array(sourceSchema).min(1),
    techniques: z.array(techniqueSchema).min(1),
    effectivenessEvidence: z.array(evidenceStatementSchema),
  })
  .strict();
export type TechniquesFile = z.infer<typeof techniquesFileSchema>;

// ---------------------------------------------------------------- screening

/** A context filter: every field given must match; an empty filter always matches. */
export const contextFilterSchema = z
  .object({
    regions: z.array(z.enum(REGION_CLASSES)).min(1).optional(),
    electricalStimulation: z.boolean().optional(),
  })
  .strict();
export type ContextFilter = z.infer<typeof contextFilterSchema>;

/** A stricter reading of an item in a given context, e.g. pregnancy + abdomen. */
export const escalationSchema = z
  .object({
    when: contextFilterSchema,
    category: z.enum(SCREENING_CATEGORIES),
    effect: z.enum(ITEM_EFFECTS),
    reason: text,
    sources: sourceIds,
    note: text.optional(),
  })
  .strict();
export type Escalation = z.infer<typeof escalationSchema>;

export const screeningItemSchema = z
  .object({
    id,
    /** Asked of the clinician, answerable yes / no / unknown. */
    question: text,
    /** Completes "A patient who ..." in quiz scenarios. */
    vignette: text,
    category: z.enum(SCREENING_CATEGORIES),
    effect: z.enum(ITEM_EFFECTS),
    reason: text,
    sources: sourceIds,
    certainty: z.enum(CERTAINTIES),
    note: text.optional(),
    /** The item is only asked when the context matches (e.g. lung disease for thorax). */
    appliesTo: contextFilterSchema.optional(),
    escalations: z.array(escalationSchema).optional(),
  })
  .strict();
export type ScreeningItem = z.infer<typeof screeningItemSchema>;

export const screeningFileSchema = z
  .object({
    version: z.literal(TECHNIQUE_DATA_VERSION),
    kind: z.literal('screening'),
    disclaimer: text,
    unknownPolicy: text,
    sources: z.array(sourceSchema).min(1),
    items: z.array(screeningItemSchema).min(1),
  })
  .strict();
export type ScreeningFile = z.infer<typeof screeningFileSchema>;

// ---------------------------------------------------------------- adverse events

const reportedRateSchema = z
  .object({
    /** '<=' marks an upper bound, e.g. Brady 2014's estimate when no event occurred. */
    comparator: z.enum(['=', '<', '<=']),
    percent: z.number().min(0).max(100),
  })
  .strict();

const eventCountSchema = z
  .object({
    count: z.number().int().nonnegative(),
    reportedRate: reportedRateSchema,
    note: text.optional(),
  })
  .strict();

export const surveySchema = z
  .object({
    id,
    label: text,
    design: text,
    therapists: z.number().int().positive(),
    treatments: z.number().int().positive(),
    minorEvents: eventCountSchema,
    seriousEvents: eventCountSchema,
    sources: sourceIds,
    limitations: text,
    limitationSources: sourceIds,
  })
  .strict();
export type Survey = z.infer<typeof surveySchema>;

export const adverseEventSchema = z
  .object({
    id,
    name: text,
    severity: z.enum(['minor', 'serious']),
    /** Per-treatment rates from the prospective surveys; empty when none were reported. */
    rates: z.array(
      z
        .object({
          surveyId: id,
          percentOfTreatments: z.number().min(0).max(100),
          note: text.optional(),
        })
        .strict(),
    ),
    frequencyText: text.optional(),
    description: text,
    signs: z.array(text).min(1),
    whatToDo: z.array(text).min(1),
    sources: sourceIds,
    certainty: z.enum(CERTAINTIES),
    note: text.optional(),
  })
  .strict();
export type AdverseEvent = z.infer<typeof adverseEventSchema>;

export const AFTERCARE_EVIDENCE = [
  'study',
  'guideline',
  'expert-opinion',
  'tradition',
  'thin',
] as const;
export type AftercareEvidence = (typeof AFTERCARE_EVIDENCE)[number];

export const aftercareSchema = z
  .object({
    id,
    advice: text,
    /** 'tradition': commonly given, no supporting evidence found. */
    evidence: z.enum(AFTERCARE_EVIDENCE),
    evidenceNote: text,
    sources: sourceIds,
  })
  .strict();
export type Aftercare = z.infer<typeof aftercareSchema>;

export const adverseEventsFileSchema = z
  .object({
    version: z.literal(TECHNIQUE_DATA_VERSION),
    kind: z.literal('adverse-events'),
    sources: z.array(sourceSchema).min(1),
    surveys: z.array(surveySchema).min(1),
    events: z.array(adverseEventSchema).min(1),
    aftercare: z.array(aftercareSchema).min(1),
  })
  .strict();
export type AdverseEventsFile = z.infer<typeof adverseEventsFileSchema>;
