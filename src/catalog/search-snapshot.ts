import type MiniSearch from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import { deserialize, serialize } from 'node:v8';
import { isPackedNumbers, packPostings, type PackedNumbers } from './search-postings.js';
import { flattenTree, growTree, isFlatTree, type FlatTree, type PlacedTree } from './search-tree.js';

/**
 * Saving and restoring a MiniSearch index with Node's structured serialization (node:v8) instead of
 * MiniSearch's JSON. The index is Maps within Maps: from JSON, MiniSearch rebuilds every one of them in
 * JavaScript (about 45 ms for the built-in guide in a freshly started Node), while V8 restores them
 * natively (about 14 ms). MiniSearch offers no way to restore an index but JSON, so this reads and sets the
 * same fields as its own loadJS; test/catalog/search-snapshot.test.ts holds a restored index to the original,
 * result by result, so a MiniSearch update that changes them fails the tests rather than search.
 */
interface MiniSearchState {
  _index: SearchableMap<Map<number, Map<number, number>>>;
  _documentIds: Map<number, unknown>;
  _idToShortId: Map<unknown, number>;
  _fieldLength: Map<number, number[]>;
  _storedFields: Map<number, Record<string, unknown>>;
  _documentCount: number;
  _nextId: number;
  _fieldIds: Record<string, number>;
  _avgFieldLength: number[];
  _dirtCount: number;
}

interface Snapshot {
  format: typeof FORMAT;
  /** What the index was made from, when its user needs to tell (see createCachedSearchIndex). */
  label: string;
  /** The radix tree of terms, flattened, with each term's postings as a place in `postings` (see search-tree.ts). */
  tree: FlatTree;
  postings: PackedNumbers;
  documentIds: Map<number, unknown>;
  fieldLength: Map<number, number[]>;
  storedFields: Map<number, Record<string, unknown>>;
  documentCount: number;
  nextId: number;
  fieldIds: Record<string, number>;
  avgFieldLength: number[];
  dirtCount: number;
}

const FORMAT = 'virt search snapshot 5 (minisearch 7)';

const stateOf = (index: MiniSearch<never> | MiniSearch<unknown>) => index as unknown as MiniSearchState;

export function snapshotSearchIndex<T>(index: MiniSearch<T>, label = ''): Buffer {
  const state = stateOf(index as MiniSearch<unknown>);
  const { tree, packed } = packPostings(
    (state._index as unknown as { _tree: Parameters<typeof packPostings>[0] })._tree,
  );
  const snapshot: Snapshot = {
    format: FORMAT,
    label,
    tree: flattenTree(tree as PlacedTree),
    postings: packed,
    documentIds: state._documentIds,
    fieldLength: state._fieldLength,
    storedFields: state._storedFields,
    documentCount: state._documentCount,
    nextId: state._nextId,
    fieldIds: state._fieldIds,
    avgFieldLength: state._avgFieldLength,
    dirtCount: state._dirtCount,
  };
  return serialize(snapshot);
}

/**
 * The index saved by snapshotSearchIndex, on a new MiniSearch made with `create` (which must give the
 * options it was saved with); undefined when the bytes are not such a snapshot, or not one with this
 * label, so the caller indexes again.
 */
export function restoreSearchIndex<T>(
  bytes: Uint8Array,
  create: () => MiniSearch<T>,
  label = '',
): MiniSearch<T> | undefined {
  let snapshot: Snapshot;
  try {
    snapshot = deserialize(bytes) as Snapshot;
  } catch {
    return undefined;
  }
  // Checked by tag, not instanceof: under a test runner's sandbox, deserialize makes Maps of another realm.
  const isMap = (value: unknown) => Object.prototype.toString.call(value) === '[object Map]';
  if (
    snapshot?.format !== FORMAT ||
    snapshot.label !== label ||
    !isFlatTree(snapshot.tree) ||
    !isMap(snapshot.documentIds) ||
    !isMap(snapshot.fieldLength)
  )
    return undefined;
  if (!isPackedNumbers(snapshot.postings)) return undefined;
  const index = create();
  const state = stateOf(index as MiniSearch<unknown>);
  state._index = new SearchableMap(growTree(snapshot.tree, snapshot.postings) as never);
  state._documentIds = snapshot.documentIds;
  const idToShortId = new Map<unknown, number>();
  snapshot.documentIds.forEach((id, shortId) => idToShortId.set(id, shortId));
  state._idToShortId = idToShortId;
  state._fieldLength = snapshot.fieldLength;
  state._storedFields = snapshot.storedFields;
  state._documentCount = snapshot.documentCount;
  state._nextId = snapshot.nextId;
  state._fieldIds = snapshot.fieldIds;
  state._avgFieldLength = snapshot.avgFieldLength;
  state._dirtCount = snapshot.dirtCount;
  return index;
}
