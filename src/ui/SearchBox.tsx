import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { Structure } from '../domain/body/manifest.ts';
import { TOPIC_KIND_LABELS } from '../domain/technique/topics.ts';
import type { TopicHit, TopicSearch } from './topicSearch.ts';
import { useStore } from '../store/index.ts';
import { createStructureSearch } from './search.ts';
import { KIND_LABELS, displayName } from './format.ts';
import { isDrawerLayout } from './layout.ts';

type Result = { kind: 'structure'; s: Structure } | { kind: 'other'; h: TopicHit };

const hitKey = (h: TopicHit) => (h.kind === 'topic' ? h.topic.id : `${h.kind}:${h.id}`);
const hitTitle = (h: TopicHit) => (h.kind === 'topic' ? h.topic.title : h.title);
const hitLabel = (h: TopicHit) =>
  h.kind === 'topic'
    ? TOPIC_KIND_LABELS[h.topic.kind]
    : h.kind === 'trigger-point'
      ? 'Trigger point'
      : 'Region';

/** The search field's DOM id, so the "/" shortcut can focus it. */
export const SEARCH_INPUT_ID = 'structure-search';

/**
 * As-you-type fuzzy search over every structure and the technique and safety topics (ARIA
 * combobox): arrows move, Enter selects and flies the camera to the structure, the trigger point's
 * zone or the region, or opens the topic; Escape clears.
 */
export function SearchBox() {
  const manifest = useStore((s) => s.manifest);
  const structureSelected = useStore((s) => s.structureSelected);
  const structureFocused = useStore((s) => s.structureFocused);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const search = useMemo(() => createStructureSearch(manifest?.structures ?? []), [manifest]);
  const [topicSearch, setTopicSearch] = useState<TopicSearch | null>(null);
  // a chosen result closes the list (it covered the Layers panel), until the query changes again
  const [dismissed, setDismissed] = useState(false);
  const open = query.trim().length > 0 && !dismissed;
  // the technique and safety topics load with the first query
  useEffect(() => {
    if (!open || topicSearch) return;
    let live = true;
    void import('./topicSearch.ts').then((m) => {
      if (live) setTopicSearch(m.createTopicSearch());
    });
    return () => {
      live = false;
    };
  }, [open, topicSearch]);
  const results = useMemo<Result[]>(
    () => [
      ...search.search(query, 12).map((s) => ({ kind: 'structure' as const, s })),
      ...(topicSearch?.search(query, 6) ?? []).map((h) => ({ kind: 'other' as const, h })),
    ],
    [search, topicSearch, query],
  );

  const choose = (r: Result) => {
    setDismissed(true);
    const st = useStore.getState();
    if (r.kind === 'structure') {
      structureSelected(r.s.id);
      structureFocused(r.s.id);
    } else if (r.h.kind === 'topic') st.safetyTopicOpened(r.h.topic.id);
    else if (r.h.kind === 'trigger-point') {
      // the side of the point follows the words typed ("… left"), else the patient's right
      const side = /\b(left|l)\b/i.test(query) ? 'left' : 'right';
      const ref = { id: r.h.id, side } as const;
      st.modeChosen('explore');
      st.triggerPointSelected(ref);
      // and the camera flies to its zone, as it does to a structure (loaded with the catalog,
      // which the first query already brought)
      void import('../scene/zoneFocus.ts').then((m) => m.flyToTriggerPoint(ref));
    } else {
      const id = r.h.id;
      st.modeChosen('explore');
      st.painRegionAdded(id);
      void import('../scene/zoneFocus.ts').then((m) => m.flyToRegion(id));
    }
    // on small screens the drawer would hide the flight to the structure
    if (isDrawerLayout()) useStore.getState().leftDrawerToggled(false);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setDismissed(false);
      setActive((i) => Math.min(results.length - 1, i + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => Math.max(0, i - 1));
    } else if (e.key === 'Enter') {
      const hit = results[active];
      if (hit) choose(hit);
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
        placeholder={manifest ? 'Search the body, points, safety  ( / )' : 'Loading structures…'}
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
          setDismissed(false);
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
            Nothing matches “{query}”
          </li>
        )}
        {results.map((r, i) => (
          <li
            key={r.kind === 'other' ? hitKey(r.h) : r.s.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : undefined}
            onMouseEnter={() => setActive(i)}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(r)}
          >
            {r.kind === 'other' ? (
              <>
                <span className="swatch topic-swatch" aria-hidden="true" />
                <span className="result-name">{hitTitle(r.h)}</span>
                <span className="result-kind">
                  {hitLabel(r.h)}
                  {r.h.kind === 'region' ? ': add to pain map' : ''}
                </span>
              </>
            ) : (
              <>
                <span className={`swatch kind-${r.s.kind}`} aria-hidden="true" />
                <span className="result-name">{displayName(r.s.name, r.s.side)}</span>
                <span className="result-kind">{KIND_LABELS[r.s.kind]}</span>
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
