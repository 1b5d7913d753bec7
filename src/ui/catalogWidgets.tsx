/** Small pieces of UI the catalog's panels share. */
import { useMemo } from 'react';
import { browserCatalog } from '../domain/catalog/browser.ts';
import { structureIdsFor, type CatalogSide } from '../domain/catalog/load.ts';
import type { Needling } from '../domain/catalog/schema.ts';
import { useStore } from '../store/index.ts';

/**
 * A trigger point chooser: every point grouped under its muscle, and the side.
 *
 * ```tsx
 * <TriggerPointChoice idPrefix="needle" label="Start from a trigger point" value={id}
 *   side={side} onChange={setId} onSide={setSide} />
 * ```
 */
export function TriggerPointChoice(p: {
  idPrefix: string;
  label: string;
  value: string;
  side: CatalogSide;
  onChange: (id: string) => void;
  onSide: (side: CatalogSide) => void;
  sideLabels?: Record<CatalogSide, string>;
  /** Only the points whose ids are here (a presentation filter); all when absent. */
  only?: ReadonlySet<string> | undefined;
}) {
  const catalog = browserCatalog();
  const { only } = p;
  const byMuscle = useMemo(
    () =>
      catalog.muscles
        .map((m) => ({
          muscle: m,
          points: catalog.triggerPoints.filter(
            (t) => t.muscleId === m.id && (!only || only.has(t.id)),
          ),
        }))
        .filter((g) => g.points.length > 0),
    [catalog, only],
  );
  const labels = p.sideLabels ?? { left: 'Left', right: 'Right' };
  return (
    <>
      <label htmlFor={`${p.idPrefix}-tp`}>{p.label}</label>
      <select id={`${p.idPrefix}-tp`} value={p.value} onChange={(e) => p.onChange(e.target.value)}>
        {byMuscle.map(({ muscle, points }) => (
          <optgroup key={muscle.id} label={muscle.name}>
            {points.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <div className="button-row" role="radiogroup" aria-label="Side">
        {(['left', 'right'] as const).map((sd) => (
          <label key={sd} className="radio">
            <input
              type="radio"
              name={`${p.idPrefix}-side`}
              value={sd}
              checked={p.side === sd}
              onChange={() => p.onSide(sd)}
            />{' '}
            {labels[sd]}
          </label>
        ))}
      </div>
    </>
  );
}

/** A list of citations, each linked where it has a public address. */
export function Citations({
  sources,
  label = 'Sources: ',
}: {
  sources: readonly { citation: string; url?: string | undefined; note?: string | undefined }[];
  label?: string;
}) {
  return (
    <span className="sources">
      {label}
      {sources.map((s, i) => (
        <span key={i}>
          {i > 0 && '; '}
          {s.url ? (
            <a href={s.url} target="_blank" rel="noreferrer">
              {s.citation}
            </a>
          ) : (
            s.citation
          )}
          {s.note && <em> ({s.note})</em>}
        </span>
      ))}
    </span>
  );
}

/** Every presentation the catalog names, most common first, with the points that cause it. */
export function presentations(): { name: string; ids: ReadonlySet<string> }[] {
  const by = new Map<string, Set<string>>();
  for (const t of browserCatalog().triggerPoints)
    for (const pr of t.referral.presentations) {
      const set = by.get(pr) ?? new Set<string>();
      set.add(t.id);
      by.set(pr, set);
    }
  return [...by.entries()]
    .map(([name, ids]) => ({ name, ids }))
    .sort((a, b) => b.ids.size - a.ids.size || a.name.localeCompare(b.name));
}

/**
 * What a point's needle can reach: the danger structures the model holds (the simulator watches
 * these), the cautions, and what the model lacks or why nothing; rows of a `<dl className="facts">`.
 */
export function DangerFacts({ needling, side }: { needling: Needling; side: CatalogSide }) {
  const manifest = useStore((s) => s.manifest);
  const names = new Map(manifest?.structures.map((s) => [s.id, s.name]) ?? []);
  const modelled = structureIdsFor(needling.dangers, side).map(
    (id) => names.get(id) ?? id.replace(/-/g, ' '),
  );
  return (
    <>
      <dt>Dangers in the model</dt>
      <dd>{modelled.length ? modelled.join('; ') : 'none listed'}</dd>
      {needling.dangersNote && (
        <>
          <dt>{modelled.length ? 'Not in the model' : 'Why none'}</dt>
          <dd>{needling.dangersNote}</dd>
        </>
      )}
      {needling.cautions.length > 0 && (
        <>
          <dt>Cautions</dt>
          <dd>{needling.cautions.join(' ')}</dd>
        </>
      )}
    </>
  );
}
