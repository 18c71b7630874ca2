import { MapOnDemand } from './map-on-demand.js';
import { PostingsOnDemand, type PackedNumbers, type Postings } from './search-postings.js';

/**
 * The radix tree of a MiniSearch index (a Map per node: key part → child node, '' → the term's postings),
 * flattened into arrays for a snapshot and grown back node by node as searches walk it. A 2,000-topic pack
 * has some 11,000 nodes; restoring them all as Maps cost V8's deserializer about 6 ms and the garbage
 * collector more, while a query visits a fraction of them.
 */

/** A tree whose leaves are places in the packed postings (see packPostings). */
export type PlacedTree = Map<string, PlacedTree | number>;

/**
 * Node n's children are entries first[n] … first[n] + count[n] - 1 of `keys` and `refs`. A child under key
 * '' is the term's postings, and its ref is their place in the packed postings; any other child is a node,
 * and its ref is that node's number. Node 0 is the root.
 */
export interface FlatTree {
  keys: string[];
  refs: Int32Array;
  first: Int32Array;
  count: Int32Array;
}

export function flattenTree(root: PlacedTree): FlatTree {
  const keys: string[] = [];
  const refs: number[] = [];
  const first: number[] = [];
  const count: number[] = [];
  const nodes: PlacedTree[] = [root];
  for (let n = 0; n < nodes.length; n++) {
    const node = nodes[n]!;
    first.push(keys.length);
    count.push(node.size);
    node.forEach((child, key) => {
      keys.push(key);
      if (typeof child === 'number') refs.push(child);
      else refs.push(nodes.push(child) - 1);
    });
  }
  return { keys, refs: Int32Array.from(refs), first: Int32Array.from(first), count: Int32Array.from(count) };
}

/** Whether a deserialized value is a FlatTree (typed arrays by tag: under a test runner, of another realm). */
export function isFlatTree(value: unknown): value is FlatTree {
  const tree = value as FlatTree | undefined;
  const isInt32 = (array: unknown) => Object.prototype.toString.call(array) === '[object Int32Array]';
  return (
    Array.isArray(tree?.keys) &&
    isInt32(tree?.refs) &&
    isInt32(tree?.first) &&
    isInt32(tree?.count) &&
    tree!.first.length > 0
  );
}

type Node = Map<string, Node | Postings>;

/** The root of the tree again, its nodes and postings made the first time a search or an update reaches them. */
export function growTree(flat: FlatTree, packed: PackedNumbers): Node {
  return new NodeOnDemand(flat, packed, 0);
}

/**
 * A node read straight from the flat arrays while a search only looks (keys, get, has, size: all a query
 * asks), its children made as they are reached; anything else (an update, a walk over values) makes it a
 * Map of its children once (see MapOnDemand).
 */
class NodeOnDemand extends MapOnDemand<string, Node | Postings> {
  readonly #flat: FlatTree;
  readonly #packed: PackedNumbers;
  readonly #first: number;
  readonly #end: number;
  #children: (Node | Postings | undefined)[] | undefined;

  constructor(flat: FlatTree, packed: PackedNumbers, node: number) {
    super();
    this.#flat = flat;
    this.#packed = packed;
    this.#first = flat.first[node]!;
    this.#end = this.#first + flat.count[node]!;
  }

  /** The child at entry i of the flat arrays, made on first use. */
  #child(i: number): Node | Postings {
    const children = (this.#children ??= []);
    const ref = this.#flat.refs[i]!;
    return (children[i - this.#first] ??=
      this.#flat.keys[i] === ''
        ? new PostingsOnDemand(this.#packed, ref)
        : new NodeOnDemand(this.#flat, this.#packed, ref));
  }

  #find(key: string): number {
    const { keys } = this.#flat;
    for (let i = this.#first; i < this.#end; i++) if (keys[i] === key) return i;
    return -1;
  }

  protected make(): Map<string, Node | Postings> {
    const map = new Map<string, Node | Postings>();
    for (let i = this.#first; i < this.#end; i++) map.set(this.#flat.keys[i]!, this.#child(i));
    return map;
  }

  override get size() {
    return this.madeMap ? this.madeMap.size : this.#end - this.#first;
  }
  override get(key: string) {
    if (this.madeMap) return this.madeMap.get(key);
    const i = this.#find(key);
    return i < 0 ? undefined : this.#child(i);
  }
  override has(key: string) {
    return this.madeMap ? this.madeMap.has(key) : this.#find(key) >= 0;
  }
  override keys() {
    return this.madeMap ? this.madeMap.keys() : this.#flat.keys.slice(this.#first, this.#end)[Symbol.iterator]();
  }
}
