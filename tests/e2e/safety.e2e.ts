/**
 * Safety mode as a trainee uses it: fill in the screening checklist and read the decision with
 * its reason; find a side effect through the search box.
 */
import type { E2ETest } from './types.ts';
import { assert, waitForReady } from './page.ts';

export const tests: E2ETest[] = [
  {
    name: 'the screening checklist: unanswered blocks, all no is go, anticoagulants give go with care, pregnancy over the abdomen is no',
    async run({ page, baseUrl, screenshot }) {
      await page.goto(baseUrl + '/', { waitUntil: 'load', timeout: 60_000 });
      await waitForReady(page);
      await page.getByRole('tab', { name: 'Safety' }).click();
      const decision = page.locator('.decision strong');
      await decision.waitFor({ timeout: 30_000 });
      // nothing answered: an unanswered absolute item never gives go
      assert((await decision.textContent()) === 'Do not needle', 'unanswered items gave go');
      await page.getByLabel('Where will you needle?').selectOption('thorax');
      const items = page.locator('.screening-items > li');
      const n = await items.count();
      assert(n >= 15, `only ${n} screening items`);
      for (let i = 0; i < n; i++)
        await items.nth(i).getByRole('radio', { name: 'No', exact: true }).check();
      assert(
        (await decision.textContent()) === 'Go',
        `all "no" gave ${await decision.textContent()}`,
      );
      await page
        .locator('.screening-items > li', { hasText: /anticoagulant/i })
        .getByRole('radio', { name: 'Yes', exact: true })
        .check();
      assert(
        (await decision.textContent()) === 'Go with care',
        `anticoagulants gave ${await decision.textContent()}`,
      );
      await screenshot('safety-screening.png');
      // pregnancy is relative in general but absolute over the abdomen and pelvis
      await page
        .locator('.screening-items > li', { hasText: /pregnan/i })
        .getByRole('radio', { name: 'Yes', exact: true })
        .check();
      await page.getByLabel('Where will you needle?').selectOption('abdomen-pelvis');
      assert(
        (await decision.textContent()) === 'Do not needle',
        `pregnancy over the abdomen gave ${await decision.textContent()}`,
      );
      const why = await page.locator('.decision li').first().textContent();
      assert(/pregnan/i.test(why ?? ''), `the first reason does not name pregnancy: ${why}`);
      await screenshot('safety-screening-pregnancy.png');
    },
  },
  {
    name: 'search finds a side effect and opens it in Safety mode',
    async run({ page, baseUrl, screenshot }) {
      await page.goto(baseUrl + '/', { waitUntil: 'load', timeout: 60_000 });
      await waitForReady(page);
      const box = page.getByRole('combobox', { name: 'Search structures' });
      await box.fill('pneumothorax');
      const option = page.getByRole('option', { name: /Pneumothorax.*Side effect/ });
      await option.waitFor({ timeout: 30_000 });
      await option.click();
      await page.getByRole('heading', { name: /Pneumothorax \(punctured lung\)/ }).waitFor();
      const mode = await page.evaluate(() => window.__needlewise?.getState().mode);
      assert(mode === 'safety', `search did not open Safety mode (${mode})`);
      const inView = await page.locator('#safety-side-effect-pneumothorax').evaluate((el) => {
        const r = el.getBoundingClientRect();
        return r.top >= 0 && r.top < window.innerHeight;
      });
      assert(inView, 'the pneumothorax entry was not scrolled into view');
      await screenshot('safety-pneumothorax.png');
    },
  },
  {
    name: 'a danger structure added at a needling site is found by search and shows its course with its sources',
    async run({ page, baseUrl, screenshot }) {
      await page.goto(baseUrl + '/', { waitUntil: 'load', timeout: 60_000 });
      await waitForReady(page);
      const box = page.getByRole('combobox', { name: 'Search structures' });
      await box.fill('axillary nerve');
      const option = page.getByRole('option', { name: /Axillary nerve.*left/i }).first();
      await option.waitFor({ timeout: 30_000 });
      await option.click();
      // the chosen result closes the list (it covered the Layers panel)
      assert(!(await page.getByRole('listbox').isVisible()), 'the result list stayed open');
      const source = page.locator('.details-source');
      await source.waitFor({ timeout: 30_000 });
      const text = await source.innerText();
      assert(/quadrangular space/.test(text), `the course is not shown: "${text}"`);
      assert(
        /Burkhead|Cetik/.test(text),
        `the published figures' sources are not shown: "${text}"`,
      );
      await page.waitForTimeout(2500); // the camera flies to it
      await screenshot('danger-axillary-nerve.png');
    },
  },
];
