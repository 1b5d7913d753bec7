/**
 * The browser-test runner (`npm run test:e2e`): serves dist/ with `vite preview`, drives headless
 * Chromium (software WebGL) and runs every test in tests/e2e/*.e2e.ts. Prints one line per test
 * and finally `N passed, M failed`; exits non-zero if any failed. Screenshots go to screenshots/.
 */
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  ensureTestDist,
  findChromium,
  launchChromium,
  onSignal,
  root,
  startServer,
  testDistDir,
  type Server,
} from './harness.ts';
import type { E2EContext, E2ETest } from './types.ts';

const TEST_TIMEOUT_MS = 240_000;
const e2eDir = join(root, 'tests', 'e2e');
const shotDir = join(root, 'screenshots');

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms / 1000} s`)), ms);
  });
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
}

async function main(): Promise<number> {
  const filter = process.argv[2];
  const files = readdirSync(e2eDir)
    .filter((f) => f.endsWith('.e2e.ts'))
    .sort();
  const suites: { file: string; tests: E2ETest[] }[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(join(e2eDir, file)).href)) as { tests?: E2ETest[] };
    if (!Array.isArray(mod.tests)) throw new Error(`${file} does not export \`tests\``);
    suites.push({ file, tests: mod.tests });
  }

  findChromium(); // no browser: fail now, with the install hint, before any build or server
  ensureTestDist();
  mkdirSync(shotDir, { recursive: true });

  let server: Server | undefined;
  let browser: Browser | undefined;
  const cleanup = async () => {
    await browser?.close().catch(() => {});
    await server?.close().catch(() => {});
  };
  const unsubscribe = onSignal(cleanup);

  let passed = 0;
  let failed = 0;
  try {
    browser = await launchChromium();
    server = await startServer(testDistDir);
    for (const { file, tests } of suites) {
      for (const test of tests) {
        const label = `${file.replace(/\.e2e\.ts$/, '')} › ${test.name}`;
        if (filter && !label.includes(filter)) continue;
        const contexts: BrowserContext[] = [];
        const b = browser;
        const newPage = async (options?: Parameters<Browser['newContext']>[0]): Promise<Page> => {
          const c = await b.newContext(options);
          contexts.push(c);
          return c.newPage();
        };
        const consoleErrors: string[] = [];
        const start = Date.now();
        try {
          const page = await newPage({ viewport: { width: 1280, height: 800 } });
          page.on('pageerror', (e) => consoleErrors.push(String(e)));
          const ctx: E2EContext = {
            page,
            baseUrl: server.baseUrl,
            newPage,
            screenshot: async (name, p = page) => {
              await p.screenshot({ path: join(shotDir, name) });
            },
          };
          await withTimeout(test.run(ctx), TEST_TIMEOUT_MS, `test "${test.name}"`);
          passed++;
          console.log(`  ✓ ${label} (${((Date.now() - start) / 1000).toFixed(1)} s)`);
        } catch (err) {
          failed++;
          console.log(`  ✗ ${label} (${((Date.now() - start) / 1000).toFixed(1)} s)`);
          const msg = err instanceof Error ? (err.stack ?? err.message) : String(err);
          console.log(msg.replace(/^/gm, '      '));
          if (consoleErrors.length)
            console.log(`      page errors:\n        ${consoleErrors.join('\n        ')}`);
        } finally {
          for (const c of contexts) await c.close().catch(() => {});
        }
      }
    }
  } finally {
    await cleanup();
    unsubscribe();
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed > 0 || passed === 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
