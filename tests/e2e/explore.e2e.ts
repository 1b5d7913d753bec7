/**
 * Trigger points in Explore: markers on the body, a referral zone painted on the skin, the
 * point's details with sources, several zones at once, and on to the needle; a trigger point or
 * region chosen in the search box flies the camera to it.
 */
import type { E2ETest } from './types.ts';
import { assert, waitForFramed, waitForReady } from './page.ts';

interface ZoneState {
  zoneTriggers: { id: string; side: string }[];
  needle: { target: { triggerPointId: string } | null } | null;
  mode: string;
}
const state = (page: import('playwright-core').Page) =>
  page.evaluate(() => window.__needlewise?.getState() as unknown as ZoneState);

export const tests: E2ETest[] = [
  {
    name: 'upper trapezius: its zone painted on the skin with its details; infraspinatus added; then needled',
    async run({ page, baseUrl, screenshot }) {
      await page.goto(baseUrl + '/', { waitUntil: 'load', timeout: 60_000 });
      await waitForReady(page);
      await page.getByLabel('Show a referral zone').selectOption('upper-trapezius-trp1');
      await page.getByRole('radio', { name: 'Right', exact: true }).check();
      await page.getByRole('button', { name: 'Show its zone' }).click();
      await page.getByRole('heading', { name: /Upper trapezius TrP1.*patient's right/ }).waitFor();
      const text = await page.locator('.trp-panel').textContent();
      assert(/Temple/.test(text ?? ''), 'the essential zone does not name the temple');
      assert(/Sources:.*Trigger Point Manual/.test(text ?? ''), 'no Travell & Simons source shown');
      assert(/Sources disagree/.test(text ?? ''), 'the depth dispute is not shown');
      // the camera frames the point and its zone
      await page.waitForTimeout(3000);
      await screenshot('explore-upper-trapezius-zone.png');

      await page.getByLabel('Show a referral zone').selectOption('infraspinatus-trp1');
      await page.getByRole('button', { name: 'Show its zone' }).click();
      const s = await state(page);
      assert(s.zoneTriggers.length === 2, `two zones expected, got ${s.zoneTriggers.length}`);
      assert(s.zoneTriggers[0]!.id === 'infraspinatus-trp1', 'the new zone is not first');
      await page.waitForTimeout(3000);
      await screenshot('explore-two-zones.png');

      await page.getByRole('button', { name: 'Needle this point' }).click();
      await page.waitForFunction(
        () =>
          (
            window.__needlewise?.getState() as unknown as {
              needle: { target: { triggerPointId: string } | null } | null;
            }
          ).needle?.target?.triggerPointId === 'infraspinatus-trp1',
        undefined,
        { timeout: 60_000 },
      );
      const after = await state(page);
      assert(after.mode === 'needle', `not in needle mode (${after.mode})`);
      // the Needle panel names the point the needle was put on, not its default
      const picked = await page.getByLabel('Start from a trigger point').inputValue();
      assert(picked === 'infraspinatus-trp1', `the Needle panel names ${picked}`);
      const side = (after as unknown as { needle: { target: { side: string } } }).needle.target
        .side;
      const label = side === 'left' ? "Patient's left" : "Patient's right";
      assert(
        await page.getByLabel(label, { exact: true }).isChecked(),
        `the Needle panel's side is not ${side}`,
      );
    },
  },
];

export const painTests: E2ETest[] = [
  {
    name: 'pain here, which muscles: paint on the body and by name, read the ranked points, undo',
    async run({ page, baseUrl, screenshot }) {
      await page.goto(baseUrl + '/', { waitUntil: 'load', timeout: 60_000 });
      await waitForReady(page);
      await page.getByRole('button', { name: 'Paint where it hurts' }).click();
      const at = await page.evaluate(() => window.__needlewise?.project('deltoid-left'));
      assert(at?.onScreen, 'the left deltoid is not on screen');
      await page.mouse.click(at.x, at.y);
      await page.waitForFunction(
        () =>
          (
            (window.__needlewise?.getState() as unknown as { painRegions: string[] }).painRegions ??
            []
          ).length > 0,
        undefined,
        { timeout: 30_000 },
      );
      await page.getByLabel('Or add a region by name').selectOption('temple-left');
      await page.getByRole('button', { name: 'Add', exact: true }).click();
      const list = page.getByRole('list', { name: /Candidate trigger points/ });
      await list.waitFor();
      const items = await list.locator('li').allTextContents();
      assert(items.length > 0, 'no candidates');
      assert(
        items.some((t) => /Upper trapezius|Temporalis/.test(t)),
        `temple pain did not bring up upper trapezius or temporalis: ${items.join(' | ')}`,
      );
      // show the best candidate's zone over the painted area
      await list.locator('li button').first().click();
      await page.waitForTimeout(2500);
      await screenshot('explore-pain-lookup.png');
      await page.getByRole('button', { name: 'Undo' }).click();
      const after = await page.evaluate(
        () => (window.__needlewise?.getState() as unknown as { painRegions: string[] }).painRegions,
      );
      assert(after.length === 1 && !after.includes('temple-left'), `undo left ${after.join(', ')}`);
    },
  },
];
tests.push(...painTests);

tests.push({
  name: 'a shared link opens the same view: mode, zones, pain map, layers and camera',
  async run({ page, baseUrl, newPage, screenshot }) {
    await page.goto(baseUrl + '/', { waitUntil: 'load', timeout: 60_000 });
    await waitForReady(page);
    await page.getByLabel('Show a referral zone').selectOption('upper-trapezius-trp1');
    await page.getByRole('button', { name: 'Show its zone' }).click();
    await page.getByLabel('Or add a region by name').selectOption('temple-right');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByLabel('Skin', { exact: true }).uncheck();
    await page.locator('canvas').first().focus();
    await page.keyboard.press('2');
    await page.waitForTimeout(3500); // the flight, then the URL catches up
    const url = page.url();
    assert(/#.*z=upper-trapezius-trp1/.test(url), `the URL does not hold the zone: ${url}`);
    type S = {
      zoneTriggers: unknown;
      painRegions: unknown;
      layers: { skin: { visible: boolean } };
      mode: string;
    };
    const before = await page.evaluate(() => window.__needlewise?.getState() as unknown as S);
    const other = await newPage({ viewport: { width: 1280, height: 800 } });
    await other.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await waitForReady(other);
    await other.waitForFunction(
      () =>
        (
          (window.__needlewise?.getState() as unknown as { zoneTriggers: unknown[] })
            .zoneTriggers ?? []
        ).length > 0,
      undefined,
      { timeout: 30_000 },
    );
    await other.waitForTimeout(1500);
    const after = await other.evaluate(() => window.__needlewise?.getState() as unknown as S);
    assert(
      JSON.stringify(after.zoneTriggers) === JSON.stringify(before.zoneTriggers),
      'zones differ',
    );
    assert(
      JSON.stringify(after.painRegions) === JSON.stringify(before.painRegions),
      'pain map differs',
    );
    assert(after.layers.skin.visible === false, 'the skin layer came back');
    assert(after.mode === before.mode, 'the mode differs');
    const hud = await other.locator('.hud-view').textContent();
    assert(/posterior/i.test(hud ?? ''), `the camera is not behind the body: ${hud}`);
    await screenshot('explore-shared-link.png', other);
  },
});

tests.push({
  name: 'exports: the view as a PNG with its legend, and a printable chart with front and back views',
  async run({ page, baseUrl, screenshot }) {
    await page.goto(baseUrl + '/', { waitUntil: 'load', timeout: 60_000 });
    await waitForReady(page);
    await page.getByLabel('Show a referral zone').selectOption('infraspinatus-trp1');
    await page.getByRole('button', { name: 'Show its zone' }).click();
    await page.waitForTimeout(2500);
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      page.getByRole('button', { name: 'Save as PNG' }).click(),
    ]);
    assert(download.suggestedFilename() === 'needlewise-view.png', 'wrong file name');
    const path = await download.path();
    const { readFileSync } = await import('node:fs');
    const png = readFileSync(path);
    assert(png.subarray(1, 4).toString() === 'PNG' && png.length > 20_000, 'not a real PNG');
    const [chart] = await Promise.all([
      page.context().waitForEvent('page', { timeout: 60_000 }),
      page.getByRole('button', { name: 'Printable chart' }).click(),
    ]);
    await chart.waitForLoadState();
    await chart.getByRole('heading', { name: /Infraspinatus.*referral chart/ }).waitFor();
    assert((await chart.locator('img').count()) === 2, 'the chart lacks its front and back views');
    // for paper: each view on white, the zone framed; the point (on the back of the scapula)
    // marked in the back view only, the zone (front of the shoulder) seen from the front
    const tones = await chart.locator('img').evaluateAll((imgs) =>
      (imgs as HTMLImageElement[]).map((img) => {
        const c = document.createElement('canvas');
        c.width = img.naturalWidth;
        c.height = img.naturalHeight;
        const g = c.getContext('2d')!;
        g.drawImage(img, 0, 0);
        const d = g.getImageData(0, 0, c.width, c.height).data;
        let white = 0;
        let screenDark = 0;
        for (let i = 0; i < d.length; i += 4) {
          if (d[i]! >= 250 && d[i + 1]! >= 250 && d[i + 2]! >= 250) white++;
          if (d[i]! < 40 && d[i + 1]! < 40 && d[i + 2]! < 45) screenDark++;
        }
        const n = d.length / 4;
        return { white: white / n, dark: screenDark / n };
      }),
    );
    assert(
      tones.every((t) => t.white > 0.05 && t.dark < 0.01),
      `the chart's views are not on white: ${JSON.stringify(tones)}`,
    );
    const captions = await chart.locator('figcaption').allInnerTexts();
    assert(/^Front: the zone$/.test(captions[0] ?? ''), `front caption: ${captions[0]}`);
    assert(/^Back: .*× the point/.test(captions[1] ?? ''), `back caption: ${captions[1]}`);
    // and the app is as it was: dark background, markers on, the skin of a shown zone
    const after = await page.evaluate(
      () =>
        (
          window as unknown as {
            __needlewise: {
              getState(): { layers: { skin: { opacity: number; visible: boolean } } };
            };
          }
        ).__needlewise.getState().layers.skin,
    );
    assert(after.opacity === 1 && after.visible, `skin after the chart: ${JSON.stringify(after)}`);
    await screenshot('explore-printable-chart.png', chart);
  },
});

tests.push({
  name: 'search: choosing a trigger point flies the camera to its zone, a region to the region',
  async run({ page, baseUrl, screenshot }) {
    await page.goto(baseUrl + '/', { waitUntil: 'load', timeout: 60_000 });
    await waitForReady(page);
    await page.waitForTimeout(1500); // the opening view settles
    const fixed: [number, number, number] = [0, 1.3, 0.1];
    const canvas = (await page.locator('main.viewport canvas').boundingBox())!;
    /** The camera's last fly-to request: the place asked for and a fixed point, on the page. */
    const view = () =>
      page.evaluate((p) => {
        const api = window.__needlewise!;
        const f = (
          api.getState() as unknown as {
            focusRequest: { nonce: number; at?: { center: [number, number, number] } } | null;
          }
        ).focusRequest;
        return {
          nonce: f?.nonce ?? 0,
          center: f?.at ? api.projectPoint(f.at.center) : null,
          fixed: api.projectPoint(p),
        };
      }, fixed);
    const box = page.getByRole('combobox', { name: 'Search structures' });
    for (const [query, option, check] of [
      ['infraspinatus upper', /Infraspinatus, upper.*Trigger point/, 'infraspinatus-trp1'],
      ['temple left', /Temple, left.*Region/, 'temple-left'],
    ] as const) {
      const before = await view();
      await box.fill(query);
      const o = page.getByRole('option', { name: option }).first();
      await o.waitFor({ timeout: 30_000 });
      await o.click();
      await page.waitForFunction(
        ([id, n]) => {
          const s = window.__needlewise?.getState() as unknown as {
            zoneTriggers: { id: string }[];
            painRegions: string[];
            focusRequest: { nonce: number } | null;
          };
          return (
            (s.zoneTriggers.some((z) => z.id === id) || s.painRegions.includes(id!)) &&
            (s.focusRequest?.nonce ?? 0) > Number(n)
          );
        },
        [check, String(before.nonce)] as const,
        { timeout: 30_000 },
      );
      await page.waitForTimeout(2500); // the flight
      const after = await view();
      assert(after.center?.onScreen, `${query}: the chosen place is not in view`);
      const off = Math.hypot(
        after.center.x - (canvas.x + canvas.width / 2),
        after.center.y - (canvas.y + canvas.height / 2),
      );
      assert(off < 0.15 * canvas.width, `${query}: the chosen place is ${off} px off centre`);
      const moved = Math.hypot(after.fixed!.x - before.fixed!.x, after.fixed!.y - before.fixed!.y);
      assert(moved > 30, `${query}: the camera did not move (${moved} px)`);
      await screenshot(`search-flies-${check}.png`);
    }
  },
});

tests.push({
  name: 'frame this: "Show its zone" holds the whole zone and the point in view, the skin opaque (desktop and phone)',
  async run({ baseUrl, newPage, screenshot }) {
    for (const [label, options, id] of [
      ['desktop', { viewport: { width: 1280, height: 800 } }, 'tibialis-anterior-trp1'],
      [
        'phone',
        { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
        'sternocleidomastoid-trp2',
      ],
    ] as const) {
      const page = await newPage(options);
      await page.goto(baseUrl + '/', { waitUntil: 'load', timeout: 60_000 });
      await waitForReady(page);
      if (label === 'phone') await page.locator('header button[aria-controls="right-panel"]').tap();
      await page.getByLabel('Show a referral zone').selectOption(id);
      await page.getByRole('button', { name: 'Show its zone' }).click();
      if (label === 'phone') await page.locator('header button[aria-controls="right-panel"]').tap();
      await waitForFramed(page);
      const skin = await page.evaluate(
        () =>
          (
            window as unknown as {
              __needlewise: { getState(): { layers: { skin: { opacity: number } } } };
            }
          ).__needlewise.getState().layers.skin,
      );
      assert(skin.opacity === 1, `${label}: the skin is not opaque with a zone shown`);
      await screenshot(`explore-frame-this-${label}.png`, page);
    }
  },
});
