import type { ModelSlice } from './modelSlice.ts';
import type { NeedleSlice } from './needleSlice.ts';
import type { TriggerSlice } from './triggerSlice.ts';
import type { PainSlice } from './painSlice.ts';
import type { SelectionSlice } from './selectionSlice.ts';
import type { ViewSlice } from './viewSlice.ts';
import type { QuizSlice } from './quizSlice.ts';
import type { TeachSlice } from './teachSlice.ts';

/** The whole store: every slice's state and events. */
export type Full = ModelSlice &
  SelectionSlice &
  ViewSlice &
  NeedleSlice &
  TriggerSlice &
  PainSlice &
  QuizSlice &
  TeachSlice;
