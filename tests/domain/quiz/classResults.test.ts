/**
 * A class's answers files gathered: each scored on the model, per question and per student, and
 * each student's mark for the heat map.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addStudent,
  classMarks,
  questionStats,
  scoreStudentFile,
} from '../../../src/domain/quiz/classResults.ts';
import { QuizFileError } from '../../../src/domain/quiz/file.ts';
import { generateQuiz } from '../../../src/domain/quiz/generate.ts';
import { loadQuizWorldFromDisk } from '../../../src/domain/quiz/node.ts';
import { perfectAnswer } from '../../../src/domain/quiz/score.ts';
import type { Answer, Quiz } from '../../../src/domain/quiz/schema.ts';
import type { QuizWorld } from '../../../src/domain/quiz/world.ts';

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

/** A student's file: the perfect answers, with each locate spot moved `up` metres cranially. */
function file(student: string | undefined, up: number, skip: string[] = []): string {
  const answers = quiz.questions
    .filter((q) => !skip.includes(q.id))
    .map((q) => {
      const a = perfectAnswer(world, q) as Answer;
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
    for (const m of nm.marks) expect(m.tip).toBeDefined();
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
});
