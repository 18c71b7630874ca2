import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import SearchableMap from 'minisearch/SearchableMap';
import { packPostings, type Postings } from '../../src/catalog/search-postings.js';
import { flattenTree, growTree, type PlacedTree } from '../../src/catalog/search-tree.js';

type Tree = Parameters<typeof packPostings>[0];

/** A term's postings from a small seed: field → document → count. */
const postingsOf = (seed: number): Postings => new Map([[seed % 3, new Map([[seed, (seed % 5) + 1]])]]);
const plain = (postings: Postings | undefined) =>
  postings ? [...postings].map(([field, docs]) => [field, [...docs]]) : undefined;

/** A SearchableMap of the terms, and the same map restored from its flattened, packed snapshot. */
function bothMaps(terms: string[]) {
  const original = new SearchableMap<Postings>();
  terms.forEach((term, i) => original.set(term, postingsOf(i)));
  const { tree, packed } = packPostings((original as unknown as { _tree: Tree })._tree);
  const grown = new SearchableMap<Postings>(growTree(flattenTree(tree as PlacedTree), packed) as never);
  return { original, grown };
}

const termsArbitrary = fc.uniqueArray(fc.stringMatching(/^[a-e]{1,7}$/), { minLength: 1, maxLength: 60 });

describe('the search tree, flattened for a snapshot and grown back as searches walk it', () => {
  test('finds every term, prefix and near spelling the original finds', () => {
    fc.assert(
      fc.property(termsArbitrary, fc.stringMatching(/^[a-e]{1,7}$/), (terms, query) => {
        const { original, grown } = bothMaps(terms);
        for (const term of terms) expect(plain(grown.get(term))).toEqual(plain(original.get(term)));
        expect(grown.has(query)).toBe(original.has(query));
        expect([...grown.atPrefix(query.slice(0, 2)).keys()].sort()).toEqual(
          [...original.atPrefix(query.slice(0, 2)).keys()].sort(),
        );
        const near = (map: SearchableMap<Postings>) =>
          [...map.fuzzyGet(query, 2)].map(([term, [, distance]]) => `${term}:${distance}`).sort();
        expect(near(grown)).toEqual(near(original));
      }),
      { numRuns: 300 },
    );
  });

  test('takes additions and removals like the original, before and after it is searched', () => {
    fc.assert(
      fc.property(
        termsArbitrary,
        fc.array(fc.tuple(fc.boolean(), fc.stringMatching(/^[a-e]{1,7}$/)), { maxLength: 20 }),
        (terms, changes) => {
          const { original, grown } = bothMaps(terms);
          grown.fuzzyGet(terms[0]!, 1);
          changes.forEach(([add, term], i) => {
            for (const map of [original, grown]) {
              if (add) map.set(term, postingsOf(1000 + i));
              else map.delete(term);
            }
          });
          const all = (map: SearchableMap<Postings>) =>
            [...map.entries()].map(([term, postings]) => [term, plain(postings)]).sort();
          expect(all(grown)).toEqual(all(original));
        },
      ),
      { numRuns: 300 },
    );
  });
});
