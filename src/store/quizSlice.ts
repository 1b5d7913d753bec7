import type { StateCreator } from 'zustand';
import type { QuizSession } from '../domain/quiz/session.ts';
import type { BodyVec3 } from '../domain/units.ts';
import type { Full } from './types.ts';

/** What a click on the body gives the quiz's current question. */
export type QuizInput = 'point' | 'paint' | 'needle' | null;

export interface QuizSlice {
  /** The quiz being taken (the domain's session state; events go through its reducer). */
  quizSession: QuizSession | null;
  /** The spot clicked for a "locate" question, on the skin. */
  quizPoint: BodyVec3 | null;
  quizInput: QuizInput;
  /** Show the current question's key on the body (practice after answering, or in review). */
  quizReveal: boolean;

  quizSessionChanged: (session: QuizSession | null) => void;
  quizPointPlaced: (p: BodyVec3 | null) => void;
  quizInputChanged: (input: QuizInput) => void;
  quizRevealed: (on: boolean) => void;
}

export const createQuizSlice: StateCreator<Full, [], [], QuizSlice> = (set) => ({
  quizSession: null,
  quizPoint: null,
  quizInput: null,
  quizReveal: false,

  quizSessionChanged: (session) => set({ quizSession: session }),
  quizPointPlaced: (p) => set({ quizPoint: p }),
  quizInputChanged: (input) => set({ quizInput: input }),
  quizRevealed: (on) => set({ quizReveal: on }),
});
