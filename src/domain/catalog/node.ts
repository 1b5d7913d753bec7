/**
 * Reads the catalog from disk (Node only: the CLI, tests, benchmarks). The app uses `browser.ts`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCatalog } from './load.ts';
import type { Catalog } from './schema.ts';

/** The repository root (this file is src/domain/catalog/node.ts). */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function readJson(path: string, shown: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (err) {
    throw new Error(
      `${shown}: (file): expected readable JSON, ${err instanceof Error ? err.message : String(err)}`,
    );
  }
}

/** Loads and validates `data/regions.json` and `data/muscles/*.json` under `root`. */
export function loadCatalogFromDisk(root: string = REPO_ROOT): Catalog {
  const show = (p: string) => relative(root, p).split('\\').join('/');
  const regionsPath = join(root, 'data', 'regions.json');
  const dir = join(root, 'data', 'muscles');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  return loadCatalog({
    regions: readJson(regionsPath, show(regionsPath)),
    regionsFile: show(regionsPath),
    muscles: files.map((f) => {
      const path = join(dir, f);
      return { file: show(path), json: readJson(path, show(path)) };
    }),
  });
}
