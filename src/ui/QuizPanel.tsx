/**
 * Quiz mode: set up a quiz (types, body areas, difficulty, practice or exam, a seed), or load an
 * instructor's quiz file or link; take it on the body; read the summary; keep a history with
 * spaced repetition in this browser. Files from outside are checked before anything changes.
 */
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { AREA_LABELS, QUIZ_AREAS } from '../domain/catalog/areas.ts';
import { sessionsToCsv, sessionsToJson } from '../domain/quiz/exportResults.ts';
import { parseQuizFile, quizToText, QuizFileError } from '../domain/quiz/file.ts';
import { generateQuiz, QuizOptionsError } from '../domain/quiz/generate.ts';
import { concealedExam } from '../domain/quiz/nameMuscle.ts';
import { questionPoint } from '../domain/quiz/score.ts';
import {
  dueItems,
  emptyProgress,
  historySummary,
  listBackups,
  loadProgress,
  PROGRESS_KEY,
  recordSession,
  restoreBackup,
  repetitionWeight,
  resetProgress,
  saveProgress,
  toSessionRecord,
  type KeyValueStore,
  type LoadResult,
  type Progress,
} from '../domain/quiz/progress.ts';
import {
  ANSWERS_FORMAT,
  DIFFICULTIES,
  QUESTION_TYPE_LABELS,
  QUESTION_TYPES,
  QUIZ_FORMAT_VERSION,
  type Difficulty,
  type QuestionType,
  type Quiz,
  type QuizMode,
} from '../domain/quiz/schema.ts';
import { startSession, type QuizSession } from '../domain/quiz/session.ts';
import type { QuizWorld } from '../domain/quiz/world.ts';
import { quizDispatch, useQuizWorld } from '../scene/quizService.ts';
import { useStore } from '../store/index.ts';
import { QuestionTypeChecks, QuizQuestion, useNames } from './QuizQuestion.tsx';
import {
  browserStore,
  downloadText,
  fileStem,
  answersFileName,
  quizLink,
  quizTextFromLocation,
  readTextFile,
} from './quizIo.ts';

const st = () => useStore.getState();
const pct = (x: number) => `${Math.round(x * 100)} %`;

/**
 * Saved progress: loaded once per page, saved after each finished quiz (merged with what another
 * tab may have saved meanwhile), and read again when another tab saves (the `storage` event).
 */
function useProgress() {
  const store = useMemo(browserStore, []);
  const [loaded] = useState<LoadResult>(() => loadProgress(store));
  const [progress, setProgress] = useState<Progress>(loaded.progress);
  const [saveProblem, setSaveProblem] = useState<string | null>(null);
  const save = (p: Progress) => {
    const r = saveProgress(store, p);
    setProgress(r.progress ?? p);
    setSaveProblem(r.ok ? null : r.problem);
  };
  useEffect(() => {
    const onStorage = (e: StorageEvent) => {
      if (e.key !== PROGRESS_KEY && e.key !== null) return;
      const now = loadProgress(store);
      if (!now.problem) setProgress(now.progress);
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [store]);
  return { store, loaded, progress, save, saveProblem, setProgress };
}

function Setup({
  world,
  onStart,
  progress,
}: {
  world: QuizWorld;
  onStart: (quiz: Quiz, mode?: QuizMode, limit?: number) => void;
  progress: Progress;
}) {
  const [types, setTypes] = useState<QuestionType[]>([...QUESTION_TYPES]);
  const [area, setArea] = useState<string>('');
  const [difficulty, setDifficulty] = useState<Difficulty>('medium');
  const [mode, setMode] = useState<QuizMode>('practice');
  const [count, setCount] = useState(6);
  const [limit, setLimit] = useState(0);
  const [seed, setSeed] = useState(() => Math.floor(Math.random() * 1_000_000));
  const [error, setError] = useState<string | null>(null);
  const due = dueItems(progress, Date.now()).filter((d) => d.overdueMs >= 0).length;

  const make = (over: { count?: number; weighted?: boolean } = {}) => {
    try {
      const quiz = generateQuiz(world, {
        seed,
        count: over.count ?? count,
        types,
        ...(area ? { regions: [area] } : {}),
        difficulty,
        mode,
        ...(mode === 'exam' && limit > 0 ? { timeLimitMinutes: limit } : {}),
        ...(over.weighted ? { weight: repetitionWeight(progress, Date.now()) } : {}),
        ...(over.weighted ? { title: `Review (seed ${seed})` } : {}),
      });
      setError(null);
      onStart(quiz);
      setSeed(Math.floor(Math.random() * 1_000_000));
    } catch (err) {
      setError(err instanceof QuizOptionsError ? err.message : String(err));
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    make();
  };
  return (
    <form className="quiz-setup" onSubmit={submit} aria-labelledby="quiz-setup-title">
      <h3 id="quiz-setup-title">New quiz</h3>
      <QuestionTypeChecks types={types} onChange={setTypes} />
      <label htmlFor="quiz-area">Body area</label>
      <select id="quiz-area" value={area} onChange={(e) => setArea(e.target.value)}>
        <option value="">The whole body</option>
        {QUIZ_AREAS.map((a) => (
          <option key={a} value={a}>
            {AREA_LABELS[a]}
          </option>
        ))}
      </select>
      <div className="quiz-row">
        <label>
          Questions{' '}
          <input
            type="number"
            min={1}
            max={50}
            value={count}
            onChange={(e) =>
              setCount(Math.max(1, Math.min(50, Math.round(Number(e.target.value) || 1))))
            }
          />
        </label>
        <label>
          Difficulty{' '}
          <select value={difficulty} onChange={(e) => setDifficulty(e.target.value as Difficulty)}>
            {DIFFICULTIES.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
      </div>
      <fieldset className="quiz-row">
        <legend>Mode</legend>
        <label className="radio">
          <input
            type="radio"
            name="quiz-mode"
            checked={mode === 'practice'}
            onChange={() => setMode('practice')}
          />{' '}
          Practice (feedback after each answer)
        </label>
        <label className="radio">
          <input
            type="radio"
            name="quiz-mode"
            checked={mode === 'exam'}
            onChange={() => setMode('exam')}
          />{' '}
          Exam (feedback at the end)
        </label>
      </fieldset>
      {mode === 'exam' && (
        <label>
          Time limit (minutes, 0 = none){' '}
          <input
            type="number"
            min={0}
            max={240}
            value={limit}
            onChange={(e) =>
              setLimit(Math.max(0, Math.min(240, Math.round(Number(e.target.value) || 0))))
            }
          />
        </label>
      )}
      <label>
        Seed{' '}
        <input
          type="number"
          min={0}
          max={4294967295}
          value={seed}
          onChange={(e) => setSeed(Math.max(0, Math.round(Number(e.target.value) || 0)))}
          aria-describedby="quiz-seed-hint"
        />
      </label>
      <p id="quiz-seed-hint" className="hint">
        The same seed and settings give the same quiz, on any machine and with{' '}
        <code>needlewise quiz --seed</code>.
      </p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="btn" disabled={types.length === 0}>
          Start quiz
        </button>
        {due > 0 && (
          <button
            type="button"
            className="btn btn-small"
            onClick={() => make({ count: Math.min(10, due), weighted: true })}
          >
            Review {due} due item{due === 1 ? '' : 's'}
          </button>
        )}
      </div>
    </form>
  );
}

/** Reads a quiz file's text against the app's catalog and model: the quiz, or the refusal. */
function readQuiz(world: QuizWorld, text: string, name: string): Quiz | string {
  try {
    return parseQuizFile(
      text,
      name,
      world.catalog,
      new Set(world.body.structures.keys()),
      world.body,
    );
  } catch (err) {
    return err instanceof QuizFileError ? err.message : `${name}: ${String(err)}`;
  }
}

/** The quiz a link (`?quiz=…`) carries, read once per page, or why it cannot be taken. */
function useLinkedQuiz(world: QuizWorld | null) {
  const [linked, setLinked] = useState<{ quiz: Quiz | null; error: string | null } | null>(null);
  useEffect(() => {
    if (!world || linked) return;
    try {
      const text = quizTextFromLocation();
      const r = text === null ? null : readQuiz(world, text, 'the quiz link');
      setLinked(typeof r === 'string' ? { quiz: null, error: r } : { quiz: r, error: null });
      // on a phone the panel is a drawer: a student who opened a quiz link sees the quiz
      if (r !== null && typeof r !== 'string') st().rightDrawerToggled(true);
    } catch (err) {
      setLinked({ quiz: null, error: `The quiz link: ${(err as Error).message}` });
    }
  }, [world, linked]);
  return linked;
}

/**
 * The quiz a link holds, first on the page for a student who opened it: its title, what it is,
 * and the button to start it. Offered, not started, so nothing is lost by opening a link.
 */
function LinkedQuiz({ quiz, onStart }: { quiz: Quiz; onStart: (quiz: Quiz) => void }) {
  const n = quiz.questions.length;
  const exam = quiz.mode === 'exam';
  return (
    <section className="quiz-linked" aria-labelledby="quiz-linked-title">
      <h3 id="quiz-linked-title">{quiz.title}</h3>
      <p>
        The quiz in this link: {n} question{n === 1 ? '' : 's'},{' '}
        {exam ? 'an exam (feedback at the end)' : 'practice (feedback after each answer)'}
        {exam && quiz.timeLimitMinutes ? `, ${quiz.timeLimitMinutes} minutes` : ''}.
      </p>
      {quiz.description && <p className="quiz-own-prompt">{quiz.description}</p>}
      <button type="button" className="btn" onClick={() => onStart(quiz)}>
        Start the linked quiz
      </button>
    </section>
  );
}

function ImportQuiz({ world, onStart }: { world: QuizWorld; onStart: (quiz: Quiz) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [url, setUrl] = useState('');
  const fileRef = useRef<HTMLInputElement>(null);
  const read = (text: string, name: string): Quiz | null => {
    const r = readQuiz(world, text, name);
    setError(typeof r === 'string' ? r : null);
    return typeof r === 'string' ? null : r;
  };
  return (
    <section className="quiz-import" aria-labelledby="quiz-import-title">
      <h3 id="quiz-import-title">An instructor's quiz</h3>
      <label htmlFor="quiz-file">Open a quiz file (.json)</label>
      <input
        id="quiz-file"
        ref={fileRef}
        type="file"
        accept=".json,application/json"
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (!f) return;
          void readTextFile(f).then(
            (text) => {
              const q = read(text, f.name);
              if (q) onStart(q);
              if (fileRef.current) fileRef.current.value = '';
            },
            (err: unknown) => setError(`${f.name}: could not be read (${String(err)})`),
          );
        }}
      />
      <form
        className="quiz-row"
        onSubmit={(e) => {
          e.preventDefault();
          if (!url.trim()) return;
          fetch(url.trim())
            .then((r) => {
              if (!r.ok) throw new Error(`the server answered ${r.status}`);
              return readTextFile(r);
            })
            .then((text) => {
              const q = read(text, url.trim());
              if (q) onStart(q);
            })
            .catch((err: unknown) =>
              setError(`${url.trim()}: could not be fetched (${(err as Error).message})`),
            );
        }}
      >
        <label htmlFor="quiz-url">or a link to one</label>
        <input
          id="quiz-url"
          type="url"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          placeholder="https://…/quiz.json"
        />
        <button type="submit" className="btn btn-small">
          Open
        </button>
      </form>
      {error && (
        <p className="error" role="alert">
          {error} Nothing was changed.
        </p>
      )}
      <p className="hint">
        The format is described in <code>docs/quiz-format.md</code>. Text in a file is shown as
        plain text.
      </p>
    </section>
  );
}

/** The progress as a file: where it cannot be kept in the browser, the user keeps it. */
function DownloadProgress({ progress }: { progress: Progress }) {
  return (
    <button
      type="button"
      className="link-button"
      onClick={() => downloadText(JSON.stringify(progress, null, 2), 'needlewise-progress.json')}
    >
      Download your progress
    </button>
  );
}

/**
 * The app's own backups of progress (copies of unreadable progress and of progress before a
 * reset), each restorable: its records that read are merged into the progress, nothing lost.
 */
function Backups({
  store,
  progress,
  onRestored,
}: {
  store: KeyValueStore;
  progress: Progress;
  onRestored: (p: Progress, message: string) => void;
}) {
  const keys = listBackups(store);
  if (keys.length === 0) return null;
  return (
    <details className="quiz-backups">
      <summary>Restore from a backup ({keys.length})</summary>
      <ul>
        {keys.map((k) => (
          <li key={k}>
            <code>{k}</code>{' '}
            <button
              type="button"
              className="btn btn-small"
              onClick={() => {
                const r = restoreBackup(store, k, progress);
                if (r.ok)
                  onRestored(
                    r.progress,
                    `Restored from ${k}${r.dropped.length ? ` (left out what could not be read: ${r.dropped.join('; ')})` : ''}.`,
                  );
                else onRestored(progress, r.problem);
              }}
            >
              Restore
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}

function History({
  world,
  progress,
  onReset,
}: {
  world: QuizWorld;
  progress: Progress;
  onReset: () => void;
}) {
  const names = useNames(world);
  const h = historySummary(progress, 8);
  const [confirming, setConfirming] = useState(false);
  if (h.sessions === 0) return <p className="hint">No quiz finished yet in this browser.</p>;
  const stamp = new Date().toISOString().slice(0, 10);
  return (
    <section className="quiz-history" aria-labelledby="quiz-history-title">
      <h3 id="quiz-history-title">Your progress</h3>
      <p>
        {h.sessions} quiz{h.sessions === 1 ? '' : 'zes'}, mean score {pct(h.meanScore)}
        {h.trend !== null && h.recent.length > 1
          ? ` · trend ${h.trend > 0.01 ? 'rising' : h.trend < -0.01 ? 'falling' : 'steady'}`
          : ''}
      </p>
      <ol className="quiz-recent">
        {h.recent
          .slice()
          .reverse()
          .map((r) => (
            <li key={r.id}>
              {new Date(r.finishedAt).toLocaleString()} · {r.title} ·{' '}
              <strong>{pct(r.score)}</strong>
            </li>
          ))}
      </ol>
      {h.weakestMuscles.length > 0 && (
        <p>
          Weakest muscles:{' '}
          {h.weakestMuscles
            .filter((m) => m.score < 1)
            .slice(0, 4)
            .map((m) => `${names.muscle(m.muscleId)} ${pct(m.score)}`)
            .join(' · ') || 'none below full marks'}
        </p>
      )}
      <div className="button-row">
        <button
          type="button"
          className="btn btn-small"
          onClick={() =>
            downloadText(
              JSON.stringify(sessionsToJson(progress.sessions), null, 2),
              `needlewise-results-${stamp}.json`,
            )
          }
        >
          Export results (JSON)
        </button>
        <button
          type="button"
          className="btn btn-small"
          onClick={() =>
            downloadText(
              sessionsToCsv(progress.sessions),
              `needlewise-results-${stamp}.csv`,
              'text/csv',
            )
          }
        >
          Export results (CSV)
        </button>
        {!confirming && (
          <button type="button" className="btn btn-small" onClick={() => setConfirming(true)}>
            Reset progress…
          </button>
        )}
      </div>
      {confirming && (
        <div className="quiz-confirm" role="alertdialog" aria-labelledby="quiz-reset-q">
          <p id="quiz-reset-q">
            Delete the record of {h.sessions} quiz{h.sessions === 1 ? '' : 'zes'} and the review
            schedule from this browser? A copy is kept in the browser's storage under a backup key.
          </p>
          <div className="button-row">
            <button
              type="button"
              className="btn btn-small danger"
              onClick={() => {
                setConfirming(false);
                onReset();
              }}
            >
              Delete my progress
            </button>
            <button type="button" className="btn btn-small" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

function Summary({
  world,
  session,
  onNew,
  onReview,
}: {
  world: QuizWorld;
  session: QuizSession;
  onNew: () => void;
  onReview: (index: number) => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  // the summary comes into view with the focus on its heading (the panel may be scrolled down)
  useEffect(() => {
    heading.current?.scrollIntoView({ block: 'start' });
    heading.current?.focus();
  }, []);
  const names = useNames(world);
  const s = session.summary!;
  const [student, setStudent] = useState('');
  const answersFile = {
    format: ANSWERS_FORMAT,
    version: QUIZ_FORMAT_VERSION,
    quizTitle: session.quiz.title,
    ...(student.trim() ? { student: student.trim() } : {}),
    answers: session.questions.flatMap((q) =>
      session.answers[q.id] ? [session.answers[q.id]!] : [],
    ),
  };
  return (
    <section className="quiz-summary" aria-labelledby="quiz-summary-title">
      <h3 id="quiz-summary-title" ref={heading} tabIndex={-1}>
        {session.quiz.title}: {pct(s.score)}
      </h3>
      <p>
        {s.correct} of {s.total} right (a question counts as right from 70 %).
      </p>
      <table className="data-table quiz-by-type">
        <caption className="visually-hidden">Score per question type</caption>
        <thead>
          <tr>
            <th scope="col">Type</th>
            <th scope="col">Questions</th>
            <th scope="col">Score</th>
          </tr>
        </thead>
        <tbody>
          {s.byType.map((t) => (
            <tr key={t.type}>
              <td>{QUESTION_TYPE_LABELS[t.type]}</td>
              <td>{t.count}</td>
              <td>{pct(t.score)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {s.weakestMuscles.length > 0 && (
        <p>
          To revise:{' '}
          {s.weakestMuscles
            .slice(0, 4)
            .map((m) => `${names.muscle(m.muscleId)} (${pct(m.score)})`)
            .join(', ')}
          {s.weakestAreas.length > 0 &&
            ` · areas: ${s.weakestAreas.map((a) => `${AREA_LABELS[a.area]} (${pct(a.score)})`).join(', ')}`}
        </p>
      )}
      <ol className="quiz-review">
        {session.questions.map((q, i) => {
          const r = session.results[q.id]!;
          return (
            <li key={q.id}>
              <button type="button" className="link-button" onClick={() => onReview(i)}>
                {QUESTION_TYPE_LABELS[q.type]}
                {q.type !== 'pick-trigger-points'
                  ? `: ${names.trp(questionPoint(world, q) ?? '')} (${q.side})`
                  : ''}
              </button>{' '}
              <strong>{pct(r.score)}</strong>
            </li>
          );
        })}
      </ol>
      <label htmlFor="quiz-student">Your name, for your instructor (optional)</label>
      <input
        id="quiz-student"
        value={student}
        maxLength={80}
        onChange={(e) => setStudent(e.target.value)}
      />
      <div className="button-row">
        <button type="button" className="btn" onClick={onNew}>
          New quiz
        </button>
        <button
          type="button"
          className="btn btn-small"
          onClick={() =>
            downloadText(
              `${JSON.stringify(answersFile, null, 2)}\n`,
              answersFileName(session.quiz.title, student),
            )
          }
        >
          Download my answers
        </button>
      </div>
    </section>
  );
}

function Timer({ deadline }: { deadline: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => {
      setNow(Date.now());
      quizDispatch({ kind: 'ticked', at: Date.now() });
    }, 1000);
    return () => clearInterval(t);
  }, []);
  const left = Math.max(0, deadline - now);
  const m = Math.floor(left / 60000);
  const sec = Math.floor((left % 60000) / 1000);
  return (
    <p className={`quiz-timer${left < 60000 ? ' low' : ''}`} role="timer" aria-live="off">
      Time left {m}:{String(sec).padStart(2, '0')}
    </p>
  );
}

export default function QuizPanel() {
  const world = useQuizWorld();
  const session = useStore((s) => s.quizSession);
  const { store, loaded, progress, save, saveProblem, setProgress } = useProgress();
  const [notice, setNotice] = useState<string | null>(null);
  const [reviewing, setReviewing] = useState(false);
  const recorded = useRef<string | null>(null);
  const linked = useLinkedQuiz(world);

  // a finished quiz goes into the history once
  useEffect(() => {
    if (!session?.finishedAt || !session.summary) return;
    const id = `${session.startedAt}-${session.quiz.title}`.slice(0, 200);
    if (recorded.current === id) return;
    recorded.current = id;
    const record = toSessionRecord({
      id,
      quiz: session.quiz,
      results: session.questions.map((q) => session.results[q.id]!),
      startedAt: session.startedAt,
      finishedAt: session.finishedAt,
      mode: session.mode,
    });
    save(recordSession(progress, record, session.finishedAt));
    // record once per finished session
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [session?.finishedAt]);

  if (!world)
    return (
      <section className="panel-section quiz-panel" aria-busy="true">
        <h2>Quiz</h2>
        <p className="hint" role="status">
          Preparing the body for scoring (indexing the model and placing the trigger points)…
        </p>
      </section>
    );

  const start = (quiz: Quiz) => {
    setReviewing(false);
    // an exam taken here, exported or linked from here never names a pattern's trigger point
    st().quizSessionChanged(startSession(concealedExam(world.catalog, quiz), Date.now()));
    st().rightDrawerToggled(true);
  };
  const quit = () => {
    st().quizSessionChanged(null);
    st().painCleared();
    st().zonesCleared();
    st().quizPointPlaced(null);
  };

  return (
    <section className="panel-section quiz-panel" aria-labelledby="quiz-title">
      <h2 id="quiz-title">Quiz</h2>
      {loaded.problem && (
        <p className="error" role="alert">
          {loaded.problem}
          {loaded.raw && (
            <>
              {' '}
              <button
                type="button"
                className="link-button"
                onClick={() => downloadText(loaded.raw!, 'needlewise-progress-unreadable.json')}
              >
                Download the unreadable copy
              </button>
            </>
          )}
        </p>
      )}
      {!store.persistent && (
        <p className="error" role="alert">
          This browser refuses to store data for this page: finished quizzes last only until the
          page closes. Download them to keep them. <DownloadProgress progress={progress} />
        </p>
      )}
      {saveProblem && (
        <p className="error" role="alert">
          {saveProblem} Your results are still here until the page closes; each finished quiz tries
          to save again. <DownloadProgress progress={progress} />
        </p>
      )}
      {notice && <p role="status">{notice}</p>}
      {session ? (
        <>
          <div className="quiz-head">
            <p className="quiz-title-line">
              <strong>{session.quiz.title}</strong> · {session.mode}
            </p>
            {session.deadline !== null && session.finishedAt === null && (
              <Timer deadline={session.deadline} />
            )}
          </div>
          {session.refused && (
            <p className="hint" role="status">
              {session.refused}
            </p>
          )}
          {session.finishedAt !== null && session.summary && !reviewing && (
            <Summary
              world={world}
              session={session}
              onNew={quit}
              onReview={(i) => {
                quizDispatch({ kind: 'moved', index: i });
                st().quizRevealed(true);
                setReviewing(true);
              }}
            />
          )}
          {(session.finishedAt === null || reviewing) && (
            <QuizQuestion world={world} session={session} />
          )}
          {reviewing && (
            <button type="button" className="btn btn-small" onClick={() => setReviewing(false)}>
              Back to the summary
            </button>
          )}
          <div className="button-row">
            <button
              type="button"
              className="btn btn-small"
              onClick={() =>
                downloadText(quizToText(session.quiz), `${fileStem(session.quiz.title)}.quiz.json`)
              }
            >
              Export this quiz
            </button>
            <button
              type="button"
              className="btn btn-small"
              onClick={() => {
                const link = quizLink(quizToText(session.quiz));
                void navigator.clipboard?.writeText(link).then(
                  () => setNotice('A link to this quiz was copied.'),
                  () => setNotice(link),
                );
              }}
            >
              Copy a link to this quiz
            </button>
            {session.finishedAt === null && (
              <button type="button" className="btn btn-small" onClick={quit}>
                Quit
              </button>
            )}
          </div>
        </>
      ) : (
        <>
          {linked?.error && (
            <p className="error" role="alert">
              {linked.error} Nothing was changed.
            </p>
          )}
          {linked?.quiz && <LinkedQuiz quiz={linked.quiz} onStart={start} />}
          <p className="hint">
            Scored on the model: distances along the skin, zones by region, needles through the
            simulator. Depths are those of one generated average adult.
          </p>
          {linked?.quiz ? (
            // a student who came by a link wants that quiz: the rest stays out of the way
            <details className="quiz-other">
              <summary>Set up another quiz, or open a file</summary>
              <Setup world={world} onStart={start} progress={progress} />
              <ImportQuiz world={world} onStart={start} />
            </details>
          ) : (
            <>
              <Setup world={world} onStart={start} progress={progress} />
              <ImportQuiz world={world} onStart={start} />
            </>
          )}
          <Backups
            store={store}
            progress={progress}
            onRestored={(p, message) => {
              setProgress(p);
              setNotice(message);
            }}
          />
          <History
            world={world}
            progress={progress}
            onReset={() => {
              const r = resetProgress(store, Date.now());
              if (r.ok) {
                setProgress(emptyProgress());
                setNotice(
                  `Progress deleted${r.backupKey ? ` (a copy is kept under "${r.backupKey}")` : ''}.`,
                );
              } else setNotice(`Progress could not be reset: ${r.problem}`);
            }}
          />
        </>
      )}
    </section>
  );
}
