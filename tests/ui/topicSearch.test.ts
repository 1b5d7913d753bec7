import { describe, expect, it } from 'vitest';
import { createTopicSearch } from '../../src/ui/topicSearch.ts';

const search = createTopicSearch();

describe('search beyond the model: trigger points, regions, safety topics', () => {
  it('a trigger point by its muscle', () => {
    const hits = search.search('infraspinatus');
    expect(hits.some((h) => h.kind === 'trigger-point' && h.id.startsWith('infraspinatus'))).toBe(
      true,
    );
  });
  it('a presentation finds the points that cause it', () => {
    const hits = search.search('lateral elbow pain', 10);
    expect(hits.some((h) => h.kind === 'trigger-point')).toBe(true);
  });
  it('a region by name', () => {
    expect(
      search.search('temple').some((h) => h.kind === 'region' && h.id.startsWith('temple')),
    ).toBe(true);
  });
  it('a side effect, and nothing for two letters', () => {
    expect(search.search('pneumothorax')[0]).toMatchObject({ kind: 'topic' });
    expect(search.search('pn')).toEqual([]);
  });
});
