import { useStore } from '../store/index.ts';

const WHAT: Record<'point' | 'paint' | 'needle', string> = {
  point: 'Click the skin where the point lies.',
  paint: 'Click each region where the pain is felt.',
  needle: 'Click the skin for the needle’s entry.',
};

/**
 * On phones and tablets the question sits in a drawer over the body: while a question waits for
 * a click on the body and the drawer is closed, this says what to do and brings the question back.
 */
export function QuizChip() {
  const input = useStore((s) => (s.mode === 'quiz' ? s.quizInput : null));
  const open = useStore((s) => s.rightDrawerOpen);
  const toggled = useStore((s) => s.rightDrawerToggled);
  if (!input || open) return null;
  return (
    <div className="quiz-chip" role="status">
      <span>{WHAT[input]}</span>
      <button type="button" className="btn btn-small" onClick={() => toggled(true)}>
        Back to the question
      </button>
    </div>
  );
}
