/**
 * A class's results: several students' answers files to one quiz, each scored on the model with
 * the same rules as the app (never trusting a score written in a file), then gathered per
 * question (how many right, the mean score) and per student, with each student's mark on the
 * body for the heat map (the clicked spot, or the needle's entry and tip).
 */
import type { BodyVec3 } from '../units.ts';
import { along, norm } from '../vec.ts';
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

export interface ClassMark {
  readonly student: string;
  /** The clicked spot (locate) or the needle's entry. */
  readonly point: BodyVec3;
  /** The needle's tip (needle questions). */
  readonly tip?: BodyVec3;
  readonly score: number;
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
  for (const s of students) {
    const a = s.answers.find((x) => x.questionId === questionId);
    const r = s.results.find((x) => x.questionId === questionId);
    if (!a || !r) continue;
    if (a.type === 'locate') marks.push({ student: s.student, point: a.point, score: r.score });
    if (a.type === 'needle')
      marks.push({
        student: s.student,
        point: a.entry,
        tip: along(a.entry, norm(a.direction), a.depthMm / 1000),
        score: r.score,
      });
  }
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
