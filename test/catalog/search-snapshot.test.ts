import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import MiniSearch from 'minisearch';
import { createSearchIndex, serializeSearchIndex } from '../../src/catalog/search-index.js';
import { restoreSearchIndex } from '../../src/catalog/search-snapshot.js';
import { builtinContentDir } from '../../src/content/paths.js';
import { readGuideFromMarkdown } from '../../src/content/read-guide.js';
import { topicBodyText } from '../../src/model/topic-text.js';

// The built-in guide is restored from a snapshot of MiniSearch's state, not from its JSON
// (src/catalog/search-snapshot.ts); these tests hold the restored index to a freshly built one.
const { guide } = await readGuideFromMarkdown(builtinContentDir());
const topics = guide.topics;
const fresh = createSearchIndex(topics);
const restored = createSearchIndex(topics, undefined, serializeSearchIndex(topics), () => true);

const words = [
  ...new Set(
    topics.flatMap(
      (topic) =>
        `${topic.title} ${topic.summary} ${topicBodyText(topic)}`.toLowerCase().match(/[a-z][a-z0-9-]{2,}/g) ?? [],
    ),
  ),
];
const results = (index: typeof fresh, query: string) =>
  index.search(query).map((hit) => `${hit.topic.id} ${hit.score} ${hit.terms.join(',')}`);

describe('a search index restored from its snapshot', () => {
  test('is restored, not rebuilt', () => {
    const index = restoreSearchIndex(serializeSearchIndex(topics), () => new MiniSearch({ fields: ['title'] }));
    expect(index?.documentCount).toBe(topics.length);
    expect(index?.termCount).toBeGreaterThan(1000);
  });

  test('finds what the freshly built index finds, in the same order with the same scores', () => {
    for (const query of [
      'hypercall',
      'ring shared memory',
      'hipervisor',
      'virt',
      'kvm xen',
      'type 1',
      'emulation binary translation',
    ]) {
      expect(results(restored, query)).toEqual(results(fresh, query));
    }
    expect(results(restored, 'hypercall')[0]).toMatch(/^paravirtualization /);
  });

  test('agrees on random queries made of the guide’s own words, misspelt or cut short', () => {
    const word = fc
      .constantFrom(...words)
      .chain((w) => fc.oneof(fc.constant(w), fc.constant(w.slice(0, 4)), fc.constant(`${w.slice(0, -1)}x`)));
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 3 }), (query) => {
        expect(results(restored, query.join(' '))).toEqual(results(fresh, query.join(' ')));
      }),
      { numRuns: 300 },
    );
  });

  test('takes more topics (a pack on top) exactly as an index built in one go', () => {
    const base = topics.slice(0, 70);
    const onTop = createSearchIndex(topics, undefined, serializeSearchIndex(base), (topic) => base.includes(topic));
    for (const query of ['hypercall', 'container namespaces', 'glossary', 'live migration'])
      expect(results(onTop, query)).toEqual(results(fresh, query));
  });

  test('replaces topics it already holds (a pack overriding the guide) exactly as an index built in one go', () => {
    const replaced = new Set(topics.slice(0, 8));
    const updated = createSearchIndex(topics, undefined, serializeSearchIndex(topics), (topic) => !replaced.has(topic));
    for (const query of [
      'hypercall',
      'container namespaces',
      'emulation',
      ...[...replaced].map((topic) => topic.title),
    ])
      expect(results(updated, query)).toEqual(results(fresh, query));
  });

  test('bytes that are not a snapshot mean indexing again, not wrong answers', () => {
    const fallback = createSearchIndex(topics, undefined, Buffer.from('{"not":"a snapshot"}'), () => true);
    expect(results(fallback, 'hypercall')).toEqual(results(fresh, 'hypercall'));
  });
});
