/**
 * Quiz mode as a student takes it: a five-question practice quiz answered by clicking on the body
 * and choosing, with feedback after each answer and a summary at the end; the finished quiz is
 * kept in the history across a reload; a malformed quiz file is refused and loses nothing; an
 * exam's name-the-muscle questions name their trigger point nowhere a student can look.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { loadCatalogFromDisk } from '../../src/domain/catalog/node.ts';
import { parseQuizFile } from '../../src/domain/quiz/file.ts';
import { nameMuscleKey } from '../../src/domain/quiz/nameMuscle.ts';
import type { E2ETest } from './types.ts';
import { assert, waitForFramed, onlyNameTheMuscle, waitForReady } from './page.ts';

interface QuizState {
  index: number;
  total: number;
  type: string | null;
  finished: boolean;
  score: number | null;
  results: { questionId: string; type: string; score: number }[];
}

const quizState = (page: Page) =>
  page.evaluate(
    () => (window.__needlewise?.getState() as unknown as { quiz: QuizState | null }).quiz,
  );

async function openQuiz(page: Page, baseUrl: string) {
  await page.goto(baseUrl + '/#m=quiz', { waitUntil: 'load', timeout: 60_000 });
  await waitForReady(page);
  // the body is indexed and the points placed before a quiz can start
  await page.getByRole('button', { name: 'Start quiz' }).waitFor({ timeout: 90_000 });
}

/**
 * Clicks (or taps) a body point once the camera has come to rest (it flies to each question; on a
 * loaded machine the flight takes longer), and waits for the app to take the spot; tries again
 * if the click landed while the view was still moving.
 */
async function clickBodyPoint(
  page: Page,
  p: [number, number, number],
  tap = false,
  what: 'quizPoint' | 'needle' = 'quizPoint',
) {
  const project = () => page.evaluate((q) => window.__needlewise?.projectPoint(q), p);
  for (let attempt = 0; attempt < 20; attempt++) {
    const a = await project();
    await page.waitForTimeout(400);
    const b = await project();
    if (!a || !b || !b.onScreen || Math.hypot(a.x - b.x, a.y - b.y) > 1.5) continue;
    // nothing of the page's chrome over the spot
    const free = await page.evaluate(
      ([x, y]) => document.elementFromPoint(x!, y!)?.tagName === 'CANVAS',
      [b.x, b.y],
    );
    if (!free) throw new Error(`the spot (${b.x}, ${b.y}) is under the page's controls`);
    if (tap) await page.touchscreen.tap(b.x, b.y);
    else await page.mouse.click(b.x, b.y);
    const placed = await page
      .waitForFunction(
        (key) => (window.__needlewise?.getState() as unknown as Record<string, unknown>)[key],
        what,
        { timeout: 5000 },
      )
      .then(() => true)
      .catch(() => false);
    if (placed) return;
  }
  throw new Error('the spot could not be placed on the body (the view never came to rest)');
}

/** Answers the current question the way a student would, right where the key says. */
async function answer(page: Page, q: QuizState) {
  const key = (await page.evaluate(() => window.__needlewise?.quizKey())) as Record<
    string,
    unknown
  > | null;
  assert(key, `no key for question ${q.index + 1}`);
  if (q.type === 'locate') {
    await clickBodyPoint(page, key['point'] as [number, number, number]);
    await page.getByText('Spot placed').waitFor({ timeout: 10_000 });
  } else if (q.type === 'name-muscle') {
    const name = await page.evaluate(
      (id) => document.querySelector(`input[value="${id}"]`)?.parentElement?.textContent ?? '',
      key['muscleId'] as string,
    );
    await page.getByRole('radio', { name: name.trim() }).check();
  } else if (q.type === 'pick-trigger-points') {
    // a student who picks every offered point: over-picking costs precision
    for (const box of await page.locator('.quiz-choices input[type=checkbox]').all())
      await box.check();
  }
  await page.getByRole('button', { name: 'Check answer' }).click();
  await page.locator('.quiz-feedback').waitFor({ timeout: 30_000 });
}

export const tests: E2ETest[] = [
  {
    name: 'a five-question practice quiz answered on the body, its summary, and the history after a reload',
    async run({ page, baseUrl, screenshot }) {
      await openQuiz(page, baseUrl);
      // only the types a click or a choice answers
      for (const t of [
        'Paint the referral zone',
        'Needle placement',
        'Which structure is at risk?',
      ])
        await page.getByRole('checkbox', { name: t }).uncheck();
      await page.getByLabel('Questions').fill('5');
      await page.getByLabel('Seed').fill('2026');
      await page.getByRole('button', { name: 'Start quiz' }).click();
      let q = await quizState(page);
      assert(q && q.total === 5, `the quiz has ${q?.total} questions`);
      for (let i = 0; i < 5; i++) {
        q = (await quizState(page))!;
        assert(q.index === i, `at question ${q.index + 1}, not ${i + 1}`);
        await answer(page, q);
        const after = (await quizState(page))!;
        const r = after.results.find((x) => x.type === q!.type && after.results.length === i + 1);
        assert(r, `question ${i + 1} was not scored`);
        if (q.type !== 'pick-trigger-points')
          assert(r.score >= 0.7, `question ${i + 1} (${q.type}) scored ${r.score}`);
        if (q.type === 'locate' && i < 2) {
          await page.getByRole('checkbox', { name: /Show the right answer/ }).check();
          await page.waitForTimeout(800);
          await screenshot('quiz-locate-feedback.png');
        }
        if (i < 4) await page.getByRole('button', { name: 'Next' }).click();
        else await page.getByRole('button', { name: 'Finish' }).click();
      }
      const done = (await quizState(page))!;
      assert(done.finished, 'the quiz did not finish');
      await page.getByRole('heading', { name: /: \d+ %$/ }).waitFor();
      const rows = await page.locator('.quiz-by-type tbody tr').count();
      assert(rows >= 2, `the summary lists ${rows} question types`);
      await screenshot('quiz-summary.png');
      // the history survives a reload
      await page.reload({ waitUntil: 'load' });
      await waitForReady(page);
      await page.getByText(/1 quiz, mean score \d+ %/).waitFor({ timeout: 90_000 });
    },
  },
  {
    name: 'an exam: paint a zone, place a needle, name the structure at risk; feedback only at the end',
    async run({ page, baseUrl, screenshot }) {
      await openQuiz(page, baseUrl);
      for (const t of [
        'Locate the trigger point',
        'Name the muscle from its referral pattern',
        'Pain map: which trigger points to examine',
      ])
        await page.getByRole('checkbox', { name: t }).uncheck();
      await page.getByLabel('Questions').fill('3');
      await page.getByLabel('Seed').fill('77');
      await page.getByRole('radio', { name: /^Exam/ }).check();
      await page.getByRole('button', { name: 'Start quiz' }).click();
      // finishing with questions unanswered asks first
      await page.getByRole('button', { name: 'Finish' }).click();
      const warning = page.locator('.quiz-warning');
      await warning.waitFor({ timeout: 10_000 });
      assert(/3 questions are not answered/.test(await warning.innerText()), 'no warning');
      assert(!(await quizState(page))!.finished, 'the exam finished with nothing answered');
      for (let i = 0; i < 3; i++) {
        const q = (await quizState(page))!;
        const key = (await page.evaluate(() => window.__needlewise?.quizKey())) as Record<
          string,
          unknown
        >;
        await page.waitForTimeout(2500); // the camera frames the question
        if (q.type === 'paint-zone') {
          // paint where the point's zone is: a click on the body's skin paints the region there
          const box = (await page.locator('main.viewport canvas').boundingBox())!;
          await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
          const painted = await page.evaluate(
            () =>
              (window.__needlewise?.getState() as unknown as { painRegions: string[] }).painRegions,
          );
          assert(painted.length === 1, `a click painted ${painted.length} regions`);
          await page.getByText(/^Painted: /).waitFor();
          await screenshot('quiz-paint.png');
        } else if (q.type === 'needle') {
          await clickBodyPoint(page, key['entry'] as [number, number, number], false, 'needle');
          await page.getByText('Entry placed').waitFor({ timeout: 10_000 });
          await page.getByLabel(/^Depth/).fill(String(key['depthMm']));
          await screenshot('quiz-needle.png');
        } else if (q.type === 'structure-at-risk') {
          const name = await page.evaluate(
            (id) =>
              document.querySelector(`input[value="${id}"]`)?.parentElement?.textContent ?? '',
            key['structureId'] as string,
          );
          await page.getByRole('radio', { name: name.trim() }).check();
        }
        await page.getByRole('button', { name: 'Save answer' }).click();
        // an exam gives no feedback before the end
        assert((await page.locator('.quiz-feedback').count()) === 0, 'feedback during an exam');
        // it stays on the question (moving on by itself, the next "Next" skipped one) and marks
        // it answered
        assert((await quizState(page))!.index === i, 'saving an answer moved on by itself');
        await page
          .getByRole('button', { name: `Question ${i + 1}: answered` })
          .waitFor({ timeout: 10_000 });
        if (i < 2) await page.getByRole('button', { name: 'Next' }).click();
      }
      await page.getByRole('button', { name: 'Finish' }).click();
      const done = (await quizState(page))!;
      assert(done.finished && done.results.length === 3, 'the exam was not scored');
      const atRisk = done.results.find((r) => r.type === 'structure-at-risk');
      if (atRisk) assert(atRisk.score === 1, 'the structure at risk was chosen right but scored 0');
      await page.getByRole('heading', { name: /: \d+ %$/ }).waitFor();
      await screenshot('quiz-exam-summary.png');
      // review one question with its key on the body
      await page.locator('.quiz-review button').first().click();
      await page.locator('.quiz-feedback').waitFor();
      await page.waitForTimeout(2500);
      await screenshot('quiz-exam-review.png');
    },
  },
  {
    name: 'an exam names no trigger point of its name-the-muscle questions: not in the URL, the title, the hover label, the link or the file',
    async run({ page, baseUrl, screenshot }) {
      await openQuiz(page, baseUrl);
      await onlyNameTheMuscle(page);
      await page.getByLabel('Questions').fill('3');
      await page.getByLabel('Seed').fill('24');
      await page.getByRole('radio', { name: /^Exam/ }).check();
      await page.getByRole('button', { name: 'Start quiz' }).click();
      const zoneShown = () =>
        page.waitForFunction(
          () => {
            const s = window.__needlewise?.getState() as unknown as {
              quiz: { type: string } | null;
              quizZone: { essential: string[] } | null;
              zoneTriggers: unknown[];
            };
            return (
              s.quiz?.type === 'name-muscle' &&
              (s.quizZone?.essential.length ?? 0) > 0 &&
              s.zoneTriggers.length === 0
            );
          },
          undefined,
          { timeout: 60_000 },
        );
      await zoneShown();
      // the exported exam: its keys worked out here, from the catalog, to look for everywhere
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 30_000 }),
        page.getByRole('button', { name: 'Export this quiz' }).click(),
      ]);
      const fileText = readFileSync((await download.path())!, 'utf8');
      const catalog = loadCatalogFromDisk();
      const quiz = parseQuizFile(fileText, 'the exported exam', catalog);
      assert(quiz.mode === 'exam' && quiz.questions.length === 3, 'not the three-question exam');
      const secrets = quiz.questions.map((q) => {
        assert(q.type === 'name-muscle' && q.zone, `question ${q.id} does not show its zone`);
        const key = nameMuscleKey(catalog, q);
        assert(key.ok, `question ${q.id} has no single key`);
        return key.triggerPointId;
      });
      const leaks = (text: string) => [
        ...secrets.filter((id) => text.includes(id)),
        ...(/-trp\d/.test(text) ? ['-trp'] : []),
      ];
      assert(!/triggerPointId/.test(fileText), 'the exported exam names a trigger point');
      assert(leaks(fileText).length === 0, `the exported exam holds ${leaks(fileText).join(', ')}`);
      // the link copied for students
      // (as a string: the test's compiler would wrap a named function in a helper the page lacks)
      await page.evaluate(`Object.defineProperty(navigator, 'clipboard', {
        configurable: true,
        value: { writeText: (t) => { window.copied = t; return Promise.resolve(); } },
      })`);
      await page.getByRole('button', { name: 'Copy a link to this quiz' }).click();
      await page.getByText('A link to this quiz was copied.').waitFor({ timeout: 10_000 });
      const link = await page.evaluate(() => (window as unknown as { copied: string }).copied);
      const carried = new URL(link).searchParams.get('quiz');
      assert(carried, `the link carries no quiz: ${link}`);
      const linkText = Buffer.from(carried, 'base64url').toString('utf8');
      assert(/"zone"/.test(linkText), 'the link does not carry the zones');
      assert(
        leaks(linkText + link).length === 0,
        `the exam link holds ${leaks(linkText).join(', ')}`,
      );
      const hoverLabels = new Set<string>();
      for (let i = 0; i < 3; i++) {
        if (i > 0) {
          await page.getByRole('button', { name: 'Next' }).click();
          await zoneShown();
        }
        await page.waitForTimeout(2500); // the hash is written 0.4 s after a change
        if (i === 0) await screenshot('quiz-exam-name-muscle.png');
        const where = await page.evaluate(() => ({
          url: decodeURIComponent(location.href),
          title: document.title,
          html: document.documentElement.outerHTML,
        }));
        for (const [what, text] of Object.entries(where))
          assert(leaks(text).length === 0, `question ${i + 1}: the ${what} holds ${leaks(text)}`);
        // the label over the body names what the pointer is on, never the pattern's point
        const box = (await page.locator('main.viewport canvas').boundingBox())!;
        for (let gx = 1; gx <= 4; gx++)
          for (let gy = 1; gy <= 4; gy++) {
            await page.mouse.move(box.x + (box.width * gx) / 5, box.y + (box.height * gy) / 5);
            await page.waitForTimeout(150);
            const label = await page.locator('.hover-label').evaluate((el) => ({
              text: el.textContent ?? '',
              shown: !(el as HTMLElement).hidden,
            }));
            if (label.shown && label.text.trim()) hoverLabels.add(label.text.trim());
          }
      }
      // the check looked at real labels
      assert(hoverLabels.size > 0, 'no hover label was seen over the body');
      for (const label of hoverLabels)
        assert(
          leaks(label).length === 0 && !/TrP/.test(label),
          `a hover label names a trigger point: ${label}`,
        );
    },
  },
  {
    name: 'a quiz link opens on the linked quiz: its title, its size and Start in view without scrolling (desktop and phone)',
    async run({ baseUrl, newPage, screenshot }) {
      const quizFile = {
        format: 'needlewise-quiz',
        version: 1,
        title: 'Neck and shoulder, week 2',
        mode: 'practice',
        questions: [
          {
            id: 'a',
            type: 'locate',
            triggerPointId: 'upper-trapezius-trp1',
            side: 'right',
            toleranceMm: 20,
          },
          { id: 'b', type: 'paint-zone', triggerPointId: 'upper-trapezius-trp1', side: 'left' },
        ],
      };
      const link = `${baseUrl}/?quiz=${Buffer.from(JSON.stringify(quizFile)).toString('base64url')}#m=quiz`;
      for (const [label, options] of [
        ['desktop', { viewport: { width: 1280, height: 800 } }],
        [
          'phone',
          {
            viewport: { width: 390, height: 844 },
            deviceScaleFactor: 2,
            isMobile: true,
            hasTouch: true,
          },
        ],
      ] as const) {
        const page = await newPage(options);
        await page.goto(link, { waitUntil: 'load', timeout: 60_000 });
        await waitForReady(page);
        const start = page.getByRole('button', { name: 'Start the linked quiz' });
        await start.waitFor({ state: 'visible', timeout: 90_000 });
        await page.waitForTimeout(500); // the drawer slides in on a phone
        const linked = page.getByRole('region', { name: quizFile.title });
        assert(
          /2 questions/.test(await linked.innerText()),
          `${label}: the linked quiz does not say its size`,
        );
        // in view as the page opened: nothing scrolled, the button inside the window, on top
        const seen = await start.evaluate((el) => {
          const r = el.getBoundingClientRect();
          const top = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
          let scrolled = window.scrollY;
          for (let p = el.parentElement; p; p = p.parentElement) scrolled += p.scrollTop;
          return {
            inside: r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth,
            onTop: top === el || el.contains(top),
            scrolled,
          };
        });
        assert(seen.inside, `${label}: the start button is outside the window`);
        assert(seen.onTop, `${label}: something covers the start button`);
        assert(seen.scrolled === 0, `${label}: the page was scrolled by ${seen.scrolled} px`);
        // the generic form is folded away below
        assert(
          !(await page.getByRole('button', { name: 'Start quiz', exact: true }).isVisible()),
          `${label}: the generic quiz form is open`,
        );
        const other = page.getByText('Set up another quiz, or open a file');
        const below = await other.evaluate(
          (el, b) => el.getBoundingClientRect().top > b,
          (await start.boundingBox())!.y,
        );
        assert(below, `${label}: the other quizzes are not below the linked one`);
        await screenshot(`quiz-link-${label}.png`, page);
        if (label === 'phone') await start.tap();
        else await start.click();
        await page.waitForFunction(
          () =>
            (window.__needlewise?.getState() as unknown as { quiz: { total: number } | null }).quiz
              ?.total === 2,
          undefined,
          { timeout: 15_000 },
        );
        await page.getByRole('heading', { name: /^Question 1 of 2|Click the skin/ }).waitFor();
        await page.close();
      }
    },
  },
  {
    name: 'a malformed quiz file is refused with its path and problem, and the history is kept',
    async run({ page, baseUrl }) {
      // a history saved earlier, then broken progress would be kept aside; here: a bad quiz file
      await openQuiz(page, baseUrl);
      const bad = JSON.stringify({
        format: 'needlewise-quiz',
        version: 1,
        title: '<img src=x onerror=alert(1)>',
        questions: [
          {
            id: 'q1',
            type: 'locate',
            triggerPointId: 'no-such-point',
            side: 'left',
            toleranceMm: 15,
          },
        ],
      });
      await page.getByLabel('Open a quiz file (.json)').setInputFiles({
        name: 'broken.json',
        mimeType: 'application/json',
        buffer: Buffer.from(bad),
      });
      const alert = page.getByRole('alert');
      await alert.waitFor({ timeout: 10_000 });
      const text = (await alert.textContent()) ?? '';
      assert(
        text.includes('broken.json') && text.includes('questions[0].triggerPointId'),
        `the refusal does not name the file and path: ${text}`,
      );
      assert((await quizState(page)) === null, 'a refused file started a quiz');
      assert((await page.locator('img[src=x]').count()) === 0, 'text from a file became HTML');
    },
  },
  {
    name: 'on a phone: the question in a drawer, answered with a tap on the body',
    async run({ baseUrl, newPage, screenshot }) {
      const page = await newPage({
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
      });
      await page.goto(baseUrl + '/#m=quiz', { waitUntil: 'load', timeout: 60_000 });
      await waitForReady(page);
      await page.locator('header button[aria-controls="right-panel"]').tap();
      await page.getByRole('button', { name: 'Start quiz' }).waitFor({ timeout: 90_000 });
      for (const t of [
        'Name the muscle from its referral pattern',
        'Paint the referral zone',
        'Pain map: which trigger points to examine',
        'Needle placement',
        'Which structure is at risk?',
      ])
        await page.getByRole('checkbox', { name: t }).uncheck();
      await page.getByLabel('Questions').fill('1');
      await page.getByLabel('Seed').fill('11');
      await page.getByRole('button', { name: 'Start quiz' }).tap();
      await page.getByRole('button', { name: 'Answer on the body' }).tap();
      // the question's muscle framed whole in the phone's narrow view
      await waitForFramed(page);
      const chip = page.locator('.quiz-chip');
      await chip.waitFor({ timeout: 10_000 });
      const key = (await page.evaluate(() => window.__needlewise?.quizKey())) as {
        point: [number, number, number];
      };
      await clickBodyPoint(page, key.point, true);
      await screenshot('quiz-phone.png', page);
      await chip.getByRole('button', { name: 'Back to the question' }).tap();
      await page.getByRole('button', { name: 'Check answer' }).tap();
      await page.locator('.quiz-feedback').waitFor({ timeout: 30_000 });
      const q = (await quizState(page))!;
      assert(q.results.length === 1 && q.results[0]!.score >= 0.7, `scored ${q.results[0]?.score}`);
    },
  },
];
