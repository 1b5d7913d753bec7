import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useStore } from '../store/index.ts';
import { createStructureSearch } from './search.ts';
import { KIND_LABELS, displayName } from './format.ts';
import { isDrawerLayout } from './layout.ts';

/** The search field's DOM id, so the "/" shortcut can focus it. */
export const SEARCH_INPUT_ID = 'structure-search';

/**
 * As-you-type fuzzy search over every structure (ARIA combobox): arrows move, Enter selects and
 * flies the camera to the structure, Escape clears.
 */
export function SearchBox() {
  const manifest = useStore((s) => s.manifest);
  const structureSelected = useStore((s) => s.structureSelected);
  const structureFocused = useStore((s) => s.structureFocused);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const search = useMemo(() => createStructureSearch(manifest?.structures ?? []), [manifest]);
  const results = useMemo(() => search.search(query, 12), [search, query]);
  const open = query.trim().length > 0;

  const choose = (id: string) => {
    structureSelected(id);
    structureFocused(id);
    // on small screens the drawer would hide the flight to the structure
    if (isDrawerLayout()) useStore.getState().leftDrawerToggled(false);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((i) => Math.min(results.length - 1, i + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => Math.max(0, i - 1));
    } else if (e.key === 'Enter') {
      const hit = results[active];
      if (hit) choose(hit.id);
    } else if (e.key === 'Escape' && query) {
      e.stopPropagation();
      setQuery('');
    }
  };

  const optionId = (i: number) => `${listId}-opt-${i}`;

  return (
    <div className="search">
      <label htmlFor={SEARCH_INPUT_ID} className="visually-hidden">
        Search structures
      </label>
      <input
        id={SEARCH_INPUT_ID}
        type="search"
        className="search-input"
        placeholder={manifest ? 'Search structures  ( / )' : 'Loading structures…'}
        autoComplete="off"
        spellCheck={false}
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        {...(open && results[active] ? { 'aria-activedescendant': optionId(active) } : {})}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul
        id={listId}
        role="listbox"
        className="search-results"
        hidden={!open}
        aria-label="Search results"
      >
        {open && results.length === 0 && (
          <li className="search-empty" role="presentation">
            No structure matches “{query}”
          </li>
        )}
        {results.map((s, i) => (
          <li
            key={s.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : undefined}
            onMouseEnter={() => setActive(i)}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(s.id)}
          >
            <span className={`swatch kind-${s.kind}`} aria-hidden="true" />
            <span className="result-name">{displayName(s.name, s.side)}</span>
            <span className="result-kind">{KIND_LABELS[s.kind]}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
