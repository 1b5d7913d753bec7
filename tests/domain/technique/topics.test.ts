import { describe, expect, it } from 'vitest';
import { loadTechniqueCatalog } from '../../../src/domain/technique/load.ts';
import { topicId, topicsOf } from '../../../src/domain/technique/topics.ts';

describe('technique and safety topics (search and links)', () => {
  const c = loadTechniqueCatalog();
  const topics = topicsOf(c);
  it('one topic per technique, screening item, side effect and aftercare advice, ids unique', () => {
    expect(topics).toHaveLength(
      c.techniques.techniques.length +
        c.screening.items.length +
        c.adverseEvents.events.length +
        c.adverseEvents.aftercare.length,
    );
    expect(new Set(topics.map((t) => t.id)).size).toBe(topics.length);
  });
  it('the topics the needle panel links to exist', () => {
    const ids = new Set(topics.map((t) => t.id));
    for (const id of [
      topicId('side-effect', 'pneumothorax'),
      topicId('side-effect', 'nerve-injury'),
      topicId('side-effect', 'bleeding'),
      topicId('screening', 'anticoagulant'),
    ])
      expect(ids.has(id), id).toBe(true);
  });
});
