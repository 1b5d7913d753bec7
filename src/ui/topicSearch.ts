/**
 * Fuzzy search over what is not a model structure: trigger points (with their muscle, location,
 * symptoms and presentations), body regions, and the technique and safety topics. Loaded on
 * demand by the search box, so the catalog and safety data stay out of the first page load.
 */
import Fuse from 'fuse.js';
import { browserCatalog } from '../domain/catalog/browser.ts';
import { loadTechniqueCatalog } from '../domain/technique/load.ts';
import { topicsOf, type Topic } from '../domain/technique/topics.ts';

export type TopicHit =
  | { readonly kind: 'topic'; readonly topic: Topic }
  | { readonly kind: 'trigger-point'; readonly id: string; readonly title: string }
  | { readonly kind: 'region'; readonly id: string; readonly title: string };

interface Entry {
  readonly hit: TopicHit;
  readonly title: string;
  readonly text: string;
}

export interface TopicSearch {
  search(query: string, limit?: number): TopicHit[];
}

export function createTopicSearch(): TopicSearch {
  const catalog = browserCatalog();
  const muscles = new Map(catalog.muscles.map((m) => [m.id, m.name]));
  const entries: Entry[] = [
    ...catalog.triggerPoints.map((t) => ({
      hit: { kind: 'trigger-point' as const, id: t.id, title: t.name },
      title: `${t.name} ${muscles.get(t.muscleId) ?? ''}`,
      text: [t.location, ...t.referral.symptoms, ...t.referral.presentations].join(' '),
    })),
    ...catalog.regions.map((r) => ({
      hit: { kind: 'region' as const, id: r.id, title: r.name },
      title: r.name,
      text: '',
    })),
    ...topicsOf(loadTechniqueCatalog()).map((topic) => ({
      hit: { kind: 'topic' as const, topic },
      title: topic.title,
      text: topic.text,
    })),
  ];
  const fuse = new Fuse(entries, {
    keys: [
      { name: 'title', weight: 3 },
      { name: 'text', weight: 1 },
    ],
    threshold: 0.3,
    ignoreLocation: true,
    minMatchCharLength: 3,
  });
  return {
    search(query, limit = 6) {
      const q = query.trim();
      return q.length < 3 ? [] : fuse.search(q, { limit }).map((r) => r.item.hit);
    },
  };
}
