/**
 * Fuzzy search over the technique and safety topics. Loaded on demand by the search box, so the
 * safety data stays out of the first page load.
 */
import Fuse from 'fuse.js';
import { loadTechniqueCatalog } from '../domain/technique/load.ts';
import { topicsOf, type Topic } from '../domain/technique/topics.ts';

export interface TopicSearch {
  search(query: string, limit?: number): Topic[];
}

export function createTopicSearch(): TopicSearch {
  const topics = topicsOf(loadTechniqueCatalog());
  const fuse = new Fuse(topics, {
    keys: [
      { name: 'title', weight: 3 },
      { name: 'text', weight: 1 },
    ],
    threshold: 0.3,
    ignoreLocation: true,
    minMatchCharLength: 3,
  });
  return {
    search(query, limit = 5) {
      const q = query.trim();
      return q.length < 3 ? [] : fuse.search(q, { limit }).map((r) => r.item);
    },
  };
}
