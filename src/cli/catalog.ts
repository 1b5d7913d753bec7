/**
 * `needlewise catalog [--json] [--manifest FILE]`: the whole clinical catalog (CONTRACTS §3).
 * Trigger point positions come from the model manifest's landmarks; without a manifest they are
 * null and a note goes to stderr.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseManifest } from '../domain/body/manifest.ts';
import { regionIdsFor, structureIdsFor, type CatalogSide } from '../domain/catalog/load.ts';
import { loadCatalogFromDisk, REPO_ROOT } from '../domain/catalog/node.ts';
import { missingLandmarks, resolveBothSides, type LandmarkMap } from '../domain/catalog/resolve.ts';
import { placeTriggerPoint, type Placement } from '../domain/catalog/placement.ts';
import { loadBodyFromDisk } from '../domain/body/node.ts';
import {
  CATALOG_SCHEMA_VERSION,
  type Catalog,
  type TriggerPoint,
} from '../domain/catalog/schema.ts';
import { CliError } from './errors.ts';
import { readInputText, STDIN } from './files.ts';
import { oneLine, printJson, printNote, printText } from './output.ts';

const SIDES: readonly CatalogSide[] = ['left', 'right'];
/** The largest model manifest read (the built one is under 100 kB). */
const MAX_MANIFEST_BYTES = 20_000_000;

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}

/** One trigger point in the CONTRACTS §3 shape, plus the catalog's extra fields. */
/** Places a trigger point's anchor on the model (inside its muscle) for one side. */
export type Placer = (t: TriggerPoint, side: CatalogSide) => Placement | null;

export function triggerPointJson(
  t: TriggerPoint,
  catalog: Catalog,
  landmarks: LandmarkMap | null,
  place?: Placer,
) {
  const bySide = Object.fromEntries(
    SIDES.map((s) => [
      s,
      {
        essential: regionIdsFor(t.referral.essential, s, catalog.regions),
        spillover: regionIdsFor(t.referral.spillover, s, catalog.regions),
        dangers: structureIdsFor(t.needling.dangers, s),
      },
    ]),
  ) as Record<CatalogSide, { essential: string[]; spillover: string[]; dangers: string[] }>;
  const surface = landmarks ? resolveBothSides(t.anchor, landmarks) : { left: null, right: null };
  const placed = place
    ? { left: place(t, 'left'), right: place(t, 'right') }
    : { left: null, right: null };
  // inside the muscle when the model is at hand; else the anchor's surface point
  const position = place
    ? { left: placed.left?.point ?? null, right: placed.right?.point ?? null }
    : surface;
  const skinPosition = place
    ? { left: placed.left?.skin ?? null, right: placed.right?.skin ?? null }
    : surface;
  return {
    id: t.id,
    muscleId: t.muscleId,
    name: t.name,
    ...(t.label ? { label: t.label } : {}),
    location: t.location,
    position,
    skinPosition,
    anchor: t.anchor,
    referral: {
      essential: union(bySide.left.essential, bySide.right.essential),
      spillover: union(bySide.left.spillover, bySide.right.spillover),
      bySide: {
        left: { essential: bySide.left.essential, spillover: bySide.left.spillover },
        right: { essential: bySide.right.essential, spillover: bySide.right.spillover },
      },
      stems: { essential: t.referral.essential, spillover: t.referral.spillover },
      symptoms: t.referral.symptoms,
      presentations: t.referral.presentations,
    },
    needling: {
      ...t.needling,
      dangers: union(bySide.left.dangers, bySide.right.dangers),
      dangersBySide: { left: bySide.left.dangers, right: bySide.right.dangers },
      dangerStems: t.needling.dangers,
    },
    sources: t.sources,
    evidence: t.evidence,
    ...(t.disputes ? { disputes: t.disputes } : {}),
    ...(t.notes ? { notes: t.notes } : {}),
  };
}

/** The whole `catalog --json` document. */
export function catalogJson(catalog: Catalog, landmarks: LandmarkMap | null, place?: Placer) {
  return {
    schemaVersion: CATALOG_SCHEMA_VERSION,
    positionsResolved: landmarks !== null,
    positionsInMuscle: place !== undefined,
    muscles: catalog.muscles,
    triggerPoints: catalog.triggerPoints.map((t) => triggerPointJson(t, catalog, landmarks, place)),
    regions: catalog.regions,
  };
}

function readLandmarks(path: string): LandmarkMap | null {
  if (path !== STDIN && !existsSync(path)) return null;
  const text = readInputText(path, MAX_MANIFEST_BYTES);
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch (err) {
    throw new CliError(`${path}: (file): not JSON (${oneLine((err as Error).message)})`);
  }
  return parseManifest(json, path).landmarks;
}

export async function run(args: readonly string[]): Promise<number> {
  const json = args.includes('--json');
  const mi = args.indexOf('--manifest');
  const manifestPath =
    mi >= 0 && args[mi + 1] ? args[mi + 1]! : join(REPO_ROOT, 'public', 'models', 'body.json');
  const catalog = loadCatalogFromDisk();
  const landmarks = readLandmarks(manifestPath);
  if (!landmarks)
    printNote(
      `needlewise catalog: no model manifest at ${manifestPath}; trigger point positions are null\n`,
    );
  if (landmarks) {
    const missing = new Set(
      catalog.triggerPoints.flatMap((t) =>
        SIDES.flatMap((s) => missingLandmarks(t.anchor, s, landmarks)),
      ),
    );
    if (missing.size > 0)
      printNote(
        `needlewise catalog: the manifest lacks ${missing.size} landmark(s) (${[...missing].slice(0, 5).join(', ')}${missing.size > 5 ? ', …' : ''}); those positions are null\n`,
      );
  }
  if (json) {
    let place: Placer | undefined;
    if (landmarks && existsSync(join(REPO_ROOT, 'public', 'models', 'body.glb'))) {
      const { index } = loadBodyFromDisk(REPO_ROOT);
      place = (t, side) => placeTriggerPoint(t, side, landmarks, index);
    }
    printJson(catalogJson(catalog, landmarks, place));
    return 0;
  }
  const lines = [
    `Catalog (schema v${CATALOG_SCHEMA_VERSION}): ${catalog.muscles.length} muscles, ${catalog.triggerPoints.length} trigger points, ${catalog.regions.length} regions`,
    '',
  ];
  const byId = new Map(catalog.triggerPoints.map((t) => [t.id, t]));
  for (const m of catalog.muscles) {
    lines.push(`${m.name}`);
    for (const id of m.triggerPointIds) {
      const t = byId.get(id);
      if (!t) continue;
      const d = t.needling.depthMm;
      lines.push(
        `  ${t.id.padEnd(36)} refers to ${t.referral.essential.join(', ')}; depth ${d.min}–${d.max} mm; ${t.evidence}`,
      );
    }
  }
  printText(`${lines.join('\n')}\n`);
  return 0;
}
