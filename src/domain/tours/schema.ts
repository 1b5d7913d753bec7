/**
 * The guided-tour file format (needlewise-tour v1): a titled list of steps for Teach mode, each
 * setting up the viewer (camera, layers, X-ray, referral zones, a pain map, a selected structure,
 * the recommended needle on a trigger point, the lung map) next to a short caption.
 *
 * A tour holds only references: trigger point, region and structure ids. What they mean (a
 * point's place, its zone, its needle line, its sources) is looked up in the catalog and on the
 * model when the step is shown, so a tour cannot carry a wrong zone and stays right when the
 * catalog or the model improves. A caption that only restates the catalog facts of the points
 * its step shows is covered by those points' sources (the player lists them); anything beyond
 * them must name its own source in the step's `sources`.
 *
 * How a step is shown (for the player): a step looks the same whichever step came before it.
 * `camera` absent: the camera stays where it is. `layers`: the layers named are set, the others
 * keep the state they had when the tour started. `xray`, `lungMap` absent: off. `zones`,
 * `painRegions`, `selected`, `needle` absent: none.
 *
 * Files may come from outside (instructors), so every field is bounded: strict objects (an
 * unknown key, `__proto__` included, is refused), kebab-case ids, finite numbers in range, short
 * texts that the app shows as text, never as HTML.
 */
import { z } from 'zod';

export const TOUR_FORMAT = 'needlewise-tour';
export const TOUR_FORMAT_VERSION = 1;
/** The largest tour file the app reads (UTF-8 bytes). */
export const MAX_TOUR_FILE_BYTES = 500_000;
export const MAX_TOUR_STEPS = 60;
/** Referral zones drawn at once in one step. */
export const MAX_TOUR_ZONES = 4;
export const MAX_TOUR_PAIN_REGIONS = 30;
export const MAX_TOUR_SOURCES = 20;
export const MAX_TOUR_TEXT = 600;
export const MAX_TOUR_TITLE = 120;

/** The viewer's layers (the same ids as the store's LAYER_IDS; a test keeps them equal). */
export const TOUR_LAYER_IDS = [
  'skin',
  'fat',
  'muscles',
  'bones',
  'lungs',
  'neurovascular',
] as const;
export type TourLayerId = (typeof TOUR_LAYER_IDS)[number];

/** The viewer's camera presets (the same as the store's CAMERA_PRESETS). */
export const TOUR_CAMERA_PRESETS = ['front', 'back', 'left', 'right', 'top'] as const;
export type TourCameraPreset = (typeof TOUR_CAMERA_PRESETS)[number];

const kebab = z
  .string()
  .max(80)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a kebab-case id');
const side = z.enum(['left', 'right']);
/** Shown as text; must say something (not only white space). */
const text = (max: number) => z.string().max(max).regex(/\S/, 'a text that is not blank');
/** Body frame (CONTRACTS §1): metres, +Y up, +Z anterior, +X the patient's left. */
const metres = z.number().finite().min(-3).max(3);
const component = z.number().finite().min(-1000).max(1000);

export const tourSourceSchema = z.strictObject({
  /** The full reference as a reader would look it up. */
  citation: text(MAX_TOUR_TEXT),
  /** A link to it: https only. */
  url: z
    .url({ protocol: /^https$/, hostname: z.regexes.domain })
    .max(MAX_TOUR_TEXT)
    .regex(/^https:\/\/\S+$/, 'an https URL without spaces')
    .optional(),
});
export type TourSource = z.infer<typeof tourSourceSchema>;
const sources = z.array(tourSourceSchema).max(MAX_TOUR_SOURCES);

export const tourPresetCameraSchema = z.strictObject({
  preset: z.enum(TOUR_CAMERA_PRESETS),
});
/**
 * Look at `center` from the direction `from` (from the centre toward the camera, any length),
 * close enough to fit a sphere of `radius` metres in view: the same place the store's
 * `placeFocused({ center, radius, from })` flies to.
 */
export const tourPlaceCameraSchema = z.strictObject({
  center: z.tuple([metres, metres, metres]).readonly(),
  radius: z.number().finite().min(0.05).max(2),
  from: z
    .tuple([component, component, component])
    .readonly()
    .refine(([x, y, zz]) => Math.hypot(x, y, zz) > 1e-6, 'a non-zero direction'),
});
export const tourCameraSchema = z.union([tourPresetCameraSchema, tourPlaceCameraSchema]);
export type TourCamera = z.infer<typeof tourCameraSchema>;

export const tourLayerStateSchema = z.strictObject({
  visible: z.boolean(),
  /** 0 (invisible) … 1 (opaque). */
  opacity: z.number().finite().min(0).max(1),
});
export type TourLayerState = z.infer<typeof tourLayerStateSchema>;
/** Layers the step sets; the others keep the state they had when the tour started. */
export const tourLayersSchema = z.strictObject(
  Object.fromEntries(TOUR_LAYER_IDS.map((id) => [id, tourLayerStateSchema.optional()])) as {
    [K in TourLayerId]: z.ZodOptional<typeof tourLayerStateSchema>;
  },
);
export type TourLayers = z.infer<typeof tourLayersSchema>;

export const tourZoneSchema = z.strictObject({
  triggerPointId: kebab,
  side,
});
export type TourZone = z.infer<typeof tourZoneSchema>;

export const tourNeedleSchema = z.strictObject({
  triggerPointId: kebab,
  side,
  /** Play the pistoning demonstration on the recommended needle. */
  demonstrate: z.boolean().optional(),
});
export type TourNeedle = z.infer<typeof tourNeedleSchema>;

export const tourStepSchema = z
  .strictObject({
    title: text(MAX_TOUR_TITLE),
    caption: text(MAX_TOUR_TEXT),
    camera: tourCameraSchema.optional(),
    layers: tourLayersSchema.optional(),
    xray: z.boolean().optional(),
    /** Trigger points whose referral zones are drawn (and whose sources are listed). */
    zones: z.array(tourZoneSchema).max(MAX_TOUR_ZONES).optional(),
    /** Full region ids (`temple-right`, `vertex`) painted as the patient's pain map. */
    painRegions: z.array(kebab).max(MAX_TOUR_PAIN_REGIONS).optional(),
    /** A model structure id (`pleura-right`), selected and named. */
    selected: kebab.optional(),
    /** The recommended needle on that trigger point (its sources are listed too). */
    needle: tourNeedleSchema.optional(),
    /** Paint the depth of the pleura under the skin. */
    lungMap: z.boolean().optional(),
    /** Where the caption states a clinical fact the catalog points it shows do not cover. */
    sources: sources.optional(),
  })
  .superRefine((step, ctx) => {
    const zones = new Set<string>();
    step.zones?.forEach((z, i) => {
      const key = `${z.triggerPointId}:${z.side}`;
      if (zones.has(key))
        ctx.addIssue({
          code: 'custom',
          path: ['zones', i],
          message: `the zone of "${key}" is already shown`,
        });
      zones.add(key);
    });
    const regions = new Set<string>();
    step.painRegions?.forEach((r, i) => {
      if (regions.has(r))
        ctx.addIssue({
          code: 'custom',
          path: ['painRegions', i],
          message: `region "${r}" is already listed`,
        });
      regions.add(r);
    });
  });
export type TourStep = z.infer<typeof tourStepSchema>;

export const tourSchema = z.strictObject({
  format: z.literal(TOUR_FORMAT),
  version: z.literal(TOUR_FORMAT_VERSION),
  id: kebab,
  title: text(MAX_TOUR_TITLE),
  description: text(MAX_TOUR_TEXT),
  /** Sources for the tour's own words (its description and general framing). */
  sources,
  steps: z.array(tourStepSchema).min(1).max(MAX_TOUR_STEPS),
});
export type Tour = z.infer<typeof tourSchema>;

/** The trigger points a step shows (zones, then the needle's), each once, as `id:side`. */
export function stepTriggerPoints(
  step: TourStep,
): { readonly triggerPointId: string; readonly side: 'left' | 'right' }[] {
  const out: { triggerPointId: string; side: 'left' | 'right' }[] = [];
  const seen = new Set<string>();
  for (const p of [...(step.zones ?? []), ...(step.needle ? [step.needle] : [])]) {
    const key = `${p.triggerPointId}:${p.side}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ triggerPointId: p.triggerPointId, side: p.side });
  }
  return out;
}
