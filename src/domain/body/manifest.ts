import { z } from 'zod';

/** Tissue kinds of CONTRACTS §2. */
export const STRUCTURE_KINDS = [
  'skin',
  'fat',
  'muscle',
  'bone',
  'cartilage',
  'lung',
  'pleura',
  'organ',
  'nerve',
  'artery',
  'vein',
] as const;
export type StructureKind = (typeof STRUCTURE_KINDS)[number];
export const SIDES = ['left', 'right', 'midline'] as const;
export type Side = (typeof SIDES)[number];

const vec3 = z.tuple([z.number(), z.number(), z.number()]);

export const structureSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'kebab-case id'),
  name: z.string().min(1),
  kind: z.enum(STRUCTURE_KINDS),
  side: z.enum(SIDES),
  closed: z.boolean(),
  triangles: z.number().int().nonnegative(),
  volumeCm3: z.number().nonnegative(),
  /** Drawing and needle-readout group, e.g. "Trapezius" for its three parts. */
  group: z.string().optional(),
  /** Layer order for muscles: 1 = deepest. */
  layer: z.number().int().optional(),
  /** Where the shape and position come from. */
  source: z.string().optional(),
});
export type Structure = z.infer<typeof structureSchema>;

export const landmarkSchema = z.object({
  bone: vec3,
  skin: vec3,
  /** Published vertebral level or definition, with its source. */
  source: z.string().optional(),
});
export type Landmark = z.infer<typeof landmarkSchema>;

/**
 * A body build: the same skeleton, organs and muscles with the skin and fat of a leaner or
 * heavier man. `glb` holds only the structures that differ (null: the main model itself).
 */
export const habitusSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'kebab-case id'),
  name: z.string().min(1),
  bmi: z.number().positive(),
  weightKg: z.number().positive(),
  glb: z.string().nullable(),
  structures: z.array(z.string()),
  source: z.string(),
});
export type Habitus = z.infer<typeof habitusSchema>;

export const MANIFEST_VERSION_FORMAT = 1;

export const manifestSchema = z.object({
  version: z.string(),
  units: z.literal('m'),
  body: z.object({
    sex: z.enum(['male', 'female']),
    statureMm: z.number(),
    source: z.string(),
  }),
  structures: z.array(structureSchema),
  landmarks: z.record(z.string(), landmarkSchema),
  /** The body builds on offer (lean, average, high BMI); absent in older manifests. */
  habitus: z.array(habitusSchema).optional(),
  /** Subcutaneous fat thickness by region (mm) and any other build parameters, with sources. */
  build: z.record(z.string(), z.unknown()).optional(),
});
export type Manifest = z.infer<typeof manifestSchema>;

/** Parses a manifest, naming the path and what was expected on failure. */
export function parseManifest(json: unknown, file = 'body.json'): Manifest {
  const r = manifestSchema.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0];
    const path = issue ? issue.path.join('.') : '';
    throw new Error(`parseManifest: ${file}: ${path}: ${issue?.message ?? 'invalid'}`);
  }
  return r.data;
}
