/**
 * A class's answers files gathered: each scored on the model, per question and per student, and
 * each student's mark for the heat map.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addStudent,
  addStudents,
  classMarks,
  describeMark,
  heatMapView,
  questionStats,
  scoreStudentFile,
} from '../../../src/domain/quiz/classResults.ts';
import { QuizFileError } from '../../../src/domain/quiz/file.ts';
import { generateQuiz } from '../../../src/domain/quiz/generate.ts';
import { loadQuizWorldFromDisk } from '../../../src/domain/quiz/node.ts';
import { perfectAnswer } from '../../../src/domain/quiz/score.ts';
import type { Answer, Quiz } from '../../../src/domain/quiz/schema.ts';
import type { QuizWorld } from '../../../src/domain/quiz/world.ts';
import { dist, dot, norm, sub } from '../../../src/domain/vec.ts';

let world: QuizWorld;
let quiz: Quiz;
beforeAll(() => {
  world = loadQuizWorldFromDisk();
  quiz = generateQuiz(world, {
    seed: 8,
    count: 4,
    types: ['locate', 'needle'],
    triggerPoints: ['infraspinatus-trp1', 'upper-trapezius-trp1'],
  });
});

/**
 * A student's file: the perfect answers, with each locate spot moved `up` metres cranially and,
 * when `needleDepthMm` is given, every needle pushed to that depth.
 */
function file(
  student: string | undefined,
  up: number,
  skip: string[] = [],
  needleDepthMm?: number,
): string {
  const answers = quiz.questions
    .filter((q) => !skip.includes(q.id))
    .map((q) => {
      const a = perfectAnswer(world, q) as Answer;
      if (a.type === 'needle' && needleDepthMm !== undefined)
        return { ...a, depthMm: needleDepthMm };
      return a.type === 'locate' ? { ...a, point: [a.point[0], a.point[1] + up, a.point[2]] } : a;
    });
  return JSON.stringify({
    format: 'needlewise-answers',
    version: 1,
    ...(student ? { student } : {}),
    answers,
  });
}

describe('class results', () => {
  it('scores each file on the model and gathers per question and per student', () => {
    expect(quiz.questions.map((q) => q.type).sort()).toEqual([
      'locate',
      'locate',
      'needle',
      'needle',
    ]);
    const locate = quiz.questions.filter((q) => q.type === 'locate').map((q) => q.id);
    const students = [
      scoreStudentFile(world, quiz, file('Ana', 0), 'a.json'),
      scoreStudentFile(world, quiz, file(undefined, 0.01), 'ben.answers.json'),
      scoreStudentFile(
        world,
        quiz,
        file('Cy', 0.08, [quiz.questions.find((q) => q.type === 'needle')!.id]),
        'c.json',
      ),
    ];
    expect(students.map((s) => s.student)).toEqual(['Ana', 'ben.answers', 'Cy']);
    expect(students[0]!.score).toBe(1);
    expect(students[2]!.score).toBeLessThan(students[1]!.score);
    const stats = questionStats(quiz, students);
    for (const st of stats) {
      expect(st.students).toBe(3);
      if (locate.includes(st.question.id)) {
        // Ana and Ben within the tolerance, Cy 80 mm off
        expect(st.right).toBe(2);
        expect(st.mean).toBeCloseTo(2 / 3, 2);
      } else expect(st.right).toBe(st.answered);
    }
    expect(stats.reduce((n, s) => n + s.answered, 0)).toBe(11);
    const marks = classMarks(world, quiz, locate[0]!, students)!;
    expect(marks.marks).toHaveLength(3);
    expect(marks.target).not.toBeNull();
    expect(marks.marks.map((m) => m.score)).toEqual(
      students.map((s) => s.results.find((r) => r.questionId === locate[0])!.score),
    );
    const needle = quiz.questions.find((q) => q.type === 'needle')!.id;
    const nm = classMarks(world, quiz, needle, students)!;
    expect(nm.marks.length).toBeGreaterThanOrEqual(2);
    // each needle drawn as the scorer ran it: the tip lies the simulator's reached depth from the
    // entry
    for (const m of nm.marks) {
      expect(m.tip, m.student).toBeDefined();
      const lengthMm = Math.hypot(...m.tip!.map((v, k) => v - m.point[k]!)) * 1000;
      expect(m.depthMm, m.student).toBeGreaterThan(0);
      expect(lengthMm, m.student).toBeCloseTo(m.depthMm!, 1);
    }
  });

  it('refuses a file for another quiz, or one that carries its own score, naming the file', () => {
    const other = JSON.stringify({
      format: 'needlewise-answers',
      version: 1,
      answers: [{ questionId: 'zz9', type: 'locate', point: [0, 1, 0] }],
    });
    expect(() => scoreStudentFile(world, quiz, other, 'dan.json')).toThrow(QuizFileError);
    expect(() => scoreStudentFile(world, quiz, other, 'dan.json')).toThrow(/^dan\.json: .*zz9/);
    const cheat = JSON.parse(file('Eve', 0)) as { score?: number };
    cheat.score = 1;
    expect(() => scoreStudentFile(world, quiz, JSON.stringify(cheat), 'eve.json')).toThrow(
      /eve\.json/,
    );
  });

  it('tells students apart by what is in their files, not the file names, and says what it did', () => {
    // four students' downloads, all called the same (the old download name), then one sent twice
    const name = 'class.answers.json';
    const files = [
      file('Ana', 0),
      file('Ben', 0.01),
      file('Cy', 0.02),
      file('Dee', 0.03),
      file('Cy', 0.04),
    ];
    let class_: ReturnType<typeof addStudent>['students'] = [];
    const notices: (string | undefined)[] = [];
    for (const text of [...files, files[1]!]) {
      const r = addStudent(class_, scoreStudentFile(world, quiz, text, name));
      class_ = r.students;
      notices.push(r.notice);
    }
    // the fourth file did not replace the third; the second Cy is kept and numbered; Ben's file
    // sent again is left out, with a word each time
    expect(class_.map((s) => s.student)).toEqual(['Ana', 'Ben', 'Cy', 'Dee', 'Cy (2)']);
    expect(notices.slice(0, 4)).toEqual([undefined, undefined, undefined, undefined]);
    expect(notices[4]).toMatch(/already loaded as Cy; this one is shown as Cy \(2\)/);
    expect(notices[5]).toMatch(/same answers as Ben .*not added again/);
    // the same answers under another student's name are that student's: kept
    const copied = addStudent(class_, scoreStudentFile(world, quiz, file('Eve', 0), name));
    expect(copied.students.map((s) => s.student)).toContain('Eve');
    expect(copied.notice).toBeUndefined();
  });

  it('draws each needle as scored: its direction, the depth the simulator reached and its verdict', () => {
    const infraspinatus = quiz.questions.find(
      (q) => q.type === 'needle' && q.triggerPointId === 'infraspinatus-trp1',
    )!;
    const students = [
      scoreStudentFile(world, quiz, file('Ana', 0), 'a.json'),
      // pushed to 60 mm: the scapula stops the needle before that on this model
      scoreStudentFile(world, quiz, file('Ben', 0, [], 60), 'b.json'),
    ];
    const m = classMarks(world, quiz, infraspinatus.id, students)!;
    expect(m.marks.map((x) => [x.student, x.studentIndex])).toEqual([
      ['Ana', 0],
      ['Ben', 1],
    ]);
    for (const [k, mark] of m.marks.entries()) {
      const r = students[k]!.results.find((x) => x.questionId === infraspinatus.id)!;
      if (r.key.type !== 'needle' || !r.key.path) throw new Error('a needle key with its path');
      const a = students[k]!.answers.find((x) => x.questionId === infraspinatus.id)!;
      if (a.type !== 'needle') throw new Error('a needle answer');
      expect(mark.verdict).toBe(r.key.verdict);
      expect(mark.correct).toBe(r.correct);
      expect(mark.depthMm).toBe(r.key.path.reachedDepthMm);
      // the line runs along the answer's direction, as long as the depth reached
      expect(dist(mark.point, mark.tip!) * 1000).toBeCloseTo(mark.depthMm!, 1);
      expect(dot(norm(sub(mark.tip!, mark.point)), norm(a.direction))).toBeGreaterThan(0.9999);
    }
    const [ana, ben] = m.marks;
    expect(ana!.verdict).toBe('safe');
    expect(ana!.correct).toBe(true);
    expect(ben!.depthMm).toBeLessThan(60);
    expect(ben!.depthMm).toBeGreaterThan(ana!.depthMm!);
    expect(ben!.verdict).not.toBe('safe');
    expect(ben!.correct).toBe(false);
  });

  it('a needle that could not go in keeps its entry, with no tip and no verdict', () => {
    const q = quiz.questions.find((x) => x.type === 'needle')!;
    const a = perfectAnswer(world, q) as Extract<Answer, { type: 'needle' }>;
    // pointing straight out of the skin
    const out = { ...a, direction: [-a.direction[0], -a.direction[1], -a.direction[2]] };
    const text = JSON.stringify({ format: 'needlewise-answers', version: 1, answers: [out] });
    const s = scoreStudentFile(world, quiz, text, 'out.json');
    const m = classMarks(world, quiz, q.id, [s])!.marks[0]!;
    expect(m.verdict).toBeNull();
    expect(m.tip).toBeUndefined();
    expect(m.point).toEqual(a.entry);
    expect(m.score).toBe(0);
  });

  it('spots carry the scored result and the student, but no needle', () => {
    const locate = quiz.questions.find((q) => q.type === 'locate')!;
    const students = [file('Ana', 0), file('Cy', 0.08)].map((t, i) =>
      scoreStudentFile(world, quiz, t, `${i}.json`),
    );
    const m = classMarks(world, quiz, locate.id, students)!.marks;
    expect(m.map((x) => [x.student, x.correct, x.tip, x.verdict])).toEqual([
      ['Ana', true, undefined, undefined],
      ['Cy', false, undefined, undefined],
    ]);
  });

  it('files loaded in two batches one after the other are all kept, with what was said', () => {
    const first = [file('Ana', 0), file('Ben', 0.01)].map((t) =>
      scoreStudentFile(world, quiz, t, 'x.json'),
    );
    const second = [file('Cy', 0.02), file('Ben', 0.01)].map((t) =>
      scoreStudentFile(world, quiz, t, 'y.json'),
    );
    const a = addStudents([], first);
    const b = addStudents(a.students, second);
    expect(b.students.map((s) => s.student)).toEqual(['Ana', 'Ben', 'Cy']);
    expect(a.notices).toEqual([]);
    expect(b.notices).toHaveLength(1);
    expect(b.notices[0]).toMatch(/same answers as Ben/);
    // nothing of the earlier class is changed in place
    expect(a.students.map((s) => s.student)).toEqual(['Ana', 'Ben']);
  });

  it('the heat map of needles is seen from their side, not down their shafts', () => {
    const students = [file('Ana', 0), file('Ben', 0, [], 40)].map((t, i) =>
      scoreStudentFile(world, quiz, t, `${i}.json`),
    );
    for (const q of quiz.questions.filter((x) => x.type === 'needle')) {
      const m = classMarks(world, quiz, q.id, students)!;
      const v = heatMapView(m)!;
      expect(v.center).toEqual(m.target);
      const d = norm(sub(m.marks[0]!.tip!, m.marks[0]!.point));
      // about 60 degrees off the needle (looking along it would show a dot)
      const angle = (Math.acos(dot(norm(v.from), [-d[0], -d[1], -d[2]])) * 180) / Math.PI;
      expect(angle).toBeGreaterThan(45);
      expect(angle).toBeLessThan(75);
    }
    const locate = quiz.questions.find((q) => q.type === 'locate')!;
    const spots = heatMapView(classMarks(world, quiz, locate.id, students)!)!;
    expect(Math.hypot(...spots.from)).toBeCloseTo(1, 6);
  });

  it('the legend says each answer in words: the depth reached and verdict, or that it did not go in', () => {
    const base = { student: 'A', studentIndex: 0, point: [0, 1, 0] as const };
    expect(describeMark(undefined)).toBe('no answer');
    expect(describeMark({ ...base, score: 0.875, correct: true })).toBe('spot, 88 %, right');
    expect(
      describeMark({
        ...base,
        tip: [0, 0.97, 0],
        depthMm: 38.14,
        verdict: 'caution',
        score: 0.5,
        correct: false,
      }),
    ).toBe('needle 38 mm deep, caution, 50 %, wrong');
    expect(describeMark({ ...base, verdict: null, score: 0, correct: false })).toBe(
      'needle could not go in, 0 %, wrong',
    );
  });
});
