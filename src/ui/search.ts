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
    includeScore: true,
    minMatchCharLength: 2,
  });
  /**
   * The phrase as typed first, then the structures that match every word in any order ("upper
   * trapezius" finds "Trapezius, upper (descending) part", which the phrase alone missed), by
   * their summed scores.
   */
  const matches = (phrase: string): Structure[] => {
    const out = fuse.search(phrase).map((r) => r.item);
    const words = phrase.split(' ').filter((w) => w.length >= 2);
    if (words.length < 2) return out;
    let scores: Map<Structure, number> | null = null;
    for (const w of words) {
      const next = new Map<Structure, number>();
      for (const r of fuse.search(w))
        if (!scores || scores.has(r.item))
          next.set(r.item, (scores?.get(r.item) ?? 0) + (r.score ?? 1));
      scores = next;
    }
    const seen = new Set(out);
    const byWords = [...scores!].sort((a, b) => a[1] - b[1]).map(([item]) => item);
    return [...out, ...byWords.filter((item) => !seen.has(item))];
  };
  return {
    search(query, limit = 12) {
      const q = query.trim();
      if (!q) return [];
      // "trap left" should find trapezius-*-left: the side word filters, the rest matches
      const words = q.toLowerCase().split(/\s+/);
      const side = words.find((w) => w === 'left' || w === 'right' || w === 'l' || w === 'r');
      const rest = words.filter((w) => w !== side).join(' ');
      const wanted = side === 'l' ? 'left' : side === 'r' ? 'right' : side;
      const results = (rest ? matches(rest) : [...structures]).filter(
        (s) => !wanted || s.side === wanted,
      );
      return results.slice(0, limit);
    },
  };
}
