/**
 * Loads the generated model from public/models in Node (CLI, tests, benchmarks).
 * `NEEDLEWISE_MODEL_DIR` points at another folder holding body.glb and body.json.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readGlb, type MeshData } from './glb.ts';
import { parseManifest, type Manifest } from './manifest.ts';
import { BodyIndex } from './bodyIndex.ts';
import { habitusIds, withMeshes } from './habitus.ts';

export interface LoadedBody {
  manifest: Manifest;
  meshes: readonly MeshData[];
  index: BodyIndex;
}

const cached = new Map<string, LoadedBody>();

/**
 * The model, or one of its body builds (`habitus`, an id of the manifest's `habitus` list): the
 * main model's meshes with that build's skin and fat in place of its own.
 */
export function loadBodyFromDisk(root = process.cwd(), habitus = 'average'): LoadedBody {
  const hit = cached.get(habitus);
  if (hit) return hit;
  const dir = process.env['NEEDLEWISE_MODEL_DIR'] ?? join(root, 'public', 'models');
  if (habitus !== 'average') {
    const base = loadBodyFromDisk(root);
    const h = base.manifest.habitus?.find((x) => x.id === habitus);
    if (!h)
      throw new Error(
        `loadBodyFromDisk: no body build "${habitus}" (the model offers ${habitusIds(base.manifest).join(', ')})`,
      );
    const meshes = h.glb
      ? withMeshes(base.meshes, readGlb(readFileSync(join(dir, h.glb))))
      : base.meshes;
    const body = { manifest: base.manifest, meshes, index: new BodyIndex(meshes) };
    cached.set(habitus, body);
    return body;
  }
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
  const body = { manifest, meshes, index: new BodyIndex(meshes) };
  cached.set(habitus, body);
  return body;
}
