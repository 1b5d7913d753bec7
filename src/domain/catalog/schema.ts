/**
 * The clinical catalog's record types: each keeps its zod validator, its inferred TypeScript type
 * and the schema version together (tldraw's record pattern). The JSON in `data/` is validated by
 * these schemas; the loader (`load.ts`) adds the cross-checks a single record cannot make.
 *
 * Conventions shared by every record:
 * - Lengths are millimetres (`…Mm`); positions are resolved later in metres (CONTRACTS §1).
 * - Offsets `offsetMm: [x, y, z]` are in the patient's frame with x = lateral (+) / medial (−),
 *   so one definition mirrors onto both sides; y = cranial (+); z = anterior (+). For a midline
 *   record x is the patient's left (+), as in the body frame.
 * - Landmark names in anchors are side-less (`acromion`, not `acromion-left`); the resolver adds
 *   the side for paired landmarks (PAIRED_LANDMARKS) and leaves midline ones alone.
 * - Referral zones and dangers of a trigger point name region / structure STEMS without a side
 *   (`temple`, `pleura`): they are ipsilateral, and the resolver gives them the trigger point's
 *   side. A midline region id (`vertex`, `sternum`) or an unpaired structure id stays as it is.
 *   Full `-left` / `-right` ids are rejected there, so one rule holds everywhere.
 */
import { z } from 'zod';

/** Bumped whenever a record's shape changes; every data file states the version it was written for. */
export const CATALOG_SCHEMA_VERSION = 1;

const kebab = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a kebab-case id');
const nonEmpty = z.string().min(1);
const mmVec3 = z.tuple([z.number(), z.number(), z.number()]);

// ---------------------------------------------------------------------------------------------
// Landmarks (CONTRACTS §2): the vocabulary anchors may use.

export const MIDLINE_LANDMARKS = [
  'vertex',
  'inion',
  'c2-spinous-process',
  'c7-spinous-process',
  ...Array.from({ length: 12 }, (_, i) => `t${i + 1}-spinous-process`),
  ...Array.from({ length: 5 }, (_, i) => `l${i + 1}-spinous-process`),
  's2',
  'jugular-notch',
  'xiphoid-process',
  'umbilicus',
] as const;

export const PAIRED_LANDMARKS = [
  'mastoid-process',
  'angle-of-mandible',
  'clavicle-medial-end',
  'clavicle-midpoint',
  'acromion',
  'coracoid-process',
  'superior-angle-of-scapula',
  'root-of-spine-of-scapula',
  'inferior-angle-of-scapula',
  'greater-tubercle',
  'lateral-epicondyle',
  'medial-epicondyle',
  'olecranon',
  'radial-styloid',
  'ulnar-styloid',
  'iliac-crest-highest-point',
  'asis',
  'psis',
  'greater-trochanter',
  'ischial-tuberosity',
  'patella-center',
  'fibular-head',
  'tibial-tuberosity',
  'lateral-malleolus',
  'medial-malleolus',
  'calcaneus-posterior',
  'first-metatarsal-head',
  'fifth-metatarsal-head',
  'nipple',
] as const;

export const LANDMARK_NAMES: readonly string[] = [...MIDLINE_LANDMARKS, ...PAIRED_LANDMARKS];
const landmarkName = z.enum([...MIDLINE_LANDMARKS, ...PAIRED_LANDMARKS]);
export type LandmarkName = z.infer<typeof landmarkName>;

// ---------------------------------------------------------------------------------------------
// Regions: the body-surface vocabulary referral zones are written in.

export const REGION_SIDES = ['left', 'right', 'midline'] as const;
export const VIEWS = [
  'anterior',
  'posterior',
  'lateral',
  'medial',
  'superior',
  'inferior',
] as const;
export type View = (typeof VIEWS)[number];

/** Where a region's skin patch lies: near the mean of the landmarks, moved by `offsetMm`. */
export const regionAnchorSchema = z.strictObject({
  landmarks: z.array(landmarkName).min(1).max(4),
  offsetMm: mmVec3.optional(),
  /** Approximate radius of the patch. */
  radiusMm: z.number().positive(),
});
export type RegionAnchor = z.infer<typeof regionAnchorSchema>;

export const regionSchema = z.strictObject({
  id: kebab,
  name: nonEmpty,
  side: z.enum(REGION_SIDES),
  view: z.enum(VIEWS),
  anchor: regionAnchorSchema,
});
export type Region = z.infer<typeof regionSchema>;

export const regionsFileSchema = z.strictObject({
  schemaVersion: z.literal(CATALOG_SCHEMA_VERSION),
  regions: z.array(regionSchema).min(1),
});
export type RegionsFile = z.infer<typeof regionsFileSchema>;

// ---------------------------------------------------------------------------------------------
// Sources and honesty fields.

export const EVIDENCE_LEVELS = ['textbook', 'study', 'course-material', 'expert-opinion'] as const;
export type Evidence = (typeof EVIDENCE_LEVELS)[number];

export const sourceSchema = z.strictObject({
  /** Full reference, with volume and chapter for books. */
  citation: nonEmpty,
  url: z.url().optional(),
  /** Which fields this source supports, as dotted paths (`referral`, `needling.depthMm`). */
  supports: z.array(nonEmpty).optional(),
});
export type Source = z.infer<typeof sourceSchema>;

/** Where sources disagree or are thin: each view with its source, and what the catalog chose. */
export const disputeSchema = z.strictObject({
  topic: nonEmpty,
  views: z.array(z.strictObject({ claim: nonEmpty, source: nonEmpty })).min(1),
  resolution: nonEmpty,
});
export type Dispute = z.infer<typeof disputeSchema>;

// ---------------------------------------------------------------------------------------------
// Trigger points.

/**
 * The anatomical definition of a trigger point's position, resolved on the generated model.
 * Two forms only:
 * - `between` + `t`: the point at fraction t (0 = first landmark) on the straight line between
 *   the two landmarks' skin points;
 * - `at`: a landmark's skin point.
 * Either may add `offsetMm` (patient frame, x lateral +). The trigger point lies in `structure`
 * (a muscle stem of the model registry) beneath that skin point.
 */
export const trpAnchorSchema = z.union([
  z.strictObject({
    between: z.tuple([landmarkName, landmarkName]),
    t: z.number().min(0).max(1),
    offsetMm: mmVec3.optional(),
    structure: kebab,
  }),
  z.strictObject({
    at: landmarkName,
    offsetMm: mmVec3.optional(),
    structure: kebab,
  }),
]);
export type TrpAnchor = z.infer<typeof trpAnchorSchema>;

/** Directions relative to the body; medial/lateral mirror per side. */
export const BODY_DIRECTIONS = [
  'anterior',
  'posterior',
  'medial',
  'lateral',
  'cranial',
  'caudal',
] as const;
export type BodyDirection = (typeof BODY_DIRECTIONS)[number];

/**
 * A machine-readable needle direction: `toward` lists body directions whose sum is the aim
 * (`["inward"]` = perpendicular to the skin, along its inward normal); `avoid` lists directions
 * the needle must not point (e.g. `caudal` toward the lung apex). `tangential`: keep the needle
 * near-parallel to the chest wall / skin. `pincer`: the needle stays inside a fold of muscle held
 * between the clinician's fingers, aimed at the opposite finger. `backstop`: a bone stem the needle
 * is aimed at, so that bone stops it before anything deeper.
 */
export const directionRuleSchema = z.strictObject({
  toward: z.array(z.enum([...BODY_DIRECTIONS, 'inward'])).min(1),
  avoid: z.array(z.enum(BODY_DIRECTIONS)),
  tangential: z.boolean().optional(),
  pincer: z.boolean().optional(),
  backstop: kebab.optional(),
});
export type DirectionRule = z.infer<typeof directionRuleSchema>;

export const DEPTH_BASES = ['study', 'textbook', 'estimate'] as const;

export const needlingSchema = z.strictObject({
  patientPosition: nonEmpty,
  palpation: z.enum(['pincer', 'flat']),
  technique: nonEmpty,
  direction: nonEmpty,
  directionRule: directionRuleSchema,
  needleLengthMm: z.number().positive(),
  /** Skin-to-trigger-point depth range for the average adult. */
  depthMm: z.strictObject({ min: z.number().nonnegative(), max: z.number().positive() }),
  /** Where the depth range comes from: a measured study, a textbook, or the project's estimate. */
  depthBasis: z.strictObject({ kind: z.enum(DEPTH_BASES), note: nonEmpty }),
  /** Model structure stems (ipsilateral) or unpaired ids the needle must stay away from. */
  dangers: z.array(kebab),
  /**
   * What else the needle can reach that the model does not hold (the axillary nerve, the spinal
   * cord…), or, for a point with no danger listed, why nothing: every point says one or the other.
   */
  dangersNote: nonEmpty.optional(),
  cautions: z.array(nonEmpty),
  safetyRule: nonEmpty,
});
export type Needling = z.infer<typeof needlingSchema>;

export const triggerPointSchema = z.strictObject({
  id: kebab,
  muscleId: kebab,
  name: nonEmpty,
  /** The trigger point's label in Travell & Simons where it has one, e.g. "TrP1". */
  label: nonEmpty.optional(),
  location: nonEmpty,
  anchor: trpAnchorSchema,
  referral: z.strictObject({
    /** Region stems (ipsilateral) or midline region ids: the solid zone of the charts. */
    essential: z.array(kebab).min(1),
    /** The stippled zone: felt by some patients only. */
    spillover: z.array(kebab),
    symptoms: z.array(nonEmpty),
    presentations: z.array(nonEmpty),
  }),
  needling: needlingSchema,
  sources: z.array(sourceSchema).min(1, 'at least one source'),
  evidence: z.enum(EVIDENCE_LEVELS),
  disputes: z.array(disputeSchema).optional(),
  notes: z.array(nonEmpty).optional(),
});
export type TriggerPoint = z.infer<typeof triggerPointSchema>;

// ---------------------------------------------------------------------------------------------
// Muscles: one file per muscle in `data/muscles/`.

export const muscleSchema = z.strictObject({
  id: kebab,
  name: nonEmpty,
  /** Shown to users for muscles the catalog splits, e.g. the three parts of the trapezius. */
  group: nonEmpty.optional(),
  /** Model structure ids (both sides). */
  structures: z.array(kebab).min(1),
  triggerPointIds: z.array(kebab).min(1),
  notes: z.array(nonEmpty).optional(),
});
export type Muscle = z.infer<typeof muscleSchema>;

export const muscleFileSchema = z.strictObject({
  schemaVersion: z.literal(CATALOG_SCHEMA_VERSION),
  muscle: muscleSchema,
  triggerPoints: z.array(triggerPointSchema).min(1),
});
export type MuscleFile = z.infer<typeof muscleFileSchema>;

/** The validated catalog. */
export interface Catalog {
  readonly version: typeof CATALOG_SCHEMA_VERSION;
  readonly regions: readonly Region[];
  readonly muscles: readonly Muscle[];
  readonly triggerPoints: readonly TriggerPoint[];
}
