/**
 * A class's results: several students' answers files to one quiz, each scored on the model with
 * the same rules as the app (never trusting a score written in a file), then gathered per
 * question (how many right, the mean score) and per student, with each student's mark on the
 * body for the heat map (the clicked spot, or the needle as the scorer ran it: entry, direction,
 * the depth it reached and its verdict).
 */
import type { Verdict } from '../needle/simulate.ts';
import type { BodyVec3 } from '../units.ts';
import { cross, dot, length, norm, scale, sub, add } from '../vec.ts';
import { parseAnswersFile } from './file.ts';
import { perfectAnswer, scoreQuiz, type QuestionResult } from './score.ts';
import type { Answer, Question, Quiz } from './schema.ts';
import type { QuizWorld } from './world.ts';

export interface StudentResult {
  /** The name in the file, or the file's name without `.json`. */
  readonly student: string;
  readonly file: string;
  /**
   * What identifies the file: the name inside it and its answers, as canonical text. Two files
   * with the same content are one student's answers loaded twice, whatever the files are called.
   */
  readonly content: string;
  readonly answers: readonly Answer[];
  readonly results: readonly QuestionResult[];
  /** Mean score, 0–1. */
  readonly score: number;
}

export interface QuestionStats {
  readonly question: Question;
  /** Students who have a result for it (every loaded student). */
  readonly students: number;
  readonly answered: number;
  readonly right: number;
  /** Mean score over the students, 0–1 (0 with no student). */
  readonly mean: number;
}

/** One student's answer to one question, on the body. */
export interface ClassMark {
  readonly student: string;
  /** The student's place in the class (the order the files were loaded), for their colour. */
  readonly studentIndex: number;
  /** The clicked spot (locate), or the needle's entry on the skin as the scorer ran it. */
  readonly point: BodyVec3;
  /** Where the scored needle's tip stopped (needle questions whose needle went in). */
  readonly tip?: BodyVec3;
  /** How deep that tip is along the needle (mm): the depth the simulator reached. */
  readonly depthMm?: number;
  /**
   * The scorer's verdict on the needle (with the point's rule folded in); null for a needle that
   * could not go in. Absent for a spot.
   */
  readonly verdict?: Verdict | null;
  /** 0–1, as scored. */
  readonly score: number;
  /** At or above the pass mark, as scored. */
  readonly correct: boolean;
}

/** Reads and scores one student's file; throws QuizFileError naming the file on a bad one. */
export function scoreStudentFile(
  world: QuizWorld,
  quiz: Quiz,
  text: string,
  file: string,
): StudentResult {
  const parsed = parseAnswersFile(text, file, quiz);
  const { results, summary } = scoreQuiz(world, quiz.questions, parsed.answers);
  const named = parsed.student?.trim();
  return {
    student: named || file.replace(/^.*[\\/]/, '').replace(/\.json$/i, ''),
    file,
    content: JSON.stringify({ student: named ?? null, answers: parsed.answers }),
    answers: parsed.answers,
    results,
    score: summary.score,
  };
}

/**
 * Adds one scored file to the class. Students are told apart by what is inside the files, never by
 * the files' names (every student's download can carry the same name): a file whose name and
 * answers are already loaded is left out, and a different file under a name already taken is kept
 * under that name numbered. Each case is said in `notice`, so no file is dropped without a word.
 */
export function addStudent(
  students: readonly StudentResult[],
  next: StudentResult,
): { students: StudentResult[]; notice?: string } {
  const same = students.find((s) => s.content === next.content);
  if (same)
    return {
      students: [...students],
      notice: `${next.file}: the same answers as ${same.student} (${same.file}) are already loaded, so it was not added again.`,
    };
  const taken = new Set(students.map((s) => s.student));
  if (!taken.has(next.student)) return { students: [...students, next] };
  let n = 2;
  while (taken.has(`${next.student} (${n})`)) n++;
  const student = `${next.student} (${n})`;
  return {
    students: [...students, { ...next, student }],
    notice: `${next.file}: another file with different answers is already loaded as ${next.student}; this one is shown as ${student}.`,
  };
}

/** Adds scored files in order, each as `addStudent` does, with everything said about them. */
export function addStudents(
  students: readonly StudentResult[],
  scored: readonly StudentResult[],
): { students: StudentResult[]; notices: string[] } {
  let next = [...students];
  const notices: string[] = [];
  for (const s of scored) {
    const r = addStudent(next, s);
    next = r.students;
    if (r.notice) notices.push(r.notice);
  }
  return { students: next, notices };
}

/** Per question: how the class did. */
export function questionStats(quiz: Quiz, students: readonly StudentResult[]): QuestionStats[] {
  return quiz.questions.map((question) => {
    const rs = students.flatMap((s) => s.results.filter((r) => r.questionId === question.id));
    return {
      question,
      students: rs.length,
      answered: rs.filter((r) => r.answered).length,
      right: rs.filter((r) => r.correct).length,
      mean: rs.length
        ? Math.round((rs.reduce((a, r) => a + r.score, 0) / rs.length) * 1000) / 1000
        : 0,
    };
  });
}

/** The students' marks on the body for one question, with the target, or null if none. */
export function classMarks(
  world: QuizWorld,
  quiz: Quiz,
  questionId: string,
  students: readonly StudentResult[],
): { target: BodyVec3 | null; marks: ClassMark[] } | null {
  const q = quiz.questions.find((x) => x.id === questionId);
  if (!q) return null;
  const marks: ClassMark[] = [];
  students.forEach((s, studentIndex) => {
    const a = s.answers.find((x) => x.questionId === questionId);
    const r = s.results.find((x) => x.questionId === questionId);
    if (!a || !r) return;
    const who = { student: s.student, studentIndex, score: r.score, correct: r.correct };
    if (a.type === 'locate') marks.push({ ...who, point: a.point });
    if (a.type === 'needle') {
      // drawn as scored: the simulator's entry, tip and verdict, never the depth typed in
      const path = r.key.type === 'needle' ? r.key.path : null;
      const verdict = r.key.type === 'needle' ? r.key.verdict : null;
      marks.push(
        path
          ? {
              ...who,
              point: path.entry,
              tip: path.tip,
              depthMm: path.reachedDepthMm,
              verdict,
            }
          : { ...who, point: a.entry, verdict: null },
      );
    }
  });
  if (!marks.length) return null;
  const key = perfectAnswer(world, q);
  const target =
    key?.type === 'locate'
      ? key.point
      : q.type === 'needle'
        ? (world.place(q.triggerPointId, q.side)?.point ?? null)
        : null;
  return { target, marks };
}

/**
 * A student's answer on the heat map in words, for the legend: a needle's depth reached and its
 * verdict, or that it could not go in, then the marks and right or wrong.
 */
export function describeMark(m: ClassMark | undefined): string {
  if (!m) return 'no answer';
  const marks = `${Math.round(m.score * 100)} %, ${m.correct ? 'right' : 'wrong'}`;
  if (m.verdict === undefined) return `spot, ${marks}`;
  if (!m.tip || m.verdict === null) return `needle could not go in, ${marks}`;
  return `needle ${Math.round(m.depthMm ?? 0)} mm deep, ${m.verdict}, ${marks}`;
}

/** Where the camera looks at a heat map from: a centre, a radius (m) and a view direction. */
export interface HeatMapView {
  readonly center: BodyVec3;
  readonly radius: number;
  readonly from: BodyVec3;
}

/**
 * The view of a heat map. Spots are seen from outside the body over them. Needles are seen from
 * the side of their mean direction (about 60° off it, on the outer side), so each needle shows
 * its length and angle rather than a dot where it goes in.
 */
export function heatMapView(marks: {
  readonly target: BodyVec3 | null;
  readonly marks: readonly ClassMark[];
}): HeatMapView | null {
  const center = marks.target ?? marks.marks[0]?.point;
  if (!center) return null;
  // outward from the body's long axis, level
  const out = norm(
    length([center[0], 0, center[2]]) > 1e-6 ? [center[0], 0, center[2]] : [0, 0, 1],
  );
  const needles = marks.marks.filter((m) => m.tip);
  if (needles.length === 0)
    return { center, radius: 0.12, from: norm([center[0], 0.2, center[2] || 1]) };
  const mean = needles.reduce<BodyVec3>((s, m) => add(s, norm(sub(m.tip!, m.point))), [0, 0, 0]);
  if (length(mean) < 1e-9) return { center, radius: 0.12, from: out };
  const d = norm(mean);
  // a side direction square to the needles, turned to the outer side of the body
  let side = cross(d, [0, 1, 0]);
  if (length(side) < 1e-6) side = cross(d, [1, 0, 0]);
  side = norm(side);
  if (dot(side, out) < 0) side = scale(side, -1);
  const from = norm(add(scale(d, -0.5), scale(side, 0.87)));
  // closer than for spots: needles are a few centimetres long
  return { center, radius: 0.08, from };
}
