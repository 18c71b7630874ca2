import { MapOnDemand } from './map-on-demand.js';

/**
 * The posting lists of a MiniSearch index (for each term: field → document → count) packed into one
 * array of numbers for a snapshot, and unpacked term by term, only when a search or an update touches the
 * term. A 2,000-topic pack has some 66,000 postings in 5,000 small Maps; restoring them as Maps cost V8's
 * deserializer and the garbage collector about 60 ms, while a query reads a handful of terms.
 */

/** A term's postings: field id → document short id → how often the term occurs there. */
export type Postings = Map<number, Map<number, number>>;

/** The packed numbers: two bytes each when all fit, else four. */
export type PackedNumbers = Uint16Array | Uint32Array;

/** Whether a deserialized value is packed numbers (by tag: under a test runner's sandbox, another realm's). */
export const isPackedNumbers = (value: unknown): value is PackedNumbers =>
  ['[object Uint16Array]', '[object Uint32Array]'].includes(Object.prototype.toString.call(value));

/** The radix tree of a SearchableMap: a child node per key part, and a term's postings under ''. */
type Tree = Map<string, Tree | Postings | number>;

/**
 * The tree with each term's postings replaced by where they start in `packed`:
 * [number of fields, then per field: field id, number of documents, then document id, count, …].
 */
export function packPostings(tree: Tree): { tree: Tree; packed: PackedNumbers } {
  const numbers: number[] = [];
  const pack = (node: Tree): Tree => {
    const copy: Tree = new Map();
    node.forEach((child, key) => {
      if (key !== '') {
        copy.set(key, pack(child as Tree));
        return;
      }
      copy.set('', numbers.length);
      const postings = child as Postings;
      numbers.push(postings.size);
      postings.forEach((documents, field) => {
        numbers.push(field, documents.size);
        documents.forEach((count, document) => numbers.push(document, count));
      });
    });
    return copy;
  };
  const packedTree = pack(tree);
  // Two bytes a number while every id and count fits (below 65,536 topics), which halves what is read.
  const largest = numbers.reduce((a, b) => (b > a ? b : a), 0);
  return { tree: packedTree, packed: largest < 0x10000 ? Uint16Array.from(numbers) : Uint32Array.from(numbers) };
}

/** A term's postings that unpack themselves from the packed numbers the first time they are used in any way. */
export class PostingsOnDemand extends MapOnDemand<number, Map<number, number>> {
  readonly #packed: PackedNumbers;
  readonly #start: number;

  constructor(packed: PackedNumbers, start: number) {
    super();
    this.#packed = packed;
    this.#start = start;
  }

  protected make(): Map<number, Map<number, number>> {
    const packed = this.#packed;
    const map = new Map<number, Map<number, number>>();
    let at = this.#start;
    const fields = packed[at++]!;
    for (let f = 0; f < fields; f++) {
      const field = packed[at++]!;
      const count = packed[at++]!;
      const documents = new Map<number, number>();
      for (let d = 0; d < count; d++, at += 2) documents.set(packed[at]!, packed[at + 1]!);
      map.set(field, documents);
    }
    return map;
  }
}
