/**
 * What Teach mode's class quiz builder adds to the generator: a seed typed by hand (checked, with
 * the range named when it is wrong) and the instructor's own wording per question, which goes
 * into the quiz file and is checked by the file's parser like any other prompt.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseQuizFile, QuizFileError, quizToText } from '../../../src/domain/quiz/file.ts';
import { generateQuiz, parseSeed, withOwnPrompts } from '../../../src/domain/quiz/generate.ts';
import { loadQuizWorldFromDisk } from '../../../src/domain/quiz/node.ts';
import { MAX_SEED, MAX_TEXT_CHARS, type Quiz } from '../../../src/domain/quiz/schema.ts';
import type { QuizWorld } from '../../../src/domain/quiz/world.ts';

let world: QuizWorld;
let quiz: Quiz;
beforeAll(() => {
  world = loadQuizWorldFromDisk();
  quiz = generateQuiz(world, {
    seed: 42,
    count: 3,
    types: ['locate', 'name-muscle', 'needle'],
    triggerPoints: ['infraspinatus-trp1'],
    mode: 'exam',
  });
});

const parse = (q: Quiz) =>
  parseQuizFile(
    quizToText(q),
    'class.quiz.json',
    world.catalog,
    new Set(world.body.structures.keys()),
  );

describe('a seed typed by hand', () => {
  it('plain digits from 0 to the largest seed, blanks around them ignored', () => {
    expect(parseSeed('0')).toEqual({ seed: 0 });
    expect(parseSeed(' 42 ')).toEqual({ seed: 42 });
    expect(parseSeed('007')).toEqual({ seed: 7 });
    expect(parseSeed(String(MAX_SEED))).toEqual({ seed: 4294967295 });
  });
  it('one past the largest seed is out of range, and the message says the range', () => {
    const r = parseSeed('4294967296');
    expect(r).toEqual({
      error: '4294967296 is out of range: give a whole number from 0 to 4294967295',
    });
  });
  it.each([
    ['empty', '', 'empty; give a whole number from 0 to 4294967295'],
    ['negative', '-1', '"-1" is not a whole number from 0 to 4294967295'],
    ['a fraction', '4.5', '"4.5" is not a whole number from 0 to 4294967295'],
    ['exponent notation', '1e3', '"1e3" is not a whole number from 0 to 4294967295'],
    ['words', 'forty', '"forty" is not a whole number from 0 to 4294967295'],
  ])('%s is not a seed', (_, typed, error) => {
    expect(parseSeed(typed)).toEqual({ error });
  });
  it('a very long entry is shortened in the message', () => {
    const r = parseSeed('9'.repeat(400));
    expect('error' in r && r.error.length).toBeLessThan(120);
  });
  it('the same seed gives the same questions', () => {
    const again = generateQuiz(world, {
      seed: 42,
      count: 3,
      types: ['locate', 'name-muscle', 'needle'],
      triggerPoints: ['infraspinatus-trp1'],
      mode: 'exam',
    });
    expect(again).toEqual(quiz);
    expect(quiz.seed).toBe(42);
    expect(quiz.mode).toBe('exam');
  });
});

describe("the instructor's own wording", () => {
  it('is stored on its question, trimmed, and read back from the file', () => {
    const [a, b] = quiz.questions.map((q) => q.id);
    const own = withOwnPrompts(quiz, {
      [a!]: '  A patient lifts her arm with pain at the back of the shoulder.\n',
      [b!]: '   ',
    });
    expect(own.questions.map((q) => q.prompt)).toEqual([
      'A patient lifts her arm with pain at the back of the shoulder.',
      undefined,
      undefined,
    ]);
    // an empty prompt leaves no key at all in the file
    expect(Object.keys(own.questions[1]!)).not.toContain('prompt');
    expect(parse(own).questions[0]!.prompt).toBe(own.questions[0]!.prompt);
    // the rest of the quiz is untouched
    expect({ ...own, questions: own.questions.map(({ prompt: _, ...q }) => q) }).toEqual(quiz);
  });
  it('a prompt emptied again removes the one the question had', () => {
    const first = withOwnPrompts(quiz, { [quiz.questions[0]!.id]: 'Find it.' });
    const cleared = withOwnPrompts(first, { [quiz.questions[0]!.id]: '' });
    expect(cleared.questions[0]!.prompt).toBeUndefined();
    const kept = withOwnPrompts(first, {});
    expect(kept.questions[0]!.prompt).toBe('Find it.');
  });
  it('at most 500 characters: one more is refused by the parser, naming the question', () => {
    const ok = withOwnPrompts(quiz, { [quiz.questions[1]!.id]: 'x'.repeat(MAX_TEXT_CHARS) });
    expect(parse(ok).questions[1]!.prompt).toHaveLength(500);
    const long = withOwnPrompts(quiz, { [quiz.questions[1]!.id]: 'x'.repeat(MAX_TEXT_CHARS + 1) });
    expect(() => parse(long)).toThrow(QuizFileError);
    expect(() => parse(long)).toThrow(/questions\[1\]\.prompt: .*500/);
  });
  it('a prompt that is not text is refused', () => {
    const d = JSON.parse(quizToText(quiz)) as { questions: Record<string, unknown>[] };
    d.questions[0]!.prompt = 12;
    expect(() => parseQuizFile(JSON.stringify(d), 'class.quiz.json', world.catalog)).toThrow(
      /questions\[0\]\.prompt: .*string/,
    );
  });
});
