/**
 * "Pain here: which muscles?": from the body regions where a patient hurts, the trigger points
 * whose referral zones explain that pain, ranked, each with the reason for its place. The app,
 * the `lookup` command and the quiz share this engine.
 */
import { regionIdsFor, type CatalogSide } from '../catalog/load.ts';
import type { Catalog } from '../catalog/schema.ts';

/** How much a painted region in a point's spillover zone counts against one in its essential zone. */
export const SPILLOVER_WEIGHT = 0.5;
/** How much of the score is how well the point's essential zone falls inside the pain. */
export const PRECISION_WEIGHT = 0.25;

export interface LookupCandidate {
  readonly triggerPointId: string;
  readonly muscleId: string;
  readonly side: CatalogSide;
  /** 0–1. */
  readonly score: number;
  /** Painted regions in the point's essential zone. */
  readonly essential: readonly string[];
  /** Painted regions in its spillover zone (and not in its essential zone). */
  readonly spillover: readonly string[];
  /** Share of the painted regions the point's zones explain (spillover at half weight). */
  readonly coverage: number;
  /** Share of the point's essential zone that is painted. */
  readonly precision: number;
  /** Why the point is ranked where it is, in words. */
  readonly why: string;
}

export interface LookupIndex {
  readonly catalog: Catalog;
  readonly regionIds: ReadonlySet<string>;
  /** Per trigger point and side: its essential and spillover region ids. */
  readonly zones: readonly {
    readonly triggerPointId: string;
    readonly muscleId: string;
    readonly side: CatalogSide;
    readonly essential: ReadonlySet<string>;
    readonly spillover: ReadonlySet<string>;
  }[];
}

/** Resolves every trigger point's referral zones to region ids on both sides, once. */
export function lookupIndex(catalog: Catalog): LookupIndex {
  const zones = catalog.triggerPoints.flatMap((t) =>
    (['left', 'right'] as const).map((side) => ({
      triggerPointId: t.id,
      muscleId: t.muscleId,
      side,
      essential: new Set(regionIdsFor(t.referral.essential, side, catalog.regions)),
      spillover: new Set(regionIdsFor(t.referral.spillover, side, catalog.regions)),
    })),
  );
  return { catalog, regionIds: new Set(catalog.regions.map((r) => r.id)), zones };
}

export interface LookupOptions {
  /** How many candidates at most. */
  limit?: number;
}
export const LOOKUP_DEFAULTS: Required<LookupOptions> = { limit: 20 };

/**
 * Ranks the trigger points for pain in `regions` (region ids). Score = 0.75 × coverage + 0.25 ×
 * precision, where coverage counts each painted region in a point's essential zone as 1 and in
 * its spillover zone as 0.5, over the number of painted regions. Ties go to the point whose
 * essential zone explains more, then to catalog order. Unknown region ids are refused.
 */
export function lookup(
  index: LookupIndex,
  regions: readonly string[],
  options: LookupOptions = {},
): LookupCandidate[] {
  const { limit } = { ...LOOKUP_DEFAULTS, ...options };
  const unknown = regions.filter((r) => !index.regionIds.has(r));
  if (unknown.length > 0)
    throw new RangeError(`lookup: unknown region id(s): ${unknown.join(', ')}`);
  const pain = [...new Set(regions)];
  if (pain.length === 0) return [];
  const names = new Map(index.catalog.regions.map((r) => [r.id, r.name]));
  const out: (LookupCandidate & { order: number })[] = [];
  index.zones.forEach((z, order) => {
    const essential = pain.filter((r) => z.essential.has(r));
    const spillover = pain.filter((r) => !z.essential.has(r) && z.spillover.has(r));
    if (essential.length === 0 && spillover.length === 0) return;
    const coverage = (essential.length + SPILLOVER_WEIGHT * spillover.length) / pain.length;
    const precision = z.essential.size > 0 ? essential.length / z.essential.size : 0;
    const score = (1 - PRECISION_WEIGHT) * coverage + PRECISION_WEIGHT * precision;
    const list = (ids: readonly string[]) => ids.map((id) => names.get(id) ?? id).join(', ');
    const parts = [
      essential.length > 0 ? `refers essentially to ${list(essential)}` : '',
      spillover.length > 0 ? `spills over to ${list(spillover)}` : '',
    ].filter(Boolean);
    const why = `${parts.join('; ')}: explains ${Math.round(coverage * 100)}% of the pain; ${essential.length} of the ${z.essential.size} regions of its essential zone are painted.`;
    out.push({
      triggerPointId: z.triggerPointId,
      muscleId: z.muscleId,
      side: z.side,
      score: Math.round(score * 1000) / 1000,
      essential,
      spillover,
      coverage,
      precision,
      why,
      order,
    });
  });
  out.sort(
    (a, b) => b.score - a.score || b.essential.length - a.essential.length || a.order - b.order,
  );
  return out.slice(0, limit).map(({ order: _order, ...c }) => c);
}
