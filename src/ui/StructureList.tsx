import { useEffect, useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { STRUCTURE_KINDS, type Structure, type StructureKind } from '../domain/body/manifest.ts';
import { useStore } from '../store/index.ts';
import { KIND_LABELS, displayName } from './format.ts';
import { isDrawerLayout } from './layout.ts';

/** Structures grouped by kind, sorted by name: the browsable list under the search. */
export function groupByKind(structures: readonly Structure[]): [StructureKind, Structure[]][] {
  const groups = new Map<StructureKind, Structure[]>();
  for (const s of structures) {
    const list = groups.get(s.kind) ?? [];
    list.push(s);
    groups.set(s.kind, list);
  }
  return STRUCTURE_KINDS.filter((k) => groups.has(k)).map((k) => [
    k,
    (groups.get(k) ?? []).sort(
      (a, b) => a.name.localeCompare(b.name) || a.side.localeCompare(b.side),
    ),
  ]);
}

export function StructureList() {
  const structures = useStore(useShallow((s) => s.manifest?.structures ?? []));
  const selectedId = useStore((s) => s.selectedId);
  const structureSelected = useStore((s) => s.structureSelected);
  const structureFocused = useStore((s) => s.structureFocused);
  const groups = useMemo(() => groupByKind(structures), [structures]);
  const section = useRef<HTMLElement>(null);

  // a structure picked in the 3D view shows up in the list too
  useEffect(() => {
    if (!selectedId) return;
    // not while the user works in the panel itself: the search box would scroll away
    if (section.current?.closest('.panel')?.contains(document.activeElement)) return;
    const el = section.current?.querySelector<HTMLElement>(`[data-id="${CSS.escape(selectedId)}"]`);
    if (el?.offsetParent) el.scrollIntoView({ block: 'nearest' });
  }, [selectedId]);
  if (structures.length === 0) return null;
  return (
    <section ref={section} className="panel-section" aria-labelledby="list-title">
      <h2 id="list-title">Structures ({structures.length})</h2>
      {groups.map(([kind, list]) => (
        <details key={kind} className="kind-group" open={kind === 'muscle'}>
          <summary>
            <span className={`swatch kind-${kind}`} aria-hidden="true" /> {KIND_LABELS[kind]}{' '}
            <span className="count">{list.length}</span>
          </summary>
          <ul className="structure-list">
            {list.map((s) => (
              <li key={s.id}>
                <button
                  type="button"
                  data-id={s.id}
                  className={`list-item${s.id === selectedId ? ' selected' : ''}`}
                  aria-current={s.id === selectedId ? 'true' : undefined}
                  onClick={() => {
                    structureSelected(s.id);
                    structureFocused(s.id);
                    if (isDrawerLayout()) useStore.getState().leftDrawerToggled(false);
                  }}
                >
                  {displayName(s.name, s.side)}
                </button>
              </li>
            ))}
          </ul>
        </details>
      ))}
    </section>
  );
}
