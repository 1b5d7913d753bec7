import { useStore } from '../store/index.ts';
import { LAYER_IDS, LAYER_LABELS, type LayerId } from '../store/layers.ts';

function LayerRow({ id }: { id: LayerId }) {
  const layer = useStore((s) => s.layers[id]);
  const layerToggled = useStore((s) => s.layerToggled);
  const layerOpacityChanged = useStore((s) => s.layerOpacityChanged);
  const label = LAYER_LABELS[id];
  return (
    <li className="layer-row">
      <label className="layer-toggle">
        <input type="checkbox" checked={layer.visible} onChange={() => layerToggled(id)} />
        <span className={`swatch layer-${id}`} aria-hidden="true" />
        {label}
      </label>
      <input
        type="range"
        min={0}
        max={100}
        step={5}
        value={Math.round(layer.opacity * 100)}
        disabled={!layer.visible}
        aria-label={`${label} opacity`}
        aria-valuetext={`${Math.round(layer.opacity * 100)}%`}
        onChange={(e) => layerOpacityChanged(id, Number(e.target.value) / 100)}
      />
    </li>
  );
}

/** A toggle and an opacity slider per layer, plus X-ray. */
export function LayersPanel() {
  const xray = useStore((s) => s.xray);
  const xrayToggled = useStore((s) => s.xrayToggled);
  const layersReset = useStore((s) => s.layersReset);
  return (
    <section className="panel-section" aria-labelledby="layers-title">
      <div className="section-head">
        <h2 id="layers-title">Layers</h2>
        <button type="button" className="btn btn-small" onClick={layersReset}>
          Reset
        </button>
      </div>
      <ul className="layers">
        {LAYER_IDS.map((id) => (
          <LayerRow key={id} id={id} />
        ))}
      </ul>
      <button
        type="button"
        className={`btn btn-block${xray ? ' btn-on' : ''}`}
        aria-pressed={xray}
        onClick={xrayToggled}
        title="X-ray (X)"
      >
        X-ray {xray ? 'on' : 'off'} <kbd>X</kbd>
      </button>
    </section>
  );
}
