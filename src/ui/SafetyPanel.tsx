import { useEffect, useMemo, useState } from 'react';
import { Citations } from './catalogWidgets.tsx';
import { loadTechniqueCatalog, sourceById } from '../domain/technique/load.ts';
import {
  applicableItems,
  effectiveRule,
  screen,
  type Answer,
  type Answers,
  type ScreeningContext,
} from '../domain/technique/screening.ts';
import {
  REGION_CLASSES,
  type Decision,
  type RegionClass,
  type Source,
} from '../domain/technique/schema.ts';
import { topicId } from '../domain/technique/topics.ts';
import { useStore } from '../store/index.ts';

const DECISION_LABELS: Record<Decision, string> = {
  go: 'Go',
  'go-with-care': 'Go with care',
  'do-not-needle': 'Do not needle',
};
const REGION_LABELS: Record<RegionClass, string> = {
  head: 'Head and face',
  neck: 'Neck',
  thorax: 'Thorax (chest wall, shoulder girdle over the lung)',
  back: 'Back',
  'abdomen-pelvis': 'Abdomen and pelvis',
  limb: 'Arm or leg',
};
const CATEGORY_LABELS = {
  absolute: 'absolute',
  relative: 'relative',
  precaution: 'precaution',
} as const;

/** Citations of a list of source ids, with how much of each was read. */
function Cites({ ids, sources }: { ids: readonly string[]; sources: readonly Source[] }) {
  return (
    <Citations
      label=""
      sources={ids.map((id) => {
        const s = sourceById(sources, id);
        return {
          citation: s.citation,
          url: s.url,
          note: s.verified !== 'full-text' ? `read: ${s.verified}` : undefined,
        };
      })}
    />
  );
}

function Certainty({ c, note }: { c: string; note?: string | undefined }) {
  if (c === 'established' && !note) return null;
  return (
    <p className={`certainty certainty-${c}`}>
      {c !== 'established' && <strong>{c === 'thin' ? 'Thin evidence' : 'Disputed'}. </strong>}
      {note}
    </p>
  );
}

/** The screening checklist: context, yes / no / don't know per item, and the live decision. */
function Screening() {
  const { screening } = loadTechniqueCatalog();
  const [region, setRegion] = useState<RegionClass>('thorax');
  const [electrical, setElectrical] = useState(false);
  const [answers, setAnswers] = useState<Answers>({});
  const ctx: ScreeningContext = { region, electricalStimulation: electrical };
  const items = applicableItems(screening, ctx);
  const result = screen(
    screening,
    Object.fromEntries(Object.entries(answers).filter(([id]) => items.some((i) => i.id === id))),
    ctx,
  );
  const answered = items.filter((i) => answers[i.id] === 'yes' || answers[i.id] === 'no').length;
  return (
    <section aria-labelledby="screening-title" className="safety-section">
      <h3 id="screening-title">Before needling: screening</h3>
      <p className="hint">{screening.disclaimer}</p>
      <label htmlFor="screening-region">Where will you needle?</label>
      <select
        id="screening-region"
        value={region}
        onChange={(e) => setRegion(e.target.value as RegionClass)}
      >
        {REGION_CLASSES.map((r) => (
          <option key={r} value={r}>
            {REGION_LABELS[r]}
          </option>
        ))}
      </select>
      <label className="check">
        <input
          type="checkbox"
          checked={electrical}
          onChange={(e) => setElectrical(e.target.checked)}
        />{' '}
        With electrical stimulation through the needles
      </label>
      <div
        className={`decision decision-${result.decision}`}
        role="status"
        aria-live="polite"
        aria-atomic="true"
      >
        <strong>{DECISION_LABELS[result.decision]}</strong>{' '}
        <span className="hint">
          ({answered} of {items.length} answered)
        </span>
        {result.reasons.length > 0 && (
          <ul>
            {result.reasons.slice(0, 6).map((r) => (
              <li key={r.itemId}>
                <a href={`#${topicId('screening', r.itemId)}`}>{r.text}</a>
              </li>
            ))}
            {result.reasons.length > 6 && <li>…and {result.reasons.length - 6} more below.</li>}
          </ul>
        )}
        <p className="hint">{screening.unknownPolicy}</p>
      </div>
      <button type="button" className="btn btn-small" onClick={() => setAnswers({})}>
        Clear the answers
      </button>
      <ol className="screening-items">
        {items.map((item) => {
          const rule = effectiveRule(item, ctx);
          const value: Answer = answers[item.id] ?? 'unknown';
          return (
            <li key={item.id} id={topicId('screening', item.id)}>
              <fieldset>
                <legend>
                  {item.question}{' '}
                  <span className={`badge badge-${rule.category}`}>
                    {CATEGORY_LABELS[rule.category]}
                    {rule.escalated ? ' here' : ''}
                  </span>
                </legend>
                {(['yes', 'no', 'unknown'] as const).map((a) => (
                  <label key={a} className="radio">
                    <input
                      type="radio"
                      name={`screen-${item.id}`}
                      value={a}
                      checked={value === a}
                      onChange={() => setAnswers((prev) => ({ ...prev, [item.id]: a }))}
                    />{' '}
                    {a === 'unknown' ? "Don't know" : a === 'yes' ? 'Yes' : 'No'}
                  </label>
                ))}
                <details>
                  <summary>Why</summary>
                  <p>{rule.reason}</p>
                  <Certainty c={item.certainty} note={rule.note} />
                  <Cites ids={rule.sourceIds} sources={screening.sources} />
                </details>
              </fieldset>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function Techniques() {
  const { techniques } = loadTechniqueCatalog();
  return (
    <section aria-labelledby="techniques-title" className="safety-section">
      <h3 id="techniques-title">Techniques</h3>
      {techniques.techniques.map((t) => (
        <article key={t.id} id={topicId('technique', t.id)} className="topic">
          <h4>{t.name}</h4>
          <p>{t.description}</p>
          <p>
            <strong>When used: </strong>
            {t.whenUsed}
          </p>
          <dl className="facts">
            {t.parameters.map((p) => (
              <div key={p.id}>
                <dt>{p.label}</dt>
                <dd>
                  {p.value}
                  {p.certainty !== 'established' && <em> ({p.certainty})</em>}
                </dd>
              </div>
            ))}
          </dl>
          <Certainty c={t.certainty} note={t.notes} />
          <p className="hint">Evidence: {t.evidenceGrade}.</p>
          <Cites ids={t.sources} sources={techniques.sources} />
        </article>
      ))}
      <p className="hint">
        Needle mode shows pistoning on a trigger point: put the needle on a point&apos;s line and
        press “Demonstrate the technique”.
      </p>
    </section>
  );
}

function SideEffects() {
  const { adverseEvents: ae } = loadTechniqueCatalog();
  const surveyLabel = (id: string) => ae.surveys.find((s) => s.id === id)?.label ?? id;
  return (
    <section aria-labelledby="effects-title" className="safety-section">
      <h3 id="effects-title">Side effects and what to do</h3>
      <p className="hint">
        Rates are per treatment, from prospective surveys of physiotherapists:{' '}
        {ae.surveys
          .map(
            (s) =>
              `${s.label}, ${s.treatments.toLocaleString('en')} treatments by ${s.therapists} therapists`,
          )
          .join('; ')}
        . {ae.surveys.map((s) => s.limitations).join(' ')}
      </p>
      {ae.events.map((e) => (
        <article key={e.id} id={topicId('side-effect', e.id)} className={`topic ${e.severity}`}>
          <h4>
            {e.name} <span className={`badge badge-${e.severity}`}>{e.severity}</span>
          </h4>
          <p>{e.description}</p>
          {e.rates.length > 0 && (
            <p>
              <strong>How often: </strong>
              {e.rates
                .map((r) => `${r.percentOfTreatments}% of treatments (${surveyLabel(r.surveyId)})`)
                .join('; ')}
            </p>
          )}
          {e.frequencyText && <p>{e.frequencyText}</p>}
          <p>
            <strong>Signs: </strong>
            {e.signs.join('; ')}.
          </p>
          <p>
            <strong>What to do: </strong>
            {e.whatToDo.join('; ')}.
          </p>
          <Certainty c={e.certainty} note={e.note} />
          <Cites ids={e.sources} sources={ae.sources} />
        </article>
      ))}
      <h3>Aftercare</h3>
      <ul className="aftercare">
        {ae.aftercare.map((a) => (
          <li key={a.id} id={topicId('aftercare', a.id)}>
            {a.advice}{' '}
            <span className="hint">
              ({a.evidence}
              {a.evidenceNote ? `: ${a.evidenceNote}` : ''})
            </span>{' '}
            <Cites ids={a.sources} sources={ae.sources} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * Safety mode: the screening checklist ending in go / go with care / do not needle, the
 * techniques, and side effects with their published rates and aftercare, every fact with its
 * source. Topics opened from search or a trigger point scroll into view.
 */
export default function SafetyPanel() {
  const focus = useStore((s) => s.safetyFocus);
  useEffect(() => {
    if (!focus) return;
    const el = document.getElementById(focus.id);
    if (!el) return;
    el.scrollIntoView({ block: 'start' });
    el.classList.add('flash');
    const t = setTimeout(() => el.classList.remove('flash'), 1600);
    return () => clearTimeout(t);
  }, [focus]);
  const sections = useMemo(
    () => [
      { id: 'screening-title', label: 'Screening' },
      { id: 'techniques-title', label: 'Techniques' },
      { id: 'effects-title', label: 'Side effects' },
    ],
    [],
  );
  return (
    <section className="panel-section safety-panel" aria-labelledby="safety-title">
      <h2 id="safety-title">Technique and safety</h2>
      <nav aria-label="Safety sections" className="button-row">
        {sections.map((s) => (
          <a key={s.id} className="btn btn-small" href={`#${s.id}`}>
            {s.label}
          </a>
        ))}
      </nav>
      <Screening />
      <Techniques />
      <SideEffects />
    </section>
  );
}
