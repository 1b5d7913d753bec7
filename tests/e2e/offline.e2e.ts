/**
 * Offline use after the first visit (the service worker built by vite-plugin-pwa precaches the
 * app shell and the body model), and a new version announced, never forced: the notice waits
 * for "Reload now".
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConsoleMessage, Page } from 'playwright-core';
import { testDistDir } from './harness.ts';
import type { E2EContext, E2ETest } from './types.ts';
import { assert, drawnFraction, waitForReady } from './page.ts';

const SW_TIMEOUT_MS = 60_000;
const NOTICE = 'A new version of Needlewise is ready.';

/** Waits until the page's service worker registration has an activated worker. */
async function waitForServiceWorker(page: Page): Promise<void> {
  const said: string[] = [];
  const onConsole = (m: ConsoleMessage) => {
    if (m.type() === 'warning' || m.type() === 'error') said.push(m.text());
  };
  page.on('console', onConsole);
  try {
    const deadline = Date.now() + SW_TIMEOUT_MS;
    for (;;) {
      const state = await page.evaluate(async () => {
        const reg = await navigator.serviceWorker.getRegistration();
        return reg?.active?.state ?? `none (installing: ${reg?.installing?.state ?? 'none'})`;
      });
      if (state === 'activated') return;
      if (Date.now() > deadline)
        throw new Error(
          `no activated service worker within ${SW_TIMEOUT_MS / 1000} s: ${state}; the page said: ${said.join(' | ') || 'nothing'}`,
        );
      await page.waitForTimeout(250);
    }
  } finally {
    page.off('console', onConsole);
  }
}

/** The precached URLs (pathnames, Workbox's revision parameter dropped). */
async function precachedPaths(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const out: string[] = [];
    for (const name of await caches.keys()) {
      if (!name.includes('precache')) continue;
      const cache = await caches.open(name);
      for (const req of await cache.keys()) out.push(new URL(req.url).pathname);
    }
    return out.sort();
  });
}

export const tests: E2ETest[] = [
  {
    name: 'after one visit the app loads and draws the body with no network',
    async run({ page, baseUrl, screenshot }) {
      await page.goto(baseUrl + '/', { waitUntil: 'load', timeout: 60_000 });
      await waitForReady(page);
      await waitForServiceWorker(page);
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
        timeout: SW_TIMEOUT_MS,
      });
      const cached = await precachedPaths(page);
      for (const p of [
        '/index.html',
        '/manifest.webmanifest',
        '/models/body.json',
        '/models/body.glb',
        '/models/body-lean.glb',
        '/models/body-high-bmi.glb',
        '/icons/icon-192.png',
      ])
        assert(
          cached.includes(p),
          `${p} is not precached; the precache holds ${cached.join(', ')}`,
        );
      // the first install is no update: no notice
      assert(
        (await page.getByText(NOTICE).count()) === 0,
        'the update notice shows on the first visit',
      );

      await page.context().setOffline(true);
      const modelResponses = new Map<string, boolean>();
      page.on('response', (r) => {
        const path = new URL(r.url()).pathname;
        if (path.startsWith('/models/')) modelResponses.set(path, r.fromServiceWorker());
      });
      await page.reload({ waitUntil: 'load', timeout: 60_000 });
      await waitForReady(page);

      // the network is really gone: what the service worker does not hold fails
      const probe = await page.evaluate(() =>
        fetch('/not-precached-probe.txt', { cache: 'no-store' }).then(
          (r) => `answered ${r.status}`,
          () => 'failed',
        ),
      );
      assert(probe === 'failed', `offline, an uncached request still ${probe}`);
      assert(
        await page.evaluate(() => navigator.serviceWorker.controller !== null),
        'the offline page is not controlled by the service worker',
      );
      for (const p of ['/models/body.json', '/models/body.glb'])
        assert(
          modelResponses.get(p) === true,
          `${p} was not served by the service worker (responses seen: ${JSON.stringify([...modelResponses])})`,
        );

      // a body build that was never opened online still loads
      await page.getByRole('tab', { name: 'Needle' }).click();
      await page.getByLabel('Body', { exact: true }).selectOption('lean');
      await page.waitForFunction(
        () =>
          (window.__needlewise?.getState() as unknown as { habitus?: string } | undefined)
            ?.habitus === 'lean',
        undefined,
        { timeout: 30_000 },
      );
      assert(
        modelResponses.get('/models/body-lean.glb') === true,
        'body-lean.glb was not served by the service worker',
      );

      const frac = await drawnFraction(page);
      await screenshot('offline.png');
      console.log(
        `      offline: ${cached.length} precached files; canvas pixels differing from the background: ${(frac * 100).toFixed(1)} %`,
      );
      assert(frac >= 0.02, `offline, only ${(frac * 100).toFixed(2)} % of the canvas is drawn`);
    },
  },
  {
    name: 'a new version is announced, not forced: "Later" keeps the lesson, "Reload now" switches',
    async run({ page, baseUrl, screenshot }) {
      await page.goto(baseUrl + '/', { waitUntil: 'load', timeout: 60_000 });
      await waitForReady(page);
      await waitForServiceWorker(page);

      // a new deployment: the server now answers a different sw.js (written into dist-e2e/ and put
      // back afterwards; `vite preview` reads files from disk on each request, and Playwright's
      // routing does not see the browser's service worker update checks)
      const swFile = join(testDistDir, 'sw.js');
      const original = readFileSync(swFile, 'utf8');
      writeFileSync(swFile, `${original}\n// the next version\n`);
      try {
        await newVersionFlow(page, screenshot);
      } finally {
        writeFileSync(swFile, original);
      }
    },
  },
];

async function newVersionFlow(page: Page, screenshot: E2EContext['screenshot']): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { lessonMarker: number }).lessonMarker = 42;
  });
  await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    await reg?.update();
  });

  const notice = page.getByRole('status').filter({ hasText: NOTICE });
  await notice.waitFor({ state: 'visible', timeout: SW_TIMEOUT_MS });
  await screenshot('offline-update-notice.png');
  const lessonGoesOn = () =>
    page.evaluate(() => (window as unknown as { lessonMarker?: number }).lessonMarker === 42);
  await page.waitForTimeout(2000);
  assert(await lessonGoesOn(), 'the page reloaded by itself');
  assert(
    await page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting),
    'no new service worker is waiting',
  );

  await notice.getByRole('button', { name: 'Later' }).click();
  await page.getByText(NOTICE).waitFor({ state: 'detached', timeout: 5000 });
  await page.waitForTimeout(1000);
  assert(await lessonGoesOn(), '"Later" reloaded the page');

  // the next load offers it again
  await page.reload({ waitUntil: 'load', timeout: 60_000 });
  await waitForReady(page);
  await notice.waitFor({ state: 'visible', timeout: SW_TIMEOUT_MS });
  await page.evaluate(() => {
    (window as unknown as { lessonMarker: number }).lessonMarker = 42;
  });

  // "Reload now": the new version takes over and the page reloads once
  const clicked = Date.now();
  await notice.getByRole('button', { name: 'Reload now' }).click();
  await page.waitForFunction(
    () => (window as unknown as { lessonMarker?: number }).lessonMarker === undefined,
    undefined,
    { timeout: 30_000 },
  );
  console.log(
    `      "Reload now" → reloaded after ${((Date.now() - clicked) / 1000).toFixed(1)} s`,
  );
  await waitForReady(page);
  const state = await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    return { waiting: !!reg?.waiting, controlled: !!navigator.serviceWorker.controller };
  });
  assert(!state.waiting && state.controlled, `after the reload: ${JSON.stringify(state)}`);
  await page.waitForTimeout(1500);
  assert((await page.getByText(NOTICE).count()) === 0, 'the notice is still shown');
}
