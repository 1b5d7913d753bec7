/**
 * The technique and safety data as topics: one entry per technique, screening item, side effect
 * and piece of aftercare advice, with the DOM id the app shows it under. Search and links from
 * trigger points open a topic by its id.
 */
import type { TechniqueCatalog } from './load.ts';

export type TopicKind = 'technique' | 'screening' | 'side-effect' | 'aftercare';

export interface Topic {
  /** DOM id in the Safety panel, e.g. `safety-side-effect-pneumothorax`. */
  readonly id: string;
  readonly kind: TopicKind;
  readonly title: string;
  /** Further words to match (description, signs, vignette). */
  readonly text: string;
}

export const TOPIC_KIND_LABELS: Record<TopicKind, string> = {
  technique: 'Technique',
  screening: 'Screening',
  'side-effect': 'Side effect',
  aftercare: 'Aftercare',
};

export const topicId = (kind: TopicKind, id: string) => `safety-${kind}-${id}`;

export function topicsOf(c: TechniqueCatalog): Topic[] {
  return [
    ...c.techniques.techniques.map((t) => ({
      id: topicId('technique', t.id),
      kind: 'technique' as const,
      title: t.name,
      text: `${t.description} ${t.whenUsed}`,
    })),
    ...c.screening.items.map((i) => ({
      id: topicId('screening', i.id),
      kind: 'screening' as const,
      title: i.question,
      text: `${i.vignette} ${i.reason}`,
    })),
    ...c.adverseEvents.events.map((e) => ({
      id: topicId('side-effect', e.id),
      kind: 'side-effect' as const,
      title: e.name,
      text: `${e.description} ${e.signs.join(' ')}`,
    })),
    ...c.adverseEvents.aftercare.map((a) => ({
      id: topicId('aftercare', a.id),
      kind: 'aftercare' as const,
      title: a.advice,
      text: a.evidenceNote ?? '',
    })),
  ];
}
