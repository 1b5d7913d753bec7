/** Page helpers shared by the browser tests. */
import type { Page } from 'playwright-core';
import { READY_TIMEOUT_MS } from './harness.ts';

export function assert(cond: unknown, message: string): asserts cond {
  if (!cond) throw new Error(message);
}

/** In the quiz setup, every question type but "name the muscle" unticked. */
export async function onlyNameTheMuscle(page: Page): Promise<void> {
  for (const label of [
    'Locate the trigger point',
    'Paint the referral zone',
    'Pain map: which trigger points to examine',
    'Needle placement',
    'Which structure is at risk?',
  ])
    await page.getByLabel(label).uncheck();
}

export async function waitForReady(page: Page): Promise<void> {
  await page.waitForFunction(() => document.body.dataset.sceneReady === 'true', undefined, {
    timeout: READY_TIMEOUT_MS,
    polling: 250,
  });
}

/**
 * The RGBA pixels of a part of the page, from a real screenshot (WebGL's drawing buffer is not
 * readable without preserveDrawingBuffer). The PNG is decoded by the page itself through a 2D
 * canvas and handed back as base64, which is quicker than a JSON array of numbers.
 */
export async function screenshotPixels(
  page: Page,
  clip: { x: number; y: number; width: number; height: number },
): Promise<{ width: number; height: number; data: Buffer }> {
  const png = await page.screenshot({ clip });
  const got = await page.evaluate(async (b64) => {
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
    let bin = '';
    for (let i = 0; i < data.length; i += 0x8000)
      bin += String.fromCharCode(...data.subarray(i, i + 0x8000));
    return { width: c.width, height: c.height, b64: btoa(bin) };
  }, png.toString('base64'));
  return { width: got.width, height: got.height, data: Buffer.from(got.b64, 'base64') };
}

/** Share of the canvas's pixels that differ clearly from its top-left corner (the background). */
export async function drawnFraction(page: Page): Promise<number> {
  const canvas = page.locator('canvas').first();
  await canvas.waitFor({ state: 'visible', timeout: 30_000 });
  const box = await canvas.boundingBox();
  assert(box && box.width > 10 && box.height > 10, 'the 3D canvas has no size');
  const { data } = await screenshotPixels(page, box);
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
}

/**
 * Waits until the camera holds the last "frame this" request: every corner of its box projects
 * inside the 3D canvas (the real camera, at the canvas's own aspect). Throws with the corners
 * that stay outside.
 */
export async function waitForFramed(page: Page, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let outside: unknown[] = [];
  while (Date.now() < deadline) {
    outside = await page.evaluate(() => {
      const api = (
        window as unknown as {
          __needlewise: {
            getState(): { focusRequest: { at?: { fit?: [number, number, number][] } } | null };
            projectPoint(p: [number, number, number]): { x: number; y: number } | null;
          };
        }
      ).__needlewise;
      const fit = api.getState().focusRequest?.at?.fit;
      if (!fit) return ['no framed request'];
      const r = document.querySelector('main.viewport canvas')!.getBoundingClientRect();
      // the caption and toolbars over the view: nothing framed may lie under them
      const covers = [...document.querySelectorAll('[data-covers-view]')]
        .map((e) => e.getBoundingClientRect())
        .filter((o) => o.width >= r.width * 0.3 && o.height > 0);
      return fit.flatMap((c) => {
        const p = api.projectPoint(c);
        const inside = p && p.x >= r.left && p.x <= r.right && p.y >= r.top && p.y <= r.bottom;
        const under =
          p &&
          covers.find((o) => p.x >= o.left && p.x <= o.right && p.y >= o.top && p.y <= o.bottom);
        return inside && !under
          ? []
          : [{ corner: c, at: p, canvas: [r.left, r.top, r.right, r.bottom], under }];
      });
    });
    if (outside.length === 0) return;
    await page.waitForTimeout(500);
  }
  throw new Error(`the framed zone is not in view: ${JSON.stringify(outside)}`);
}
