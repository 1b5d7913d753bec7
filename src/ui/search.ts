import Fuse from 'fuse.js';
import type { Structure } from '../domain/body/manifest.ts';

export interface StructureSearch {
  /** Best matches first; an empty query gives no results. */
  search(query: string, limit?: number): Structure[];
}

/** Fuzzy, typo-tolerant search over structure names, groups, kinds and ids. */
export function createStructureSearch(structures: readonly Structure[]): StructureSearch {
  const fuse = new Fuse(structures, {
    keys: [
      { name: 'name', weight: 3 },
      { name: 'group', weight: 2 },
      { name: 'id', weight: 1 },
      { name: 'kind', weight: 0.5 },
    ],
    threshold: 0.38,
    ignoreLocation: true,
    minMatchCharLength: 2,
  });
  return {
    search(query, limit = 12) {
      const q = query.trim();
      if (!q) return [];
      // "trap left" should find trapezius-*-left: the side word filters, the rest matches
      const words = q.toLowerCase().split(/\s+/);
      const side = words.find((w) => w === 'left' || w === 'right' || w === 'l' || w === 'r');
      const rest = words.filter((w) => w !== side).join(' ');
      const wanted = side === 'l' ? 'left' : side === 'r' ? 'right' : side;
      const results = (rest ? fuse.search(rest) : structures.map((item) => ({ item })))
        .map((r) => r.item)
        .filter((s) => !wanted || s.side === wanted);
      return results.slice(0, limit);
    },
  };
}
