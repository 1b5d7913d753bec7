/**
 * `npm run bench`: the project's figures (CONTRACTS §5). `--json` prints one JSON object; without
 * it, a table. Timings are medians over repeated runs.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BodyIndex } from '../src/domain/body/bodyIndex.ts';
import { readGlb } from '../src/domain/body/glb.ts';
import { parseManifest } from '../src/domain/body/manifest.ts';
import { mulberry32 } from '../src/domain/random.ts';
import { needleBody, simulateNeedle, skinEntry } from '../src/domain/needle/simulate.ts';
import { perpendicularDepthMap } from '../src/domain/needle/dangerMap.ts';
import { loadCatalogFromDisk } from '../src/domain/catalog/node.ts';
import { lookup, lookupIndex } from '../src/domain/lookup/lookup.ts';
import { regionIdsFor } from '../src/domain/catalog/load.ts';
import { regionPatches } from '../src/domain/regions/patches.ts';
import { paintZones } from '../src/domain/regions/zones.ts';
import { generateQuiz } from '../src/domain/quiz/generate.ts';
import { loadQuizWorldFromDisk } from '../src/domain/quiz/node.ts';
import { perfectAnswer, reachableByNeedle, scoreAnswer } from '../src/domain/quiz/score.ts';
import type { Answer, Question } from '../src/domain/quiz/schema.ts';
import type { QuizWorld } from '../src/domain/quiz/world.ts';
import {
  distDir,
  ensureDist,
  findChromium,
  launchChromium,
  READY_TIMEOUT_MS,
  root,
  startServer,
} from '../tests/e2e/harness.ts';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

function jsInitialGzipBytes(): number {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="\/?([^"]+\.js)"/g)].map((m) => m[1]!);
  return refs.reduce((sum, f) => sum + gzipSync(readFileSync(join(distDir, f))).length, 0);
}

function modelFigures() {
  const dir = join(root, 'public', 'models');
  const glb = readFileSync(join(dir, 'body.glb'));
  const json = readFileSync(join(dir, 'body.json'));
  const manifest = parseManifest(JSON.parse(json.toString('utf8')));
  return {
    glb,
    manifest: JSON.parse(json.toString('utf8')) as unknown,
    modelTransferBytes: gzipSync(glb).length + gzipSync(json).length,
    modelRawBytes: statSync(join(dir, 'body.glb')).size + json.length,
    modelTriangles: manifest.structures.reduce((s, x) => s + x.triangles, 0),
  };
}

function timeModelBuild(force: boolean): number {
  const t0 = performance.now();
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(root, 'models/build.ts'), ...(force ? ['--force'] : [])],
    { cwd: root, stdio: 'ignore' },
  );
  if (r.status !== 0) throw new Error('bench: the model build failed');
  return Math.round(performance.now() - t0);
}

/**
 * Picking: 500 seeded rays from a sphere of radius 2.5 m around (0, 0.9, 0) toward random points
 * in the body's bounding box; median microseconds to find the nearest hit among all meshes.
 */
function pickMedianUs(glb: Uint8Array): number {
  const index = new BodyIndex(readGlb(glb));
  const lo = [Infinity, Infinity, Infinity];
  const hi = [-Infinity, -Infinity, -Infinity];
  for (const m of index.meshes) {
    for (let k = 0; k < 3; k++) {
      const a = m.box.min.getComponent(k);
      const b = m.box.max.getComponent(k);
      lo[k] = Math.min(lo[k]!, a);
      hi[k] = Math.max(hi[k]!, b);
    }
  }
  const rnd = mulberry32(1);
  const times: number[] = [];
  let hits = 0;
  for (let i = 0; i < 500; i++) {
    // uniform direction on the sphere
    const z = rnd() * 2 - 1;
    const phi = rnd() * Math.PI * 2;
    const r = Math.sqrt(1 - z * z);
    const origin: [number, number, number] = [
      2.5 * r * Math.cos(phi),
      0.9 + 2.5 * z,
      2.5 * r * Math.sin(phi),
    ];
    const target = [0, 1, 2].map((k) => lo[k]! + rnd() * (hi[k]! - lo[k]!));
    const dir: [number, number, number] = [
      target[0]! - origin[0],
      target[1]! - origin[1],
      target[2]! - origin[2],
    ];
    const t0 = performance.now();
    const hit = index.raycastFirst(origin, dir);
    times.push((performance.now() - t0) * 1000);
    if (hit) hits++;
  }
  if (hits < 250) {
    process.stderr.write(
      `bench: warning: only ${hits} of 500 picking rays hit the body; pickMedianUs measures misses\n`,
    );
  }
  return Math.round(median(times));
}

/**
 * The needle: 300 seeded needles perpendicular to the skin of the trunk, 10–70 mm deep; median
 * microseconds for every tissue, the nearest danger and the verdict.
 */
function needleMedianUs(index: BodyIndex, manifestJson: unknown): number {
  const body = needleBody(index, parseManifest(manifestJson).structures);
  const skin = index.get('skin')!.geometry.getAttribute('position');
  const rnd = mulberry32(2);
  const times: number[] = [];
  while (times.length < 300) {
    const v = Math.floor(rnd() * skin.count);
    const p: [number, number, number] = [skin.getX(v), skin.getY(v), skin.getZ(v)];
    if (p[1] < 0.9 || p[1] > 1.5 || Math.abs(p[0]) > 0.2) continue;
    const e = skinEntry(index, p);
    const depthMm = 10 + rnd() * 60;
    const t0 = performance.now();
    try {
      simulateNeedle(body, { entry: e.point, direction: e.inward, depthMm });
    } catch (err) {
      // where the arm touches the chest the skin is pinched, and which side is "in" can differ
      // between the vertex and its snapped point: the simulator refuses such a needle; not timed
      if (err instanceof RangeError) continue;
      throw err;
    }
    times.push((performance.now() - t0) * 1000);
  }
  return Math.round(median(times));
}

/** The lung-field depth map over the whole skin, as the app builds it at load: median of 5. */
function depthMapMs(index: BodyIndex, glb: Uint8Array): number {
  const skin = readGlb(glb).find((m) => m.id === 'skin')!;
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    perpendicularDepthMap(index, skin);
    times.push(performance.now() - t0);
  }
  return Math.round(median(times));
}

/** Reverse lookup over every trigger point: 500 seeded pain maps of 1–5 regions, median µs. */
function lookupMedianUs(): number {
  const catalog = loadCatalogFromDisk();
  const index = lookupIndex(catalog);
  const ids = catalog.regions.map((r) => r.id);
  const rnd = mulberry32(3);
  const times: number[] = [];
  for (let i = 0; i < 500; i++) {
    const pain = Array.from(
      { length: 1 + Math.floor(rnd() * 5) },
      () => ids[Math.floor(rnd() * ids.length)]!,
    );
    const t0 = performance.now();
    lookup(index, pain);
    times.push((performance.now() - t0) * 1000);
  }
  return Math.round(median(times));
}

/**
 * Repainting the zones after a selection: 50 seeded selections of 1–4 trigger points, the
 * per-vertex paint of the whole skin (what the scene uploads), median milliseconds.
 */
function zoneRepaintMs(glb: Uint8Array, manifestJson: unknown): number {
  const catalog = loadCatalogFromDisk();
  const meshes = readGlb(glb);
  const skin = meshes.find((m) => m.id === 'skin')!;
  const fat = meshes.find((m) => m.id === 'subcutaneous-fat');
  const patches = regionPatches(skin, catalog.regions, parseManifest(manifestJson).landmarks, fat);
  const n = skin.positions.length / 3;
  const rnd = mulberry32(4);
  const times: number[] = [];
  for (let i = 0; i < 50; i++) {
    const zones = Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => {
      const t = catalog.triggerPoints[Math.floor(rnd() * catalog.triggerPoints.length)]!;
      const side = rnd() < 0.5 ? 'left' : 'right';
      return {
        essential: regionIdsFor(t.referral.essential, side, catalog.regions),
        spillover: regionIdsFor(t.referral.spillover, side, catalog.regions),
        rgb: [1, 0, 0] as const,
      };
    });
    const t0 = performance.now();
    paintZones(n, patches, zones);
    times.push(performance.now() - t0);
  }
  return Math.round(median(times) * 100) / 100;
}

/**
 * The quiz engine's world with every trigger point placed on both sides and its needle line
 * found, as in the app once a few quizzes have run (the timings below measure that state).
 */
function warmQuizWorld(): QuizWorld {
  const world = loadQuizWorldFromDisk();
  for (const t of world.catalog.triggerPoints)
    for (const side of ['left', 'right'] as const) {
      world.place(t.id, side);
      world.recommended(t.id, side);
      world.zone(t.id, side);
      reachableByNeedle(world, t.id, side);
    }
  return world;
}

/** A plausible wrong or half-right answer: what a trainee gives, next to the perfect one. */
function perturbedAnswer(world: QuizWorld, q: Question, a: Answer, rnd: () => number): Answer {
  const jitter = (m: number) => (rnd() * 2 - 1) * m;
  switch (a.type) {
    case 'locate':
      return {
        ...a,
        point: [a.point[0] + jitter(0.04), a.point[1] + jitter(0.04), a.point[2] + jitter(0.04)],
      };
    case 'name-muscle':
    case 'structure-at-risk': {
      const choices = 'choices' in q ? q.choices : [];
      const wrong = choices.filter(
        (c) => c !== (a.type === 'name-muscle' ? a.muscleId : a.structureId),
      );
      const c = wrong[Math.floor(rnd() * wrong.length)] ?? choices[0]!;
      return a.type === 'name-muscle' ? { ...a, muscleId: c } : { ...a, structureId: c };
    }
    case 'paint-zone': {
      const ids = world.catalog.regions.map((r) => r.id);
      return { ...a, regions: [...a.regions.slice(1), ids[Math.floor(rnd() * ids.length)]!] };
    }
    case 'pick-trigger-points': {
      const choices = q.type === 'pick-trigger-points' ? q.choices : a.picks;
      const picks = choices.filter(() => rnd() < 0.5);
      return { ...a, picks: picks.length ? picks : [choices[0]!] };
    }
    case 'needle':
      return {
        ...a,
        direction: [
          a.direction[0] + jitter(0.15),
          a.direction[1] + jitter(0.15),
          a.direction[2] + jitter(0.15),
        ],
        depthMm: Math.max(0, Math.min(100, a.depthMm + jitter(5))),
      };
  }
}

/**
 * Scoring one answer on the model: a seeded 30-question quiz of every type on a warm world, a
 * perfect and a perturbed answer to each question, scored over 5 rounds (after one unmeasured);
 * median microseconds per answer.
 */
function scoreMedianUs(world: QuizWorld): number {
  const quiz = generateQuiz(world, { seed: 30, count: 30 });
  const rnd = mulberry32(6);
  const pairs: { q: Question; a: Answer }[] = [];
  for (const q of quiz.questions) {
    const a = perfectAnswer(world, q);
    if (a) pairs.push({ q, a }, { q, a: perturbedAnswer(world, q, a, rnd) });
  }
  const times: number[] = [];
  for (let round = 0; round < 6; round++)
    for (const { q, a } of pairs) {
      const t0 = performance.now();
      scoreAnswer(world, q, a);
      if (round > 0) times.push((performance.now() - t0) * 1000);
    }
  return Math.round(median(times));
}

/**
 * Generating a 50-question quiz of every type on a warm world: 9 seeds (after one unmeasured),
 * median milliseconds.
 */
function quizGenerate50Ms(world: QuizWorld): number {
  generateQuiz(world, { seed: 499, count: 50 }); // unmeasured: the first run compiles
  const times: number[] = [];
  for (let seed = 500; seed < 509; seed++) {
    const t0 = performance.now();
    generateQuiz(world, { seed, count: 50 });
    times.push(performance.now() - t0);
  }
  return Math.round(median(times) * 10) / 10;
}

async function timeToReadyMs(): Promise<number> {
  const browser = await launchChromium();
  const server = await startServer().catch(async (err: unknown) => {
    await browser.close();
    throw err;
  });
  try {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await ctx.newPage();
      const t0 = performance.now();
      await page.goto(server.baseUrl + '/');
      await page.waitForFunction(() => document.body.dataset.sceneReady === 'true', null, {
        timeout: READY_TIMEOUT_MS,
      });
      times.push(performance.now() - t0);
      await ctx.close();
    }
    return Math.round(median(times));
  } finally {
    await browser.close();
    await server.close();
  }
}

function quizFigures() {
  const world = warmQuizWorld();
  return { scoreMedianUs: scoreMedianUs(world), quizGenerate50Ms: quizGenerate50Ms(world) };
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  findChromium(); // no browser: fail at once with the install hint, before minutes of work
  const cold = timeModelBuild(true);
  const warm = timeModelBuild(false);
  ensureDist();
  const m = modelFigures();
  const index = new BodyIndex(readGlb(m.glb));
  const out = {
    jsInitialGzipBytes: jsInitialGzipBytes(),
    timeToReadyMs: await timeToReadyMs(),
    modelBuildColdMs: cold,
    modelBuildWarmMs: warm,
    modelTransferBytes: m.modelTransferBytes,
    modelRawBytes: m.modelRawBytes,
    modelTriangles: m.modelTriangles,
    pickMedianUs: pickMedianUs(m.glb),
    needleMedianUs: needleMedianUs(index, m.manifest),
    depthMapMs: depthMapMs(index, m.glb),
    lookupMedianUs: lookupMedianUs(),
    zoneRepaintMs: zoneRepaintMs(m.glb, m.manifest),
    ...quizFigures(),
  };
  if (json) process.stdout.write(`${JSON.stringify(out)}\n`);
  else for (const [k, v] of Object.entries(out)) process.stdout.write(`${k.padEnd(22)} ${v}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
