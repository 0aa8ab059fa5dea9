/**
 * A read-only map built on first use. The license indexes (aliases, SPDX spellings, named AI
 * licenses) take milliseconds to build each; a server or a command line that checks canonical
 * ids never needs some of them, and none is needed before the first document arrives.
 */
export function lazyMap<K, V>(build: () => ReadonlyMap<K, V>): ReadonlyMap<K, V> {
  let built: ReadonlyMap<K, V> | undefined;
  const map = () => (built ??= build());
  return {
    get: (key) => map().get(key),
    has: (key) => map().has(key),
    get size() {
      return map().size;
    },
    forEach: (callback, thisArg) => map().forEach(callback, thisArg),
    keys: () => map().keys(),
    values: () => map().values(),
    entries: () => map().entries(),
    [Symbol.iterator]: () => map()[Symbol.iterator](),
  };
}
