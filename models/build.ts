/**
 * The body generator: `npm run model`. Builds every structure from the anatomical parameters in
 * models/, makes the tissues disjoint (each structure minus the ones built before it), wraps them
 * in fat and skin, and writes public/models/body.glb with its manifest body.json (CONTRACTS §1–2).
 *
 * Runs only when its inputs changed (a content hash of models/ and the generator's packages);
 * `--force` rebuilds anyway.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateBody } from './generate.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'public', 'models');

function listFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? listFiles(p) : [p];
    });
}

export function inputHash(): string {
  const h = createHash('sha256');
  for (const f of listFiles(join(root, 'models'))) {
    h.update(relative(root, f));
    h.update(readFileSync(f));
  }
  for (const dep of ['manifold-3d', '@gltf-transform/core']) {
    const pkg = join(root, 'node_modules', dep, 'package.json');
    if (existsSync(pkg)) h.update(JSON.parse(readFileSync(pkg, 'utf8')).version as string);
  }
  // the manifest schema shapes the output too
  h.update(readFileSync(join(root, 'src/domain/body/manifest.ts')));
  return h.digest('hex').slice(0, 16);
}

async function main(): Promise<void> {
  const force = process.argv.includes('--force');
  const hash = inputHash();
  const manifestPath = join(outDir, 'body.json');
  const glbPath = join(outDir, 'body.glb');
  if (!force && existsSync(manifestPath) && existsSync(glbPath)) {
    try {
      const old = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
        version?: string;
        habitus?: { glb: string | null }[];
      };
      const filesThere = (old.habitus ?? []).every(
        (h) => !h.glb || existsSync(join(outDir, h.glb)),
      );
      if (old.version === hash && filesThere) {
        process.stderr.write(`model: up to date (${hash})\n`);
        return;
      }
    } catch {
      // unreadable manifest: rebuild
    }
  }
  const t0 = performance.now();
  const log = (msg: string) =>
    process.stderr.write(`model: ${((performance.now() - t0) / 1000).toFixed(1)}s ${msg}\n`);
  const { glb, manifest, extra } = await generateBody({ version: hash, log });
  mkdirSync(outDir, { recursive: true });
  for (const e of extra) writeFileSync(join(outDir, e.file), e.glb);
  writeFileSync(glbPath, glb);
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 1));
  log(
    `wrote ${relative(root, glbPath)} (${(glb.byteLength / 1e6).toFixed(2)} MB, ${manifest.structures.length} structures, ${manifest.structures.reduce((s, x) => s + x.triangles, 0)} triangles)`,
  );
}

// run only as a script, not when imported (tests import inputHash)
const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly)
  main().catch((err: unknown) => {
    process.stderr.write(
      `model: build failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exitCode = 1;
  });
