/**
 * The body as an anatomy teacher looks at it: anterior, posterior and lateral views at the skin,
 * muscle and bone layers, and a close-up of the posterior shoulder reached through search.
 */
import type { Page } from 'playwright-core';
import type { E2ETest } from './types.ts';
import { assert, drawnFraction, waitForReady } from './page.ts';

async function setLayers(page: Page, layer: 'skin' | 'muscle' | 'bone'): Promise<void> {
  const skin = page.getByLabel('Skin', { exact: true });
  const muscles = page.getByLabel('Muscles', { exact: true });
  if (layer === 'skin') {
    await skin.check();
    const opacity = page.getByLabel('Skin opacity');
    await opacity.fill((await opacity.getAttribute('max')) ?? '1');
  } else {
    await skin.uncheck();
  }
  if (layer === 'bone') await muscles.uncheck();
  else await muscles.check();
}

const VIEWS = [
  ['1', 'anterior'],
  ['2', 'posterior'],
  ['3', 'lateral-left'],
] as const;

export const tests: E2ETest[] = [
  {
    name: 'anterior, posterior and lateral views at the skin, muscle and bone layers',
    async run({ page, baseUrl, screenshot }) {
      await page.goto(baseUrl + '/', { waitUntil: 'load', timeout: 60_000 });
      await waitForReady(page);
      const drawn: Record<string, number> = {};
      for (const layer of ['skin', 'muscle', 'bone'] as const) {
        await setLayers(page, layer);
        for (const [key, view] of VIEWS) {
          await page.locator('canvas').first().focus();
          await page.keyboard.press(key);
          await page.waitForTimeout(2500);
          drawn[`${view}-${layer}`] = await drawnFraction(page);
          await screenshot(`body-${view}-${layer}.png`);
        }
      }
      for (const [k, v] of Object.entries(drawn))
        assert(v > 0.02, `${k}: the canvas drew almost nothing (${v})`);
      // bones alone cover less of the view than the skin does
      assert(
        drawn['anterior-bone']! < drawn['anterior-skin']!,
        'the bone layer looks the same as the skin layer',
      );
    },
  },
  {
    name: 'close-up of the posterior shoulder: search "infraspinatus left", fly there, details shown',
    async run({ page, baseUrl, screenshot }) {
      await page.goto(baseUrl + '/', { waitUntil: 'load', timeout: 60_000 });
      await waitForReady(page);
      await page.getByLabel('Skin', { exact: true }).uncheck();
      await page.keyboard.press('2');
      const search = page
        .getByRole('combobox')
        .or(page.getByPlaceholder(/search/i))
        .first();
      await search.click();
      await search.fill('infraspinatus left');
      await page.waitForTimeout(300);
      await search.press('Enter');
      await page.waitForTimeout(3500);
      await screenshot('body-posterior-shoulder.png');
      const details = await page.locator('body').innerText();
      assert(/Infraspinatus/.test(details), 'the details panel does not name the infraspinatus');
      const state = await page.evaluate(() =>
        (
          window as unknown as { __needlewise: { getState(): { selectedId?: string | null } } }
        ).__needlewise.getState(),
      );
      assert(
        JSON.stringify(state).includes('infraspinatus-left'),
        `selection is not infraspinatus-left: ${JSON.stringify(state).slice(0, 200)}`,
      );
    },
  },
];
