/**
 * The pure catalog loader: validates the raw JSON of `data/` against the record schemas, then makes
 * the cross-checks no single record can (ids unique, references resolve, depths sane). Every error
 * names the file, the path inside it and what was expected:
 * `data/muscles/trapezius.json: triggerPoints[0].needling.depthMm.max: expected number, received string`.
 */
import type { z } from 'zod';
import { ALL_STRUCTURE_IDS } from '../../../models/structures.ts';
import {
  CATALOG_SCHEMA_VERSION,
  muscleFileSchema,
  regionsFileSchema,
  type Catalog,
  type Muscle,
  type Region,
  type TriggerPoint,
} from './schema.ts';

export interface CatalogInput {
  /** The parsed `data/regions.json`. */
  readonly regions: unknown;
  /** Each parsed `data/muscles/*.json` with the path it came from (used in error messages). */
  readonly muscles: readonly { readonly file: string; readonly json: unknown }[];
  /** Path of the regions file for error messages. */
  readonly regionsFile?: string;
}

/** A catalog validation failure; `message` is `file: path: what was expected`. */
export class CatalogError extends Error {
  constructor(
    readonly file: string,
    readonly path: string,
    readonly expected: string,
  ) {
    super(`${file}: ${path}: ${expected}`);
    this.name = 'CatalogError';
  }
}

/** `['triggerPoints', 0, 'needling']` → `triggerPoints[0].needling`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(root)';
}

function parseWith<S extends z.ZodType>(schema: S, json: unknown, file: string): z.infer<S> {
  const r = schema.safeParse(json);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const message = (issue?.message ?? 'invalid').replace(/^Invalid input: /, '');
  throw new CatalogError(file, formatPath(issue?.path ?? []), message);
}

const SIDE_SUFFIX = /-(left|right)$/;

/** Structure stems of the model registry: paired stems map to true, unpaired ids to false. */
const STRUCTURE_IDS = new Set(ALL_STRUCTURE_IDS);
export function isPairedStructureStem(stem: string): boolean {
  return STRUCTURE_IDS.has(`${stem}-left`) && STRUCTURE_IDS.has(`${stem}-right`);
}

/** A side-less structure reference (danger, backstop) is a paired stem or an unpaired id. */
export function isStructureRef(ref: string): boolean {
  return !SIDE_SUFFIX.test(ref) && (isPairedStructureStem(ref) || STRUCTURE_IDS.has(ref));
}

/** The side-less stem of a full structure or region id. */
export function stemOf(id: string): string {
  return id.replace(SIDE_SUFFIX, '');
}

/**
 * Validates and cross-checks the catalog.
 * @throws CatalogError naming the file, the path and what was expected.
 */
export function loadCatalog(input: CatalogInput): Catalog {
  const regionsFile = input.regionsFile ?? 'data/regions.json';
  const { regions } = parseWith(regionsFileSchema, input.regions, regionsFile);

  const regionIds = new Set<string>();
  regions.forEach((r, i) => {
    const at = `regions[${i}]`;
    if (regionIds.has(r.id))
      throw new CatalogError(regionsFile, `${at}.id`, `duplicate region id "${r.id}"`);
    regionIds.add(r.id);
    const suffix = SIDE_SUFFIX.exec(r.id)?.[1];
    if (r.side === 'midline' ? suffix !== undefined : suffix !== r.side)
      throw new CatalogError(
        regionsFile,
        `${at}.id`,
        `expected the id to end in "-${r.side}" for side "${r.side}" (midline ids have no side suffix), received "${r.id}"`,
      );
  });
  regions.forEach((r, i) => {
    if (r.side === 'midline') return;
    const other = `${stemOf(r.id)}-${r.side === 'left' ? 'right' : 'left'}`;
    if (!regionIds.has(other))
      throw new CatalogError(
        regionsFile,
        `regions[${i}].id`,
        `expected the other side "${other}" to exist too`,
      );
  });
  const isRegionRef = (ref: string): boolean =>
    !SIDE_SUFFIX.test(ref) && (regionIds.has(`${ref}-left`) || regionIds.has(ref));

  const muscles: Muscle[] = [];
  const triggerPoints: TriggerPoint[] = [];
  const muscleIds = new Set<string>();
  const trpIds = new Set<string>();

  for (const { file, json } of input.muscles) {
    const parsed = parseWith(muscleFileSchema, json, file);
    const { muscle } = parsed;
    const fail = (path: string, expected: string): never => {
      throw new CatalogError(file, path, expected);
    };
    const base = file
      .split('/')
      .pop()
      ?.replace(/\.json$/, '');
    if (base !== undefined && base !== muscle.id)
      fail('muscle.id', `expected "${base}" to match the file name, received "${muscle.id}"`);
    if (muscleIds.has(muscle.id)) fail('muscle.id', `duplicate muscle id "${muscle.id}"`);
    muscleIds.add(muscle.id);
    muscle.structures.forEach((s, i) => {
      if (!STRUCTURE_IDS.has(s))
        fail(
          `muscle.structures[${i}]`,
          `expected a structure id of the model registry, received "${s}"`,
        );
    });
    const stems = new Set(muscle.structures.map(stemOf));

    const idsHere = parsed.triggerPoints.map((t) => t.id);
    if (idsHere.join('\n') !== muscle.triggerPointIds.join('\n'))
      fail(
        'muscle.triggerPointIds',
        `expected [${idsHere.join(', ')}] (the trigger points of this file, in order), received [${muscle.triggerPointIds.join(', ')}]`,
      );

    parsed.triggerPoints.forEach((t, i) => {
      const at = `triggerPoints[${i}]`;
      if (trpIds.has(t.id)) fail(`${at}.id`, `duplicate trigger point id "${t.id}"`);
      trpIds.add(t.id);
      if (t.muscleId !== muscle.id)
        fail(`${at}.muscleId`, `expected "${muscle.id}", received "${t.muscleId}"`);
      if (!stems.has(t.anchor.structure))
        fail(
          `${at}.anchor.structure`,
          `expected one of this muscle's structures (${[...stems].join(', ')}), received "${t.anchor.structure}"`,
        );
      for (const zone of ['essential', 'spillover'] as const) {
        t.referral[zone].forEach((ref, j) => {
          if (!isRegionRef(ref))
            fail(
              `${at}.referral.${zone}[${j}]`,
              `expected a region stem without side (e.g. "temple") or a midline region id, received "${ref}"`,
            );
        });
      }
      t.needling.dangers.forEach((ref, j) => {
        if (!isStructureRef(ref))
          fail(
            `${at}.needling.dangers[${j}]`,
            `expected a structure stem without side (e.g. "pleura") or an unpaired structure id, received "${ref}"`,
          );
      });
      if (t.needling.dangers.length === 0 && t.needling.dangersNote === undefined)
        fail(
          `${at}.needling.dangersNote`,
          'expected what the needle can reach, or why nothing, for a point that lists no danger',
        );
      const backstop = t.needling.directionRule.backstop;
      if (backstop !== undefined && !isStructureRef(backstop))
        fail(
          `${at}.needling.directionRule.backstop`,
          `expected a structure stem or unpaired id, received "${backstop}"`,
        );
      const { min, max } = t.needling.depthMm;
      if (min > max)
        fail(`${at}.needling.depthMm`, `expected min ≤ max, received min ${min} > max ${max}`);
      if (max > t.needling.needleLengthMm)
        fail(
          `${at}.needling.depthMm.max`,
          `expected at most the needle length (${t.needling.needleLengthMm} mm), received ${max}`,
        );
      triggerPoints.push(t);
    });
    muscles.push(muscle);
  }
  return { version: CATALOG_SCHEMA_VERSION, regions, muscles, triggerPoints };
}

/** Side of a trigger point instance. */
export type CatalogSide = 'left' | 'right';

/** The region ids a list of referral references means on one side (ipsilateral; midline stays). */
export function regionIdsFor(
  refs: readonly string[],
  side: CatalogSide,
  regions: readonly Region[],
): string[] {
  const ids = new Set(regions.map((r) => r.id));
  return refs.map((ref) => (ids.has(`${ref}-${side}`) ? `${ref}-${side}` : ref));
}

/** The structure ids a list of side-less structure references means on one side. */
export function structureIdsFor(refs: readonly string[], side: CatalogSide): string[] {
  return refs.map((ref) => (isPairedStructureStem(ref) ? `${ref}-${side}` : ref));
}
