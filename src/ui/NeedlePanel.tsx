import { useEffect, useMemo, useState } from 'react';
import { Citations, DangerFacts, TriggerPointChoice } from './catalogWidgets.tsx';
import { habitusLabel, habitusList } from '../domain/body/habitus.ts';
import { browserCatalog } from '../domain/catalog/browser.ts';
import { loadHabitus } from '../scene/loadModel.ts';
import type { CatalogSide } from '../domain/catalog/load.ts';
import type { RecommendedNeedle } from '../domain/catalog/needlePath.ts';
import { towardInWords } from '../domain/catalog/ruleCheck.ts';
import type { DirectionRule } from '../domain/catalog/schema.ts';
import { aimFrame, directionFromAim, leanInWords } from '../domain/needle/aim.ts';
import { DEPTH_BANDS } from '../domain/needle/dangerMap.ts';
import { NEEDLE_LENGTHS_MM } from '../domain/needle/kinds.ts';
import { type NeedleResult, type NeedleBody } from '../domain/needle/simulate.ts';
import { dot, sub } from '../domain/vec.ts';
import { KIND_COLORS } from '../scene/appearance.ts';
import {
  useNeedleBody,
  useNeedleOutcome,
  useTargetGuide,
  type TargetGuide,
} from '../scene/needleService.ts';
import { loadTechniqueCatalog } from '../domain/technique/load.ts';
import { topicId } from '../domain/technique/topics.ts';
import { VERDICT_COLORS } from '../scene/Needle.tsx';
import { useStore } from '../store/index.ts';
import { snapNeedleTo } from '../scene/needleActions.ts';
import { useTechniqueDemo } from './useTechniqueDemo.ts';
import { MAX_TILT_DEG } from '../store/needleSlice.ts';

/** Which body the figures are for, said wherever depths are shown. */
function BodyNote() {
  const manifest = useStore((s) => s.manifest);
  const habitus = useStore((s) => s.habitus);
  const pending = useStore((s) => s.habitusPending);
  const error = useStore((s) => s.habitusError);
  const list = manifest ? habitusList(manifest) : [];
  const h = list.find((x) => x.id === habitus);
  return (
    <div className="average-note">
      {list.length > 1 && (
        <>
          <label htmlFor="needle-body">Body</label>{' '}
          <select
            id="needle-body"
            value={pending ?? habitus}
            disabled={pending !== null}
            onChange={(e) => void loadHabitus(e.target.value)}
          >
            {list.map((x) => (
              <option key={x.id} value={x.id}>
                {habitusLabel(x)}
              </option>
            ))}
          </select>
          {pending && <span role="status"> loading…</span>}
        </>
      )}
      <p>
        Measured on one generated adult man
        {h && h.bmi > 0
          ? `: ${h.name.toLowerCase()} build, BMI ${h.bmi}, ${Math.round(h.weightKg)} kg`
          : ', average build'}{' '}
        (ANSUR II mean stature). Real patients vary widely with build, sex, posture and breathing:
        this is a teaching aid, not clinical advice.
      </p>
      {h && h.bmi > 0 && (
        <details className="sources">
          <summary>Where the builds come from</summary>
          {h.source}
        </details>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** A cross-section along the needle: each tissue a band as wide as it is deep. */
function LayerStrip({ r }: { r: NeedleResult }) {
  const total = Math.max(r.lengthMm ?? r.depthMm, r.ahead ? r.ahead.depthMm + 2 : 0, 10);
  const x = (mm: number) => (mm / total) * 300;
  return (
    <svg
      className="layer-strip"
      viewBox="0 0 300 46"
      role="img"
      aria-label={`Cross-section along the needle: ${r.layers.map((l) => l.name).join(', ')}`}
    >
      {r.layers.map((l, i) => (
        <rect
          key={i}
          x={x(l.fromMm)}
          y={8}
          width={Math.max(0.5, x(l.toMm) - x(l.fromMm))}
          height={22}
          fill={l.interstitial ? '#6b6455' : KIND_COLORS[l.kind]}
        >
          <title>{`${l.name}: ${l.fromMm}–${l.toMm} mm`}</title>
        </rect>
      ))}
      {r.ahead && (
        <rect
          x={x(r.ahead.depthMm)}
          y={8}
          width={Math.max(2, 300 - x(r.ahead.depthMm))}
          height={22}
          fill="url(#danger-hatch)"
        >
          <title>{`${r.ahead.name} from ${r.ahead.depthMm} mm`}</title>
        </rect>
      )}
      <defs>
        <pattern id="danger-hatch" width="6" height="6" patternUnits="userSpaceOnUse">
          <rect width="6" height="6" fill="#4a1c1c" />
          <path d="M0 6 L6 0" stroke="#ff5a5a" strokeWidth="1.5" />
        </pattern>
      </defs>
      <line
        x1={0}
        x2={x(r.reachedDepthMm)}
        y1={19}
        y2={19}
        stroke={VERDICT_COLORS[r.verdict]}
        strokeWidth={2}
      />
      <circle cx={x(r.reachedDepthMm)} cy={19} r={3.5} fill={VERDICT_COLORS[r.verdict]} />
      <text x={0} y={43} className="strip-scale">
        0 mm (skin)
      </text>
      <text x={300} y={43} textAnchor="end" className="strip-scale">
        {Math.round(total)} mm
      </text>
    </svg>
  );
}

function Readout({ r }: { r: NeedleResult }) {
  return (
    <>
      <div className={`verdict verdict-${r.verdict}`} role="status" aria-live="polite">
        <strong>
          {r.verdict === 'safe' ? 'Safe' : r.verdict === 'caution' ? 'Caution' : 'Unsafe'}
        </strong>
        <ul>
          {r.messages.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      </div>
      <h3>Along the needle</h3>
      <LayerStrip r={r} />
      <table className="layers-table">
        <caption className="visually-hidden">Tissues the needle passes, in order</caption>
        <thead>
          <tr>
            <th scope="col">Tissue</th>
            <th scope="col">From</th>
            <th scope="col">To (mm)</th>
          </tr>
        </thead>
        <tbody>
          {r.layers.map((l, i) => (
            <tr key={i} className={l.interstitial ? 'interstitial' : undefined}>
              <td>
                <span
                  className="swatch"
                  style={{ background: l.interstitial ? '#6b6455' : KIND_COLORS[l.kind] }}
                  aria-hidden="true"
                />{' '}
                {l.name}
              </td>
              <td>{l.fromMm.toFixed(1)}</td>
              <td>{l.toMm.toFixed(1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="facts">
        <dt>Tip</dt>
        <dd>
          {r.tip.name}, {r.reachedDepthMm} mm
        </dd>
        <dt>Nearest danger</dt>
        <dd>
          {r.nearestDanger
            ? `${r.nearestDanger.name}: ${r.nearestDanger.distanceFromPathMm} mm from the shaft, ${r.nearestDanger.distanceFromTipMm} mm from the tip`
            : 'none within 45 mm'}
        </dd>
      </dl>
    </>
  );
}

function TriggerPointPicker({ body }: { body: NeedleBody }) {
  const target = useStore((s) => s.needleTarget);
  const [id, setId] = useState(target?.triggerPointId ?? 'upper-trapezius-trp1');
  const [side, setSide] = useState<CatalogSide>(target?.side ?? 'left');
  const [error, setError] = useState<string | null>(null);
  // the picker names the point the needle is judged against: when another panel puts the needle
  // on a point ("Needle this point", a tour, a quiz), the choice follows it
  const targetId = target?.triggerPointId;
  const targetSide = target?.side;
  useEffect(() => {
    if (targetId) setId(targetId);
    if (targetSide) setSide(targetSide);
  }, [targetId, targetSide]);
  return (
    <form
      className="tp-picker"
      onSubmit={(e) => {
        e.preventDefault();
        setError(snapNeedleTo(body, { triggerPointId: id, side }));
      }}
    >
      <TriggerPointChoice
        idPrefix="needle"
        label="Start from a trigger point"
        value={id}
        side={side}
        onChange={setId}
        onSide={setSide}
        sideLabels={{ left: "Patient's left", right: "Patient's right" }}
      />
      <button type="submit" className="btn btn-block">
        Put the needle on its recommended line
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

/** What the catalog says of the snapped trigger point, and where it lies on this line. */
function TargetNote({ r }: { r: NeedleResult }) {
  const target = useStore((s) => s.needleTarget);
  const manifest = useStore((s) => s.manifest);
  const body = useNeedleBody();
  const guide = useTargetGuide(body);
  const demo = useTechniqueDemo();
  if (!target || !manifest || !body) return null;
  const t = browserCatalog().triggerPoints.find((x) => x.id === target.triggerPointId);
  if (!t) return null;
  const n = t.needling;
  let onLine: string | null = null;
  // the point as the guide placed it (cached per point): not placed again on every render
  if (guide) {
    const v = sub(guide.point, r.entry);
    const along = dot(v, r.direction) * 1000;
    const miss = Math.sqrt(Math.max(0, dot(v, v) * 1e6 - along * along));
    onLine = `On the model the trigger point lies ${along.toFixed(0)} mm along this line and ${miss.toFixed(0)} mm from it.`;
  }
  return (
    <section className="target-note" aria-labelledby="target-title">
      <h3 id="target-title">
        {t.name} ({target.side})
      </h3>
      <p>{n.direction}</p>
      <dl className="facts">
        <dt>Depth (catalog)</dt>
        <dd>
          {n.depthMm.min}–{n.depthMm.max} mm ({n.depthBasis.kind}); {n.needleLengthMm} mm needle
        </dd>
        <dt>Direction rule</dt>
        <dd>{ruleInWords(n.directionRule)}</dd>
        <dt>Safety rule</dt>
        <dd>{n.safetyRule}</dd>
        <DangerFacts needling={n} side={target.side} />
      </dl>
      {onLine && <p className="hint">{onLine}</p>}
      {guide && <RecommendationGaps rec={guide.rec} />}
      {guide && <ConeSummary guide={guide} />}
      <SafetyLinks dangers={n.dangers} />
      <div className="button-row">
        <button
          type="button"
          className={`btn btn-small${demo.running ? ' btn-on' : ''}`}
          onClick={() => (demo.running ? demo.stop() : demo.start(n.depthMm.min, n.depthMm.max))}
        >
          {demo.running ? 'Stop the demonstration' : 'Demonstrate the technique'}
        </button>
      </div>
      {demo.running && (
        <p className="hint" role="status">
          {PISTONING.name}: {PISTONING.description} (slowed down to watch; the sources consulted do
          not give a rate).
        </p>
      )}
      <p className="hint">Depth basis: {n.depthBasis.note}</p>
      <p>
        <Citations sources={t.sources} />
      </p>
    </section>
  );
}

/** The machine-readable rule the verdict checks, in words. */
function ruleInWords(rule: DirectionRule): string {
  const parts = [`aim ${towardInWords(rule.toward)}`];
  if (rule.avoid.length) parts.push(`never ${rule.avoid.join(' or ')}`);
  if (rule.tangential) parts.push('almost parallel to the skin');
  if (rule.pincer) parts.push('within a pincer grip of the muscle');
  if (rule.backstop) parts.push(`onto the ${rule.backstop.replace(/-/g, ' ')} as a backstop`);
  return `${parts.join('; ')}. Breaking it makes the verdict at least Caution.`;
}

/** Where no line on the model keeps the whole rule: said, not hidden. */
function RecommendationGaps({ rec }: { rec: RecommendedNeedle }) {
  const gaps: string[] = [];
  if (!rec.obeysRule)
    gaps.push('no line through the point on this model keeps every part of the direction rule');
  if (!rec.withinDepth)
    gaps.push(
      `the point lies ${Math.round(rec.pointDepthMm)} mm along the line shown, outside the catalog's ${rec.depthMm.min}–${rec.depthMm.max} mm: the point is put as near the range as its muscle on this model allows`,
    );
  if (!rec.safeAtMax) gaps.push("at the catalog's maximum depth the line shown meets a danger");
  if (!gaps.length) return null;
  return (
    <p className="hint warning" role="note">
      Model gap: {gaps.join('; ')}. The line shown is the closest the one average model allows;
      follow the rule on a patient.
    </p>
  );
}

const PISTONING = (() => {
  const t = loadTechniqueCatalog().techniques.techniques.find((x) => x.id === 'fast-in-fast-out');
  return { name: t?.name ?? 'Pistoning', description: t?.description ?? '' };
})();

/** Links to the safety topics that matter for a point's dangers (always: the screening). */
function SafetyLinks({ dangers }: { dangers: readonly string[] }) {
  const open = useStore((s) => s.safetyTopicOpened);
  const links: [string, string][] = [];
  if (dangers.some((d) => d === 'pleura' || d === 'lung'))
    links.push([topicId('side-effect', 'pneumothorax'), 'Pneumothorax: signs and what to do']);
  if (dangers.some((d) => d.includes('nerve') || d.includes('plexus')))
    links.push([topicId('side-effect', 'nerve-injury'), 'Nerve injury: signs and what to do']);
  if (dangers.some((d) => d.includes('artery') || d.includes('vein')))
    links.push([topicId('side-effect', 'bleeding'), 'Bleeding: what to do']);
  links.push([topicId('screening', 'anticoagulant'), 'Screening before needling']);
  return (
    <ul className="safety-links">
      {links.map(([id, label]) => (
        <li key={id}>
          <button type="button" className="link-button" onClick={() => open(id)}>
            {label}
          </button>
        </li>
      ))}
    </ul>
  );
}

function ConeSummary({ guide }: { guide: TargetGuide }) {
  const rays = guide.cone.rays.filter((r) => r.verdict !== null);
  const unsafe = rays.filter((r) => r.verdict === 'unsafe').length;
  const widest = Math.max(...guide.cone.rays.map((r) => r.tiltDeg));
  return (
    <p className="cone-summary">
      <strong>Cone of directions</strong> ({rays.length} simulated to {guide.rec.depthMm.max} mm
      around the recommended line, drawn on the body):{' '}
      {unsafe === 0
        ? `none reaches a danger structure within ${widest}°.`
        : guide.cone.safeTiltDeg > 0
          ? `every direction within ${guide.cone.safeTiltDeg}° stays clear; ${unsafe} wider one${unsafe === 1 ? '' : 's'} enter${unsafe === 1 ? 's' : ''} a danger structure.`
          : `${unsafe} direction${unsafe === 1 ? '' : 's'}, some within 10° of the line, enter${unsafe === 1 ? 's' : ''} a danger structure: keep to the line.`}{' '}
      <span className="legend-inline">
        <span className="swatch" style={{ background: VERDICT_COLORS.safe }} /> safe{' '}
        <span className="swatch" style={{ background: VERDICT_COLORS.caution }} /> caution{' '}
        <span className="swatch" style={{ background: VERDICT_COLORS.unsafe }} /> unsafe{' '}
        <span className="swatch" style={{ background: '#5fd3ff' }} /> catalog depth range{' '}
        <span className="swatch" style={{ background: '#ffe14d' }} /> trigger point
      </span>
    </p>
  );
}

function Toggle(p: { on: boolean; onClick: () => void; label: string; keyName: string }) {
  return (
    <button
      type="button"
      className={`btn btn-small${p.on ? ' btn-on' : ''}`}
      aria-pressed={p.on}
      onClick={p.onClick}
    >
      {p.label} <kbd>{p.keyName}</kbd>
    </button>
  );
}

/** X-ray with the lungs, nerves, vessels and organs shown: the structures a needle must miss. */
function highlightDangers() {
  const s = useStore.getState();
  if (!s.xray)
    for (const layer of ['lungs', 'neurovascular'] as const)
      if (!s.layers[layer].visible) s.layerToggled(layer);
  s.xrayToggled();
}

function Controls({ r }: { r: NeedleResult | null }) {
  const entry = useStore((s) => s.needleEntry);
  const tilt = useStore((s) => s.needleTiltDeg);
  const az = useStore((s) => s.needleAzimuthDeg);
  const depth = useStore((s) => s.needleDepthMm);
  const length = useStore((s) => s.needleLengthMm);
  const cutaway = useStore((s) => s.cutaway);
  const lungMap = useStore((s) => s.lungMap);
  const xray = useStore((s) => s.xray);
  const aimDrag = useStore((s) => s.aimDrag);
  const st = useStore.getState;
  const lean = useMemo(() => {
    if (!entry) return '';
    const f = aimFrame(entry.inward);
    const side = entry.point[0] > 0.01 ? 'left' : entry.point[0] < -0.01 ? 'right' : 'midline';
    return leanInWords(directionFromAim(f, tilt, az), f, side);
  }, [entry, tilt, az]);
  return (
    <div className="needle-controls">
      <label htmlFor="needle-length">Needle length</label>
      <select
        id="needle-length"
        value={length}
        onChange={(e) => st().needleLengthChosen(Number(e.target.value))}
      >
        {NEEDLE_LENGTHS_MM.map((l) => (
          <option key={l} value={l}>
            {l} mm
          </option>
        ))}
      </select>
      <label htmlFor="needle-depth">
        Depth <output htmlFor="needle-depth">{depth} mm</output>
        {r && r.reachedDepthMm < depth && (
          <span className="hint"> (stopped at {r.reachedDepthMm} mm)</span>
        )}
      </label>
      <input
        id="needle-depth"
        type="range"
        min={0}
        max={length}
        step={1}
        value={depth}
        onChange={(e) => st().needleDepthSet(Number(e.target.value))}
        aria-keyshortcuts="[ ]"
      />
      <label htmlFor="needle-tilt">
        Tilt from perpendicular <output htmlFor="needle-tilt">{Math.round(tilt)}°</output>
      </label>
      <input
        id="needle-tilt"
        type="range"
        min={0}
        max={MAX_TILT_DEG}
        step={1}
        value={Math.round(tilt)}
        onChange={(e) => st().needleAimed(Number(e.target.value), az)}
        aria-keyshortcuts="ArrowUp ArrowDown"
      />
      <label htmlFor="needle-azimuth">
        Direction of the tilt <output htmlFor="needle-azimuth">{Math.round(az)}°</output>{' '}
        <span className="hint">{lean}</span>
      </label>
      <input
        id="needle-azimuth"
        type="range"
        min={0}
        max={359}
        step={1}
        value={Math.round(az)}
        onChange={(e) => st().needleAimed(tilt, Number(e.target.value))}
        aria-keyshortcuts="ArrowLeft ArrowRight"
      />
      <div className="button-row">
        <button type="button" className="btn btn-small" onClick={() => st().needleAimed(0, az)}>
          Perpendicular <kbd>P</kbd>
        </button>
        <Toggle on={cutaway} onClick={() => st().cutawayToggled()} label="Cutaway" keyName="C" />
        <Toggle on={lungMap} onClick={() => st().lungMapToggled()} label="Lung map" keyName="M" />
        <Toggle on={xray} onClick={highlightDangers} label="Danger structures" keyName="X" />
        <Toggle
          on={aimDrag}
          onClick={() => st().aimDragToggled()}
          label="Drag to aim"
          keyName="A"
        />
        <button type="button" className="btn btn-small" onClick={() => st().needleCleared()}>
          Remove needle
        </button>
      </div>
    </div>
  );
}

/**
 * Undo and redo of the needle's placement and aim: a click on the skin moves the needle, and a
 * stray one should not cost the needle that was there. Shown whenever there is something to take
 * back, with a needle or without (Remove needle can be undone too).
 */
function NeedleHistory() {
  const past = useStore((s) => s.needlePast.length);
  const future = useStore((s) => s.needleFuture.length);
  const st = useStore.getState;
  if (past === 0 && future === 0) return null;
  return (
    <div className="button-row" role="group" aria-label="Needle history">
      <button
        type="button"
        className="btn btn-small"
        disabled={past === 0}
        onClick={() => st().needleUndone()}
        aria-keyshortcuts="Control+Z Meta+Z"
      >
        Undo <kbd>Ctrl Z</kbd>
      </button>
      <button
        type="button"
        className="btn btn-small"
        disabled={future === 0}
        onClick={() => st().needleRedone()}
        aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y"
      >
        Redo <kbd>Ctrl Shift Z</kbd>
      </button>
    </div>
  );
}

function LungLegend() {
  const on = useStore((s) => s.lungMap);
  if (!on) return null;
  return (
    <figure className="lung-legend">
      <figcaption>
        Depth of the pleura under the skin, needle perpendicular (bones ignored: between two ribs a
        needle passes)
      </figcaption>
      <ul>
        {DEPTH_BANDS.map((b) => (
          <li key={b.label}>
            <span className="swatch" style={{ background: b.color }} aria-hidden="true" /> {b.label}
          </li>
        ))}
      </ul>
    </figure>
  );
}

/**
 * Needle mode: place a needle on the skin or on a trigger point's recommended line, set its
 * length, depth, tilt and direction, and read every tissue it passes, the nearest danger and the
 * verdict, all measured on the model.
 */
export default function NeedlePanel() {
  const body = useNeedleBody();
  const pending = useStore((s) => s.pendingSnap);
  // a trigger point chosen in Explore: put the needle on it once the needle is ready
  useEffect(() => {
    if (!body || !pending) return;
    useStore.getState().pendingSnapHandled();
    snapNeedleTo(body, pending);
  }, [body, pending]);
  const outcome = useNeedleOutcome(body);
  const entry = useStore((s) => s.needleEntry);
  const r = outcome?.ok ? outcome.result : null;
  return (
    <section className="panel-section needle-panel" aria-labelledby="needle-title">
      <h2 id="needle-title">Needle</h2>
      <BodyNote />
      {!body ? (
        <p className="hint" role="status">
          Preparing the needle: indexing the model’s meshes…
        </p>
      ) : (
        <>
          {!entry && (
            <p className="hint">
              Click the skin to place the needle there, perpendicular; or start from a trigger
              point.
            </p>
          )}
          <TriggerPointPicker body={body} />
          <NeedleHistory />
          {entry && <Controls r={r} />}
          <LungLegend />
          {outcome && !outcome.ok && (
            <p className="error" role="alert">
              {outcome.error.replace(/^simulateNeedle: /, '')}
            </p>
          )}
          {r && <Readout r={r} />}
          {r && <TargetNote r={r} />}
        </>
      )}
    </section>
  );
}
