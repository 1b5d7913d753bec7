/**
 * One quiz question as the trainee answers it: the prompt, the way to answer (a click on the
 * body, painting, a needle, or a choice), and in practice mode the feedback and the key on the
 * body right after. Every answer goes through the domain's session reducer (quizDispatch).
 */
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { CatalogSide } from '../domain/catalog/load.ts';
import { aimFrame, directionFromAim, leanInWords } from '../domain/needle/aim.ts';
import { displayName } from '../domain/needle/simulate.ts';
import { shownZone } from '../domain/quiz/nameMuscle.ts';
import type { QuestionResult } from '../domain/quiz/score.ts';
import {
  QUESTION_TYPE_LABELS,
  QUESTION_TYPES,
  type Answer,
  type Question,
  type QuestionType,
} from '../domain/quiz/schema.ts';
import type { QuizSession } from '../domain/quiz/session.ts';
import type { QuizWorld } from '../domain/quiz/world.ts';
import { quizDispatch } from '../scene/quizService.ts';
import { settingsOf } from '../scene/needleService.ts';
import { useStore } from '../store/index.ts';
import { MAX_TILT_DEG } from '../store/needleSlice.ts';
import type { BodyVec3 } from '../domain/units.ts';
import { regionsFraming, structureFraming } from '../domain/regions/zoneFrame.ts';
import { CAMERA_FOV_DEG } from '../scene/cameraPresets.ts';
import { currentZoneWorld, focusOf, zoneFocus, type FocusAt } from '../scene/zoneFocus.ts';
import { along, cross, norm, scale } from '../domain/vec.ts';

const st = () => useStore.getState();
const sideWord = (s: CatalogSide) => (s === 'left' ? "patient's left" : "patient's right");

/** Names the app shows for ids. */
export function useNames(world: QuizWorld) {
  return useMemo(() => {
    const regions = new Map(world.catalog.regions.map((r) => [r.id, r.name]));
    return {
      region: (id: string) => regions.get(id) ?? id,
      muscle: (id: string) => world.muscle(id)?.name ?? id,
      trp: (id: string) => world.triggerPoint(id)?.name ?? id,
      trpKey: (key: string) => {
        const [id, side] = key.split(':');
        return `${world.triggerPoint(id ?? '')?.name ?? id} (${side})`;
      },
      structure: (id: string) => {
        const s = world.body.structures.get(id);
        return s ? displayName(s) : id;
      },
    };
  }, [world]);
}

/** The words of a question's prompt (the instructor's own text is shown above it, as text). */
export function promptOf(world: QuizWorld, q: Question, easy: boolean): string {
  const n = plainNames(world);
  switch (q.type) {
    case 'locate': {
      const t = world.triggerPoint(q.triggerPointId);
      return `Click the skin over ${n.trp(q.triggerPointId)}, ${sideWord(q.side)}.${easy && t ? ` Hint: ${t.location}` : ''}`;
    }
    case 'name-muscle':
      return `The painted pattern (solid: essential zone; dots: spillover) is referred from one trigger point on the ${sideWord(q.side)}. Which muscle holds it?`;
    case 'paint-zone':
      return `Paint the essential referral zone of ${n.trp(q.triggerPointId)}, ${sideWord(q.side)}: click the body where its pain is felt.`;
    case 'pick-trigger-points':
      return `A patient hurts in the hatched regions (${q.painRegions.map(n.region).join('; ')}). Which trigger points would you examine?`;
    case 'needle': {
      const t = world.triggerPoint(q.triggerPointId);
      return `Needle ${n.trp(q.triggerPointId)}, ${sideWord(q.side)}: click the skin for the entry, then set the tilt, its direction and the depth.${t ? ` Patient: ${t.needling.patientPosition.replace(/\.$/, '')}.` : ''}`;
    }
    case 'structure-at-risk':
      return `This needle, meant for ${n.trp(q.triggerPointId)} (${q.side}), has been pushed in ${q.needle.depthMm} mm. Which structure is at risk?`;
  }
}

function plainNames(world: QuizWorld) {
  return {
    region: (id: string) => world.catalog.regions.find((r) => r.id === id)?.name ?? id,
    trp: (id: string) => world.triggerPoint(id)?.name ?? id,
  };
}

/** Sets up the body for a question: what a click gives, the zones and pain shown, the camera. */
function useQuestionStage(world: QuizWorld, session: QuizSession, q: Question) {
  const result = session.results[q.id];
  const done = !!result;
  const reveal = useStore((s) => s.quizReveal);
  // when the question changes: clear the previous one's marks and frame its area
  useEffect(() => {
    const s = st();
    s.quizPointPlaced(null);
    s.quizRevealed(false);
    s.painCleared();
    s.zonesCleared();
    s.structureSelected(null);
    if (q.type === 'needle') {
      s.needleCleared();
      s.needleLengthChosen(100);
      s.needleAimed(0, 0);
      s.needleDepthSet(20);
    }
    const answered = session.answers[q.id];
    if (answered?.type === 'locate') s.quizPointPlaced(answered.point);
    if (answered?.type === 'paint-zone') for (const r of answered.regions) s.painRegionAdded(r);
    const focus = focusFor(world, q);
    if (focus) s.placeFocused(focus);
    // session.answers is read once per question on purpose
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [world, q]);
  // what is shown on the body follows the question's state
  useEffect(() => {
    const s = st();
    s.quizInputChanged(
      done
        ? null
        : q.type === 'locate'
          ? 'point'
          : q.type === 'paint-zone'
            ? 'paint'
            : q.type === 'needle'
              ? 'needle'
              : null,
    );
    // a name-the-muscle pattern is painted by its regions: nothing in the app's state (and so
    // nothing in the URL, the markers or the labels) names its trigger point
    s.zonesCleared();
    if (q.type === 'name-muscle') s.quizZoneShown(shownZone(world.catalog, q));
    else if (q.type === 'paint-zone' && reveal && done) {
      s.triggerPointSelected({ id: q.triggerPointId, side: q.side });
      // the answer's zone and point, framed whole
      const at = zoneFocus({ id: q.triggerPointId, side: q.side });
      if (at) s.placeFocused(at);
    }
    if (q.type === 'pick-trigger-points') {
      s.painCleared();
      for (const r of q.painRegions) s.painRegionAdded(r);
    }
    if (reveal && result?.key.type === 'structure-at-risk' && result.key.structureId)
      s.structureSelected(result.key.structureId);
  }, [world, q, done, reveal, result]);
  useEffect(() => () => st().quizInputChanged(null), []);
}

/**
 * Where the camera goes for a question ("frame this"): a painted pattern or the pain regions
 * whole (a name-the-muscle pattern without its point: that is the answer), the needle from the
 * side of its shaft, else the muscle asked about, from a side no limb hides it from.
 */
function focusFor(world: QuizWorld, q: Question): FocusAt | null {
  const zones = currentZoneWorld();
  if (q.type === 'pick-trigger-points' || q.type === 'name-muscle') {
    const regionIds =
      q.type === 'pick-trigger-points'
        ? q.painRegions
        : (shownZone(world.catalog, q)?.essential ?? []);
    const f = zones && regionsFraming(zones, regionIds, q.type === 'name-muscle' ? q.side : null);
    return f ? focusOf(f) : null;
  }
  if (q.type === 'structure-at-risk') {
    // from the side of the shaft and outside the body (end-on a needle shows nothing)
    const d = norm(q.needle.direction);
    let across = cross(d, [0, 1, 0]);
    if (Math.hypot(...across) < 0.3) across = cross(d, [0, 0, 1]);
    const from = norm(along(scale(d, -0.6), norm(across), 0.8));
    return { center: along(q.needle.entry, d, q.needle.depthMm / 2000), radius: 0.11, from };
  }
  const t = world.triggerPoint(q.triggerPointId);
  const m = t ? world.muscle(t.muscleId) : undefined;
  const id = m?.structures.find((x) => x.endsWith(`-${q.side}`)) ?? m?.structures[0];
  const box = id ? world.body.index.get(id)?.box : undefined;
  if (!id || !box) return null;
  const c: BodyVec3 = [
    (box.min.x + box.max.x) / 2,
    (box.min.y + box.max.y) / 2,
    (box.min.z + box.max.z) / 2,
  ];
  const len = Math.hypot(c[0], c[2]) || 1;
  const preferred: BodyVec3 =
    Math.hypot(c[0], c[2]) < 0.03 ? [0, 0.2, c[2] < 0 ? -1 : 1] : [c[0] / len, 0.2, c[2] / len];
  const f = structureFraming({ index: world.body.index, fovDeg: CAMERA_FOV_DEG }, id, preferred);
  return f ? focusOf(f) : null;
}

function NeedleControls({ side }: { side: CatalogSide }) {
  const n = useStore(useShallow(settingsOf));
  const lean = useMemo(() => {
    if (!n.entry) return '';
    const f = aimFrame(n.entry.inward);
    return leanInWords(directionFromAim(f, n.tiltDeg, n.azimuthDeg), f, side);
  }, [n.entry, n.tiltDeg, n.azimuthDeg, side]);
  return (
    <fieldset className="quiz-needle">
      <legend>Your needle</legend>
      <p className="hint">
        {n.entry
          ? 'Entry placed: click elsewhere on the skin to move it.'
          : 'Click the skin to place the entry.'}
      </p>
      <label htmlFor="quiz-depth">
        Depth <output htmlFor="quiz-depth">{Math.round(n.depthMm)} mm</output>
      </label>
      <input
        id="quiz-depth"
        type="range"
        min={0}
        max={100}
        step={1}
        value={n.depthMm}
        onChange={(e) => st().needleDepthSet(Number(e.target.value))}
      />
      <label htmlFor="quiz-tilt">
        Tilt from perpendicular <output htmlFor="quiz-tilt">{Math.round(n.tiltDeg)}°</output>
      </label>
      <input
        id="quiz-tilt"
        type="range"
        min={0}
        max={MAX_TILT_DEG}
        step={1}
        value={Math.round(n.tiltDeg)}
        onChange={(e) => st().needleAimed(Number(e.target.value), n.azimuthDeg)}
      />
      <label htmlFor="quiz-azimuth">
        Direction of the tilt <output htmlFor="quiz-azimuth">{Math.round(n.azimuthDeg)}°</output>{' '}
        <span className="hint">{lean}</span>
      </label>
      <input
        id="quiz-azimuth"
        type="range"
        min={0}
        max={359}
        step={1}
        value={Math.round(n.azimuthDeg)}
        onChange={(e) => st().needleAimed(n.tiltDeg, Number(e.target.value))}
      />
    </fieldset>
  );
}

/** The answer being built for the question, or why it cannot be submitted yet. */
function useDraft(q: Question, choice: string | null, picks: readonly string[]) {
  const point = useStore((s) => s.quizPoint);
  const painted = useStore((s) => s.painRegions);
  const n = useStore(useShallow(settingsOf));
  const base = { questionId: q.id };
  switch (q.type) {
    case 'locate':
      return point
        ? { answer: { ...base, type: q.type, point } as Answer }
        : { why: 'Click the body first.' };
    case 'paint-zone':
      return painted.length
        ? { answer: { ...base, type: q.type, regions: [...painted] } as Answer }
        : { why: 'Paint at least one region.' };
    case 'needle': {
      if (!n.entry) return { why: 'Place the needle on the skin first.' };
      const direction = directionFromAim(aimFrame(n.entry.inward), n.tiltDeg, n.azimuthDeg);
      return {
        answer: {
          ...base,
          type: q.type,
          entry: n.entry.point,
          direction,
          depthMm: n.depthMm,
        } as Answer,
      };
    }
    case 'name-muscle':
      return choice
        ? { answer: { ...base, type: q.type, muscleId: choice } as Answer }
        : { why: 'Choose a muscle.' };
    case 'structure-at-risk':
      return choice
        ? { answer: { ...base, type: q.type, structureId: choice } as Answer }
        : { why: 'Choose a structure.' };
    case 'pick-trigger-points':
      return picks.length
        ? { answer: { ...base, type: q.type, picks: [...picks] } as Answer }
        : { why: 'Pick at least one trigger point.' };
  }
}

/** The question types to draw from, as checkboxes (quiz setup and class quizzes). */
export function QuestionTypeChecks({
  types,
  onChange,
}: {
  types: readonly QuestionType[];
  onChange: (types: QuestionType[]) => void;
}) {
  return (
    <fieldset>
      <legend>Question types</legend>
      {QUESTION_TYPES.map((t) => (
        <label key={t} className="check">
          <input
            type="checkbox"
            checked={types.includes(t)}
            onChange={(e) =>
              onChange(e.target.checked ? [...types, t] : types.filter((x) => x !== t))
            }
          />{' '}
          {QUESTION_TYPE_LABELS[t]}
        </label>
      ))}
    </fieldset>
  );
}

export function Feedback({ result, title }: { result: QuestionResult; title?: string }) {
  const pct = Math.round(result.score * 100);
  return (
    <div className={`quiz-feedback ${result.correct ? 'right' : 'wrong'}`} role="status">
      <p>
        <strong>
          {title ?? (result.correct ? 'Right' : result.score > 0 ? 'Partly right' : 'Not right')}
        </strong>{' '}
        <span className="quiz-score">{pct} %</span>
      </p>
      <ul>
        {result.feedback.map((f, i) => (
          <li key={i}>{f}</li>
        ))}
      </ul>
    </div>
  );
}

export function QuizQuestion({ world, session }: { world: QuizWorld; session: QuizSession }) {
  const q = session.questions[session.index]!;
  const names = useNames(world);
  const result = session.results[q.id];
  const given = session.answers[q.id];
  const [choice, setChoice] = useState<string | null>(null);
  const [picks, setPicks] = useState<string[]>([]);
  const painted = useStore((s) => s.painRegions);
  const reveal = useStore((s) => s.quizReveal);
  useQuestionStage(world, session, q);
  useEffect(() => {
    setChoice(
      given?.type === 'name-muscle'
        ? given.muscleId
        : given?.type === 'structure-at-risk'
          ? given.structureId
          : null,
    );
    setPicks(given?.type === 'pick-trigger-points' ? [...given.picks] : []);
    // restore a given answer when the question changes only
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q.id]);
  const draft = useDraft(q, choice, picks);
  const exam = session.mode === 'exam';
  const last = session.index === session.questions.length - 1;
  const locked = !!result; // practice: answered; exam: finished

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (!('answer' in draft) || !draft.answer || locked) return;
    quizDispatch({ kind: 'answered', answer: draft.answer, at: Date.now() });
    // an exam stays on the question until the student moves on (moving on by itself, the next
    // "Next" skipped a question)
    if (!exam) st().quizRevealed(true);
  };
  const [confirmFinish, setConfirmFinish] = useState(false);
  const move = (i: number) => {
    setConfirmFinish(false);
    quizDispatch({ kind: 'moved', index: i });
  };
  const unanswered = session.questions.filter((x) => !session.answers[x.id]).length;
  const finish = () => {
    if (exam && unanswered > 0 && !confirmFinish) {
      setConfirmFinish(true);
      return;
    }
    setConfirmFinish(false);
    quizDispatch({ kind: 'finished', at: Date.now() });
  };

  const choices =
    q.type === 'name-muscle'
      ? q.choices.map((id) => ({ id, label: names.muscle(id) }))
      : q.type === 'structure-at-risk'
        ? q.choices.map((id) => ({ id, label: names.structure(id) }))
        : [];
  const keyChoice =
    result?.key.type === 'name-muscle'
      ? result.key.muscleId
      : result?.key.type === 'structure-at-risk'
        ? result.key.structureId
        : null;
  const expected = result?.key.type === 'pick-trigger-points' ? result.key.expected : [];

  return (
    <form className="quiz-question" onSubmit={submit} aria-labelledby="quiz-q-title">
      <p className="eyebrow">
        Question {session.index + 1} of {session.questions.length} · {QUESTION_TYPE_LABELS[q.type]}
      </p>
      {q.prompt && <p className="quiz-own-prompt">{q.prompt}</p>}
      <h3 id="quiz-q-title" className="quiz-prompt">
        {promptOf(world, q, session.quiz.difficulty === 'easy')}
      </h3>
      {choices.length > 0 && (
        <fieldset className="quiz-choices" disabled={locked}>
          <legend className="visually-hidden">Choices</legend>
          {choices.map((c) => (
            <label
              key={c.id}
              className={`radio${reveal && keyChoice === c.id ? ' key' : ''}${reveal && result && choice === c.id && keyChoice !== c.id ? ' miss' : ''}`}
            >
              <input
                type="radio"
                name={`quiz-${q.id}`}
                value={c.id}
                checked={choice === c.id}
                onChange={() => setChoice(c.id)}
              />{' '}
              {c.label}
            </label>
          ))}
        </fieldset>
      )}
      {q.type === 'pick-trigger-points' && (
        <fieldset className="quiz-choices" disabled={locked}>
          <legend className="visually-hidden">Trigger points</legend>
          {q.choices.map((k) => (
            <label key={k} className={`check${reveal && expected.includes(k) ? ' key' : ''}`}>
              <input
                type="checkbox"
                checked={picks.includes(k)}
                onChange={(e) =>
                  setPicks((p) => (e.target.checked ? [...p, k] : p.filter((x) => x !== k)))
                }
              />{' '}
              {names.trpKey(k)}
            </label>
          ))}
        </fieldset>
      )}
      {q.type === 'paint-zone' && !locked && (
        <div className="quiz-paint">
          <p className="hint">
            Painted: {painted.length ? painted.map(names.region).join('; ') : 'nothing yet'}
          </p>
          <div className="button-row">
            <button
              type="button"
              className="btn btn-small"
              onClick={() => st().painUndone()}
              disabled={!painted.length}
            >
              Undo
            </button>
            <button
              type="button"
              className="btn btn-small"
              onClick={() => st().painCleared()}
              disabled={!painted.length}
            >
              Clear
            </button>
          </div>
        </div>
      )}
      {q.type === 'needle' && !locked && <NeedleControls side={q.side} />}
      {!locked && (q.type === 'locate' || q.type === 'paint-zone' || q.type === 'needle') && (
        <button
          type="button"
          className="btn btn-small drawer-only"
          onClick={() => st().rightDrawerToggled(false)}
        >
          Answer on the body
        </button>
      )}
      {q.type === 'locate' && !locked && (
        <p className="hint">
          {given || draft.answer
            ? 'Spot placed: click again to move it.'
            : 'Click the body to place your spot.'}
        </p>
      )}
      {!locked && (
        <div className="button-row">
          <button type="submit" className="btn" disabled={!('answer' in draft)}>
            {exam ? (given ? 'Change answer' : 'Save answer') : 'Check answer'}
          </button>
          {'why' in draft && <span className="hint">{draft.why}</span>}
        </div>
      )}
      {exam && given && !result && (
        <p className="hint">Answer saved; you can change it until you finish.</p>
      )}
      {result && <Feedback result={result} />}
      {result && (
        <label className="check">
          <input
            type="checkbox"
            checked={reveal}
            onChange={(e) => st().quizRevealed(e.target.checked)}
          />{' '}
          Show the right answer on the body
        </label>
      )}
      {exam && session.finishedAt === null && (
        <ol className="quiz-progress" aria-label="Questions answered">
          {session.questions.map((x, i) => {
            const done = !!session.answers[x.id];
            return (
              <li key={x.id}>
                <button
                  type="button"
                  className={`quiz-dot${done ? ' answered' : ''}${i === session.index ? ' current' : ''}`}
                  aria-current={i === session.index ? 'step' : undefined}
                  aria-label={`Question ${i + 1}: ${done ? 'answered' : 'not answered'}`}
                  onClick={() => move(i)}
                >
                  {i + 1}
                </button>
              </li>
            );
          })}
        </ol>
      )}
      {confirmFinish && (
        <p className="quiz-warning" role="alert">
          {unanswered} question{unanswered === 1 ? ' is' : 's are'} not answered yet and will score
          0. Finish anyway, or go back to {unanswered === 1 ? 'it' : 'them'}.
        </p>
      )}
      <nav className="button-row quiz-nav" aria-label="Questions">
        <button
          type="button"
          className="btn btn-small"
          disabled={session.index === 0}
          onClick={() => move(session.index - 1)}
        >
          Previous
        </button>
        {!last && (
          <button
            type="button"
            className="btn btn-small"
            disabled={!exam && !result && session.finishedAt === null}
            onClick={() => move(session.index + 1)}
          >
            Next
          </button>
        )}
        {session.finishedAt === null && (last || exam) && (
          <button
            type="button"
            className="btn btn-small"
            onClick={finish}
            disabled={!exam && !result}
          >
            {confirmFinish ? 'Finish anyway' : 'Finish'}
          </button>
        )}
      </nav>
    </form>
  );
}
