import { useMemo, useState } from 'react';
import { Citations, DangerFacts, presentations, TriggerPointChoice } from './catalogWidgets.tsx';
import { AREA_LABELS, areaOfMuscle, QUIZ_AREAS } from '../domain/catalog/areas.ts';
import { browserCatalog } from '../domain/catalog/browser.ts';
import { regionIdsFor } from '../domain/catalog/load.ts';
import { lookup, lookupIndex, type LookupIndex } from '../domain/lookup/lookup.ts';
import type { TriggerPoint } from '../domain/catalog/schema.ts';
import { ZONE_COLORS } from '../scene/catalogService.ts';
import { flyToTriggerPoint } from '../scene/zoneFocus.ts';
import { exportPng, printableChart } from './exportView.ts';
import { useStore } from '../store/index.ts';
import type { TriggerRef } from '../store/triggerSlice.ts';

const sideName = (s: string) => (s === 'left' ? "patient's left" : "patient's right");

function regionNames(refs: readonly string[], side: TriggerRef['side']): string {
  const c = browserCatalog();
  const names = new Map(c.regions.map((r) => [r.id, r.name]));
  return regionIdsFor(refs, side, c.regions)
    .map((id) => names.get(id) ?? id)
    .join('; ');
}

function Details({ t, side }: { t: TriggerPoint; side: TriggerRef['side'] }) {
  const n = t.needling;
  return (
    <>
      <p className="eyebrow">Trigger point · {t.evidence}</p>
      <h2 id="trp-title" className="details-name">
        {t.name} ({sideName(side)})
      </h2>
      <p>{t.location}</p>
      <dl className="facts">
        <dt>Essential zone</dt>
        <dd>{regionNames(t.referral.essential, side) || '—'}</dd>
        <dt>Spillover zone</dt>
        <dd>{regionNames(t.referral.spillover, side) || '—'}</dd>
        <dt>Symptoms</dt>
        <dd>{t.referral.symptoms.join('; ') || '—'}</dd>
        <dt>Presentations</dt>
        <dd>{t.referral.presentations.join('; ') || '—'}</dd>
        <dt>Needling</dt>
        <dd>
          {n.patientPosition} {n.technique} {n.direction} Depth {n.depthMm.min}–{n.depthMm.max} mm (
          {n.depthBasis.kind}; one average adult), {n.needleLengthMm} mm needle.
        </dd>
        <dt>Safety rule</dt>
        <dd>{n.safetyRule}</dd>
        <DangerFacts needling={n} side={side} />
      </dl>
      {t.disputes?.map((d) => (
        <div key={d.topic} className="certainty">
          <strong>Sources disagree: {d.topic}.</strong>
          <ul>
            {d.views.map((v) => (
              <li key={v.source}>
                {v.claim} ({v.source})
              </li>
            ))}
          </ul>
          {d.resolution}
        </div>
      ))}
      {t.notes?.map((note) => (
        <p key={note} className="hint">
          {note}
        </p>
      ))}
      <p>
        <Citations sources={t.sources} />
      </p>
    </>
  );
}

/**
 * Explore mode's trigger points: pick one (or several) to paint its referral zone on the body;
 * the first is described in full, with a button to needle it.
 */
const lookupIndexOnce = (() => {
  let idx: LookupIndex | null = null;
  return () => (idx ??= lookupIndex(browserCatalog()));
})();

/** "Pain here: which muscles?": paint the regions that hurt, read the ranked trigger points. */
function PainLookup({ frame }: { frame: (ref: TriggerRef) => void }) {
  const painting = useStore((s) => s.painting);
  const pain = useStore((s) => s.painRegions);
  const st = useStore.getState;
  const catalog = browserCatalog();
  const names = new Map(catalog.regions.map((r) => [r.id, r.name]));
  const ranked = useMemo(() => lookup(lookupIndexOnce(), pain, { limit: 8 }), [pain]);
  const [region, setRegion] = useState('');
  return (
    <section className="pain-lookup" aria-labelledby="pain-title">
      <h3 id="pain-title">Pain here: which muscles?</h3>
      <div className="button-row">
        <button
          type="button"
          className={`btn btn-small${painting ? ' btn-on' : ''}`}
          aria-pressed={painting}
          onClick={() => st().paintingToggled()}
        >
          {painting ? 'Painting: click the body' : 'Paint where it hurts'}
        </button>
        <button
          type="button"
          className="btn btn-small"
          disabled={pain.length === 0}
          onClick={() => st().painUndone()}
        >
          Undo
        </button>
        <button
          type="button"
          className="btn btn-small"
          disabled={pain.length === 0}
          onClick={() => st().painCleared()}
        >
          Clear
        </button>
      </div>
      <form
        className="tp-picker"
        onSubmit={(e) => {
          e.preventDefault();
          if (region) st().painRegionAdded(region);
        }}
      >
        <label htmlFor="pain-region">Or add a region by name</label>
        <select id="pain-region" value={region} onChange={(e) => setRegion(e.target.value)}>
          <option value="">Choose a region…</option>
          {catalog.regions.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
        <button type="submit" className="btn btn-small" disabled={!region}>
          Add
        </button>
      </form>
      {pain.length > 0 && (
        <p className="hint">
          Painted (hatched on the body): {pain.map((r) => names.get(r) ?? r).join('; ')}.
        </p>
      )}
      {pain.length > 0 && ranked.length === 0 && (
        <p className="hint">No trigger point in the catalog refers to these regions.</p>
      )}
      {ranked.length > 0 && (
        <ol className="candidates" aria-label="Candidate trigger points, best first">
          {ranked.map((c) => {
            const t = catalog.triggerPoints.find((x) => x.id === c.triggerPointId);
            return (
              <li key={`${c.triggerPointId}:${c.side}`}>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    const ref = { id: c.triggerPointId, side: c.side };
                    st().triggerPointSelected(ref);
                    frame(ref);
                  }}
                >
                  {t?.name ?? c.triggerPointId} ({c.side})
                </button>{' '}
                <meter min={0} max={1} value={c.score} aria-label="score" /> {c.score.toFixed(2)}
                <div className="hint">{c.why}</div>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

/** The points of a presentation (all when none is chosen). */
function presentationIds(name: string): ReadonlySet<string> | undefined {
  return name ? presentations().find((x) => x.name === name)?.ids : undefined;
}

/** The points in a body area (all when none), within `within` if given. */
function pointsIn(
  area: string,
  within: ReadonlySet<string> | undefined,
): ReadonlySet<string> | undefined {
  if (!area) return within;
  return new Set(
    browserCatalog()
      .triggerPoints.filter(
        (t) => areaOfMuscle(t.muscleId) === area && (!within || within.has(t.id)),
      )
      .map((t) => t.id),
  );
}

export default function TriggerPointPanel() {
  const catalog = browserCatalog();
  const shown = useStore((s) => s.zoneTriggers);
  const markers = useStore((s) => s.triggerMarkers);
  const st = useStore.getState;
  const [pick, setPick] = useState('upper-trapezius-trp1');
  const presentationList = useMemo(presentations, []);
  const [presentation, setPresentation] = useState('');
  const [area, setArea] = useState('');
  const [side, setSide] = useState<TriggerRef['side']>('right');
  const first = shown[0];
  const t = first ? catalog.triggerPoints.find((x) => x.id === first.id) : undefined;
  return (
    <section className="panel-section trp-panel" aria-labelledby="trp-heading">
      <h2 id="trp-heading">Trigger points</h2>
      <form
        className="tp-picker"
        onSubmit={(e) => {
          e.preventDefault();
          st().triggerPointSelected({ id: pick, side }, true);
          flyToTriggerPoint({ id: pick, side });
        }}
      >
        <label htmlFor="explore-presentation">Filter by presentation</label>
        <select
          id="explore-presentation"
          value={presentation}
          onChange={(e) => {
            setPresentation(e.target.value);
            const first = pointsIn(area, presentationIds(e.target.value));
            if (first && !first.has(pick)) setPick([...first][0] ?? pick);
          }}
        >
          <option value="">All trigger points</option>
          {presentationList.map((x) => (
            <option key={x.name} value={x.name}>
              {x.name} ({x.ids.size})
            </option>
          ))}
        </select>
        <label htmlFor="explore-area">Browse by body area</label>
        <select
          id="explore-area"
          value={area}
          onChange={(e) => {
            setArea(e.target.value);
            const ids = pointsIn(e.target.value, presentationIds(presentation));
            if (ids && !ids.has(pick)) setPick([...ids][0] ?? pick);
          }}
        >
          <option value="">The whole body</option>
          {QUIZ_AREAS.map((a) => (
            <option key={a} value={a}>
              {AREA_LABELS[a]} ({pointsIn(a, presentationIds(presentation))?.size ?? 0})
            </option>
          ))}
        </select>
        <TriggerPointChoice
          idPrefix="explore"
          label="Show a referral zone"
          value={pick}
          side={side}
          onChange={setPick}
          onSide={setSide}
          only={pointsIn(area, presentationIds(presentation))}
        />
        <button type="submit" className="btn btn-block">
          Show its zone
        </button>
      </form>
      <p className="hint">
        Or click a marker on the body (Shift-click adds a zone).{' '}
        <button type="button" className="link-button" onClick={() => st().triggerMarkersToggled()}>
          {markers ? 'Hide the markers' : 'Show the markers'}
        </button>
      </p>
      {shown.length > 0 && (
        <>
          <ul className="zone-legend" aria-label="Zones shown">
            {shown.map((r, k) => {
              const tp = catalog.triggerPoints.find((x) => x.id === r.id);
              return (
                <li key={`${r.id}:${r.side}`}>
                  <span
                    className="swatch"
                    style={{ background: ZONE_COLORS[k % ZONE_COLORS.length] }}
                    aria-hidden="true"
                  />{' '}
                  {tp?.name ?? r.id} ({r.side}){' '}
                  <button
                    type="button"
                    className="link-button"
                    aria-label={`Remove ${tp?.name ?? r.id} (${r.side})`}
                    onClick={() => st().triggerPointRemoved(r)}
                  >
                    remove
                  </button>
                </li>
              );
            })}
          </ul>
          <p className="hint">
            Solid: essential zone; dots: spillover zone; a cross marks the point on the skin
            (Travell &amp; Simons&apos; convention). Zones are drawn from the published descriptions
            as named regions, not copied from any chart.
          </p>
          <div className="button-row">
            <button type="button" className="btn btn-small" onClick={() => st().zonesCleared()}>
              Clear the zones
            </button>
            <button type="button" className="btn btn-small" onClick={() => void exportPng()}>
              Save as PNG
            </button>
            {first && (
              <button type="button" className="btn btn-small" onClick={() => void printableChart()}>
                Printable chart
              </button>
            )}
            {first && (
              <button
                type="button"
                className="btn btn-small"
                onClick={() =>
                  st().needleSnapRequested({ triggerPointId: first.id, side: first.side })
                }
              >
                Needle this point
              </button>
            )}
          </div>
        </>
      )}
      <PainLookup frame={flyToTriggerPoint} />
      {t && first && (
        <div className="details" aria-labelledby="trp-title" aria-live="polite">
          <Details t={t} side={first.side} />
        </div>
      )}
    </section>
  );
}
