/**
 * Renders views with one structure highlighted, for the blind check of how anatomical the body
 * reads: `npx tsx bench/blind-views.ts` writes screenshots/blind/view-NN.png (canvas only, no
 * names on screen) and screenshots/blind/key.json (the answers, kept apart from the images).
 * Show the images to someone who has not seen the code and ask them to name each structure.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ensureDist,
  launchChromium,
  READY_TIMEOUT_MS,
  root,
  startServer,
} from '../tests/e2e/harness.ts';

const TARGETS = [
  ['trapezius upper left', 'trapezius-upper-left', '2'],
  ['deltoid right', 'deltoid-right', '1'],
  ['gluteus maximus left', 'gluteus-maximus-left', '2'],
  ['scapula left', 'scapula-left', '2'],
  ['sternocleidomastoid left', 'sternocleidomastoid-left', '3'],
  ['latissimus dorsi right', 'latissimus-dorsi-right', '2'],
  ['gastrocnemius left', 'gastrocnemius-left', '2'],
  ['pectoralis major left', 'pectoralis-major-left', '1'],
  ['femur right', 'femur-right', '1'],
  ['rectus femoris left', 'rectus-femoris-left', '1'],
  ['clavicle right', 'clavicle-right', '1'],
  ['biceps brachii left', 'biceps-brachii-left', '1'],
] as const;

async function main(): Promise<void> {
  ensureDist();
  const out = join(root, 'screenshots', 'blind');
  mkdirSync(out, { recursive: true });
  const browser = await launchChromium();
  const server = await startServer().catch(async (err: unknown) => {
    await browser.close();
    throw err;
  });
  const key: Record<string, string> = {};
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(server.baseUrl + '/');
    await page.waitForFunction(() => document.body.dataset.sceneReady === 'true', null, {
      timeout: READY_TIMEOUT_MS,
    });
    // nothing on screen may name the structure
    await page.addStyleTag({
      content: '.selection-chip, [role="listbox"], .hud-view { display: none !important; }',
    });
    await page.getByLabel('Skin', { exact: true }).uncheck();
    // the trigger-point markers (an Explore overlay) would clutter the views
    const hideMarkers = page.getByRole('button', { name: 'Hide the markers' });
    if (await hideMarkers.count()) await hideMarkers.first().click();
    let n = 0;
    for (const [query, id, view] of TARGETS) {
      n++;
      await page.locator('canvas').first().focus();
      await page.keyboard.press(view);
      await page.waitForTimeout(1500);
      const search = page.getByPlaceholder(/search/i).first();
      await search.fill(query);
      await page.waitForTimeout(300);
      await search.press('Enter');
      await page.waitForTimeout(3500);
      const canvas = await page.locator('canvas').first().boundingBox();
      if (!canvas) throw new Error('no canvas');
      const name = `view-${String(n).padStart(2, '0')}.png`;
      await page.screenshot({ path: join(out, name), clip: canvas });
      key[name] = id;
      await search.fill('');
    }
  } finally {
    await browser.close();
    await server.close();
  }
  writeFileSync(join(out, 'key.json'), JSON.stringify(key, null, 1));
  process.stdout.write(`wrote ${Object.keys(key).length} views to ${out}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`blind-views: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
