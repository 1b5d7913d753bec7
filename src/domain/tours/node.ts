/**
 * Reads the built-in tours from disk (Node only: tests, the CLI). The app uses `builtin.ts`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog } from '../catalog/schema.ts';
import { loadCatalogFromDisk, REPO_ROOT } from '../catalog/node.ts';
import { loadTourFiles, TourFileError } from './file.ts';
import type { Tour } from './schema.ts';

/** The file paths of the built-in tours under `root`, as shown in messages (`data/tours/x.json`). */
export function builtinTourFiles(root: string = REPO_ROOT): string[] {
  return readdirSync(join(root, 'data', 'tours'))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => `data/tours/${f}`);
}

/**
 * Loads and validates `data/tours/*.json` under `root` against the catalog and, when given, the
 * model's structure ids.
 */
export function loadToursFromDisk(
  root: string = REPO_ROOT,
  catalog: Catalog = loadCatalogFromDisk(root),
  structureIds?: ReadonlySet<string>,
): Tour[] {
  return loadTourFiles(
    builtinTourFiles(root).map((file) => {
      const text = readFileSync(join(root, file), 'utf8');
      try {
        return { file, json: JSON.parse(text) as unknown };
      } catch (err) {
        throw new TourFileError(file, [`(file): not JSON (${(err as Error).message})`]);
      }
    }),
    catalog,
    structureIds,
  );
}
