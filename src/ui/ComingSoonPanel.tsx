import type { Mode } from '../store/viewSlice.ts';

const COMING: Record<
  Exclude<Mode, 'explore' | 'needle' | 'safety'>,
  { title: string; items: string[] }
> = {
  quiz: {
    title: 'Quiz mode is coming',
    items: [
      'Find the trigger point, name the muscle, pick the referral pattern.',
      'Choose a safe depth and direction; scored with the same rules as the command line.',
      'Reproducible quizzes from a seed, so a class can take the same one.',
    ],
  },
  teach: {
    title: 'Teach mode is coming',
    items: [
      'A projector layout: large labels, high contrast, no side panels.',
      'Step through prepared views and structures with the keyboard or a clicker.',
      'Show referral zones and needle paths to the whole room.',
    ],
  },
};

/** What an unbuilt mode will do, so the tab is never a dead end. */
export default function ComingSoonPanel({
  mode,
}: {
  mode: Exclude<Mode, 'explore' | 'needle' | 'safety'>;
}) {
  const c = COMING[mode];
  return (
    <section className="coming-soon" aria-labelledby="coming-title">
      <h2 id="coming-title">{c.title}</h2>
      <ul>
        {c.items.map((t) => (
          <li key={t}>{t}</li>
        ))}
      </ul>
      <p className="hint">Explore works meanwhile: the body stays interactive.</p>
    </section>
  );
}
