import { useStore } from '../store/index.ts';
import { KIND_LABELS, displayName } from './format.ts';

/**
 * The selected structure's name over the viewport, large enough to read on a projector; on
 * narrow screens its button opens the details drawer.
 */
export function SelectionChip() {
  const selected = useStore((s) => (s.selectedId ? s.structuresById[s.selectedId] : undefined));
  const rightDrawerToggled = useStore((s) => s.rightDrawerToggled);
  const structureSelected = useStore((s) => s.structureSelected);
  if (!selected) return null;
  return (
    <div className="selection-chip" role="status">
      <span className={`swatch kind-${selected.kind}`} aria-hidden="true" />
      <span className="chip-name">{displayName(selected.name, selected.side)}</span>
      <span className="chip-kind">{KIND_LABELS[selected.kind]}</span>
      <button
        type="button"
        className="btn btn-small chip-details"
        onClick={() => rightDrawerToggled(true)}
      >
        Details
      </button>
      <button
        type="button"
        className="btn btn-small btn-icon"
        aria-label="Clear selection"
        onClick={() => structureSelected(null)}
      >
        ×
      </button>
    </div>
  );
}
