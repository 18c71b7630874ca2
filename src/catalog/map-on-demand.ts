/**
 * A Map made the first time it is needed, from data kept more compactly until then (subclasses say how, in
 * make()), and acting as that Map from then on. MiniSearch reads, adds to and deletes from these where it
 * uses the Maps it makes itself (it never asks instanceof). Not a Map subclass: a subclass would build an
 * empty Map for each of a large index's thousands of objects at every start, which cost more than the rest.
 */
export abstract class MapOnDemand<K, V> implements Map<K, V> {
  #map: Map<K, V> | undefined;

  protected abstract make(): Map<K, V>;

  /** The Map, once made; a subclass that can answer some questions without it looks here first. */
  protected get madeMap(): Map<K, V> | undefined {
    return this.#map;
  }

  protected map(): Map<K, V> {
    return (this.#map ??= this.make());
  }

  get size() {
    return this.map().size;
  }
  get(key: K) {
    return this.map().get(key);
  }
  has(key: K) {
    return this.map().has(key);
  }
  set(key: K, value: V) {
    this.map().set(key, value);
    return this;
  }
  delete(key: K) {
    return this.map().delete(key);
  }
  clear() {
    this.map().clear();
  }
  forEach(callback: (value: V, key: K, map: Map<K, V>) => void, thisArg?: unknown) {
    this.map().forEach((value, key) => callback.call(thisArg, value, key, this));
  }
  keys() {
    return this.map().keys();
  }
  values() {
    return this.map().values();
  }
  entries() {
    return this.map().entries();
  }
  [Symbol.iterator]() {
    return this.map()[Symbol.iterator]();
  }
  get [Symbol.toStringTag]() {
    return 'Map';
  }
}
