/**
 * A benchmark or a browser test run without a browser fails at once with the install hint (one
 * `npm run bench` started before Chromium was installed once ran for 55 minutes with its preview
 * server open and never printed).
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { findChromium } from '../e2e/harness.ts';

const missing = '/nonexistent/chromium-for-this-test';

function runWithoutBrowser(script: string) {
  const t0 = Date.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, CHROMIUM_PATH: missing },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { ...r, ms: Date.now() - t0 };
}

describe('no browser: the run stops at once and says how to install one', () => {
  it('findChromium: a CHROMIUM_PATH that does not exist is an error, not a fallback', () => {
    expect(() => findChromium({ CHROMIUM_PATH: missing })).toThrow(
      /does not exist.*apt-get install chromium/,
    );
  });

  for (const script of ['bench/run.ts', 'tests/e2e/run.ts'])
    it(`${script} exits non-zero with the hint, before any build or server`, () => {
      const r = runWithoutBrowser(script);
      expect(r.signal).toBeNull(); // not killed by the timeout
      expect(r.status).not.toBe(0);
      expect(r.stderr).toMatch(/No Chromium found/);
      expect(r.stderr).toMatch(/apt-get install chromium/);
      expect(r.stdout).not.toMatch(/built in|vite/i); // nothing was built first
      // well under the minutes a model build, a site build and a preview server take
      expect(r.ms).toBeLessThan(30_000);
    }, 70_000);
});
