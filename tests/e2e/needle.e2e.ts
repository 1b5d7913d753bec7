/**
 * Needle mode as a student uses it: put the needle on a trigger point's recommended line, read
 * the readout, push it deeper with the keys, cut the body away along it, show the lung map, and
 * place a needle by clicking the skin, and take back a stray click with Undo.
 */
import type { Page } from 'playwright-core';
import type { E2ETest } from './types.ts';
import { assert, drawnFraction, waitForReady } from './page.ts';

interface NeedleState {
  entry: [number, number, number];
  depthMm: number;
  lengthMm: number;
  target: { triggerPointId: string; side: string } | null;
}

const needleState = (page: Page) =>
  page.evaluate(
    () => (window.__needlewise?.getState() as unknown as { needle: NeedleState | null }).needle,
  );

async function readout(page: Page): Promise<{ verdict: string; layers: string[] }> {
  const verdict = page.locator('.verdict');
  await verdict.waitFor({ state: 'visible', timeout: 60_000 });
  return {
    verdict: (await verdict.locator('strong').textContent()) ?? '',
    layers: await page.locator('.layers-table tbody tr td:first-child').allTextContents(),
  };
}

export const tests: E2ETest[] = [
  {
    name: 'a needle on the upper trapezius point: readout, deeper with the keys, cutaway and lung map',
    async run({ page, baseUrl, screenshot }) {
      await page.goto(baseUrl + '/', { waitUntil: 'load', timeout: 60_000 });
      await waitForReady(page);
      await page.getByRole('tab', { name: 'Needle' }).click();
      // the average-body caveat is shown wherever depths are
      await page.getByText('Measured on one generated adult man').waitFor({ timeout: 30_000 });
      const picker = page.getByLabel('Start from a trigger point');
      await picker.waitFor({ timeout: 60_000 });
      await picker.selectOption('upper-trapezius-trp1');
      await page.getByRole('radio', { name: "Patient's right" }).check();
      await page.getByRole('button', { name: /recommended line/ }).click();
      const first = await readout(page);
      assert(first.layers[0]?.includes('Skin'), `the first layer is not the skin: ${first.layers}`);
      assert(['Safe', 'Caution', 'Unsafe'].includes(first.verdict), `verdict: ${first.verdict}`);
      const s = await needleState(page);
      assert(
        s?.target?.triggerPointId === 'upper-trapezius-trp1',
        'the needle is not on the point',
      );
      assert(s.lengthMm === 30, `the catalog's 30 mm needle was not chosen (${s.lengthMm})`);
      await page.getByText(/On the model the trigger point lies \d+ mm along this line/).waitFor();
      await page.getByText(/Cone of directions \(\d+ simulated to 20 mm/).waitFor();
      await page.waitForTimeout(3000); // the camera flies to the needle
      await screenshot('needle-upper-trapezius.png');

      // the technique, demonstrated: the needle goes in and pistons within the catalog's range
      await page.getByRole('button', { name: 'Demonstrate the technique' }).click();
      const depths = new Set<number>();
      for (let i = 0; i < 12; i++) {
        await page.waitForTimeout(400);
        depths.add((await needleState(page))!.depthMm);
      }
      assert(depths.size >= 3, `the demonstration did not move the needle: ${[...depths]}`);
      await screenshot('needle-demonstration.png');
      const stop = page.getByRole('button', { name: 'Stop the demonstration' });
      if (await stop.isVisible()) await stop.click();
      await page.getByRole('button', { name: /recommended line/ }).click();

      // deeper with the keys: ] five times
      await page.locator('canvas').first().focus();
      for (let i = 0; i < 5; i++) await page.keyboard.press(']');
      const deeper = await needleState(page);
      assert(
        deeper!.depthMm === Math.min(s.lengthMm, s.depthMm + 5),
        `] did not push the needle 5 mm deeper (${s.depthMm} → ${deeper!.depthMm})`,
      );

      // the cutaway: the body cut along the needle
      await page.getByRole('button', { name: /Cutaway/ }).click();
      await page.waitForTimeout(2500);
      assert((await drawnFraction(page)) > 0.02, 'the cutaway drew nothing');
      await screenshot('needle-cutaway.png');
      await page.getByRole('button', { name: /Cutaway/ }).click();

      // the lung map: where the pleura is shallow, from the front
      await page.keyboard.press('m');
      await page.keyboard.press('1');
      await page.getByText('Depth of the pleura under the skin').waitFor({ timeout: 30_000 });
      await page.waitForTimeout(3000);
      await screenshot('needle-lung-map.png');
    },
  },
  {
    name: 'a click on the skin places the needle there; an unsafe depth over the chest says why',
    async run({ page, baseUrl, screenshot }) {
      await page.goto(baseUrl + '/', { waitUntil: 'load', timeout: 60_000 });
      await waitForReady(page);
      await page.getByRole('tab', { name: 'Needle' }).click();
      await page.getByLabel('Start from a trigger point').waitFor({ timeout: 60_000 });
      // the left pectoral region, seen from the front
      const p = await page.evaluate(() => window.__needlewise?.project('pectoralis-major-left'));
      assert(p?.onScreen, 'the left pectoralis major is not on screen');
      await page.mouse.click(p.x, p.y);
      await page.waitForFunction(
        () =>
          (window.__needlewise?.getState() as unknown as { needle: unknown } | undefined)?.needle !=
          null,
        undefined,
        { timeout: 30_000 },
      );
      const r = await readout(page);
      assert(r.layers.length >= 2, `too few layers: ${r.layers}`);

      // drag to aim: the needle turns, the view does not
      type Aim = { needle: { tiltDeg: number; azimuthDeg: number } };
      const aim = () => page.evaluate(() => window.__needlewise?.getState() as unknown as Aim);
      const aimBefore = await aim();
      await page.getByRole('button', { name: /Drag to aim/ }).click();
      const box = (await page.locator('canvas').first().boundingBox())!;
      const cx = box.x + box.width * 0.3;
      const cy = box.y + box.height * 0.7;
      await page.mouse.move(cx, cy);
      await page.mouse.down();
      await page.mouse.move(cx + 60, cy - 50, { steps: 6 });
      await page.mouse.up();
      const aimAfter = await aim();
      assert(
        aimAfter.needle.tiltDeg > aimBefore.needle.tiltDeg + 5 &&
          aimAfter.needle.azimuthDeg !== aimBefore.needle.azimuthDeg,
        `dragging did not aim the needle (${JSON.stringify(aimBefore.needle)} → ${JSON.stringify(aimAfter.needle)})`,
      );
      await page.getByRole('button', { name: /Drag to aim/ }).click();
      await page.getByRole('button', { name: /Perpendicular/ }).click();
      // deepest needle, straight in: over the chest wall it meets bone or enters the pleura
      await page.getByLabel('Needle length').selectOption('75');
      const depth = page.getByLabel(/^Depth/);
      await depth.fill('75');
      // the readout follows the slider: wait until it speaks of the deeper needle
      await page
        .locator('.verdict li', { hasText: /meets bone|enters the/ })
        .first()
        .waitFor({ timeout: 30_000 })
        .catch(() => undefined);
      const said = await page.locator('.verdict li').allTextContents();
      assert(
        said.some((m) => /meets bone|enters the/.test(m)),
        `a 75 mm needle into the chest neither met bone nor entered anything: ${said.join(' ')}`,
      );
      const deep = await readout(page);
      assert(deep.layers.length >= r.layers.length, 'a deeper needle crossed less tissue');

      // the same needle on the high-BMI body: the fat under the skin is thicker
      const fatTo = async () => {
        const rows = page.locator('.layers-table tbody tr', { hasText: 'Subcutaneous fat' });
        return Number(await rows.first().locator('td').nth(2).textContent());
      };
      const before = await fatTo();
      await page.getByLabel('Body', { exact: true }).selectOption('high-bmi');
      await page.getByText(/high bmi build, BMI 35\.9/).waitFor({ timeout: 60_000 });
      await page.waitForFunction(
        () =>
          (window.__needlewise?.getState() as unknown as { habitus: string }).habitus ===
          'high-bmi',
        undefined,
        { timeout: 60_000 },
      );
      await page.waitForTimeout(1000);
      const after = await fatTo();
      assert(after > before, `the high-BMI body's fat is not deeper (${before} → ${after} mm)`);
      await screenshot('needle-chest.png');
    },
  },
  {
    name: 'a stray click on the skin moves the needle; Undo (Ctrl+Z and the button) puts it back, Redo again',
    async run({ page, baseUrl, screenshot }) {
      await page.goto(baseUrl + '/', { waitUntil: 'load', timeout: 60_000 });
      await waitForReady(page);
      await page.getByRole('tab', { name: 'Needle' }).click();
      const picker = page.getByLabel('Start from a trigger point');
      await picker.waitFor({ timeout: 60_000 });
      await picker.selectOption('upper-trapezius-trp1');
      await page.getByRole('radio', { name: "Patient's right" }).check();
      await page.getByRole('button', { name: /recommended line/ }).click();
      await readout(page);
      await page.getByLabel(/^Depth/).fill('12');
      await page.waitForTimeout(3000); // the camera flies to the needle
      type Full = NeedleState & { tiltDeg: number; azimuthDeg: number };
      const placed = (await needleState(page)) as Full;
      assert(placed.target?.triggerPointId === 'upper-trapezius-trp1', 'not on the point');
      const same = (a: Full | null, b: Full) =>
        !!a &&
        a.entry.every((v, i) => v === b.entry[i]) &&
        a.tiltDeg === b.tiltDeg &&
        a.azimuthDeg === b.azimuthDeg &&
        a.depthMm === b.depthMm &&
        a.lengthMm === b.lengthMm &&
        a.target?.triggerPointId === b.target?.triggerPointId;
      // the stray click: on the skin somewhere else in view
      let stray: Full | null = null;
      for (const id of ['deltoid-right', 'trapezius-middle-right', 'trapezius-upper-left']) {
        const p = await page.evaluate((x) => window.__needlewise?.project(x), id);
        if (!p?.onScreen) continue;
        const free = await page.evaluate(
          ([x, y]) => document.elementFromPoint(x!, y!)?.tagName === 'CANVAS',
          [p.x, p.y],
        );
        if (!free) continue;
        await page.mouse.click(p.x, p.y);
        await page.waitForTimeout(500);
        const now = (await needleState(page)) as Full | null;
        if (now && !same(now, placed)) {
          stray = now;
          break;
        }
      }
      assert(stray, 'no click in view moved the needle');
      assert(stray.target === null && stray.tiltDeg === 0, 'the clicked needle is not a new one');
      // Ctrl+Z with the focus on the page (not in a field)
      await page
        .locator('main.viewport canvas')
        .focus()
        .catch(() => undefined);
      await page.keyboard.press('Control+z');
      await page.waitForFunction(
        (e) =>
          (
            window.__needlewise?.getState() as unknown as { needle: { entry: number[] } | null }
          ).needle?.entry.join() === e.join(),
        placed.entry,
        { timeout: 10_000 },
      );
      assert(same((await needleState(page)) as Full, placed), 'Ctrl+Z did not restore the needle');
      // Redo, then the panel's Undo button
      await page.getByRole('button', { name: /^Redo/ }).click();
      assert(same((await needleState(page)) as Full, stray), 'Redo did not bring the click back');
      await page.getByRole('button', { name: /^Undo/ }).click();
      assert(same((await needleState(page)) as Full, placed), 'the Undo button did not restore it');
      await page.getByText(/On the model the trigger point lies \d+ mm along this line/).waitFor();
      await screenshot('needle-undo.png');
      // the shortcut is listed in the ? dialog
      await page.keyboard.press('?');
      const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
      await dialog.waitFor({ timeout: 5000 });
      assert(
        /Undo the last change of the needle/.test(await dialog.innerText()),
        'the shortcuts dialog does not list Undo',
      );
    },
  },
];
