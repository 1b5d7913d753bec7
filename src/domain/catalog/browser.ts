/**
 * The catalog for the app, bundled by Vite from `data/` at build time. Kept apart from `node.ts`
 * so no Node module reaches the browser bundle.
 */
import { loadCatalog } from './load.ts';
import type { Catalog } from './schema.ts';

const regionModules = import.meta.glob<unknown>('/data/regions.json', {
  eager: true,
  import: 'default',
});
const muscleModules = import.meta.glob<unknown>('/data/muscles/*.json', {
  eager: true,
  import: 'default',
});

let cached: Catalog | undefined;

/** The validated catalog (validated once, on first use). */
export function browserCatalog(): Catalog {
  cached ??= loadCatalog({
    regions: regionModules['/data/regions.json'],
    regionsFile: 'data/regions.json',
    muscles: Object.keys(muscleModules)
      .sort()
      .map((key) => ({ file: key.slice(1), json: muscleModules[key] })),
  });
  return cached;
}
