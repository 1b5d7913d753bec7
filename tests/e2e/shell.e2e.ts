/** The app shell in a real browser: it draws the body, works on a phone, explains missing WebGL. */
import type { Page } from 'playwright-core';
import { READY_TIMEOUT_MS } from './harness.ts';
import type { E2ETest } from './types.ts';

function assert(cond: unknown, message: string): asserts cond {
  if (!cond) throw new Error(message);
}

async function waitForReady(page: Page): Promise<void> {
  await page.waitForFunction(() => document.body.dataset.sceneReady === 'true', undefined, {
    timeout: READY_TIMEOUT_MS,
    polling: 250,
  });
}

/**
 * Share of the canvas's pixels that differ clearly from its top-left corner (the background),
 * measured on a real screenshot (WebGL's drawing buffer is not readable without
 * preserveDrawingBuffer). The PNG is decoded by the page itself through a 2D canvas.
 */
async function drawnFraction(page: Page): Promise<number> {
  const canvas = page.locator('canvas').first();
  await canvas.waitFor({ state: 'visible', timeout: 30_000 });
  const box = await canvas.boundingBox();
  assert(box && box.width > 10 && box.height > 10, 'the 3D canvas has no size');
  const png = await page.screenshot({ clip: box });
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.naturalWidth;
    c.height = img.naturalHeight;
    const g = c.getContext('2d');
    if (!g) throw new Error('no 2D context');
    g.drawImage(img, 0, 0);
    const { data } = g.getImageData(0, 0, c.width, c.height);
    const [r0, g0, b0] = [data[0] ?? 0, data[1] ?? 0, data[2] ?? 0];
    let differ = 0;
    for (let i = 0; i < data.length; i += 4) {
      const d =
        Math.abs((data[i] ?? 0) - r0) +
        Math.abs((data[i + 1] ?? 0) - g0) +
        Math.abs((data[i + 2] ?? 0) - b0);
      if (d > 30) differ++;
    }
    return differ / (data.length / 4);
  }, png.toString('base64'));
}

export const tests: E2ETest[] = [
  {
    name: 'desktop 1280×800: the body loads and the canvas draws it',
    async run({ page, baseUrl, screenshot }) {
      await page.goto(baseUrl + '/', { waitUntil: 'load', timeout: 60_000 });
      try {
        await waitForReady(page);
      } catch (err) {
        await screenshot('shell-front-not-ready.png').catch(() => {});
        throw new Error(
          `ready signal (document.body.dataset.sceneReady === "true") never came within ${READY_TIMEOUT_MS / 1000} s: ${String(err)}`,
        );
      }
      const frac = await drawnFraction(page);
      await screenshot('shell-front.png');
      console.log(
        `      canvas pixels differing from the background: ${(frac * 100).toFixed(1)} %`,
      );
      assert(
        frac >= 0.02,
        `only ${(frac * 100).toFixed(2)} % of the canvas differs from the background (want ≥ 2 %)`,
      );
    },
  },
  {
    name: 'phone 390×844 (touch): the page loads and shows the drawer toggles',
    async run({ baseUrl, newPage, screenshot }) {
      const page = await newPage({
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
      });
      await page.goto(baseUrl + '/', { waitUntil: 'load', timeout: 60_000 });
      for (const panel of ['left-panel', 'right-panel']) {
        const toggle = page.locator(`header button[aria-controls="${panel}"]`);
        await toggle.waitFor({ state: 'visible', timeout: 30_000 });
        const box = await toggle.boundingBox();
        assert(
          box && box.width >= 24 && box.height >= 24,
          `the ${panel} toggle is too small to tap`,
        );
      }
      await page.locator('header button[aria-controls="left-panel"]').tap();
      await page.waitForFunction(
        () => document.getElementById('left-panel')?.classList.contains('open'),
        undefined,
        {
          timeout: 10_000,
        },
      );
      await screenshot('shell-phone.png', page);
    },
  },
  {
    name: 'without WebGL the page explains why instead of staying blank',
    async run({ baseUrl, newPage, screenshot }) {
      const page = await newPage({ viewport: { width: 1280, height: 800 } });
      await page.addInitScript(() => {
        const original = HTMLCanvasElement.prototype.getContext;
        HTMLCanvasElement.prototype.getContext = function (
          this: HTMLCanvasElement,
          type: string,
          ...rest: unknown[]
        ) {
          if (type === 'webgl' || type === 'webgl2' || type === 'experimental-webgl') return null;
          return (original as (...a: unknown[]) => unknown).call(this, type, ...rest);
        } as typeof HTMLCanvasElement.prototype.getContext;
      });
      await page.goto(baseUrl + '/', { waitUntil: 'load', timeout: 60_000 });
      const heading = page.getByRole('heading', { level: 1 }).filter({ hasText: /WebGL/ });
      await heading.waitFor({ state: 'visible', timeout: 30_000 });
      const text = (await page.locator('body').innerText()).trim();
      assert(
        /WebGL/.test(text),
        `no explanation mentioning WebGL; body text: ${text.slice(0, 200)}`,
      );
      await screenshot('shell-no-webgl.png', page);
    },
  },
];
