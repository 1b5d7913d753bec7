/**
 * The built-in tours for the app, bundled by Vite from `data/tours/` at build time and validated
 * once against the catalog and the model's structure registry. Kept apart from `node.ts` so no
 * Node module reaches the browser bundle.
 */
import { ALL_STRUCTURE_IDS } from '../../../models/structures.ts';
import { browserCatalog } from '../catalog/browser.ts';
import { loadTourFiles } from './file.ts';
import type { Tour } from './schema.ts';

const tourModules = import.meta.glob<unknown>('/data/tours/*.json', {
  eager: true,
  import: 'default',
});

let cached: readonly Tour[] | undefined;

/** The validated built-in tours, in file-name order (validated once, on first use). */
export function builtinTours(): readonly Tour[] {
  cached ??= loadTourFiles(
    Object.keys(tourModules).map((key) => ({ file: key.slice(1), json: tourModules[key] })),
    browserCatalog(),
    new Set(ALL_STRUCTURE_IDS),
  );
  return cached;
}

/** A built-in tour by id. */
export function builtinTour(id: string): Tour | undefined {
  return builtinTours().find((t) => t.id === id);
}
