import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { packPostings, type Postings } from '../../src/catalog/search-postings.js';
import { flattenTree, growTree, type PlacedTree } from '../../src/catalog/search-tree.js';

type Tree = Parameters<typeof packPostings>[0];

/** A radix tree of terms, each with its postings (field → document → count). */
const treeArbitrary = (largest: number) =>
  fc
    .dictionary(
      fc.stringMatching(/^[a-z]{1,6}$/),
      fc.dictionary(
        fc.integer({ min: 0, max: 4 }).map(String),
        fc.dictionary(fc.integer({ min: 0, max: largest }).map(String), fc.integer({ min: 1, max: largest }), {
          minKeys: 1,
          maxKeys: 5,
        }),
        { minKeys: 1, maxKeys: 3 },
      ),
      { minKeys: 1, maxKeys: 20 },
    )
    .map((terms) => {
      const tree: Tree = new Map();
      for (const [term, fields] of Object.entries(terms)) {
        const postings: Postings = new Map(
          Object.entries(fields).map(([field, docs]) => [
            Number(field),
            new Map(Object.entries(docs).map(([doc, count]) => [Number(doc), count])),
          ]),
        );
        tree.set(term, new Map([['', postings]]));
      }
      return tree;
    });

const plain = (tree: Tree) =>
  [...tree].map(([term, node]) => [
    term,
    [...((node as Tree).get('') as Postings)].map(([field, docs]) => [field, [...docs]]),
  ]);

describe('posting lists packed for a search snapshot', () => {
  test.each([
    ['two bytes a number while every value fits', 60_000],
    ['four bytes a number past 65,535', 200_000],
  ])('unpack to exactly what was packed: %s', (_, largest) => {
    fc.assert(
      fc.property(treeArbitrary(largest), (tree) => {
        const { tree: packedTree, packed } = packPostings(tree);
        expect(packed).toBeInstanceOf([...packed].some((n) => n > 0xffff) ? Uint32Array : Uint16Array);
        expect(plain(growTree(flattenTree(packedTree as PlacedTree), packed) as Tree)).toEqual(plain(tree));
      }),
      { numRuns: 200 },
    );
  });

  test('a term unpacks when first touched, and then takes changes like any Map', () => {
    const tree: Tree = new Map([['kvm', new Map([['', new Map([[0, new Map([[7, 2]])]]) as Postings]])]]);
    const { tree: packedTree, packed } = packPostings(tree);
    const grown = growTree(flattenTree(packedTree as PlacedTree), packed) as Tree;
    const postings = (grown.get('kvm') as Tree).get('') as Postings;
    expect(postings.size).toBe(1);
    postings.get(0)!.set(9, 1);
    postings.set(3, new Map([[9, 4]]));
    postings.delete(0);
    expect([...postings.keys()]).toEqual([3]);
  });
});
