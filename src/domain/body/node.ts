/**
 * Loads the generated model from public/models in Node (CLI, tests, benchmarks).
 * `NEEDLEWISE_MODEL_DIR` points at another folder holding body.glb and body.json.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readGlb, type MeshData } from './glb.ts';
import { parseManifest, type Manifest } from './manifest.ts';
import { BodyIndex } from './bodyIndex.ts';

export interface LoadedBody {
  manifest: Manifest;
  meshes: MeshData[];
  index: BodyIndex;
}

let cached: LoadedBody | undefined;

export function loadBodyFromDisk(root = process.cwd()): LoadedBody {
  if (cached) return cached;
  const dir = process.env['NEEDLEWISE_MODEL_DIR'] ?? join(root, 'public', 'models');
  let manifestJson: unknown;
  let glb: Uint8Array;
  try {
    manifestJson = JSON.parse(readFileSync(join(dir, 'body.json'), 'utf8'));
    glb = readFileSync(join(dir, 'body.glb'));
  } catch (err) {
    throw new Error(
      `loadBodyFromDisk: ${dir}: the model is missing; run \`npm run model\` (${String(err)})`,
    );
  }
  const manifest = parseManifest(manifestJson, 'public/models/body.json');
  const meshes = readGlb(glb);
  cached = { manifest, meshes, index: new BodyIndex(meshes) };
  return cached;
}
