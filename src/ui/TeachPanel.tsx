/**
 * Teach mode: presentation mode with a laser pointer and drawing, guided tours (built-in, opened
 * from a file or link, or authored here from the current view), and class quizzes (built from
 * chosen trigger points with a seed, practice or exam, previewed with the instructor's own wording,
 * handed out as a file or link; students' answer files loaded back and scored together, with each
 * question's success rate and a heat map of the answers on the body, one student or all).
 */
import { useEffect, useMemo, useState } from 'react';
import { browserCatalog } from '../domain/catalog/browser.ts';
import { parseQuizFile, quizToText, QuizFileError } from '../domain/quiz/file.ts';
import {
  generateQuiz,
  parseSeed,
  QuizOptionsError,
  withOwnPrompts,
} from '../domain/quiz/generate.ts';
import { questionPoint } from '../domain/quiz/score.ts';
import {
  classMarks,
  describeMark,
  heatMapView,
  questionStats,
  scoreStudentFile,
  addStudents,
  type ClassMark,
  type StudentResult,
} from '../domain/quiz/classResults.ts';
import {
  DIFFICULTIES,
  MAX_TEXT_CHARS,
  QUESTION_TYPE_LABELS,
  type Difficulty,
  type Question,
  type QuestionType,
  type Quiz,
  type QuizMode,
} from '../domain/quiz/schema.ts';
import type { QuizWorld } from '../domain/quiz/world.ts';
import { builtinTours } from '../domain/tours/builtin.ts';
import { parseTourFile, tourToText, TourFileError } from '../domain/tours/file.ts';
import {
  TOUR_FORMAT,
  TOUR_FORMAT_VERSION,
  type Tour,
  type TourStep,
} from '../domain/tours/schema.ts';
import { VERDICT_COLORS } from '../scene/Needle.tsx';
import { useQuizWorld } from '../scene/quizService.ts';
import { NO_VERDICT_COLOR, scoreColor } from '../scene/TeachOverlay.tsx';
import { studentColor } from '../scene/studentColors.ts';
import { captureStep } from '../scene/tourPlayback.ts';
import { useStore } from '../store/index.ts';
import { promptOf, QuestionTypeChecks, useNames } from './QuizQuestion.tsx';
import {
  dataLink,
  downloadText,
  fileStem,
  quizLink,
  quizTextFromLocation,
  readTextFile,
  textFromLocation,
} from './quizIo.ts';
import { TeachTools } from './TeachStage.tsx';

const st = () => useStore.getState();
const pct = (x: number) => `${Math.round(x * 100)} %`;

/**
 * A labelled chooser of one JSON file, whose text is handed on with the file's name; the choice is
 * cleared, so the same file can be chosen again once it is fixed. A file that cannot be read is
 * said through `onError`.
 *
 * @example
 * <JsonFileField id="tour-file" label="Open a tour file (.json)" onText={open} onError={setError} />
 */
function JsonFileField({
  id,
  label,
  onText,
  onError,
}: {
  id: string;
  label: string;
  onText: (text: string, name: string) => void;
  onError: (message: string) => void;
}) {
  return (
    <div className="file-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="file"
        accept=".json,application/json"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (!f) return;
          void readTextFile(f).then(
            (text) => onText(text, f.name),
            () => onError(`${f.name}: could not be read.`),
          );
        }}
      />
    </div>
  );
}

function Presentation() {
  const presenting = useStore((s) => s.presenting);
  return (
    <section aria-labelledby="present-title">
      <h3 id="present-title">Presentation</h3>
      <p className="hint">
        Large type, high contrast, the side panels out of the way. Step with the arrow keys or a
        clicker (Page Up / Page Down); <kbd>P</kbd> toggles, <kbd>Esc</kbd> leaves.
      </p>
      <button
        type="button"
        className="btn"
        aria-keyshortcuts="P"
        onClick={() => {
          const on = !presenting;
          st().presentationToggled(on);
          if (on) void document.documentElement.requestFullscreen?.().catch(() => undefined);
        }}
      >
        {presenting ? 'Stop presenting' : 'Start presenting'}
      </button>
      <TeachTools />
    </section>
  );
}

function Tours() {
  const catalog = browserCatalog();
  const builtins = useMemo(() => builtinTours(), []);
  const playing = useStore((s) => s.tour);
  const manifest = useStore((s) => s.manifest);
  const [opened, setOpened] = useState<Tour[]>([]);
  const [error, setError] = useState<string | null>(null);
  const structureIds = useMemo(
    () => (manifest ? new Set(manifest.structures.map((s) => s.id)) : undefined),
    [manifest],
  );
  const read = (text: string, name: string) => {
    try {
      const t = parseTourFile(text, name, catalog, structureIds);
      setError(null);
      setOpened((o) => [...o.filter((x) => x.id !== t.id), t]);
      return t;
    } catch (err) {
      setError(err instanceof TourFileError ? err.message : `${name}: ${String(err)}`);
      return null;
    }
  };
  useEffect(() => {
    try {
      const text = textFromLocation('tour');
      if (text !== null) read(text, 'the tour link');
    } catch {
      setError('The tour link is damaged (it is not base64url-encoded UTF-8 text).');
    }
    // once per page
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const all = [...builtins, ...opened];
  return (
    <section aria-labelledby="tours-title">
      <h3 id="tours-title">Guided tours</h3>
      <ul className="tour-list">
        {all.map((t) => (
          <li key={t.id}>
            <button
              type="button"
              className={`link-button${playing?.id === t.id ? ' current' : ''}`}
              onClick={() => st().tourStarted(t)}
            >
              {t.title}
            </button>{' '}
            <span className="hint">
              {t.steps.length} steps{builtins.includes(t) ? '' : ' · opened'}
            </span>
          </li>
        ))}
      </ul>
      {playing && (
        <div className="button-row">
          <button type="button" className="btn btn-small" onClick={() => st().tourStarted(null)}>
            End the tour
          </button>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => downloadText(tourToText(playing), `${playing.id}.tour.json`)}
          >
            Save as a file
          </button>
          <button
            type="button"
            className="btn btn-small"
            onClick={() =>
              void navigator.clipboard?.writeText(dataLink('tour', tourToText(playing), 'teach'))
            }
          >
            Copy a link
          </button>
        </div>
      )}
      <JsonFileField
        id="tour-file"
        label="Open a tour file (.json)"
        onText={(text, name) => {
          const t = read(text, name);
          if (t) st().tourStarted(t);
        }}
        onError={setError}
      />
      {error && (
        <p className="error" role="alert">
          {error} Nothing was changed.
        </p>
      )}
      <TourEditor onPlay={(t) => st().tourStarted(t)} />
    </section>
  );
}

function TourEditor({ onPlay }: { onPlay: (t: Tour) => void }) {
  const [title, setTitle] = useState('My tour');
  const [description, setDescription] = useState('');
  const [citation, setCitation] = useState('');
  const [steps, setSteps] = useState<TourStep[]>([]);
  const [stepTitle, setStepTitle] = useState('');
  const [caption, setCaption] = useState('');
  const [demonstrate, setDemonstrate] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const tour = (): Tour | null => {
    const t = {
      format: TOUR_FORMAT,
      version: TOUR_FORMAT_VERSION,
      id: fileStem(title),
      title: title.trim() || 'My tour',
      description: description.trim() || title.trim() || 'A tour',
      sources: citation.trim() ? [{ citation: citation.trim() }] : [],
      steps,
    };
    try {
      // checked exactly as an opened file is
      return parseTourFile(JSON.stringify(t), 'this tour', browserCatalog());
    } catch (err) {
      setError(err instanceof TourFileError ? err.message : String(err));
      return null;
    }
  };
  const move = (i: number, d: number) =>
    setSteps((s) => {
      const j = i + d;
      if (j < 0 || j >= s.length) return s;
      const out = [...s];
      [out[i], out[j]] = [out[j]!, out[i]!];
      return out;
    });
  return (
    <details className="tour-editor">
      <summary>Write a tour</summary>
      <p className="hint">
        Set up the view (camera, layers, zones, pain map, a needle from Needle mode), then add it as
        a step with its caption. The sources of every trigger point a step shows are listed with it;
        cite anything else your captions state.
      </p>
      <label htmlFor="tour-title">Title</label>
      <input
        id="tour-title"
        value={title}
        maxLength={120}
        onChange={(e) => setTitle(e.target.value)}
      />
      <label htmlFor="tour-description">Description</label>
      <input
        id="tour-description"
        value={description}
        maxLength={600}
        onChange={(e) => setDescription(e.target.value)}
      />
      <label htmlFor="tour-citation">Source for your own words (optional)</label>
      <input
        id="tour-citation"
        value={citation}
        maxLength={600}
        onChange={(e) => setCitation(e.target.value)}
      />
      <fieldset>
        <legend>Add the current view as step {steps.length + 1}</legend>
        <label htmlFor="tour-new-step-title">Step title</label>
        <input
          id="tour-new-step-title"
          value={stepTitle}
          maxLength={120}
          onChange={(e) => setStepTitle(e.target.value)}
        />
        <label htmlFor="tour-step-caption">Caption</label>
        <textarea
          id="tour-step-caption"
          value={caption}
          maxLength={600}
          rows={3}
          onChange={(e) => setCaption(e.target.value)}
        />
        <label className="check">
          <input
            type="checkbox"
            checked={demonstrate}
            onChange={(e) => setDemonstrate(e.target.checked)}
          />{' '}
          Demonstrate the technique on the needle
        </label>
        <button
          type="button"
          className="btn btn-small"
          disabled={!stepTitle.trim() || !caption.trim()}
          onClick={() => {
            setSteps((s) => [...s, captureStep(stepTitle.trim(), caption.trim(), demonstrate)]);
            setStepTitle('');
            setCaption('');
            setDemonstrate(false);
          }}
        >
          Add this view as a step
        </button>
      </fieldset>
      {steps.length > 0 && (
        <ol className="tour-steps">
          {steps.map((s, i) => (
            <li key={i}>
              {s.title}{' '}
              <button
                type="button"
                className="link-button"
                onClick={() => move(i, -1)}
                aria-label={`Move step ${i + 1} up`}
              >
                ↑
              </button>
              <button
                type="button"
                className="link-button"
                onClick={() => move(i, 1)}
                aria-label={`Move step ${i + 1} down`}
              >
                ↓
              </button>
              <button
                type="button"
                className="link-button"
                onClick={() => setSteps((x) => x.filter((_, k) => k !== i))}
                aria-label={`Remove step ${i + 1}`}
              >
                remove
              </button>
            </li>
          ))}
        </ol>
      )}
      <div className="button-row">
        <button
          type="button"
          className="btn btn-small"
          disabled={steps.length === 0}
          onClick={() => {
            const t = tour();
            if (t) onPlay(t);
          }}
        >
          Play
        </button>
        <button
          type="button"
          className="btn btn-small"
          disabled={steps.length === 0}
          onClick={() => {
            const t = tour();
            if (t) downloadText(tourToText(t), `${t.id}.tour.json`);
          }}
        >
          Save as a file
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </details>
  );
}

/** What a question is about and what it offers, for the instructor's preview. */
function previewDetail(names: ReturnType<typeof useNames>, q: Question): string {
  switch (q.type) {
    case 'pick-trigger-points':
      return `Pain in ${q.painRegions.map(names.region).join('; ')}. Offered: ${q.choices.map(names.trpKey).join('; ')}.`;
    case 'name-muscle':
      return `${q.triggerPointId ? names.trp(q.triggerPointId) : `The zone over ${q.zone?.essential.map(names.region).join('; ') ?? '—'}`} (${q.side}). Offered: ${q.choices.map(names.muscle).join('; ')}.`;
    case 'structure-at-risk':
      return `${names.trp(q.triggerPointId)} (${q.side}), needle ${q.needle.depthMm} mm. Offered: ${q.choices.map(names.structure).join('; ')}.`;
    case 'locate':
    case 'needle':
      return `${names.trp(q.triggerPointId)} (${q.side}), full marks within ${q.toleranceMm} mm.`;
    case 'paint-zone':
      return `${names.trp(q.triggerPointId)} (${q.side}).`;
  }
}

/**
 * The class quiz builder: the trigger points, question types, difficulty, seed and practice or
 * exam; then a preview of the questions drawn, each with room for the instructor's own wording,
 * before the quiz is handed out (checked exactly as an opened quiz file is).
 *
 * @example
 * <ClassQuizBuilder world={world} onBuilt={setQuiz} />
 */
function ClassQuizBuilder({ world, onBuilt }: { world: QuizWorld; onBuilt: (q: Quiz) => void }) {
  const names = useNames(world);
  const [filter, setFilter] = useState('');
  const [points, setPoints] = useState<string[]>([]);
  const [types, setTypes] = useState<QuestionType[]>(['locate', 'name-muscle', 'needle']);
  const [difficulty, setDifficulty] = useState<Difficulty>('medium');
  const [title, setTitle] = useState('Class quiz');
  // a seed drawn once, shown so it can be noted, kept or replaced
  const [seedText, setSeedText] = useState(() => String(Math.floor(Math.random() * 1_000_000)));
  const [mode, setMode] = useState<QuizMode>('exam');
  const [draft, setDraft] = useState<Quiz | null>(null);
  const [prompts, setPrompts] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [handError, setHandError] = useState<string | null>(null);
  const seed = parseSeed(seedText);
  const shown = world.catalog.triggerPoints.filter((t) =>
    `${t.name} ${t.location}`.toLowerCase().includes(filter.trim().toLowerCase()),
  );
  const handOut = () => {
    if (!draft) return;
    try {
      // checked exactly as the file students will open
      const text = quizToText(withOwnPrompts(draft, prompts));
      onBuilt(
        parseQuizFile(
          text,
          'this quiz',
          world.catalog,
          new Set(world.body.structures.keys()),
          world.body,
        ),
      );
    } catch (err) {
      setHandError(err instanceof QuizFileError ? err.message : String(err));
    }
  };
  return (
    <>
      <form
        className="class-builder"
        onSubmit={(e) => {
          e.preventDefault();
          if ('error' in seed) return;
          try {
            const quiz = generateQuiz(world, {
              seed: seed.seed,
              count: Math.min(200, Math.max(1, points.length * types.length)),
              types,
              triggerPoints: points,
              difficulty,
              mode,
              title: title.trim() || 'Class quiz',
            });
            setError(null);
            setHandError(null);
            setPrompts({});
            setDraft(quiz);
          } catch (err) {
            setError(err instanceof QuizOptionsError ? err.message : String(err));
          }
        }}
      >
        <label htmlFor="class-title">Title</label>
        <input
          id="class-title"
          value={title}
          maxLength={120}
          onChange={(e) => setTitle(e.target.value)}
        />
        <label htmlFor="class-filter">Trigger points ({points.length} chosen)</label>
        <input
          id="class-filter"
          type="search"
          placeholder="Filter: trapezius, shoulder…"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        <div className="class-points" role="group" aria-label="Trigger points">
          {shown.map((t) => (
            <label key={t.id} className="check">
              <input
                type="checkbox"
                checked={points.includes(t.id)}
                onChange={(e) =>
                  setPoints((p) => (e.target.checked ? [...p, t.id] : p.filter((x) => x !== t.id)))
                }
              />{' '}
              {t.name}
            </label>
          ))}
        </div>
        <QuestionTypeChecks types={types} onChange={setTypes} />
        <label>
          Difficulty{' '}
          <select value={difficulty} onChange={(e) => setDifficulty(e.target.value as Difficulty)}>
            {DIFFICULTIES.map((d) => (
              <option key={d}>{d}</option>
            ))}
          </select>
        </label>
        <fieldset>
          <legend>Handed out as</legend>
          <label className="check">
            <input
              type="radio"
              name="class-mode"
              checked={mode === 'practice'}
              onChange={() => setMode('practice')}
            />{' '}
            Practice: feedback after each answer
          </label>
          <label className="check">
            <input
              type="radio"
              name="class-mode"
              checked={mode === 'exam'}
              onChange={() => setMode('exam')}
            />{' '}
            Exam: answers can be changed, scored at the end
          </label>
        </fieldset>
        <div className="seed-field">
          <label htmlFor="class-seed">Seed</label>
          <input
            id="class-seed"
            inputMode="numeric"
            autoComplete="off"
            value={seedText}
            aria-invalid={'error' in seed}
            aria-describedby="class-seed-note"
            onChange={(e) => setSeedText(e.target.value)}
          />
          <p id="class-seed-note" className={'error' in seed ? 'error' : 'hint'} aria-live="polite">
            {'error' in seed
              ? `Seed: ${seed.error}.`
              : 'The same seed and choices give the same questions.'}
          </p>
        </div>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button
          type="submit"
          className="btn"
          disabled={!points.length || !types.length || 'error' in seed}
        >
          {draft ? 'Build again' : 'Build the quiz'}
        </button>
      </form>
      {draft && (
        <section className="class-preview" aria-labelledby="class-preview-title">
          <h4 id="class-preview-title">Preview: {draft.questions.length} questions</h4>
          <p className="hint">
            {draft.mode === 'exam' ? 'Exam' : 'Practice'} · {draft.difficulty} · seed {draft.seed}.
            Your own wording is shown to students above the app's question; building again starts
            afresh.
          </p>
          <ol>
            {draft.questions.map((q, i) => (
              <li key={q.id}>
                <p>
                  <strong>{QUESTION_TYPE_LABELS[q.type]}</strong>: {previewDetail(names, q)}
                </p>
                <p className="hint">{promptOf(world, q, draft.difficulty === 'easy')}</p>
                <label htmlFor={`class-prompt-${q.id}`}>
                  Your own wording for question {i + 1} (optional)
                </label>
                <textarea
                  id={`class-prompt-${q.id}`}
                  rows={2}
                  maxLength={MAX_TEXT_CHARS}
                  aria-describedby={`class-prompt-${q.id}-count`}
                  value={prompts[q.id] ?? ''}
                  onChange={(e) => setPrompts((p) => ({ ...p, [q.id]: e.target.value }))}
                />
                <span id={`class-prompt-${q.id}-count`} className="hint prompt-count">
                  {(prompts[q.id] ?? '').length} / {MAX_TEXT_CHARS} characters
                </span>
              </li>
            ))}
          </ol>
          {handError && (
            <p className="error" role="alert">
              {handError} The quiz was not handed out.
            </p>
          )}
          <button type="button" className="btn" onClick={handOut}>
            Hand out this quiz
          </button>
        </section>
      )}
    </>
  );
}

/**
 * Who is on the heat map and how each answered the question shown, with the way to show one
 * student or all, and what the colours on the body mean.
 *
 * @example
 * <HeatMapLegend students={students} marks={heat.marks} only={null} onOnly={setOnly} />
 */
function HeatMapLegend({
  students,
  marks,
  only,
  onOnly,
}: {
  students: readonly StudentResult[];
  marks: readonly ClassMark[];
  only: number | null;
  onOnly: (student: number | null) => void;
}) {
  const needles = marks.some((m) => m.verdict !== undefined);
  return (
    <div className="heat-legend">
      <fieldset>
        <legend>Students on the heat map</legend>
        <label className="check">
          <input
            type="radio"
            name="heat-student"
            checked={only === null}
            onChange={() => onOnly(null)}
          />
          All students ({marks.length} answers)
        </label>
        {students.map((s, i) => {
          const m = marks.find((x) => x.studentIndex === i);
          return (
            <label key={s.content} className="check">
              <input
                type="radio"
                name="heat-student"
                checked={only === i}
                onChange={() => onOnly(i)}
              />
              <span className="swatch" style={{ background: studentColor(i) }} aria-hidden="true" />
              <span>
                <strong>{s.student}</strong>: {describeMark(m)}
              </span>
            </label>
          );
        })}
      </fieldset>
      <ul className="heat-key" aria-label="What the colours on the body mean">
        <li>
          <span className="swatch" style={{ background: '#ffffff' }} aria-hidden="true" /> the
          trigger point
        </li>
        <li>
          <span className="swatch" style={{ background: studentColor(0) }} aria-hidden="true" /> a
          student's {needles ? 'entry' : 'spot'}, in their colour
        </li>
        {needles ? (
          <>
            <li>
              each needle from its entry to the depth it reached, in the scorer's verdict:{' '}
              {(['safe', 'caution', 'unsafe'] as const).map((v) => (
                <span key={v} className="heat-verdict">
                  <span
                    className="swatch swatch-line"
                    style={{ background: VERDICT_COLORS[v] }}
                    aria-hidden="true"
                  />{' '}
                  {v}
                </span>
              ))}
            </li>
            <li>
              <span
                className="swatch"
                style={{ background: NO_VERDICT_COLOR }}
                aria-hidden="true"
              />{' '}
              a needle that could not go in (no verdict)
            </li>
          </>
        ) : (
          <li>
            <span
              className="swatch swatch-scale"
              style={{
                background: `linear-gradient(to right, #${scoreColor(0).getHexString()}, #${scoreColor(1).getHexString()})`,
              }}
              aria-hidden="true"
            />{' '}
            around each spot, its marks from none to full; overlapping spots add up
          </li>
        )}
      </ul>
    </div>
  );
}

function ClassResults({ world, quiz }: { world: QuizWorld; quiz: Quiz }) {
  const names = useNames(world);
  // the students and what was said about the last files added, updated together
  const [loaded, setLoaded] = useState<{ students: StudentResult[]; notices: string[] }>({
    students: [],
    notices: [],
  });
  const { students, notices } = loaded;
  const [errors, setErrors] = useState<string[]>([]);
  /** The question on the heat map, and the one student shown on it (null: all). */
  const [shown, setShown] = useState<string | null>(null);
  const [only, setOnly] = useState<number | null>(null);
  const load = async (files: readonly File[]) => {
    const got: StudentResult[] = [];
    const bad: string[] = [];
    for (const f of files) {
      try {
        got.push(scoreStudentFile(world, quiz, await readTextFile(f), f.name));
      } catch (err) {
        bad.push(err instanceof QuizFileError ? err.message : `${f.name}: ${String(err)}`);
      }
    }
    setErrors(bad);
    // Added to the class as it is when these files are done, not as it was when they were chosen:
    // files chosen again before the last ones were read must not undo them. Students are told
    // apart by what is inside the files (every download can carry the same file name).
    setLoaded((prev) => addStudents(prev.students, got));
  };
  const heat = useMemo(
    () => (shown ? classMarks(world, quiz, shown, students) : null),
    [world, quiz, shown, students],
  );
  useEffect(() => {
    st().classMarksShown(
      heat && {
        target: heat.target,
        marks: only === null ? heat.marks : heat.marks.filter((m) => m.studentIndex === only),
      },
    );
  }, [heat, only]);
  useEffect(() => () => st().classMarksShown(null), []);
  const perQuestion = questionStats(quiz, students);
  return (
    <section aria-labelledby="class-results-title">
      <h4 id="class-results-title">The class's answers</h4>
      <div className="file-field">
        <label htmlFor="class-files">Students' answer files (several at once)</label>
        <input
          id="class-files"
          type="file"
          multiple
          accept=".json,application/json"
          aria-describedby="class-files-hint"
          onChange={(e) => {
            const files = Array.from(e.target.files ?? []);
            // cleared, so the same file can be chosen again after it is fixed
            e.target.value = '';
            if (files.length) void load(files);
          }}
        />
        <span id="class-files-hint" className="hint">
          Each file is added to those already loaded.
        </span>
      </div>
      {errors.map((m) => (
        <p key={m} className="error" role="alert">
          {m} This file was left out.
        </p>
      ))}
      {notices.map((m) => (
        <p key={m} className="hint" role="status">
          {m}
        </p>
      ))}
      {students.length > 0 && (
        <>
          <p>
            {students.length} student{students.length === 1 ? '' : 's'}:{' '}
            {students.map((s) => `${s.student} ${pct(s.score)}`).join(' · ')}
          </p>
          <table className="data-table class-table">
            <caption className="visually-hidden">Success rate per question</caption>
            <thead>
              <tr>
                <th scope="col">Question</th>
                <th scope="col">Right</th>
                <th scope="col">Mean</th>
                <th scope="col">Map</th>
              </tr>
            </thead>
            <tbody>
              {perQuestion.map(({ question: q, students: n, mean, right }, i) => (
                <tr key={q.id}>
                  <td>
                    {i + 1}. {QUESTION_TYPE_LABELS[q.type]}
                    {q.type !== 'pick-trigger-points'
                      ? `: ${names.trp(questionPoint(world, q) ?? '')} (${q.side})`
                      : ''}
                  </td>
                  <td>
                    {right}/{n}
                  </td>
                  <td>{pct(mean)}</td>
                  <td>
                    {(q.type === 'locate' || q.type === 'needle') && (
                      <button
                        type="button"
                        className={`link-button${shown === q.id ? ' current' : ''}`}
                        aria-pressed={shown === q.id}
                        onClick={() => {
                          setShown(q.id);
                          const m = classMarks(world, quiz, q.id, students);
                          const view = m && heatMapView(m);
                          if (view) st().placeFocused(view);
                        }}
                      >
                        heat map
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {heat ? (
            <HeatMapLegend students={students} marks={heat.marks} only={only} onOnly={setOnly} />
          ) : (
            <p className="hint">
              A heat map shows every student's answer to a question on the body: each spot, or each
              needle from its entry to the depth it reached in its verdict's colour.
            </p>
          )}
        </>
      )}
    </section>
  );
}

function ClassQuiz() {
  const world = useQuizWorld();
  const [quiz, setQuiz] = useState<Quiz | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    if (!world) return;
    try {
      const text = quizTextFromLocation();
      if (text)
        setQuiz(
          parseQuizFile(
            text,
            'the quiz link',
            world.catalog,
            new Set(world.body.structures.keys()),
            world.body,
          ),
        );
    } catch {
      // a damaged link is reported in Quiz mode; here it is simply not loaded
    }
  }, [world]);
  if (!world)
    return (
      <section aria-labelledby="class-title-h" aria-busy="true">
        <h3 id="class-title-h">Class quiz</h3>
        <p className="hint">Preparing the body for scoring…</p>
      </section>
    );
  return (
    <section aria-labelledby="class-title-h">
      <h3 id="class-title-h">Class quiz</h3>
      {!quiz ? (
        <>
          <ClassQuizBuilder world={world} onBuilt={setQuiz} />
          <JsonFileField
            id="class-quiz-file"
            label="or open the quiz you handed out"
            onText={(text, name) => {
              try {
                setQuiz(
                  parseQuizFile(
                    text,
                    name,
                    world.catalog,
                    new Set(world.body.structures.keys()),
                    world.body,
                  ),
                );
                setError(null);
              } catch (err) {
                setError(err instanceof QuizFileError ? err.message : String(err));
              }
            }}
            onError={setError}
          />
          {error && (
            <p className="error" role="alert">
              {error} Nothing was changed.
            </p>
          )}
        </>
      ) : (
        <>
          <p>
            <strong>{quiz.title}</strong>: {quiz.questions.length} question
            {quiz.questions.length === 1 ? '' : 's'}
            {quiz.mode ? `, ${quiz.mode}` : ''}
            {quiz.seed !== undefined ? `, seed ${quiz.seed}` : ''}. Students open it in Quiz mode,
            take it, and send back the file from "Download my answers".
          </p>
          <div className="button-row">
            <button
              type="button"
              className="btn btn-small"
              onClick={() => downloadText(quizToText(quiz), `${fileStem(quiz.title)}.quiz.json`)}
            >
              Download the quiz file
            </button>
            <button
              type="button"
              className="btn btn-small"
              onClick={() => {
                const link = quizLink(quizToText(quiz));
                void navigator.clipboard?.writeText(link).then(
                  () => setNotice('The link was copied.'),
                  () => setNotice(link),
                );
              }}
            >
              Copy a link for students
            </button>
            <button
              type="button"
              className="btn btn-small"
              onClick={() => {
                setQuiz(null);
                st().classMarksShown(null);
              }}
            >
              Another quiz
            </button>
          </div>
          {notice && <p role="status">{notice}</p>}
          <ClassResults world={world} quiz={quiz} />
        </>
      )}
    </section>
  );
}

export default function TeachPanel() {
  return (
    <section className="panel-section teach-panel" aria-labelledby="teach-title">
      <h2 id="teach-title">Teach</h2>
      <Presentation />
      <Tours />
      <ClassQuiz />
    </section>
  );
}
