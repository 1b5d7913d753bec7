/**
 * Shared helpers for the browser tests (tests/e2e/run.ts) and the benchmarks (bench/run.ts):
 * find Chromium, make sure dist/ exists, serve it with `vite preview` on a free port, launch
 * headless Chromium with software WebGL.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const distDir = join(root, 'dist');

/** Software WebGL draws only a few frames per second: be generous. */
export const READY_TIMEOUT_MS = 120_000;

/**
 * The Chromium to drive: $CHROMIUM_PATH when set (a set path that does not exist is an error, not
 * a reason to drive some other browser), else /usr/bin/chromium. Throws a clear error if none.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const hint =
    'Install it with `apt-get install chromium` or set CHROMIUM_PATH to a Chromium binary.';
  const set = env.CHROMIUM_PATH;
  if (set) {
    if (existsSync(set)) return set;
    throw new Error(`No Chromium found: $CHROMIUM_PATH is ${set}, which does not exist. ${hint}`);
  }
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  throw new Error(
    `No Chromium found: $CHROMIUM_PATH is unset and /usr/bin/chromium is missing. ${hint}`,
  );
}

function run(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`\`${cmd} ${args.join(' ')}\` failed (exit ${r.status})`);
}

/** Builds the app (model first, a no-op when unchanged) if dist/index.html is missing. */
export function ensureDist(): void {
  if (existsSync(join(distDir, 'index.html'))) return;
  console.log('dist/index.html is missing: building the app…');
  run('npx', ['tsx', 'models/build.ts']);
  run('npx', ['vite', 'build']);
}

/**
 * The build the browser tests drive: the app with its test API (`window.__needlewise`, which can
 * read a quiz's answers, so a production build never has it), in dist-e2e/. Built afresh on every
 * run from the sources as they are (NEEDLEWISE_E2E_REUSE=1 keeps an existing one).
 */
export const testDistDir = join(root, 'dist-e2e');

export function ensureTestDist(): void {
  if (process.env.NEEDLEWISE_E2E_REUSE === '1' && existsSync(join(testDistDir, 'index.html')))
    return;
  run('npx', ['tsx', 'models/build.ts']);
  const r = spawnSync('npx', ['vite', 'build', '--outDir', testDistDir, '--emptyOutDir'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, VITE_NEEDLEWISE_TEST_API: '1' },
  });
  if (r.status !== 0)
    throw new Error(`the test build (vite build --outDir dist-e2e) failed (exit ${r.status})`);
}

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

export interface Server {
  readonly baseUrl: string;
  close(): Promise<void>;
}

/** Serves a build (dist/ by default) with `vite preview` on a free localhost port; resolves once it answers. */
export async function startServer(dir: string = distDir): Promise<Server> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const viteBin = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const child: ChildProcess = spawn(
    process.execPath,
    [
      viteBin,
      'preview',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
      '--outDir',
      dir,
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], detached: process.platform !== 'win32' },
  );
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  let exited = false;
  child.on('exit', () => (exited = true));

  const close = async () => {
    if (exited || child.pid === undefined) return;
    const done = new Promise<void>((r) => child.once('exit', () => r()));
    try {
      // kill the whole process group (vite may have children)
      if (process.platform !== 'win32') process.kill(-child.pid, 'SIGTERM');
      else child.kill('SIGTERM');
    } catch {
      child.kill('SIGTERM');
    }
    const timer = setTimeout(() => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* gone already */
      }
    }, 3000);
    await done;
    clearTimeout(timer);
  };

  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`vite preview exited early:\n${output}`);
    try {
      const res = await fetch(baseUrl + '/');
      if (res.ok) return { baseUrl, close };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await close();
  throw new Error(`vite preview did not answer on ${baseUrl} within 30 s:\n${output}`);
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

/** Headless Chromium with software WebGL (SwiftShader). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });
}

/** Runs `cleanup` on SIGINT/SIGTERM, so no server or browser outlives us; returns an unsubscribe. */
export function onSignal(cleanup: () => Promise<void>): () => void {
  const handler = (sig: NodeJS.Signals) => {
    void cleanup().finally(() => process.exit(sig === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}
