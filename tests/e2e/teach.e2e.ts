/**
 * Teach mode as an instructor uses it: play a built-in tour step by step with the keys a
 * clicker sends (a screenshot per step), present it full screen with the laser and a drawing,
 * and load three students' answer files to see the class's results and the heat map.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Page } from 'playwright-core';
import { isDeepStrictEqual } from 'node:util';
import { generateQuiz, withOwnPrompts } from '../../src/domain/quiz/generate.ts';
import { loadQuizWorldFromDisk } from '../../src/domain/quiz/node.ts';
import { perfectAnswer } from '../../src/domain/quiz/score.ts';
import { quizToText } from '../../src/domain/quiz/file.ts';
import { QUESTION_TYPE_LABELS, type Answer } from '../../src/domain/quiz/schema.ts';
import type { E2ETest } from './types.ts';
import { assert, screenshotPixels, waitForFramed, waitForReady } from './page.ts';

interface TeachState {
  tour: { id: string; step: number; steps: number } | null;
  presenting: boolean;
  strokes: number;
  classMarks: number | null;
  classMarkList:
    | {
        student: string;
        verdict: string | null;
        depthMm: number | null;
        point: [number, number, number];
        tip: [number, number, number] | null;
      }[]
    | null;
  zoneTriggers: unknown[];
}
const teachState = (page: Page) =>
  page.evaluate(() => window.__needlewise?.getState() as unknown as TeachState);

/**
 * Chooses files in a file input twice within one task, as a quick second choice does before the
 * first files are read: both batches must end up loaded.
 */
async function chooseTwiceAtOnce(
  page: Page,
  selector: string,
  batches: { name: string; text: string }[][],
): Promise<void> {
  await page.evaluate(
    ({ selector, batches }) => {
      const input = document.querySelector<HTMLInputElement>(selector);
      if (!input) throw new Error(`no ${selector}`);
      for (const batch of batches) {
        const dt = new DataTransfer();
        for (const f of batch)
          dt.items.add(new File([f.text], f.name, { type: 'application/json' }));
        input.files = dt.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
      }
    },
    { selector, batches },
  );
}

/** The colours of the page's pixels in a 5 × 5 square around (x, y), from a real screenshot. */
async function pixelsAround(page: Page, x: number, y: number): Promise<[number, number, number][]> {
  const { data } = await screenshotPixels(page, { x: x - 2, y: y - 2, width: 5, height: 5 });
  const out: [number, number, number][] = [];
  for (let i = 0; i < data.length; i += 4) out.push([data[i]!, data[i + 1]!, data[i + 2]!]);
  return out;
}

const hexRgb = (hex: string): [number, number, number] => [
  parseInt(hex.slice(1, 3), 16),
  parseInt(hex.slice(3, 5), 16),
  parseInt(hex.slice(5, 7), 16),
];

/** A label must sit wholly above its file chooser (it used to run into the button's text). */
async function assertLabelAbove(page: Page, id: string): Promise<void> {
  const label = await page.locator(`label[for="${id}"]`).boundingBox();
  const input = await page.locator(`#${id}`).boundingBox();
  assert(label && input, `#${id} or its label is not shown`);
  assert(
    label.y + label.height <= input.y + 0.5,
    `the label of #${id} (bottom ${label.y + label.height}) overlaps its file chooser (top ${input.y})`,
  );
}

/** Whether a box lies wholly inside the window (with half a pixel of rounding). */
async function inWindow(page: Page, selector: string): Promise<boolean> {
  const box = await page.locator(selector).boundingBox();
  const size = page.viewportSize();
  return (
    !!box &&
    !!size &&
    box.x >= -0.5 &&
    box.y >= -0.5 &&
    box.x + box.width <= size.width + 0.5 &&
    box.y + box.height <= size.height + 0.5
  );
}

/**
 * Moves the pointer over a grid on the canvas until it is on a structure (the store's hoveredId
 * is set); returns whether it found one.
 */
async function hoverSomeStructure(page: Page): Promise<boolean> {
  const box = (await page.locator('main.viewport canvas').boundingBox())!;
  for (let gy = 2; gy <= 6; gy++)
    for (let gx = 3; gx <= 5; gx++) {
      await page.mouse.move(box.x + (box.width * gx) / 8, box.y + (box.height * gy) / 8);
      await page.waitForTimeout(200);
      if ((await page.evaluate(() => window.__needlewise?.getState().hoveredId)) != null)
        return true;
    }
  return false;
}

/** Plays the headache tour and presents it (on a narrow window the Teach panel is a drawer). */
async function presentHeadacheTour(page: Page, baseUrl: string): Promise<void> {
  await page.goto(baseUrl + '/#m=teach', { waitUntil: 'load', timeout: 60_000 });
  await waitForReady(page);
  const drawer = (page.viewportSize()?.width ?? 1280) <= 900;
  if (drawer) await page.locator('header button[aria-controls="right-panel"]').click();
  await page.getByRole('button', { name: 'Headache from the neck and shoulder' }).click();
  if (drawer) await page.keyboard.press('Escape'); // closes the drawer
  await page.locator('#tour-step-title').waitFor();
  await page.locator('main.viewport').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('p');
  assert((await teachState(page)).presenting, 'P did not start presenting');
}

export const tests: E2ETest[] = [
  {
    name: 'a built-in tour stepped with clicker keys, presented with the laser and a drawing',
    async run({ page, baseUrl, screenshot }) {
      await page.goto(baseUrl + '/#m=teach', { waitUntil: 'load', timeout: 60_000 });
      await waitForReady(page);
      await page.getByRole('button', { name: 'Headache from the neck and shoulder' }).click();
      let s = await teachState(page);
      assert(
        s.tour?.id === 'headache-from-the-neck-and-shoulder',
        `tour: ${JSON.stringify(s.tour)}`,
      );
      const steps = s.tour.steps;
      for (let i = 0; i < steps; i++) {
        await page.locator('#tour-step-title').waitFor();
        await page.waitForTimeout(2200); // the camera flies to the step
        await screenshot(`tour-headache-${i + 1}.png`);
        s = await teachState(page);
        assert(s.tour?.step === i, `at step ${s.tour?.step}, expected ${i}`);
        const sources = (await page.locator('.tour-sources').textContent()) ?? '';
        if (s.zoneTriggers.length > 0)
          assert(sources.length > 10, `step ${i + 1} shows no sources`);
        // a clicker's Page Down moves on (focus off the buttons, as with a clicker)
        await page.locator('main.viewport').click({ position: { x: 5, y: 300 } });
        if (i < steps - 1) await page.keyboard.press('PageDown');
      }
      await page.keyboard.press('PageUp');
      s = await teachState(page);
      assert(s.tour?.step === steps - 2, 'Page Up did not go back');
      // presentation: panels away, big caption, the laser and a stroke on the body
      await page.keyboard.press('p');
      s = await teachState(page);
      assert(s.presenting, 'P did not start presenting');
      assert(
        !(await page.locator('#left-panel').isVisible()),
        'the left panel shows while presenting',
      );
      await page.keyboard.press('d');
      const box = (await page.locator('main.viewport canvas').boundingBox())!;
      const cx = box.x + box.width / 2;
      const cy = box.y + box.height / 2;
      await page.mouse.move(cx - 40, cy - 20);
      await page.mouse.down();
      for (let k = 0; k <= 12; k++)
        await page.mouse.move(cx - 40 + k * 7, cy - 20 + Math.sin(k / 2) * 12);
      await page.mouse.up();
      s = await teachState(page);
      assert(s.strokes === 1, `${s.strokes} strokes drawn`);
      await page.keyboard.press('l');
      await page.mouse.move(cx + 30, cy + 10);
      await page.waitForTimeout(800);
      await screenshot('teach-presenting.png');
      await page.keyboard.press('e');
      s = await teachState(page);
      assert(s.strokes === 0, 'E did not clear the drawing');
      await page.keyboard.press('Escape');
      s = await teachState(page);
      assert(!s.presenting, 'Escape did not stop presenting');
    },
  },
  {
    name: "presenting a tour: a low caption band with Previous / Next in view (1280×800, 1280×720, 390×844), sources closed, no hover label or chip, the tour's chip gone when it ends",
    async run({ page, baseUrl, newPage, screenshot }) {
      // the pointer on the body shows its label before presenting: the check below means something
      await page.goto(baseUrl + '/#m=teach', { waitUntil: 'load', timeout: 60_000 });
      await waitForReady(page);
      assert(await hoverSomeStructure(page), 'the pointer found no structure before presenting');
      assert(await page.locator('.hover-label').isVisible(), 'no hover label before presenting');
      await presentHeadacheTour(page, baseUrl);
      await page.waitForTimeout(2200); // the camera flies to the step
      const caption = (await page.locator('.tour-caption').boundingBox())!;
      assert(
        caption.height <= 0.22 * 800,
        `the caption is ${Math.round(caption.height)} px high, ${Math.round((caption.height / 800) * 100)} % of the view (want ≤ 22 %)`,
      );
      const scrolls = await page
        .locator('.tour-caption-body')
        .evaluate((el) => el.scrollHeight > el.clientHeight + 1);
      assert(scrolls, "the first step's caption fits: the test does not show a long one scrolls");
      for (const name of ['Previous', 'Next'])
        assert(
          await inWindow(page, `.tour-nav button:has-text("${name}")`),
          `${name} is not wholly in the window while presenting`,
        );
      assert(
        (await page.locator('.tour-sources').evaluate((d) => (d as HTMLDetailsElement).open)) ===
          false,
        "the step's sources are open while presenting",
      );
      // the step's zones framed whole in the band above the caption, none of them behind it
      await waitForFramed(page);
      await screenshot('teach-present-caption.png');
      // no hover label over the class's view
      assert(await hoverSomeStructure(page), 'the pointer found no structure while presenting');
      assert(
        !(await page.locator('.hover-label').isVisible()),
        'the hover label shows while presenting',
      );
      // step 3 selects the carotid: its chip stays off the projected view
      await page.keyboard.press('PageDown');
      await page.keyboard.press('PageDown');
      let s = await teachState(page);
      assert(s.tour?.step === 2, `at step ${s.tour?.step}`);
      const selected = await page.evaluate(() => window.__needlewise?.getState().selectedId);
      assert(selected === 'common-carotid-artery-right', `selected: ${selected}`);
      assert(
        !(await page.locator('.selection-chip').isVisible()),
        'the selection chip shows while presenting',
      );
      // the tour ended: the chip its step set goes with it
      await page.keyboard.press('Escape');
      await page.locator('.selection-chip').waitFor({ state: 'visible' });
      await page.locator('#right-panel').getByRole('button', { name: 'End the tour' }).click();
      s = await teachState(page);
      assert(s.tour === null, 'the tour did not end');
      const after = await page.evaluate(() => window.__needlewise?.getState().selectedId);
      assert(after === null, `the tour's selection stayed after it ended: ${after}`);
      assert(
        !(await page.locator('.selection-chip').isVisible()),
        "the tour's chip stayed after it ended",
      );
      // Previous / Next stay in the window on a short screen and on a phone
      for (const viewport of [
        { width: 1280, height: 720 },
        { width: 390, height: 844 },
      ]) {
        const p = await newPage({ viewport });
        await presentHeadacheTour(p, baseUrl);
        for (const name of ['Previous', 'Next'])
          assert(
            await inWindow(p, `.tour-nav button:has-text("${name}")`),
            `${name} is not wholly in the window at ${viewport.width}×${viewport.height}`,
          );
        await screenshot(`teach-present-${viewport.width}x${viewport.height}.png`, p);
      }
    },
  },
  {
    name: "three students' answer files: success per question and the heat map on the body",
    async run({ page, baseUrl, screenshot }) {
      // the quiz handed out and three students' answers: right, a little off, and wrong
      const world = loadQuizWorldFromDisk();
      const quiz = generateQuiz(world, {
        seed: 5,
        count: 2,
        types: ['locate'],
        triggerPoints: ['infraspinatus-trp1', 'upper-trapezius-trp1'],
        mode: 'exam',
        title: 'Class quiz e2e',
      });
      const dir = mkdtempSync(join(tmpdir(), 'nw-class-'));
      writeFileSync(join(dir, 'class.quiz.json'), quizToText(quiz));
      const offsets = [0, 0.012, 0.06];
      const files = ['ana', 'ben', 'cy'].map((student, k) => {
        const answers = quiz.questions.map((q) => {
          const a = perfectAnswer(world, q) as Extract<Answer, { type: 'locate' }>;
          return { ...a, point: [a.point[0], a.point[1] + offsets[k]!, a.point[2]] };
        });
        const f = join(dir, `${student}.answers.json`);
        writeFileSync(
          f,
          JSON.stringify({ format: 'needlewise-answers', version: 1, student, answers }),
        );
        return f;
      });
      await page.goto(baseUrl + '/#m=teach', { waitUntil: 'load', timeout: 60_000 });
      await waitForReady(page);
      await page.locator('#class-quiz-file').waitFor({ timeout: 90_000 });
      await assertLabelAbove(page, 'class-quiz-file');
      await page
        .getByLabel('or open the quiz you handed out')
        .setInputFiles(join(dir, 'class.quiz.json'), {
          timeout: 90_000,
        });
      await page.getByText('Class quiz e2e').waitFor();
      await assertLabelAbove(page, 'class-files');
      // Ana and Ben chosen, then Cy straight away, before the first two are read
      await chooseTwiceAtOnce(page, '#class-files', [
        files.slice(0, 2).map((f) => ({ name: basename(f), text: readFileSync(f, 'utf8') })),
        [{ name: basename(files[2]!), text: readFileSync(files[2]!, 'utf8') }],
      ]);
      await page.getByText(/3 students: /).waitFor({ timeout: 30_000 });
      const rows = await page.locator('.class-table tbody tr').allTextContents();
      assert(rows.length === 2, `${rows.length} question rows`);
      for (const r of rows) assert(r.includes('2/3'), `expected 2 of 3 right: ${r}`);
      // a fourth student's download under the third's file name, and Ben's file sent again: the
      // fourth is added (students are told apart by what is in the file), Ben's copy is left out,
      // and both are said
      const dee = JSON.parse(readFileSync(files[2]!, 'utf8')) as { student: string };
      dee.student = 'dee';
      const input = page.getByLabel("Students' answer files (several at once)");
      await input.setInputFiles([
        {
          name: 'cy.answers.json',
          mimeType: 'application/json',
          buffer: Buffer.from(JSON.stringify(dee)),
        },
        { name: 'ben-again.json', mimeType: 'application/json', buffer: readFileSync(files[1]!) },
      ]);
      await page.getByText(/4 students: /).waitFor({ timeout: 30_000 });
      const said = await page.locator('[role="status"]').allTextContents();
      assert(
        said.some((t) => /ben-again\.json: the same answers as ben .*not added again/.test(t)),
        `no word about the file sent twice: ${said.join(' | ')}`,
      );
      const who = (await page.getByText(/4 students: /).textContent()) ?? '';
      for (const n of ['ana', 'ben', 'cy', 'dee']) assert(who.includes(n), `${n} missing: ${who}`);
      await page.locator('.class-table').getByRole('button', { name: 'heat map' }).first().click();
      const s = await teachState(page);
      assert(s.classMarks === 4, `${s.classMarks} marks on the body`);
      await page.waitForTimeout(2500);
      await screenshot('teach-heatmap.png');
      // the legend lists the four students with their marks; Dee alone, then everyone again
      const legend = page.getByRole('group', { name: 'Students on the heat map' });
      for (const name of ['ana: spot, 100 %, right', 'cy: spot, 0 %, wrong'])
        await legend.getByRole('radio', { name }).waitFor();
      await legend.getByRole('radio', { name: 'dee: spot, 0 %, wrong' }).check();
      const one = await teachState(page);
      assert(
        one.classMarks === 1 && one.classMarkList?.[0]?.student === 'dee',
        `shown: ${JSON.stringify(one.classMarkList?.map((m) => m.student))}`,
      );
      await legend.getByRole('radio', { name: /^All students/ }).check();
      assert((await teachState(page)).classMarks === 4, 'all four not shown again');
      // presenting the heat map: the panel with the legend goes, the names stay over the view,
      // in the panel legend's order (that of the files as they were read)
      const inPanel = await legend.locator('label strong').allTextContents();
      await page.getByRole('button', { name: 'Start presenting' }).click();
      const named = page.getByRole('list', { name: 'Students on the heat map' });
      await named.waitFor({ state: 'visible' });
      const names = (await named.locator('li').allTextContents()).map((t) => t.trim());
      assert(
        isDeepStrictEqual(names, inPanel) && names.length === 4,
        `named over the view: ${JSON.stringify(names)}, in the panel: ${JSON.stringify(inPanel)}`,
      );
      await screenshot('teach-heatmap-presenting.png');
      await page.keyboard.press('Escape');
      await named.waitFor({ state: 'hidden' });
    },
  },
  {
    name: 'needle heat map: each needle to the depth it reached in its verdict colour, a legend of students, one student shown',
    async run({ page, baseUrl, screenshot }) {
      // one needle question; Ana's needle is the key's, Ben's is pushed to 60 mm (the scapula
      // stops it sooner), Cy's points out of the skin
      const world = loadQuizWorldFromDisk();
      const quiz = generateQuiz(world, {
        seed: 3,
        count: 1,
        types: ['needle'],
        triggerPoints: ['infraspinatus-trp1'],
        mode: 'exam',
        title: 'Needle heat map e2e',
      });
      const q = quiz.questions[0]!;
      const key = perfectAnswer(world, q) as Extract<Answer, { type: 'needle' }>;
      const answers: Record<string, Answer> = {
        ana: key,
        ben: { ...key, depthMm: 60 },
        cy: { ...key, direction: [-key.direction[0], -key.direction[1], -key.direction[2]] },
      };
      const dir = mkdtempSync(join(tmpdir(), 'nw-needles-'));
      writeFileSync(join(dir, 'needles.quiz.json'), quizToText(quiz));
      const files = Object.entries(answers).map(([student, a]) => {
        const f = join(dir, `${student}.answers.json`);
        writeFileSync(
          f,
          JSON.stringify({ format: 'needlewise-answers', version: 1, student, answers: [a] }),
        );
        return f;
      });
      await page.goto(baseUrl + '/#m=teach', { waitUntil: 'load', timeout: 60_000 });
      await waitForReady(page);
      await page
        .getByLabel('or open the quiz you handed out')
        .setInputFiles(join(dir, 'needles.quiz.json'), { timeout: 90_000 });
      await page.getByText('Needle heat map e2e').waitFor();
      await page.getByLabel("Students' answer files (several at once)").setInputFiles(files);
      await page.getByText(/3 students: /).waitFor({ timeout: 30_000 });
      await page.locator('.class-table').getByRole('button', { name: 'heat map' }).click();
      let s = await teachState(page);
      const list = s.classMarkList ?? [];
      assert(s.classMarks === 3, `${s.classMarks} marks on the body`);
      assert(
        JSON.stringify(list.map((m) => [m.student, m.verdict])) ===
          JSON.stringify([
            ['ana', 'safe'],
            ['ben', 'caution'],
            ['cy', null],
          ]),
        `verdicts: ${JSON.stringify(list.map((m) => [m.student, m.verdict]))}`,
      );
      const [ana, ben, cy] = list;
      // the depths drawn are the ones the scorer reached: Ana's as typed, Ben's where bone stopped it
      assert(ana!.depthMm === key.depthMm, `Ana's needle drawn ${ana!.depthMm} mm deep`);
      assert(ben!.depthMm! > key.depthMm && ben!.depthMm! < 60, `Ben's ${ben!.depthMm} mm`);
      assert(cy!.tip === null, "Cy's needle, which could not go in, has a tip");
      const length = Math.hypot(...ben!.tip!.map((v, i) => v - ben!.point[i]!)) * 1000;
      assert(Math.abs(length - ben!.depthMm!) < 0.5, `Ben's line is ${length} mm long`);
      // the legend names every student with their answer
      const legend = page.getByRole('group', { name: 'Students on the heat map' });
      await legend
        .getByRole('radio', { name: `ana: needle ${key.depthMm} mm deep, safe, 100 %, right` })
        .waitFor();
      await legend
        .getByRole('radio', { name: /^ben: needle \d+ mm deep, caution, \d+ %, wrong$/ })
        .waitFor();
      await legend.getByRole('radio', { name: 'cy: needle could not go in, 0 %, wrong' }).waitFor();
      await page.waitForTimeout(2500); // the camera flies to the needles
      await screenshot('teach-heatmap-needles.png');
      // Ben alone, chosen with the keyboard: All → Ana → Ben
      await legend.getByRole('radio', { name: /^All students/ }).focus();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      s = await teachState(page);
      assert(
        s.classMarks === 1 && s.classMarkList?.[0]?.student === 'ben',
        `shown: ${JSON.stringify(s.classMarkList?.map((m) => m.student))}`,
      );
      await page.waitForTimeout(800);
      // Ben's needle is drawn along its line in the caution colour, halfway down
      const mid = ben!.point.map((v, i) => (v + ben!.tip![i]!) / 2) as [number, number, number];
      const at = await page.evaluate((p) => window.__needlewise?.projectPoint(p), mid);
      assert(at?.onScreen, `the middle of Ben's needle is off screen: ${JSON.stringify(at)}`);
      const amber = hexRgb('#f5b731');
      const near = (await pixelsAround(page, at.x, at.y)).filter(
        (c) =>
          Math.abs(c[0] - amber[0]) + Math.abs(c[1] - amber[1]) + Math.abs(c[2] - amber[2]) < 90,
      );
      assert(near.length > 0, "no caution-coloured pixel halfway along Ben's needle");
      await screenshot('teach-heatmap-one-student.png');
      await legend.getByRole('radio', { name: /^All students/ }).check();
      s = await teachState(page);
      assert(s.classMarks === 3, `${s.classMarks} marks after showing all again`);
    },
  },
  {
    name: 'class quiz builder: a checked seed, practice or exam, a preview with own wording, handed out as previewed',
    async run({ page, baseUrl, screenshot }) {
      await page.goto(baseUrl + '/#m=teach', { waitUntil: 'load', timeout: 60_000 });
      await waitForReady(page);
      const seed = page.locator('#class-seed');
      await seed.waitFor({ timeout: 90_000 });
      const note = page.locator('#class-seed-note');
      const build = page.locator('.class-builder button[type="submit"]');
      await page.getByLabel(/^Trigger points \(/).fill('infraspinatus');
      await page.getByRole('checkbox', { name: 'Infraspinatus, upper (below the spine)' }).check();
      // seeds out of range or not whole numbers are refused, saying the range
      for (const [typed, said] of [
        [
          '4294967296',
          'Seed: 4294967296 is out of range: give a whole number from 0 to 4294967295.',
        ],
        ['-3', 'Seed: "-3" is not a whole number from 0 to 4294967295.'],
        ['', 'Seed: empty; give a whole number from 0 to 4294967295.'],
      ] as const) {
        await seed.fill(typed);
        assert((await note.textContent()) === said, `seed "${typed}": ${await note.textContent()}`);
        assert(await build.isDisabled(), `the quiz can be built with the seed "${typed}"`);
        assert(
          (await seed.getAttribute('aria-invalid')) === 'true',
          'the seed is not marked invalid',
        );
      }
      await build.scrollIntoViewIfNeeded();
      await screenshot('teach-builder-seed-refused.png');
      await seed.fill('42');
      assert((await seed.getAttribute('aria-invalid')) === 'false', 'seed 42 marked invalid');
      await page.getByRole('radio', { name: 'Practice: feedback after each answer' }).check();
      await build.click();
      const preview = page.getByRole('region', { name: /^Preview: / });
      await preview.waitFor();
      assert(
        ((await preview.textContent()) ?? '').includes('Practice · medium · seed 42'),
        'the preview does not say practice and seed 42',
      );
      await page
        .getByRole('radio', { name: 'Exam: answers can be changed, scored at the end' })
        .check();
      await page.getByRole('button', { name: 'Build again' }).click();
      await preview.getByText('Exam · medium · seed 42').waitFor();
      // the preview is the quiz this seed gives, question by question
      const world = loadQuizWorldFromDisk();
      const expected = generateQuiz(world, {
        seed: 42,
        count: 3,
        types: ['locate', 'name-muscle', 'needle'],
        triggerPoints: ['infraspinatus-trp1'],
        difficulty: 'medium',
        mode: 'exam',
        title: 'Class quiz',
      });
      const items = await preview.locator('ol > li').allTextContents();
      assert(items.length === expected.questions.length, `${items.length} questions previewed`);
      expected.questions.forEach((q, i) =>
        assert(
          items[i]!.startsWith(QUESTION_TYPE_LABELS[q.type]),
          `question ${i + 1} previewed as ${items[i]}, expected ${q.type}`,
        ),
      );
      const own = 'A climber feels a deep ache in the front of her shoulder.';
      await preview.getByLabel('Your own wording for question 2 (optional)').fill(own);
      await preview.getByText(`${own.length} / 500 characters`).waitFor();
      await preview.scrollIntoViewIfNeeded();
      await screenshot('teach-builder-preview.png');
      await preview.getByRole('button', { name: 'Hand out this quiz' }).click();
      await page.getByText('Class quiz: 3 questions, exam, seed 42.').waitFor();
      // the file handed out is the previewed quiz with the own wording on question 2
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download the quiz file' }).click(),
      ]);
      const got = JSON.parse(readFileSync((await download.path())!, 'utf8')) as unknown;
      const want = withOwnPrompts(expected, { [expected.questions[1]!.id]: own });
      assert(
        isDeepStrictEqual(got, JSON.parse(quizToText(want))),
        `the quiz file differs from the preview: ${JSON.stringify(got).slice(0, 400)}`,
      );
    },
  },
];
