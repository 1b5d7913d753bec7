/**
 * Teach mode over the viewport: the playing tour's caption (a band at the bottom, large type in
 * presentation mode) with its step, sources and Previous / Next, the laser / pen tools, and while
 * presenting the names on the class heat map. It applies each step to the body
 * as the step changes, whether it is stepped from here, the panel or a presentation clicker.
 */
import { useEffect, useState } from 'react';
import { browserCatalog } from '../domain/catalog/browser.ts';
import { stepSources } from '../domain/tours/file.ts';
import { studentColor } from '../scene/studentColors.ts';
import { applyTourStep } from '../scene/tourPlayback.ts';
import { useNeedleBody } from '../scene/needleService.ts';
import { useStore } from '../store/index.ts';
import type { PointerTool } from '../store/teachSlice.ts';
import { useTechniqueDemo } from './useTechniqueDemo.ts';

const st = () => useStore.getState();

const TOOLS: { id: PointerTool; label: string; key: string }[] = [
  { id: 'orbit', label: 'Turn the view', key: 'O' },
  { id: 'laser', label: 'Laser pointer', key: 'L' },
  { id: 'pen', label: 'Draw on the body', key: 'D' },
];

export function TeachTools() {
  const tool = useStore((s) => s.pointerTool);
  const strokes = useStore((s) => s.strokes.length);
  const presenting = useStore((s) => s.presenting);
  return (
    <div className="teach-tools" role="toolbar" aria-label="Pointer tools" data-covers-view>
      {presenting && (
        <button
          type="button"
          className="btn btn-small"
          aria-keyshortcuts="Escape P"
          onClick={() => {
            st().presentationToggled(false);
            if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
          }}
        >
          Stop presenting <kbd>Esc</kbd>
        </button>
      )}
      {TOOLS.map((t) => (
        <button
          key={t.id}
          type="button"
          className={`btn btn-small${tool === t.id ? ' btn-on' : ''}`}
          aria-pressed={tool === t.id}
          aria-keyshortcuts={t.key}
          onClick={() => st().pointerToolChosen(t.id)}
        >
          {t.label} <kbd>{t.key}</kbd>
        </button>
      ))}
      <button
        type="button"
        className="btn btn-small"
        disabled={strokes === 0}
        aria-keyshortcuts="E"
        onClick={() => st().annotationsCleared()}
      >
        Clear drawings <kbd>E</kbd>
      </button>
    </div>
  );
}

export default function TeachStage() {
  const tour = useStore((s) => s.tour);
  const stepIndex = useStore((s) => s.tourStep);
  const presenting = useStore((s) => s.presenting);
  const body = useNeedleBody(!!tour);
  const demo = useTechniqueDemo();
  const [note, setNote] = useState<string | null>(null);
  const step = tour?.steps[stepIndex];

  // apply the step when it changes, and again once the needle body is ready (a needle step)
  useEffect(() => {
    if (!step) return;
    demo.stop();
    const missed = applyTourStep(step);
    setNote(missed);
    if (!missed && step.needle?.demonstrate) {
      const t = browserCatalog().triggerPoints.find((x) => x.id === step.needle!.triggerPointId);
      if (t) {
        const timer = setTimeout(
          () => demo.start(t.needling.depthMm.min, t.needling.depthMm.max),
          1500,
        );
        return () => clearTimeout(timer);
      }
    }
    return undefined;
    // demo is stable; body readiness re-applies a needle step
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [step, body]);

  if (!tour || !step)
    return presenting ? (
      <>
        <TeachTools />
        <PresentedHeatLegend />
      </>
    ) : null;
  const sources = stepSources(step, browserCatalog());
  const last = stepIndex === tour.steps.length - 1;
  return (
    <>
      {presenting && <TeachTools />}
      {presenting && <PresentedHeatLegend />}
      <section
        className="tour-caption"
        aria-live="polite"
        aria-labelledby="tour-step-title"
        data-covers-view
      >
        {/* the words scroll inside the caption; Previous / Next stay in view beside or under them */}
        <div className="tour-caption-body">
          <p className="eyebrow">
            {tour.title} · step {stepIndex + 1} of {tour.steps.length}
          </p>
          <h2 id="tour-step-title">{step.title}</h2>
          <p className="tour-text">{step.caption}</p>
          {note && <p className="hint">{note}</p>}
          {sources.length > 0 && (
            <details className="tour-sources">
              <summary>Sources ({sources.length})</summary>
              <ul>
                {sources.map((src) => (
                  <li key={src.citation}>{src.citation}</li>
                ))}
              </ul>
            </details>
          )}
        </div>
        <div className="button-row tour-nav">
          <button
            type="button"
            className="btn btn-small"
            disabled={stepIndex === 0}
            onClick={() => st().tourStepped(stepIndex - 1)}
            aria-keyshortcuts="ArrowLeft PageUp"
          >
            Previous
          </button>
          {!last ? (
            <button
              type="button"
              className="btn btn-small"
              onClick={() => st().tourStepped(stepIndex + 1)}
              aria-keyshortcuts="ArrowRight PageDown"
            >
              Next
            </button>
          ) : (
            <button type="button" className="btn btn-small" onClick={() => st().tourStarted(null)}>
              End the tour
            </button>
          )}
        </div>
      </section>
    </>
  );
}

/**
 * While presenting, the side panel with the heat map's legend is away: who is who on the body is
 * said over the view instead, each student's name in their colour.
 *
 * @example
 * {presenting && <PresentedHeatLegend />}
 */
export function PresentedHeatLegend() {
  const marks = useStore((s) => s.classMarks?.marks);
  if (!marks || marks.length === 0) return null;
  return (
    <ul className="stage-heat-legend" aria-label="Students on the heat map">
      {/* in the class's order, as the panel's legend lists them */}
      {[...marks]
        .sort((a, b) => a.studentIndex - b.studentIndex)
        .map((m) => (
          <li key={m.studentIndex}>
            <span
              className="swatch"
              style={{ background: studentColor(m.studentIndex) }}
              aria-hidden="true"
            />{' '}
            {m.student}
          </li>
        ))}
    </ul>
  );
}
