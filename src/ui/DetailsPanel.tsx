import { useStore } from '../store/index.ts';
import { layerOfKind, LAYER_LABELS } from '../store/layers.ts';
import { KIND_LABELS, displayName, formatVolume, layerLabel, sideLabel } from './format.ts';

/** Name, kind, side and figures of the selected structure, with isolate / hide / show all. */
export default function DetailsPanel() {
  const selected = useStore((s) => (s.selectedId ? s.structuresById[s.selectedId] : undefined));
  const isolatedId = useStore((s) => s.isolatedId);
  const hiddenCount = useStore((s) => Object.keys(s.hiddenIds).length);
  const structureIsolated = useStore((s) => s.structureIsolated);
  const structureHidden = useStore((s) => s.structureHidden);
  const allStructuresShown = useStore((s) => s.allStructuresShown);
  const structureFocused = useStore((s) => s.structureFocused);
  const structureSelected = useStore((s) => s.structureSelected);
  const layerVisible = useStore((s) =>
    selected ? s.layers[layerOfKind(selected.kind)].visible : true,
  );

  const showAll =
    isolatedId !== null || hiddenCount > 0 ? (
      <button type="button" className="btn btn-block" onClick={allStructuresShown}>
        Show all{hiddenCount > 0 ? ` (${hiddenCount} hidden)` : ''} <kbd>U</kbd>
      </button>
    ) : null;

  if (!selected) {
    return (
      <section className="panel-section details" aria-labelledby="details-title">
        <h2 id="details-title">Details</h2>
        <p className="hint">
          Click a structure in the body, or search with <kbd>/</kbd>, to see what it is.
        </p>
        {showAll}
      </section>
    );
  }
  return (
    <section className="panel-section details" aria-labelledby="details-title" aria-live="polite">
      <p className="eyebrow">
        <span className={`swatch kind-${selected.kind}`} aria-hidden="true" />{' '}
        {KIND_LABELS[selected.kind]}
      </p>
      <h2 id="details-title" className="details-name">
        {displayName(selected.name, selected.side)}
      </h2>
      <dl className="facts">
        <dt>Kind</dt>
        <dd>{KIND_LABELS[selected.kind]}</dd>
        <dt>Side</dt>
        <dd>{sideLabel(selected.side)}</dd>
        {selected.group && (
          <>
            <dt>Group</dt>
            <dd>{selected.group}</dd>
          </>
        )}
        {selected.layer !== undefined && (
          <>
            <dt>Muscle layer</dt>
            <dd>{layerLabel(selected.layer)}</dd>
          </>
        )}
        <dt>Volume</dt>
        <dd>{formatVolume(selected.volumeCm3)}</dd>
        <dt>Viewer layer</dt>
        <dd>
          {LAYER_LABELS[layerOfKind(selected.kind)]}
          {layerVisible ? '' : ' (hidden)'}
        </dd>
        <dt>Id</dt>
        <dd>
          <code>{selected.id}</code>
        </dd>
      </dl>
      {selected.source && (
        <p className="details-source">
          <strong>Course and source:</strong> {selected.source}
        </p>
      )}
      <div className="button-row">
        <button type="button" className="btn" onClick={() => structureFocused(selected.id)}>
          Fly to
        </button>
        <button
          type="button"
          className={`btn${isolatedId === selected.id ? ' btn-on' : ''}`}
          aria-pressed={isolatedId === selected.id}
          onClick={() =>
            isolatedId === selected.id ? allStructuresShown() : structureIsolated(selected.id)
          }
        >
          Isolate <kbd>I</kbd>
        </button>
        <button type="button" className="btn" onClick={() => structureHidden(selected.id)}>
          Hide <kbd>H</kbd>
        </button>
        <button type="button" className="btn" onClick={() => structureSelected(null)}>
          Clear
        </button>
      </div>
      {showAll}
    </section>
  );
}
