/**
 * What the quiz engine measures against: the catalog, the lookup engine, the needle simulator on
 * the model, and each trigger point's place on the model (computed on first use, then kept). The
 * app builds one from its loaded body, the command line from the files on disk.
 */
import { regionIdsFor, type CatalogSide } from '../catalog/load.ts';
import { placeTriggerPoint, type Placement } from '../catalog/placement.ts';
import { recommendedNeedle, type RecommendedNeedle } from '../catalog/needlePath.ts';
import type { LandmarkMap } from '../catalog/resolve.ts';
import type { Catalog, Muscle, TriggerPoint } from '../catalog/schema.ts';
import { lookupIndex, type LookupIndex } from '../lookup/lookup.ts';
import type { NeedleBody } from '../needle/simulate.ts';
import { distanceAlongSkin } from '../body/skinDistance.ts';
import type { BodyVec3 } from '../units.ts';

export interface QuizWorld {
  readonly catalog: Catalog;
  readonly lookup: LookupIndex;
  readonly body: NeedleBody;
  /** The model's landmarks (CONTRACTS §2). */
  readonly landmarks: LandmarkMap;
  triggerPoint(id: string): TriggerPoint | undefined;
  muscle(id: string): Muscle | undefined;
  /** The point's place on the model on one side, or null where the model cannot hold it. */
  place(triggerPointId: string, side: CatalogSide): Placement | null;
  /** The catalog's recommended needle for the point on the model. */
  recommended(triggerPointId: string, side: CatalogSide): RecommendedNeedle | null;
  /** Its essential and spillover zones as region ids on that side. */
  zone(
    triggerPointId: string,
    side: CatalogSide,
  ): { essential: readonly string[]; spillover: readonly string[] };
  /** Metres along the skin between two points (Infinity beyond `cutoff` metres). */
  skinDistance(a: BodyVec3, b: BodyVec3, cutoff?: number): number;
}

export interface QuizWorldOptions {
  /** Placements already computed (the app has them); missing ones are computed on demand. */
  placements?: ReadonlyMap<string, Placement | null>;
}

const key = (id: string, side: CatalogSide) => `${id}:${side}`;

export function quizWorld(
  catalog: Catalog,
  body: NeedleBody,
  landmarks: LandmarkMap,
  options: QuizWorldOptions = {},
): QuizWorld {
  const trps = new Map(catalog.triggerPoints.map((t) => [t.id, t]));
  const muscles = new Map(catalog.muscles.map((m) => [m.id, m]));
  const placed = new Map<string, Placement | null>(options.placements ?? []);
  const recs = new Map<string, RecommendedNeedle | null>();
  const zones = new Map<string, { essential: string[]; spillover: string[] }>();
  const lookup = lookupIndex(catalog);
  const world: QuizWorld = {
    catalog,
    lookup,
    body,
    landmarks,
    triggerPoint: (id) => trps.get(id),
    muscle: (id) => muscles.get(id),
    place(id, side) {
      const k = key(id, side);
      if (!placed.has(k)) {
        const t = trps.get(id);
        placed.set(k, t ? placeTriggerPoint(t, side, landmarks, body.index) : null);
      }
      return placed.get(k) ?? null;
    },
    recommended(id, side) {
      const k = key(id, side);
      if (!recs.has(k)) {
        const t = trps.get(id);
        const p = world.place(id, side);
        recs.set(k, t && p ? recommendedNeedle(body, t.needling, side, p) : null);
      }
      return recs.get(k) ?? null;
    },
    zone(id, side) {
      const k = key(id, side);
      let z = zones.get(k);
      if (!z) {
        const t = trps.get(id);
        z = t
          ? {
              essential: regionIdsFor(t.referral.essential, side, catalog.regions),
              spillover: regionIdsFor(t.referral.spillover, side, catalog.regions),
            }
          : { essential: [], spillover: [] };
        zones.set(k, z);
      }
      return z;
    },
    skinDistance: (a, b, cutoff) => distanceAlongSkin(body.index, a, b, cutoff),
  };
  return world;
}
