/**
 * The app shell in a real browser: it draws the body (with a console free of three's Clock
 * warning), works on a phone, explains missing WebGL.
 */
import { READY_TIMEOUT_MS } from './harness.ts';
import type { E2ETest } from './types.ts';
import { assert, drawnFraction, waitForReady } from './page.ts';

export const tests: E2ETest[] = [
  {
    name: 'desktop 1280×800: the body loads and the canvas draws it, with no THREE.Clock warning',
    async run({ page, baseUrl, screenshot }) {
      const warnings: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'warning') warnings.push(m.text());
      });
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
      // @react-three/fiber's clock made three warn on every load (src/scene/threeConsole.ts)
      const clock = warnings.filter((w) => /THREE\.Clock/.test(w));
      assert(clock.length === 0, `the console warned: ${clock.join(' | ')}`);
      if (warnings.length) console.log(`      other console warnings: ${warnings.join(' | ')}`);
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
      // every mode tab whole in the window and in the header, none scrolled away or cut
      const tabs = await page.locator('[role="tab"]').evaluateAll((els) =>
        els.map((el) => {
          const r = el.getBoundingClientRect();
          const strip = el.parentElement!;
          return {
            name: el.textContent,
            left: r.left,
            right: r.right,
            cut: el.scrollWidth > el.clientWidth,
            stripScrolls: strip.scrollWidth > strip.clientWidth,
          };
        }),
      );
      assert(tabs.length === 5, `${tabs.length} mode tabs`);
      for (const t of tabs)
        assert(
          t.left >= 0 && t.right <= 390 && !t.cut && !t.stripScrolls,
          `the ${t.name} tab is not wholly in view: ${JSON.stringify(t)}`,
        );
      await screenshot('shell-phone-tabs.png', page);
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
  {
    name: 'the ? dialog opens at its top with focus on its close button, and Escape closes it',
    async run({ newPage, baseUrl }) {
      // a short window, so the list of shortcuts scrolls
      const page = await newPage({ viewport: { width: 1280, height: 560 } });
      await page.goto(baseUrl + '/', { waitUntil: 'load', timeout: 60_000 });
      await waitForReady(page);
      await page.locator('body').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('?');
      const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
      await dialog.waitFor({ state: 'visible', timeout: 10_000 });
      const top = await dialog.evaluate((d) => ({
        scrollTop: d.scrollTop,
        scrolls: d.scrollHeight > d.clientHeight,
        focused: document.activeElement?.getAttribute('aria-label'),
      }));
      assert(top.scrolls, 'the dialog does not scroll at this height: the test proves nothing');
      assert(top.scrollTop === 0, `the dialog opened scrolled down by ${top.scrollTop} px`);
      assert(top.focused === 'Close the shortcuts', `focus is on ${top.focused}`);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden', timeout: 10_000 });
    },
  },
];
