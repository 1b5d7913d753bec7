/**
 * Nothing lost, nothing leaked, in a real browser: a production build has no test API (the exam
 * key) and sends its security policy; a link with unknown ids opens the rest and says what it
 * skipped, and never writes them back; a hash change in an open tab is followed; a lost WebGL
 * context is explained and recovered from; saved progress with one bad record keeps the good
 * ones; a browser that refuses storage is told to the user.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  emptyProgress,
  PROGRESS_KEY,
  recordSession,
  type SessionRecord,
} from '../../src/domain/quiz/progress.ts';
import { distDir, ensureDist, startServer } from './harness.ts';
import type { E2ETest } from './types.ts';
import { assert, onlyNameTheMuscle, waitForReady } from './page.ts';

const state = <T>(page: import('playwright-core').Page, key: string) =>
  page.evaluate(
    (k) => (window.__needlewise?.getState() as unknown as Record<string, unknown>)[k],
    key,
  ) as Promise<T>;

function session(id: string, minutes: number): SessionRecord {
  const t = Date.UTC(2026, 0, 1, 9, minutes);
  return {
    id,
    title: `Quiz ${id}`,
    mode: 'practice',
    startedAt: new Date(t).toISOString(),
    finishedAt: new Date(t + 60_000).toISOString(),
    score: 1,
    correct: 1,
    total: 1,
    results: [
      {
        questionId: 'q1',
        type: 'locate',
        score: 1,
        itemKey: 'locate:upper-trapezius-trp1',
        triggerPointId: 'upper-trapezius-trp1',
        muscleId: 'upper-trapezius',
        area: 'head-neck',
      },
    ],
  };
}

export const tests: E2ETest[] = [
  {
    name: 'a production build has no test API (no exam key) and sends its security policy',
    async run({ newPage }) {
      ensureDist();
      // no file of the production build holds the test API or the quiz key reader
      const files: string[] = [];
      const walk = (dir: string) => {
        for (const e of readdirSync(dir, { withFileTypes: true }))
          if (e.isDirectory()) walk(join(dir, e.name));
          else if (/\.(js|html)$/.test(e.name)) files.push(join(dir, e.name));
      };
      walk(distDir);
      const leaking = files.filter((f) =>
        /currentQuizKey|__needlewise|quizKey/.test(readFileSync(f, 'utf8')),
      );
      assert(
        leaking.length === 0,
        `the production build holds the test API: ${leaking.join(', ')}`,
      );
      const server = await startServer(distDir);
      try {
        const res = await fetch(server.baseUrl + '/');
        const csp = res.headers.get('content-security-policy') ?? '';
        assert(/script-src 'self'/.test(csp), `no Content-Security-Policy header (got "${csp}")`);
        assert(
          res.headers.get('x-content-type-options') === 'nosniff',
          'no X-Content-Type-Options',
        );
        assert(res.headers.get('x-frame-options') === 'DENY', 'no X-Frame-Options');
        assert(res.headers.get('referrer-policy') === 'no-referrer', 'no Referrer-Policy');
        const html = await res.text();
        assert(
          /<meta http-equiv="Content-Security-Policy"/.test(html),
          'the built page has no CSP meta tag',
        );
        const page = await newPage({ viewport: { width: 1280, height: 800 } });
        const violations: string[] = [];
        page.on('console', (m) => {
          if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
        });
        await page.goto(server.baseUrl + '/#m=quiz', { waitUntil: 'load', timeout: 60_000 });
        await waitForReady(page);
        const api = await page.evaluate(() => typeof window.__needlewise);
        assert(api === 'undefined', `window.__needlewise is ${api} in a production build`);
        assert(violations.length === 0, `the policy blocked the app: ${violations.join(' | ')}`);
      } finally {
        await server.close();
      }
    },
  },
  {
    name: 'a link with unknown ids opens the rest, says what it skipped, and never writes them back',
    async run({ page, baseUrl, screenshot }) {
      const bad = 'm=explore&p=ghost-region,temple-left&s=constructor&z=nope-trp1:l';
      await page.goto(`${baseUrl}/#${bad}`, { waitUntil: 'load', timeout: 60_000 });
      await waitForReady(page);
      const notice = page.locator('.app-notice');
      await notice.waitFor({ state: 'visible', timeout: 30_000 });
      const text = await notice.innerText();
      for (const id of ['ghost-region', 'constructor', 'nope-trp1'])
        assert(text.includes(id), `the notice does not name ${id}: "${text}"`);
      const pain = await state<string[]>(page, 'painRegions');
      assert(
        pain.length === 1 && pain[0] === 'temple-left',
        `the known region was not opened alone: ${JSON.stringify(pain)}`,
      );
      assert(
        (await state<string | null>(page, 'selectedId')) === null,
        'an unknown structure was selected',
      );
      const body = await page.locator('body').innerText();
      assert(!/stopped working/.test(body), 'a panel stopped working');
      await screenshot('link-unknown-ids.png');
      // the hash written back holds only what is known
      await page.waitForFunction(() => !location.hash.includes('ghost'), undefined, {
        timeout: 15_000,
      });
      const hash = await page.evaluate(() => location.hash);
      assert(!/constructor|nope-trp1/.test(hash), `the hash kept an unknown id: ${hash}`);
      // a hash change in the open tab is followed
      await page.evaluate(() => (location.hash = '#m=needle'));
      await page.waitForFunction(
        () => (window.__needlewise?.getState() as unknown as { mode: string }).mode === 'needle',
        undefined,
        { timeout: 15_000 },
      );
    },
  },
  {
    name: 'while a quiz runs the URL holds nothing of the question (a painted zone names its answer)',
    async run({ page, baseUrl }) {
      await page.goto(baseUrl + '/#m=quiz', { waitUntil: 'load', timeout: 60_000 });
      await waitForReady(page);
      await page.getByRole('button', { name: 'Start quiz' }).waitFor({ timeout: 90_000 });
      await onlyNameTheMuscle(page);
      await page.getByRole('button', { name: 'Start quiz' }).click();
      await page.waitForFunction(
        () => {
          const s = window.__needlewise?.getState() as unknown as {
            quiz: { type: string } | null;
            quizZone: unknown;
          };
          return s.quiz?.type === 'name-muscle' && s.quizZone !== null;
        },
        undefined,
        { timeout: 60_000 },
      );
      // the hash is written 0.4 s after a change and looked at every 1.5 s
      await page.waitForTimeout(2500);
      const hash = await page.evaluate(() => decodeURIComponent(location.hash));
      assert(!/trp|[#&]z=|[#&]p=|[#&]s=/.test(hash), `the URL shows the question: ${hash}`);
    },
  },
  {
    name: 'a lost WebGL context is explained, with a reload button, and cleared when it comes back',
    async run({ page, baseUrl, screenshot }) {
      await page.goto(baseUrl + '/', { waitUntil: 'load', timeout: 60_000 });
      await waitForReady(page);
      await page.evaluate(() => {
        const c = document.querySelector('canvas')!;
        const gl = (c.getContext('webgl2') ?? c.getContext('webgl'))!;
        const ext = gl.getExtension('WEBGL_lose_context')!;
        (window as unknown as { __lose: WEBGL_lose_context }).__lose = ext;
        ext.loseContext();
      });
      const alert = page.getByRole('alert').filter({ hasText: /lost its WebGL context/ });
      await alert.waitFor({ state: 'visible', timeout: 15_000 });
      assert(
        await page.getByRole('button', { name: 'Reload the page' }).isVisible(),
        'no reload button',
      );
      await screenshot('webgl-context-lost.png');
      await page.evaluate(() =>
        (window as unknown as { __lose: WEBGL_lose_context }).__lose.restoreContext(),
      );
      await alert.waitFor({ state: 'detached', timeout: 15_000 });
    },
  },
  {
    name: 'saved progress with one bad record keeps the three good ones and offers the backup',
    async run({ newPage, baseUrl, screenshot }) {
      let p = emptyProgress();
      for (const [i, id] of ['a', 'b', 'c'].entries())
        p = recordSession(p, session(id, i), Date.UTC(2026, 0, 1, 10));
      const json = JSON.parse(JSON.stringify(p)) as { sessions: unknown[] };
      json.sessions.push({ ...session('bad', 9), score: 7 });
      const page = await newPage({ viewport: { width: 1280, height: 800 } });
      await page.addInitScript(
        ([key, text]) => {
          if (!sessionStorage.getItem('seeded')) {
            localStorage.setItem(key!, text!);
            sessionStorage.setItem('seeded', '1');
          }
        },
        [PROGRESS_KEY, JSON.stringify(json)],
      );
      await page.goto(baseUrl + '/#m=quiz', { waitUntil: 'load', timeout: 60_000 });
      await waitForReady(page);
      const history = page.locator('.quiz-history');
      await history.waitFor({ state: 'visible', timeout: 90_000 });
      const text = await history.innerText();
      assert(/3 quizzes/.test(text), `the three good sessions are not shown: "${text}"`);
      const alert = await page.getByRole('alert').first().innerText();
      assert(/sessions\[3\]/.test(alert), `the bad record is not named: "${alert}"`);
      assert(
        await page.getByText(/Restore from a backup/).isVisible(),
        'no restore from the backup offered',
      );
      await screenshot('progress-one-bad-record.png', page);
    },
  },
  {
    name: 'two tabs that each finish a quiz both keep theirs: storage holds two, both tabs show two',
    async run({ page, baseUrl, screenshot }) {
      // two tabs of one browser share localStorage: a save re-reads what is stored and merges
      const tabs = [page, await page.context().newPage()];
      const finish = async (tab: import('playwright-core').Page, seed: string) => {
        await tab.getByRole('button', { name: 'Start quiz' }).waitFor({ timeout: 90_000 });
        await onlyNameTheMuscle(tab);
        await tab.getByLabel('Questions').fill('1');
        await tab.getByLabel('Seed').fill(seed);
        await tab.getByRole('radio', { name: /^Exam/ }).check();
        await tab.getByRole('button', { name: 'Start quiz' }).click();
        await tab.locator('.quiz-choices input[type=radio]').first().check();
        await tab.getByRole('button', { name: 'Save answer' }).click();
        await tab.getByRole('button', { name: 'Finish' }).click();
        await tab.getByRole('heading', { name: /: \d+ %$/ }).waitFor({ timeout: 30_000 });
      };
      // the second tab never hears of the first one's save (as a tab in the background may
      // not, before it saves): only the merge on save keeps the first tab's quiz
      await tabs[1]!.addInitScript(() =>
        window.addEventListener('storage', (e) => e.stopImmediatePropagation(), true),
      );
      for (const tab of tabs) {
        await tab.goto(baseUrl + '/#m=quiz', { waitUntil: 'load', timeout: 60_000 });
        await waitForReady(tab);
      }
      // both tabs loaded the same (empty) progress before either finished
      await finish(tabs[0]!, '11');
      await finish(tabs[1]!, '12');
      const stored = await page.evaluate(
        (key) =>
          JSON.parse(localStorage.getItem(key) ?? '{"sessions":[]}') as { sessions: unknown[] },
        PROGRESS_KEY,
      );
      assert(
        stored.sessions.length === 2,
        `storage holds ${stored.sessions.length} sessions, not 2`,
      );
      // each tab's own history (the first learns of the second's save through the storage event)
      for (const [i, tab] of tabs.entries()) {
        await tab.getByRole('button', { name: 'New quiz', exact: true }).click();
        const history = tab.locator('.quiz-history');
        await history.waitFor({ state: 'visible', timeout: 30_000 });
        const text = await history.innerText();
        assert(/2 quizzes/.test(text), `tab ${i + 1} shows "${text}", not 2 quizzes`);
      }
      await screenshot('progress-two-tabs.png', tabs[0]);
    },
  },
  {
    name: 'a browser that refuses storage is told, with a download, instead of losing results silently',
    async run({ newPage, baseUrl }) {
      const page = await newPage({ viewport: { width: 1280, height: 800 } });
      await page.addInitScript(() => {
        Object.defineProperty(window, 'localStorage', {
          get() {
            throw new DOMException('The operation is insecure.', 'SecurityError');
          },
        });
      });
      await page.goto(baseUrl + '/#m=quiz', { waitUntil: 'load', timeout: 60_000 });
      await waitForReady(page);
      const alert = page.getByRole('alert').filter({ hasText: /refuses to store data/ });
      await alert.waitFor({ state: 'visible', timeout: 90_000 });
      assert(
        await page.getByRole('button', { name: 'Download your progress' }).first().isVisible(),
        'no download offered',
      );
    },
  },
];
