/**
 * Reading tour files: size first, then JSON, then the schema, then the catalog (every trigger
 * point and region named must exist) and, when the model's structure ids are given, the selected
 * structure. Each refusal names the file, the place in it and the problem, in one message:
 * `tour.json: steps[2].zones[0].triggerPointId: no trigger point "x" in the catalog`.
 */
import type { z } from 'zod';
import { formatPath } from '../catalog/load.ts';
import type { Catalog } from '../catalog/schema.ts';
import { capText, problemsLine, unrecognizedKeysMessage } from '../textFile.ts';
import {
  MAX_TOUR_FILE_BYTES,
  stepTriggerPoints,
  tourSchema,
  type Tour,
  type TourSource,
  type TourStep,
} from './schema.ts';

export class TourFileError extends Error {
  override readonly name = 'TourFileError';
  constructor(
    /** The file's name as the user knows it. */
    readonly file: string,
    /** Each problem as "path: message". */
    readonly problems: readonly string[],
  ) {
    super(problemsLine(file, problems));
  }
}

type Issue = z.core.$ZodIssue;

/**
 * Each issue as "path: message". A camera is one of two shapes; when neither fits, the problems
 * of the shape that came closer (fewer problems) are given, at their full paths, instead of zod's
 * bare "Invalid input". Unknown keys are named a few at a time, and each problem is capped in
 * length, so a file of 90,000 unknown keys still gives one short line.
 */
function issueProblems(issue: Issue, prefix: readonly PropertyKey[] = []): string[] {
  const path = [...prefix, ...issue.path];
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    const closest = issue.errors.reduce((best, e) => (e.length < best.length ? e : best));
    if (closest.length > 0) return closest.flatMap((i) => issueProblems(i, path));
  }
  const message =
    issue.code === 'unrecognized_keys' ? unrecognizedKeysMessage(issue.keys) : issue.message;
  return [capText(`${formatPath(path)}: ${message}`)];
}

function parseJson(text: string, file: string): unknown {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_TOUR_FILE_BYTES)
    throw new TourFileError(file, [
      `(file): ${bytes} bytes is more than the ${MAX_TOUR_FILE_BYTES} bytes allowed`,
    ]);
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new TourFileError(file, [`(file): not JSON (${(err as Error).message})`]);
  }
}

/**
 * The problems a schema-valid tour has against the catalog and, when given, the model's
 * structure ids.
 */
export function tourCatalogProblems(
  tour: Tour,
  catalog: Catalog,
  structureIds?: ReadonlySet<string>,
): string[] {
  const trps = new Set(catalog.triggerPoints.map((t) => t.id));
  const regions = new Set(catalog.regions.map((r) => r.id));
  const out: string[] = [];
  tour.steps.forEach((step, i) => {
    const at = `steps[${i}]`;
    step.zones?.forEach((z, k) => {
      if (!trps.has(z.triggerPointId))
        out.push(
          `${at}.zones[${k}].triggerPointId: no trigger point "${z.triggerPointId}" in the catalog`,
        );
    });
    if (step.needle && !trps.has(step.needle.triggerPointId))
      out.push(
        `${at}.needle.triggerPointId: no trigger point "${step.needle.triggerPointId}" in the catalog`,
      );
    step.painRegions?.forEach((r, k) => {
      if (!regions.has(r)) out.push(`${at}.painRegions[${k}]: no region "${r}" in the catalog`);
    });
    if (structureIds && step.selected !== undefined && !structureIds.has(step.selected))
      out.push(`${at}.selected: no structure "${step.selected}" in the model`);
  });
  return out;
}

/**
 * A tour file's text → the tour, or TourFileError naming the problems. `structureIds`, when
 * given, checks each step's selected structure against the model.
 */
export function parseTourFile(
  text: string,
  file: string,
  catalog: Catalog,
  structureIds?: ReadonlySet<string>,
): Tour {
  const json = parseJson(text, file);
  const r = tourSchema.safeParse(json);
  if (!r.success)
    throw new TourFileError(
      file,
      r.error.issues.flatMap((i) => issueProblems(i)),
    );
  const problems = tourCatalogProblems(r.data, catalog, structureIds);
  if (problems.length) throw new TourFileError(file, problems);
  return r.data;
}

/** The tour as a file's text (pretty JSON and a final newline; it reads back the same). */
export function tourToText(tour: Tour): string {
  return `${JSON.stringify(tour, null, 2)}\n`;
}

/**
 * What a step rests on: its own sources, then the catalog sources of every trigger point it
 * shows (zones and needle), each citation once, in that order. This is the list the player shows
 * under the caption.
 */
export function stepSources(step: TourStep, catalog: Catalog): TourSource[] {
  const byId = new Map(catalog.triggerPoints.map((t) => [t.id, t]));
  const out: TourSource[] = [];
  const seen = new Set<string>();
  const add = (s: { readonly citation: string; readonly url?: string | undefined }) => {
    if (seen.has(s.citation)) return;
    seen.add(s.citation);
    out.push(s.url === undefined ? { citation: s.citation } : { citation: s.citation, url: s.url });
  };
  step.sources?.forEach(add);
  for (const p of stepTriggerPoints(step)) byId.get(p.triggerPointId)?.sources.forEach(add);
  return out;
}

/**
 * The built-in tours from their files (`data/tours/<id>.json`), in file-name order: each parsed
 * and checked as an outside file would be, its id equal to its file name, no id twice.
 */
export function loadTourFiles(
  files: readonly { readonly file: string; readonly json: unknown }[],
  catalog: Catalog,
  structureIds?: ReadonlySet<string>,
): Tour[] {
  const seen = new Set<string>();
  return [...files]
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
    .map(({ file, json }) => {
      const tour = parseTourFile(JSON.stringify(json) ?? '', file, catalog, structureIds);
      const stem = file.replace(/^.*\//, '').replace(/\.json$/, '');
      if (tour.id !== stem)
        throw new TourFileError(file, [`id: "${tour.id}" differs from the file name "${stem}"`]);
      if (seen.has(tour.id))
        throw new TourFileError(file, [`id: another tour already has the id "${tour.id}"`]);
      seen.add(tour.id);
      return tour;
    });
}
